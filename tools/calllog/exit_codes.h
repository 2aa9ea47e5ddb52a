#pragma once

// calllog's exit codes (documented in README.md).

namespace calllog {

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;  // verify found problems; show: no such call
constexpr int kExitUsage = 2;     // bad command line, or the database cannot be read
                                  // (missing, not a gateway database, unreadable)

}  // namespace calllog
