#include "tools/md_storm/limit_order.h"

#include <quickfix/FieldNumbers.h>
#include <quickfix/Values.h>

#include "gateway/bridge/fix_decimal.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {

FIX44::NewOrderSingle limitOrder(const std::string& clOrdId, const std::string& account, const std::string& symbol,
                                 bool buy, std::int64_t quantity, std::int64_t price, char timeInForce) {
  FIX44::NewOrderSingle order(FIX::ClOrdID(clOrdId), FIX::Side(buy ? FIX::Side_BUY : FIX::Side_SELL),
                              FIX::TransactTime(FIX::UtcTimeStamp(), 3), FIX::OrdType(FIX::OrdType_LIMIT));
  order.set(FIX::Account(account));
  order.set(FIX::Symbol(symbol));
  order.setField(FIX::FIELD::OrderQty, gateway::bridge::formatFixDecimal(quantity * kScale));
  order.setField(FIX::FIELD::Price, gateway::bridge::formatFixDecimal(price));
  order.set(FIX::TimeInForce(timeInForce));
  return order;
}

}  // namespace md_storm
