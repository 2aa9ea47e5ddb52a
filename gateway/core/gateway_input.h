#pragma once

// Everything the risk thread processes, in arrival order.

#include <variant>

#include "gateway/bridge/messages.h"

namespace gateway::core {

struct ClientSessionEvent {
  bridge::SessionIndex session = 0;
  bool loggedOn = false;
};
struct VenueSessionEvent {
  bool loggedOn = false;
};
struct MarketDataSessionEvent {
  bool loggedOn = false;
};

using GatewayInput =
    std::variant<bridge::ClientNewOrder, bridge::ClientCancel, bridge::ClientReplace, ClientSessionEvent,
                 bridge::VenueExecution, bridge::VenueCancelReject, bridge::VenueMessageReject, VenueSessionEvent,
                 bridge::MarketDataUpdate, MarketDataSessionEvent>;

}  // namespace gateway::core
