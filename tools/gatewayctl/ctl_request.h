#pragma once

// What each gatewayctl command sends: the method, the path and the JSON body.

#include <optional>
#include <string>

#include "tools/gatewayctl/ctl_options.h"

namespace gatewayctl {

struct CtlRequest {
  std::string method;  // "GET" or "POST"
  std::string target;  // "/accounts/ACC1/deposits" (the account percent-encoded)
  std::string body;    // JSON for a POST; empty for a GET
};

// Null with `error` when the command is unknown, has the wrong number of arguments, or carries an
// option that belongs to another command (--reason on deposit).
std::optional<CtlRequest> buildRequest(const CtlOptions& options, std::string& error);

}  // namespace gatewayctl
