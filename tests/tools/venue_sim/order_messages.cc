#include "tests/tools/venue_sim/order_messages.h"

#include <quickfix/FixFields.h>
#include <quickfix/fix44/MarketDataRequest.h>
#include <quickfix/fix44/NewOrderSingle.h>
#include <quickfix/fix44/OrderCancelReplaceRequest.h>
#include <quickfix/fix44/OrderCancelRequest.h>

namespace venue_sim_test {

FIX::Message newOrder(const OrderFields& fields) {
  FIX44::NewOrderSingle order;
  order.set(FIX::ClOrdID(fields.clOrdId));
  if (!fields.account.empty()) order.set(FIX::Account(fields.account));
  order.set(FIX::Symbol(fields.symbol));
  order.set(FIX::Side(fields.side));
  order.set(FIX::TransactTime(FIX::UtcTimeStamp(), 3));
  order.setField(FIX::FIELD::OrderQty, fields.quantity);
  order.set(FIX::OrdType(fields.ordType));
  if (fields.ordType == '2') order.setField(FIX::FIELD::Price, fields.price);
  order.set(FIX::TimeInForce(fields.timeInForce));
  return order;
}

FIX::Message cancelOrder(const std::string& clOrdId, const std::string& origClOrdId, const std::string& symbol,
                         char side) {
  FIX44::OrderCancelRequest cancel;
  cancel.set(FIX::OrigClOrdID(origClOrdId));
  cancel.set(FIX::ClOrdID(clOrdId));
  cancel.set(FIX::Symbol(symbol));
  cancel.set(FIX::Side(side));
  cancel.set(FIX::TransactTime(FIX::UtcTimeStamp(), 3));
  return cancel;
}

FIX::Message replaceOrder(const std::string& clOrdId, const std::string& origClOrdId, const OrderFields& fields) {
  FIX44::OrderCancelReplaceRequest replace;
  replace.set(FIX::OrigClOrdID(origClOrdId));
  replace.set(FIX::ClOrdID(clOrdId));
  if (!fields.account.empty()) replace.set(FIX::Account(fields.account));
  replace.set(FIX::Symbol(fields.symbol));
  replace.set(FIX::Side(fields.side));
  replace.set(FIX::TransactTime(FIX::UtcTimeStamp(), 3));
  replace.setField(FIX::FIELD::OrderQty, fields.quantity);
  replace.set(FIX::OrdType(fields.ordType));
  if (fields.ordType == '2') replace.setField(FIX::FIELD::Price, fields.price);
  return replace;
}

FIX::Message marketDataRequest(const std::string& mdReqId, char subscriptionType,
                               const std::vector<std::string>& symbols) {
  FIX44::MarketDataRequest request;
  request.set(FIX::MDReqID(mdReqId));
  request.set(FIX::SubscriptionRequestType(subscriptionType));
  request.set(FIX::MarketDepth(1));
  if (subscriptionType == '1') request.set(FIX::MDUpdateType(1));
  for (char type : {'0', '1', '2'}) {
    FIX44::MarketDataRequest::NoMDEntryTypes entryType;
    entryType.set(FIX::MDEntryType(type));
    request.addGroup(entryType);
  }
  for (const std::string& symbol : symbols) {
    FIX44::MarketDataRequest::NoRelatedSym related;
    related.set(FIX::Symbol(symbol));
    request.addGroup(related);
  }
  return request;
}

std::string field(const FIX::Message& message, int tag) {
  return message.isSetField(tag) ? message.getField(tag) : std::string();
}

std::string msgType(const FIX::Message& message) { return message.getHeader().getField(FIX::FIELD::MsgType); }

}  // namespace venue_sim_test
