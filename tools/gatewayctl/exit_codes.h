#pragma once

// gatewayctl's exit codes (documented in README.md).

namespace gatewayctl {

constexpr int kExitOk = 0;
constexpr int kExitRefused = 1;        // the gateway answered with a 4xx (bad request, unknown account, 409 refused)
constexpr int kExitUsage = 2;          // bad command line
constexpr int kExitNoConnection = 3;   // cannot connect to host:port
constexpr int kExitGatewayFailed = 4;  // connected, but no usable answer: a 5xx, a timeout, not HTTP or not JSON

}  // namespace gatewayctl
