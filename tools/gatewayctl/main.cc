// gatewayctl: the risk gateway's admin command line. Talks to the admin HTTP server
// (gateway/admin) on the gateway's host; see tools/gatewayctl/README.md.

#include <iostream>
#include <string>

#include "tools/gatewayctl/ctl_options.h"
#include "tools/gatewayctl/ctl_runner.h"
#include "tools/gatewayctl/exit_codes.h"

int main(int argc, char** argv) {
  using namespace gatewayctl;
  CtlOptions options;
  std::string error;
  switch (parseCtlOptions(argc, argv, options, std::cout, error)) {
    case OptionsStatus::kHelp:
      return kExitOk;
    case OptionsStatus::kError:
      std::cerr << "gatewayctl: " << error << "\n(gatewayctl --help lists the commands and options)\n";
      return kExitUsage;
    case OptionsStatus::kRun:
      break;
  }
  return runCtl(options, std::cout, std::cerr);
}
