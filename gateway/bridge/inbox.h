#pragma once

// What the FIX side hands to the gateway core. Implemented by the core, which queues each call for
// its risk thread and returns at once: safe to call from any QuickFIX thread.

#include <cstddef>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace bridge {

class Inbox {
 public:
  virtual ~Inbox() = default;

  virtual void onClientNewOrder(const ClientNewOrder& order) = 0;
  virtual void onClientCancel(const ClientCancel& cancel) = 0;
  virtual void onClientReplace(const ClientReplace& replace) = 0;
  virtual void onClientSession(SessionIndex session, bool loggedOn) = 0;
  virtual void onClientCollateralInquiry(const ClientCollateralInquiry& inquiry) = 0;
  virtual void onClientCollateralAssignment(const ClientCollateralAssignment& assignment) = 0;
  virtual void onClientPositionRequest(const ClientPositionRequest& request) = 0;

  virtual void onVenueExecution(const VenueExecution& report) = 0;
  virtual void onVenueCancelReject(const VenueCancelReject& reject) = 0;
  virtual void onVenueMessageReject(const VenueMessageReject& reject) = 0;
  virtual void onVenueSession(bool loggedOn) = 0;

  virtual void onMarketData(const MarketDataUpdate& update) = 0;
  virtual void onMarketDataSession(bool loggedOn) = 0;

  // Admission control: the inputs waiting for the core, and the limit (0: none).
  virtual std::size_t inputsWaiting() const { return 0; }
  virtual std::size_t inputsWaitingLimit() const { return 0; }
  // True while the core is too far behind to take another new order: the FIX side then refuses a
  // NewOrderSingle itself (GATEWAY_BUSY) instead of queueing it. Everything else is always taken:
  // cancels, replaces, collateral messages, venue reports and market data.
  bool refusesNewOrders() const {
    const std::size_t limit = inputsWaitingLimit();
    return limit != 0 && inputsWaiting() >= limit;
  }
};

}  // namespace bridge
}  // namespace gateway
