#pragma once

// An Inbox for tests of the core's end of batch: it keeps what the BatchCommitter hands back (venue
// messages that could not be sent) and ignores the rest.

#include <vector>

#include "gateway/bridge/inbox.h"

namespace gateway::testing {

class RefusalInbox final : public bridge::Inbox {
 public:
  void onClientNewOrder(const bridge::ClientNewOrder&) override {}
  void onClientCancel(const bridge::ClientCancel&) override {}
  void onClientReplace(const bridge::ClientReplace&) override {}
  void onClientSession(bridge::SessionIndex, bool) override {}
  void onClientCollateralInquiry(const bridge::ClientCollateralInquiry&) override {}
  void onClientCollateralAssignment(const bridge::ClientCollateralAssignment&) override {}
  void onClientPositionRequest(const bridge::ClientPositionRequest&) override {}
  void onVenueExecution(const bridge::VenueExecution&) override {}
  void onVenueCancelReject(const bridge::VenueCancelReject&) override {}
  void onVenueMessageReject(const bridge::VenueMessageReject& reject) override { refused.push_back(reject); }
  void onVenueSession(bool) override {}
  void onMarketData(const bridge::MarketDataUpdate&) override {}
  void onMarketDataSession(bool) override {}

  std::vector<bridge::VenueMessageReject> refused;
};

}  // namespace gateway::testing
