#pragma once

// What the venue sends about orders, decoded into bridge messages (decimals exact):
//  * ExecutionReport (8) -> VenueExecution. Required: OrderID 37, ExecID 17, ExecType 150,
//    OrdStatus 39, LeavesQty 151, CumQty 14, AvgPx 6. LastQty 32 / LastPx 31 default to 0.
//  * OrderCancelReject (9) -> VenueCancelReject. Required: ClOrdID 11, OrigClOrdID 41, OrderID 37,
//    OrdStatus 39, CxlRejResponseTo 434 (1|2).
//  * BusinessMessageReject (j) -> VenueMessageReject: clOrdId from BusinessRejectRefID 379, or,
//    when absent, from RefSeqNum 45 through the index of sent messages.
//  * session-level Reject (3) -> VenueMessageReject{sessionLevel}: clOrdId and RefMsgType from
//    RefSeqNum 45 through the index (RefMsgType 372 wins when the venue sends it).
// Missing fields and bad values throw as described in fix_fields.h.

#include <quickfix/Message.h>

#include "gateway/bridge/messages.h"
#include "gateway/fix/sent_message_index.h"

namespace gateway {
namespace fix {

bridge::VenueExecution decodeExecution(const FIX::Message& message);
bridge::VenueCancelReject decodeCancelReject(const FIX::Message& message);
bridge::VenueMessageReject decodeBusinessReject(const FIX::Message& message,
                                                const SentMessageIndex& sent);
bridge::VenueMessageReject decodeSessionReject(const FIX::Message& message,
                                               const SentMessageIndex& sent);

}  // namespace fix
}  // namespace gateway
