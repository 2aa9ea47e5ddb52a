#pragma once

// Runs the fix-client executable with arguments, stdin from /dev/null, and waits for it with a
// timeout (killing it when the timeout passes). Output is captured through files.

#include <chrono>
#include <string>
#include <vector>

namespace fix_client_test {

struct ProcessResult {
  bool finished = false;  // false: killed at the timeout
  int exitCode = -1;
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
};

// `workDir` holds the captured output files.
ProcessResult runClient(const std::string& executable, const std::vector<std::string>& args,
                        const std::string& workDir, std::chrono::milliseconds timeout);

}  // namespace fix_client_test
