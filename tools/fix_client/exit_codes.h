#pragma once

// fix-client's exit codes (documented in README.md). C++14-clean.

namespace fix_client {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;      // bad command-line arguments or a bad script line
constexpr int kExitLogonFailed = 3;   // no logon (refused, timed out) or the session was lost
constexpr int kExitExpectTimedOut = 4;

}  // namespace fix_client
