#pragma once

// How the risk core's denials read in FIX. OrdRejReason (103) on a refused NewOrderSingle;
// CxlRejReason (102) on a refused cancel or replace. The stable code itself travels in Text (58)
// as "CODE: name=value ..." and in RiskRejectCode (5006).

#include <string_view>

#include "gateway/bridge/order_rejection.h"
#include "risk/denial.h"

namespace gateway::core {

// Gateway-level denials that the risk core does not know about.
inline constexpr std::string_view kVenueUnavailable = "VENUE_UNAVAILABLE";
inline constexpr std::string_view kVenueRejected = "VENUE_REJECTED";

int ordRejReasonFor(risk::DenialCode code);
int cxlRejReasonFor(risk::DenialCode code);

// FIX 4.4 values used here.
inline constexpr int kOrdRejBrokerOption = 0;
inline constexpr int kOrdRejUnknownSymbol = 1;
inline constexpr int kOrdRejExceedsLimit = 3;
inline constexpr int kOrdRejUnknownOrder = 5;
inline constexpr int kOrdRejDuplicate = 6;
inline constexpr int kOrdRejIncorrectQuantity = 13;
inline constexpr int kOrdRejUnknownAccount = 15;
using bridge::kOrdRejOther;  // 99; the FIX side's GATEWAY_BUSY refusal uses it too
inline constexpr int kCxlRejTooLate = 0;
inline constexpr int kCxlRejUnknownOrder = 1;
inline constexpr int kCxlRejBrokerOption = 2;

}  // namespace gateway::core
