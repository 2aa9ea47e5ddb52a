#include "gateway/fix/venue_message_encoder.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Group.h>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

// Account, Symbol, Side and TransactTime: common to D, F and G.
void setOrderIdentity(FIX::Message& message, const std::string& account, const std::string& symbol,
                      char side) {
  setTextIfAny(message, FIX::FIELD::Account, account);
  setText(message, FIX::FIELD::Symbol, symbol);
  setChar(message, FIX::FIELD::Side, side);
  setTransactTimeNow(message);
}

}  // namespace

FIX::Message encodeNewOrder(const bridge::VenueNewOrderOut& order) {
  FIX::Message message = messageOfType("D");
  setText(message, FIX::FIELD::ClOrdID, order.clOrdId);
  setOrderIdentity(message, order.account, order.symbol, order.side);
  setDecimal(message, FIX::FIELD::OrderQty, order.quantity);
  setChar(message, FIX::FIELD::OrdType, order.ordType);
  if (order.hasPrice) setDecimal(message, FIX::FIELD::Price, order.price);
  setChar(message, FIX::FIELD::TimeInForce, order.timeInForce);
  return message;
}

FIX::Message encodeCancel(const bridge::VenueCancelOut& cancel) {
  FIX::Message message = messageOfType("F");
  setText(message, FIX::FIELD::OrigClOrdID, cancel.origClOrdId);
  setText(message, FIX::FIELD::ClOrdID, cancel.clOrdId);
  setOrderIdentity(message, cancel.account, cancel.symbol, cancel.side);
  setDecimal(message, FIX::FIELD::OrderQty, cancel.quantity);
  return message;
}

FIX::Message encodeReplace(const bridge::VenueReplaceOut& replace) {
  FIX::Message message = messageOfType("G");
  setText(message, FIX::FIELD::OrigClOrdID, replace.origClOrdId);
  setText(message, FIX::FIELD::ClOrdID, replace.clOrdId);
  setOrderIdentity(message, replace.account, replace.symbol, replace.side);
  setDecimal(message, FIX::FIELD::OrderQty, replace.quantity);
  setChar(message, FIX::FIELD::OrdType, replace.ordType);
  if (replace.hasPrice) setDecimal(message, FIX::FIELD::Price, replace.price);
  setChar(message, FIX::FIELD::TimeInForce, replace.timeInForce);
  return message;
}

FIX::Message encodeMarketDataRequest(const std::string& requestId,
                                     const std::vector<std::string>& symbols) {
  FIX::Message message = messageOfType("V");
  setText(message, FIX::FIELD::MDReqID, requestId);
  setChar(message, FIX::FIELD::SubscriptionRequestType, '1');
  setInt(message, FIX::FIELD::MarketDepth, 1);
  setInt(message, FIX::FIELD::MDUpdateType, 1);
  for (const char entryType : {'0', '1', '2'}) {
    FIX::Group entry(FIX::FIELD::NoMDEntryTypes, FIX::FIELD::MDEntryType);
    setChar(entry, FIX::FIELD::MDEntryType, entryType);
    message.addGroup(entry);
  }
  for (const std::string& symbol : symbols) {
    FIX::Group related(FIX::FIELD::NoRelatedSym, FIX::FIELD::Symbol);
    setText(related, FIX::FIELD::Symbol, symbol);
    message.addGroup(related);
  }
  return message;
}

}  // namespace fix
}  // namespace gateway
