#pragma once

// Test support: runs a program as a child process (stdin from /dev/null, stdout and stderr captured
// in files) and waits for it, killing it when a timeout passes. C++14-clean: gnu++14 tests use it.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace test_support {

// No timeout: wait as long as the child runs.
constexpr std::chrono::milliseconds kNoTimeout = std::chrono::milliseconds::max();

struct ProcessResult {
  bool finished = false;  // false: killed at the timeout
  int exitCode = -1;      // -1: did not exit normally
  std::string out;        // what it wrote to stdout
  std::string err;        // what it wrote to stderr
  std::chrono::milliseconds elapsed{0};  // from the start to its end
};

// Runs `executable` with `args`; its stdout goes to `outPath` and its stderr to `errPath` (both
// truncated first), which are read back into the result once it has ended. Throws when it cannot
// start or be waited for.
ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& outPath, const std::string& errPath,
                         std::chrono::milliseconds timeout = kNoTimeout);

// Waits until child `pid` has exited, checking every few milliseconds; true with its wait status
// (see waitpid) when it did within `timeout`, false (the child left running) otherwise.
bool waitForExit(pid_t pid, std::chrono::milliseconds timeout, int& status);

// The whole content of a file ("" when it cannot be read).
std::string readFile(const std::string& path);

}  // namespace test_support
