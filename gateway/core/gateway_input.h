#pragma once

// Everything the risk thread processes, in arrival order.

#include <functional>
#include <variant>

#include "gateway/bridge/messages.h"
#include "risk/time.h"

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

// Work handed to the risk thread by another thread (the admin interface); runs with the time.
struct RiskTask {
  std::function<void(risk::Timestamp)> run;
};

using GatewayInput =
    std::variant<bridge::ClientNewOrder, bridge::ClientCancel, bridge::ClientReplace, ClientSessionEvent,
                 bridge::VenueExecution, bridge::VenueCancelReject, bridge::VenueMessageReject, VenueSessionEvent,
                 bridge::MarketDataUpdate, MarketDataSessionEvent, bridge::ClientCollateralInquiry,
                 bridge::ClientCollateralAssignment, bridge::ClientPositionRequest, RiskTask>;

}  // namespace gateway::core
