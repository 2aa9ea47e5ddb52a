#pragma once

// Picks the client-session messages the compliance record keeps raw (CollateralRequest AX,
// CollateralAssignment AY, CollateralResponse AZ, CollateralReport BA, and the ExecutionReports of
// liquidation orders) and hands each, as on the wire, to a bridge::MessageTap.

#include <quickfix/Message.h>
#include <quickfix/SessionID.h>

#include "gateway/bridge/message_tap.h"

namespace gateway {
namespace fix {

void tapIfAboutACall(const FIX::Message& message, const FIX::SessionID& id, bool outbound, bridge::MessageTap& tap);

}  // namespace fix
}  // namespace gateway
