#pragma once

// The ExecutionReport that refuses a NewOrderSingle at the edge while the gateway is too far behind
// to take it (admission control, see core/risk_thread.h): ExecType and OrdStatus 8, OrdRejReason 99,
// RiskRejectCode GATEWAY_BUSY, and the numbers in Text.

#include <cstddef>
#include <string>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

constexpr const char* kGatewayBusy = "GATEWAY_BUSY";

bridge::ExecutionReportOut busyRejection(const bridge::ClientNewOrder& order, const std::string& execId,
                                         std::size_t waiting, std::size_t limit);

}  // namespace fix
}  // namespace gateway
