#include "tests/tools/calllog/run_calllog.h"

#include "tests/support/child_process.h"

namespace calllog_test {

CalllogRun runCalllog(const std::vector<std::string>& args, const std::string& workDir) {
  // No timeout: calllog is waited for as long as it runs.
  const test_support::ProcessResult result = test_support::runProcess(
      CALLLOG_EXECUTABLE, args, workDir + "/calllog.out", workDir + "/calllog.err");
  CalllogRun run;
  run.exitCode = result.exitCode;
  run.out = result.out;
  run.err = result.err;
  return run;
}

}  // namespace calllog_test
