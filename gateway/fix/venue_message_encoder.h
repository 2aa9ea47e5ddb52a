#pragma once

// Messages to the venue (or the market-data feed), built from the core's bridge messages.
// Header fields are filled by QuickFIX when the message is sent.
//  * NewOrderSingle (D): ClOrdID 11, Account 1 (when set), Symbol 55, Side 54, TransactTime 60 =
//    now, OrderQty 38, OrdType 40, Price 44 (when hasPrice), TimeInForce 59.
//  * OrderCancelRequest (F): OrigClOrdID 41, ClOrdID 11, Account 1 (when set), Symbol 55, Side 54,
//    TransactTime 60 = now, OrderQty 38.
//  * OrderCancelReplaceRequest (G): OrigClOrdID 41, ClOrdID 11, Account 1 (when set), Symbol 55,
//    Side 54, TransactTime 60 = now, OrderQty 38, OrdType 40, Price 44 (when hasPrice),
//    TimeInForce 59.
//  * MarketDataRequest (V): MDReqID 262, SubscriptionRequestType 263=1 (snapshot + updates),
//    MarketDepth 264=1 (top of book), MDUpdateType 265=1 (incremental), NoMDEntryTypes 267 with
//    MDEntryType 269 = 0 bid, 1 offer, 2 trade, NoRelatedSym 146 with one Symbol 55 per symbol.

#include <quickfix/Message.h>

#include <string>
#include <vector>

#include "gateway/bridge/messages.h"

namespace gateway {
namespace fix {

FIX::Message encodeNewOrder(const bridge::VenueNewOrderOut& order);
FIX::Message encodeCancel(const bridge::VenueCancelOut& cancel);
FIX::Message encodeReplace(const bridge::VenueReplaceOut& replace);
FIX::Message encodeMarketDataRequest(const std::string& requestId,
                                     const std::vector<std::string>& symbols);

}  // namespace fix
}  // namespace gateway
