#pragma once

// How the admin HTTP server is configured. The server always listens on 127.0.0.1 (loopback only).

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace gateway::admin {

// The admin port risk-gateway and gatewayctl use when none is given.
constexpr unsigned short kDefaultAdminPort = 9180;

// Receives one line per request: `ADMIN <user> <method> <path> -> <status>`. Called on the server's
// thread; the callee must be safe to call from it (spdlog's loggers are).
using RequestLogger = std::function<void(std::string_view line)>;

struct AdminServerOptions {
  // Non-empty: every request must carry `Authorization: Bearer <token>`, else 401.
  std::string token;
  RequestLogger requestLog;                       // empty: requests are not logged
  std::size_t maxBodyBytes = 64 * 1024;           // a larger body is refused with 413
  std::chrono::milliseconds idleTimeout{30'000};  // a connection silent this long is closed
};

}  // namespace gateway::admin
