#include "gateway/core/deferred_outbox.h"

#include <string>

namespace gateway::core {
namespace {

const char* nameOf(const bridge::ExecutionReportOut&) { return "ExecutionReport"; }
const char* nameOf(const bridge::OrderCancelRejectOut&) { return "OrderCancelReject"; }
const char* nameOf(const bridge::CollateralRequestOut&) { return "CollateralRequest"; }
const char* nameOf(const bridge::CollateralReportOut&) { return "CollateralReport"; }
const char* nameOf(const bridge::CollateralInquiryAckOut&) { return "CollateralInquiryAck"; }
const char* nameOf(const bridge::CollateralResponseOut&) { return "CollateralResponse"; }
const char* nameOf(const bridge::PositionRequestAckOut&) { return "RequestForPositionsAck"; }
const char* nameOf(const bridge::PositionReportOut&) { return "PositionReport"; }

const char* msgTypeOf(const bridge::VenueNewOrderOut&) { return "D"; }
const char* msgTypeOf(const bridge::VenueCancelOut&) { return "F"; }
const char* msgTypeOf(const bridge::VenueReplaceOut&) { return "G"; }

}  // namespace

void DeferredOutbox::flush(const VenueRefused& venueRefused, BusinessLog& log) {
  std::vector<Message> sending;
  sending.swap(kept_);
  for (const Message& message : sending) {
    std::visit(
        [&](const auto& typed) {
          using T = std::decay_t<decltype(typed)>;
          if constexpr (std::is_same_v<T, bridge::VenueNewOrderOut> || std::is_same_v<T, bridge::VenueCancelOut> ||
                        std::is_same_v<T, bridge::VenueReplaceOut>) {
            if (target_.sendToVenue(typed)) return;
            bridge::VenueMessageReject refused;
            refused.clOrdId = typed.clOrdId;
            refused.refMsgType = msgTypeOf(typed);
            refused.text = "not sent: the venue session is not logged on";
            venueRefused(refused);
          } else {
            if (target_.sendToClient(typed)) return;
            log.error(std::string("NOT_DELIVERED ") + nameOf(typed) + " to session " + std::to_string(typed.session) +
                      ": the session is not logged on");
          }
        },
        message);
  }
}

}  // namespace gateway::core
