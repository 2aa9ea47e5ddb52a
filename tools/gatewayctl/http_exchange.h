#pragma once

// One HTTP/1.1 request and its answer over a new connection (Boost.Beast), within a time limit.

#include <chrono>
#include <string>

#include "tools/gatewayctl/ctl_request.h"

namespace gatewayctl {

struct HttpTarget {
  std::string host;
  int port = 0;
  std::string user;   // X-Admin-User
  std::string token;  // empty: no Authorization header
  std::chrono::seconds timeout{10};
};

enum class ExchangeOutcome {
  kAnswered,      // `status` and `body` hold the answer
  kNoConnection,  // the host did not resolve, refused, or did not accept within the time limit
  kFailed,        // connected, but the answer did not come (timeout, reset, not HTTP)
};

struct ExchangeResult {
  ExchangeOutcome outcome = ExchangeOutcome::kFailed;
  int status = 0;
  std::string body;
  std::string error;  // kNoConnection, kFailed: what went wrong, naming host:port
};

ExchangeResult exchange(const HttpTarget& target, const CtlRequest& request);

}  // namespace gatewayctl
