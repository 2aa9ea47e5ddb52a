#pragma once

// What the FIX side hands to the gateway core. Implemented by the core, which queues each call for
// its risk thread and returns at once: safe to call from any QuickFIX thread.

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
};

}  // namespace bridge
}  // namespace gateway
