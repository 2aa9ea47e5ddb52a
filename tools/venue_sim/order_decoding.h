#pragma once

// Turns inbound order messages into the matching engine's requests. Prices and quantities are read
// from the fields' text with parseFixDecimal; never through QuickFIX's double accessors.
// A missing required field throws FIX::FieldNotFound (QuickFIX answers it with a reject);
// values the venue does not support become a reject reason inside the request.

#include <quickfix/Message.h>

#include "tools/venue_sim/venue_order.h"

namespace venue_sim {

NewOrderRequest decodeNewOrder(const FIX::Message& message);
CancelRequest decodeCancel(const FIX::Message& message);
ReplaceRequest decodeReplace(const FIX::Message& message);

}  // namespace venue_sim
