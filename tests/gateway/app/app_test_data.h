#pragma once

// What the gateway's end-to-end tests (GatewayApp in-process) and crash-recovery tests (the real
// risk-gateway) share: the risk configuration (FUT and three accounts), the gateway's FIX client
// sessions, fixed-point values from decimal text, and a NewOrderSingle for FUT. gnu++14 (QuickFIX).

#include <quickfix/FieldNumbers.h>
#include <quickfix/Message.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "gateway/bridge/fix_decimal.h"
#include "tests/gateway/fix/support/settings_text.h"

namespace gateway {
namespace testing {

inline std::int64_t raw(const char* text) {
  std::int64_t value = 0;
  if (!bridge::parseFixDecimal(text, value)) throw std::invalid_argument(text);
  return value;
}

// FUT: multiplier 10, initial 10 %, maintenance 5 %, tick 0.01, collar 10 %, max 1,000 per order.
// ACC-1, ACC-2 and ACC-3: 10,000 USD each. A test may put a [defaults] section before it.
constexpr const char* kRiskToml = R"(
[[instrument]]
symbol = "FUT"
currency = "USD"
multiplier = "10"
tick_size = "0.01"
lot_size = "1"
max_order_quantity = "1000"
max_order_notional = "10000000"
price_collar_percent = "10"
mark_stale_after_ms = 600000
liquidation_piece = "100"
tiers = [ { floor = "0", initial_rate = "0.10", maintenance_rate = "0.05" } ]

[[account]]
id = "ACC-1"
currency = "USD"
cash = "10000"

[[account]]
id = "ACC-2"
currency = "USD"
cash = "10000"

[[account]]
id = "ACC-3"
currency = "USD"
cash = "10000"
)";

// The gateway's first two client sessions: CLIENT1 trades ACC-1, CLIENT2 trades ACC-2 and ACC-3.
inline std::string twoClientSessions() {
  return fix::testing::clientSession("CLIENT1", "secret-1", "ACC-1") +
         fix::testing::clientSession("CLIENT2", "secret-2", "ACC-2,ACC-3");
}

// A NewOrderSingle for FUT; `price` is set for a limit order (OrdType 2) only.
inline FIX::Message newOrder(const std::string& clOrdId, const std::string& account, char side,
                             const std::string& quantity, const std::string& price, char ordType = '2') {
  FIX::Message order;
  order.getHeader().setField(FIX::FIELD::MsgType, "D");
  order.setField(FIX::FIELD::ClOrdID, clOrdId);
  order.setField(FIX::FIELD::Account, account);
  order.setField(FIX::FIELD::Symbol, "FUT");
  order.setField(FIX::FIELD::Side, std::string(1, side));
  order.setField(FIX::FIELD::TransactTime, "20261123-12:00:00.000");
  order.setField(FIX::FIELD::OrderQty, quantity);
  order.setField(FIX::FIELD::OrdType, std::string(1, ordType));
  if (ordType == '2') order.setField(FIX::FIELD::Price, price);
  return order;
}

}  // namespace testing
}  // namespace gateway
