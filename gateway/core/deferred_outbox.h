#pragma once

// The outbox the gateway core writes to: it keeps every message until the risk thread has committed
// the batch that decided it, then sends them in order. So a margin call is recorded before its
// CollateralRequest leaves, and an accepted order before it reaches the venue.
//
// Each send is taken (returns true); what the FIX side then cannot send is reported at flush: a
// venue message comes back to the core as a VenueMessageReject (the order is refused to its client
// and its margin released, as when the venue refuses it), a client message is logged NOT_DELIVERED.
// Market-data subscriptions are not business decisions: they go straight through.

#include <functional>
#include <variant>
#include <vector>

#include "gateway/bridge/messages.h"
#include "gateway/bridge/outbox.h"
#include "gateway/core/business_log.h"

namespace gateway::core {

class DeferredOutbox final : public bridge::Outbox {
 public:
  using VenueRefused = std::function<void(const bridge::VenueMessageReject&)>;

  explicit DeferredOutbox(bridge::Outbox& target) : target_(target) {}

  bool sendToClient(const bridge::ExecutionReportOut& report) override { return keep(report); }
  bool sendToClient(const bridge::OrderCancelRejectOut& reject) override { return keep(reject); }
  bool sendToClient(const bridge::CollateralRequestOut& call) override { return keep(call); }
  bool sendToClient(const bridge::CollateralReportOut& report) override { return keep(report); }
  bool sendToClient(const bridge::CollateralInquiryAckOut& ack) override { return keep(ack); }
  bool sendToClient(const bridge::CollateralResponseOut& response) override { return keep(response); }
  bool sendToClient(const bridge::PositionRequestAckOut& ack) override { return keep(ack); }
  bool sendToClient(const bridge::PositionReportOut& report) override { return keep(report); }
  bool sendToVenue(const bridge::VenueNewOrderOut& order) override { return keep(order); }
  bool sendToVenue(const bridge::VenueCancelOut& cancel) override { return keep(cancel); }
  bool sendToVenue(const bridge::VenueReplaceOut& replace) override { return keep(replace); }
  bool subscribeMarketData(const std::vector<std::string>& symbols) override {
    return target_.subscribeMarketData(symbols);
  }

  // Sends everything kept, in order, then forgets it.
  void flush(const VenueRefused& venueRefused, BusinessLog& log);
  // Forgets everything kept without sending it (the journal replay at start-up).
  void discard() { kept_.clear(); }
  std::size_t size() const { return kept_.size(); }

 private:
  using Message = std::variant<bridge::ExecutionReportOut, bridge::OrderCancelRejectOut, bridge::CollateralRequestOut,
                               bridge::CollateralReportOut, bridge::CollateralInquiryAckOut,
                               bridge::CollateralResponseOut, bridge::PositionRequestAckOut,
                               bridge::PositionReportOut, bridge::VenueNewOrderOut, bridge::VenueCancelOut,
                               bridge::VenueReplaceOut>;
  template <typename T>
  bool keep(const T& message) {
    kept_.emplace_back(message);
    return true;
  }

  bridge::Outbox& target_;
  std::vector<Message> kept_;
};

}  // namespace gateway::core
