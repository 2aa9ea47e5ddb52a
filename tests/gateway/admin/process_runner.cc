#include "tests/gateway/admin/process_runner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <exception>

#include "tests/support/child_process.h"

namespace gateway::testing {

ProcessResult runProcess(const std::vector<std::string>& arguments) {
  ProcessResult result;
  if (arguments.empty()) return result;
  static int runs = 0;
  const std::string base =
      ::testing::TempDir() + "admin-test-" + std::to_string(::getpid()) + "-" + std::to_string(++runs);
  try {
    const test_support::ProcessResult ran = test_support::runProcess(
        arguments[0], std::vector<std::string>(arguments.begin() + 1, arguments.end()), base + ".out",
        base + ".err");
    result.exitCode = ran.exitCode;
    result.out = ran.out;
    result.err = ran.err;
  } catch (const std::exception&) {
    result.err = "cannot start " + arguments[0];
  }
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return result;
}

}  // namespace gateway::testing
