#pragma once

// The limit NewOrderSingle md-storm's clients send to the gateway: ClOrdID, Side, TransactTime (ms),
// OrdType=limit, Account, Symbol, OrderQty, Price, TimeInForce. gnu++14 (includes QuickFIX).

#include <quickfix/fix44/NewOrderSingle.h>

#include <cstdint>
#include <string>

namespace md_storm {

// A limit order of `quantity` whole units at `price` (raw 1e-8), buy or sell, with `timeInForce`
// (a FIX::TimeInForce_ value).
FIX44::NewOrderSingle limitOrder(const std::string& clOrdId, const std::string& account, const std::string& symbol,
                                 bool buy, std::int64_t quantity, std::int64_t price, char timeInForce);

}  // namespace md_storm
