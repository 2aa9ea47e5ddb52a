#include "gateway/fix/client_order_decoder.h"

#include <quickfix/Exceptions.h>
#include <quickfix/FieldNumbers.h>

#include "gateway/fix/fix_fields.h"

namespace gateway {
namespace fix {
namespace {

constexpr char kSides[] = "12";
constexpr char kOrdTypes[] = "12";
constexpr char kTimesInForce[] = "0134";
constexpr char kLimit = '2';

// OrdType, TimeInForce, OrderQty and Price: shared by D and G.
template <typename Order>
void decodeTerms(const FIX::Message& message, Order& order) {
  order.ordType = requiredChar(message, FIX::FIELD::OrdType, kOrdTypes);
  order.timeInForce = optionalChar(message, FIX::FIELD::TimeInForce, '0', kTimesInForce);
  order.quantity = requiredDecimal(message, FIX::FIELD::OrderQty);
  order.hasPrice = optionalDecimal(message, FIX::FIELD::Price, order.price);
  if (order.ordType == kLimit && !order.hasPrice) throw FIX::FieldNotFound(FIX::FIELD::Price);
}

}  // namespace

bridge::ClientNewOrder decodeNewOrder(const FIX::Message& message, bridge::SessionIndex session) {
  bridge::ClientNewOrder order;
  order.session = session;
  order.clOrdId = requiredText(message, FIX::FIELD::ClOrdID);
  order.account = requiredText(message, FIX::FIELD::Account);
  order.symbol = requiredText(message, FIX::FIELD::Symbol);
  order.side = requiredChar(message, FIX::FIELD::Side, kSides);
  decodeTerms(message, order);
  return order;
}

bridge::ClientCancel decodeCancel(const FIX::Message& message, bridge::SessionIndex session) {
  bridge::ClientCancel cancel;
  cancel.session = session;
  cancel.clOrdId = requiredText(message, FIX::FIELD::ClOrdID);
  cancel.origClOrdId = requiredText(message, FIX::FIELD::OrigClOrdID);
  cancel.account = requiredText(message, FIX::FIELD::Account);
  cancel.symbol = requiredText(message, FIX::FIELD::Symbol);
  cancel.side = requiredChar(message, FIX::FIELD::Side, kSides);
  return cancel;
}

bridge::ClientReplace decodeReplace(const FIX::Message& message, bridge::SessionIndex session) {
  bridge::ClientReplace replace;
  replace.session = session;
  replace.clOrdId = requiredText(message, FIX::FIELD::ClOrdID);
  replace.origClOrdId = requiredText(message, FIX::FIELD::OrigClOrdID);
  replace.account = requiredText(message, FIX::FIELD::Account);
  replace.symbol = requiredText(message, FIX::FIELD::Symbol);
  replace.side = requiredChar(message, FIX::FIELD::Side, kSides);
  decodeTerms(message, replace);
  return replace;
}

}  // namespace fix
}  // namespace gateway
