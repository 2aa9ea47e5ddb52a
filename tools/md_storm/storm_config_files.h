#pragma once

// The two files risk-gateway runs with in a storm: its QuickFIX settings (one client session and
// the venue session, both pointed at md-storm) and the risk configuration of the storm's model.
// C++14-clean, no QuickFIX.

#include <string>

#include "tools/md_storm/storm_model.h"

namespace md_storm {

// The comp ids and credentials both sides agree on.
constexpr char kGatewayCompId[] = "BROKER";
constexpr char kClientCompId[] = "CLIENT1";
constexpr char kVenueCompId[] = "VENUE";
constexpr char kGatewayVenueCompId[] = "GATEWAY";
constexpr char kClientPassword[] = "storm-password";

struct SessionPlan {
  int clientPort = 0;      // the gateway listens here for the client session
  int venuePort = 0;       // md-storm's venue listens here
  std::string dictionary;  // absolute path of fix-config/FIX44-gateway.xml
};

std::string gatewaySettingsText(const SessionPlan& plan, const StormModel& model);
std::string riskConfigText(const StormModel& model);

}  // namespace md_storm
