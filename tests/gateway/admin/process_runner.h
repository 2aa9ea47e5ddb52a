#pragma once

// Runs a program to its end and captures its exit code, stdout and stderr: the gatewayctl tests'
// form of test_support::runProcess (tests/support), with a "cannot start" error instead of a throw.

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
