#pragma once

// What the gateway core sends. Implemented by the FIX side; called from the core's risk thread only.
// Each call returns false when the message could not be handed to a logged-on session (it is then
// not sent; the core decides what that means).

#include <string>
#include <vector>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace bridge {

class Outbox {
 public:
  virtual ~Outbox() = default;

  virtual bool sendToClient(const ExecutionReportOut& report) = 0;
  virtual bool sendToClient(const OrderCancelRejectOut& reject) = 0;
  virtual bool sendToClient(const CollateralRequestOut& call) = 0;
  virtual bool sendToClient(const CollateralReportOut& report) = 0;
  virtual bool sendToClient(const CollateralInquiryAckOut& ack) = 0;
  virtual bool sendToClient(const CollateralResponseOut& response) = 0;
  virtual bool sendToClient(const PositionRequestAckOut& ack) = 0;
  virtual bool sendToClient(const PositionReportOut& report) = 0;

  virtual bool sendToVenue(const VenueNewOrderOut& order) = 0;
  virtual bool sendToVenue(const VenueCancelOut& cancel) = 0;
  virtual bool sendToVenue(const VenueReplaceOut& replace) = 0;

  // MarketDataRequest (V), SubscriptionRequestType=1, on the market-data session.
  virtual bool subscribeMarketData(const std::vector<std::string>& symbols) = 0;
};

}  // namespace bridge
}  // namespace gateway
