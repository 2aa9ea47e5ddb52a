#pragma once

// The margin-call messages from clients decoded into bridge messages: CollateralInquiry (BB),
// CollateralAssignment (AY) and RequestForPositions (AN). Same edge rules as the orders
// (client_order_decoder.h, fix_fields.h): an absent field the gateway needs throws FieldNotFound
// (BusinessMessageReject 380=5 naming the tag), a value outside the listed set throws
// IncorrectTagValue (session Reject 373=5 on that tag).
//
// Fields the data dictionary itself requires (CollAsgnID 902, CollAsgnReason 895,
// CollAsgnTransType 903 on AY; PosReqID 710, PosReqType 724, Account 1, Parties on AN) never get
// this far when missing: QuickFIX answers a session Reject 373=1 (required tag missing) first. The
// checks below stay for a session without a dictionary.
//
//  * BB: CollInquiryID 909 (the gateway's acknowledgement must echo it; optional in FIX 4.4),
//    SubscriptionRequestType 263 0|1|2 (absent: 0, snapshot), Account 1 (absent: every account
//    the session may trade). TransactTime, if sent, is ignored.
//  * AY: CollAsgnID 902, CollReqID 894 (optional: the call it answers), CollAsgnReason 895 0-7,
//    CollAsgnTransType 903 0-4, Account 1 (optional in FIX 4.4, needed by the gateway), the amount
//    as Quantity 53 (an exact decimal, at most 8 places; optional) in units of Currency 15
//    (QtyType 854 absent or 0; 1, contracts, is not an amount of money), Text 58.
//    TransactTime and CashOutstanding, if sent, are ignored.
//  * AN: PosReqID 710, PosReqType 724 0-3 (the core answers anything but 0 in its ack), Account 1,
//    ClearingBusinessDate 715 (echoed back). Parties (required by FIX 4.4), AccountType and
//    TransactTime are accepted and not read.
// Which accounts a session may query or deposit for is the core's business.

#include <quickfix/Message.h>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

bridge::ClientCollateralInquiry decodeCollateralInquiry(const FIX::Message& message,
                                                        bridge::SessionIndex session);
bridge::ClientCollateralAssignment decodeCollateralAssignment(const FIX::Message& message,
                                                              bridge::SessionIndex session);
bridge::ClientPositionRequest decodePositionRequest(const FIX::Message& message,
                                                    bridge::SessionIndex session);

}  // namespace fix
}  // namespace gateway
