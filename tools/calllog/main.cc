// calllog: the compliance officer's tool. Lists, shows, exports and verifies the gateway's margin
// calls and audit trail, read-only; see tools/calllog/README.md.

#include <iostream>
#include <string>

#include "tools/calllog/calllog_options.h"
#include "tools/calllog/calllog_runner.h"
#include "tools/calllog/exit_codes.h"

int main(int argc, char** argv) {
  using namespace calllog;
  CalllogOptions options;
  std::string error;
  switch (parseCalllogOptions(argc, argv, options, std::cout, error)) {
    case OptionsStatus::kHelp:
      return kExitOk;
    case OptionsStatus::kError:
      std::cerr << "calllog: " << error << "\n(calllog --help lists the commands; calllog <command> --help "
                << "their options)\n";
      return kExitUsage;
    case OptionsStatus::kRun:
      break;
  }
  return runCalllog(options, std::cout, std::cerr);
}
