#include "tests/tools/fix_client/client_process.h"

namespace fix_client_test {

ProcessResult runClient(const std::string& executable, const std::vector<std::string>& args,
                        const std::string& workDir, std::chrono::milliseconds timeout) {
  return test_support::runProcess(executable, args, workDir + "/stdout.txt", workDir + "/stderr.txt", timeout);
}

}  // namespace fix_client_test
