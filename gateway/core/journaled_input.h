#pragma once

// Every input that changes the gateway core's state, as plain data: what the risk thread journals
// before its effects leave the process, and what it replays after a restart to rebuild positions,
// cash, open orders, marks, calls and routing exactly as they were (the core is deterministic).

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "gateway/bridge/messages.h"
#include "gateway/core/gateway_input.h"

namespace gateway::core {

// A broker's action through the admin interface (or a configuration applied at start-up).
struct AdminInput {
  std::string action;      // "deposit", "withdrawal", "halt", "resume", "reload"
  std::string account;
  std::int64_t amount = 0;  // deposit, withdrawal: 1e-8 counts
  std::string reference;   // deposit, withdrawal
  std::string reason;      // halt
  std::string user;        // who asked
  std::string configText;  // reload: the risk configuration's TOML text
};

// The core's periodic timer (call deadlines, liquidation retries).
struct TimerInput {};

// The store could not be written (false) or can be again (true).
struct StoreStatusInput {
  bool available = true;
};

// The first journal record: the risk configuration the core started from, and the client sessions
// by index (a restart must find them at the same indices).
struct GenesisInput {
  std::string configText;
  std::vector<std::string> sessions;
};

using JournaledInput =
    std::variant<bridge::ClientNewOrder, bridge::ClientCancel, bridge::ClientReplace, ClientSessionEvent,
                 bridge::VenueExecution, bridge::VenueCancelReject, bridge::VenueMessageReject, VenueSessionEvent,
                 bridge::MarketDataUpdate, MarketDataSessionEvent, bridge::ClientCollateralInquiry,
                 bridge::ClientCollateralAssignment, bridge::ClientPositionRequest, AdminInput, TimerInput,
                 StoreStatusInput, GenesisInput>;

}  // namespace gateway::core
