#pragma once

// Runs the fix-load executable with arguments, stdin from /dev/null, output captured in
// `workDir`/stdout.txt and stderr.txt, and waits for it (killing it when the timeout passes). Also:
// a free TCP port and a temporary folder. The process and port helpers are tests/support's.

#include <chrono>
#include <string>
#include <vector>

#include "tests/support/child_process.h"
#include "tests/support/free_port.h"

namespace fix_load_test {

using test_support::ProcessResult;
using test_support::findFreePort;
using test_support::readFile;

ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& workDir, std::chrono::milliseconds timeout);

// A new empty folder under the system's temporary folder.
std::string makeTempDir();

}  // namespace fix_load_test
