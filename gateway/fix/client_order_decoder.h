#pragma once

// Client orders (NewOrderSingle D, OrderCancelRequest F, OrderCancelReplaceRequest G) decoded
// into bridge messages, exactly (decimals from the fields' text).
//
// The Rules of Engagement this enforces at the edge (QuickFIX turns the exceptions into the
// answers, see fix_fields.h):
//  * ClOrdID 11, Symbol 55, Side 54, Account 1 (all three messages), OrigClOrdID 41 (F, G),
//    OrderQty 38 and OrdType 40 (D, G) must be present: absent -> FieldNotFound ->
//    BusinessMessageReject 380=5 naming the tag (Account is optional in FIX 4.4 and in the data
//    dictionary, but the gateway cannot check an order without it).
//  * Side 1|2, OrdType 1 (market)|2 (limit), TimeInForce 0|1|3|4 (absent: 0, day); any other
//    value -> IncorrectTagValue -> session Reject 373=5 on that tag.
//  * OrderQty 38 and Price 44 are exact decimals with at most 8 places and no exponent; otherwise
//    IncorrectTagValue -> session Reject 373=5 on that tag. (With the data dictionary loaded,
//    QuickFIX already refuses text that is not a number at all, "abc" or "1e3", with 373=6
//    before the gateway sees the message.)
//  * A limit order (OrdType=2) without Price: FIX makes Price conditionally required, so
//    FieldNotFound(44) -> BusinessMessageReject 380=5 (conditionally required field missing).
//    A market order's Price, if sent, is passed on (hasPrice) for the core to judge.
// Signs and sizes (a zero or negative quantity, a price off the tick) are the core's business.

#include <quickfix/Message.h>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

bridge::ClientNewOrder decodeNewOrder(const FIX::Message& message, bridge::SessionIndex session);
bridge::ClientCancel decodeCancel(const FIX::Message& message, bridge::SessionIndex session);
bridge::ClientReplace decodeReplace(const FIX::Message& message, bridge::SessionIndex session);

}  // namespace fix
}  // namespace gateway
