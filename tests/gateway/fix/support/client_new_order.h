#pragma once

// The NewOrderSingle that the FIX engine's client-side tests send as CLIENT1: buy 3 ESZ6 for
// ACC-ALPHA, limit, day, stamped now. gnu++14 (includes QuickFIX).

#include <quickfix/FieldNumbers.h>
#include <quickfix/FieldTypes.h>
#include <quickfix/Message.h>

#include <string>

namespace gateway {
namespace fix {
namespace testing {

// `price`: the limit price's text as sent; no Price field when it is empty.
inline FIX::Message clientNewOrder(const std::string& clOrdId, const std::string& price) {
  FIX::Message order;
  order.getHeader().setField(FIX::FIELD::MsgType, "D");
  order.setField(FIX::FIELD::ClOrdID, clOrdId);
  order.setField(FIX::FIELD::Account, "ACC-ALPHA");
  order.setField(FIX::FIELD::Symbol, "ESZ6");
  order.setField(FIX::FIELD::Side, "1");
  order.setField(FIX::UtcTimeStampField(FIX::FIELD::TransactTime, FIX::UtcTimeStamp(), 3));
  order.setField(FIX::FIELD::OrderQty, "3");
  order.setField(FIX::FIELD::OrdType, "2");
  if (!price.empty()) order.setField(FIX::FIELD::Price, price);
  order.setField(FIX::FIELD::TimeInForce, "0");
  return order;
}

}  // namespace testing
}  // namespace fix
}  // namespace gateway
