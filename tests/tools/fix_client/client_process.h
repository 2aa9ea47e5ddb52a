#pragma once

// Runs the fix-client executable with arguments, stdin from /dev/null, and waits for it with a
// timeout (killing it when the timeout passes). Output is captured through `workDir`/stdout.txt and
// stderr.txt. The process runner is tests/support's.

#include <chrono>
#include <string>
#include <vector>

#include "tests/support/child_process.h"

namespace fix_client_test {

using test_support::ProcessResult;

ProcessResult runClient(const std::string& executable, const std::vector<std::string>& args,
                        const std::string& workDir, std::chrono::milliseconds timeout);

}  // namespace fix_client_test
