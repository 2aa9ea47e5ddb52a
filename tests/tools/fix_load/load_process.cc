#include "tests/tools/fix_load/load_process.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace fix_load_test {

ProcessResult runProcess(const std::string& executable, const std::vector<std::string>& args,
                         const std::string& workDir, std::chrono::milliseconds timeout) {
  return test_support::runProcess(executable, args, workDir + "/stdout.txt", workDir + "/stderr.txt", timeout);
}

std::string makeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "fix_load_test_XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace fix_load_test
