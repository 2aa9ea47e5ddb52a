#pragma once

// Runs a program to its end and captures its exit code, stdout and stderr (through temporary files).

#include <string>
#include <vector>

namespace gateway::testing {

struct ProcessResult {
  int exitCode = -1;  // -1: did not start or did not exit normally
  std::string out;
  std::string err;
};

ProcessResult runProcess(const std::vector<std::string>& arguments);

}  // namespace gateway::testing
