#pragma once

// The two files risk-gateway runs with in a storm: its QuickFIX settings (one client session, a
// second one for the order flow when asked, and the venue session, all pointed at md-storm) and the risk configuration of the storm's model.
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
// The order flow's session (only with --order-rate > 0), entitled to the model's flowAccount.
constexpr char kFlowClientCompId[] = "CLIENT2";
constexpr char kFlowClientPassword[] = "flow-password";

struct SessionPlan {
  int clientPort = 0;      // the gateway listens here for the client session
  int venuePort = 0;       // md-storm's venue listens here
  std::string dictionary;  // absolute path of fix-config/FIX44-gateway.xml
  bool orderFlow = false;  // also the flow client's session (CLIENT2, entitled to ACC-FLOW)
};

std::string gatewaySettingsText(const SessionPlan& plan, const StormModel& model);
// With orderFlow, the flow account (flat, ample cash) is configured too.
std::string riskConfigText(const StormModel& model, bool orderFlow = false);

}  // namespace md_storm
