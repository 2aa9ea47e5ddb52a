#pragma once

// Runs the fix-load executable with arguments, stdin from /dev/null, output captured in files of
// `workDir`, and waits for it (killing it when the timeout passes). Also: a free loopback port and
// a temporary folder.

#include <chrono>
#include <string>
#include <vector>

namespace fix_load_test {

struct ProcessResult {
  bool finished = false;  // false: killed at the timeout
  int exitCode = -1;
  std::string out;
  std::string err;
};

ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& workDir, std::chrono::milliseconds timeout);

// A TCP port that was free a moment ago (bind port 0 on loopback, read it, close).
int findFreePort();

// A new empty folder under the system's temporary folder.
std::string makeTempDir();

std::string readFile(const std::string& path);

}  // namespace fix_load_test
