#pragma once

// Runs the real calllog executable (CALLLOG_EXECUTABLE) with arguments, stdin from /dev/null, and
// returns its exit code and what it printed (captured through files in `workDir`), through
// tests/support's process runner.

#include <string>
#include <vector>

namespace calllog_test {

struct CalllogRun {
  int exitCode = -1;  // -1: did not exit normally
  std::string out;
  std::string err;
};

CalllogRun runCalllog(const std::vector<std::string>& args, const std::string& workDir);

}  // namespace calllog_test
