#pragma once

// Runs one gatewayctl command: builds the request, exchanges it with the gateway, prints the answer
// (readable, or the raw JSON with --json) and returns the exit code (exit_codes.h).

#include <ostream>

#include "tools/gatewayctl/ctl_options.h"

namespace gatewayctl {

int runCtl(const CtlOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gatewayctl
