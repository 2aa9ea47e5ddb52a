#pragma once

// Shared helpers for risk engine tests: a config built in code, inputs with readable arguments,
// and event lookups. Times are whole seconds from an arbitrary epoch.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

#include "risk/risk_engine.h"

namespace risk::testing {

inline Price px(std::string_view text) { return *Price::parse(text).value; }
inline Quantity qty(std::string_view text) { return *Quantity::parse(text).value; }
inline Money money(std::string_view text) { return *Money::parse(text).value; }
inline Ratio ratio(std::string_view text) { return *Ratio::parse(text).value; }
inline Timestamp at(int64_t seconds) { return Timestamp{seconds * 1'000'000'000}; }

// One flat-rate instrument: notional * initialRate and * maintenanceRate, no tiers above 0.
inline Instrument flatInstrument(std::string symbol, std::string_view multiplier, std::string_view initialRate,
                                 std::string_view maintenanceRate) {
  Instrument instrument;
  instrument.symbol = std::move(symbol);
  instrument.currency = "USD";
  instrument.multiplier = ratio(multiplier);
  instrument.tickSize = px("0.01");
  instrument.lotSize = qty("1");
  instrument.maxOrderQuantity = qty("100000");
  instrument.maxOrderNotional = money("1000000000");
  instrument.priceCollarPercent = ratio("10");
  instrument.markStaleAfter = Duration::fromSeconds(60);
  instrument.liquidationPiece = qty("1000");
  instrument.tiers = TierSchedule({{Money::zero(), ratio(initialRate), ratio(maintenanceRate)}});
  return instrument;
}

inline AccountConfig account(std::string id, std::string_view cash) {
  AccountConfig config;
  config.id = std::move(id);
  config.currency = "USD";
  config.cash = money(cash);
  return config;
}

// Every event of type T, in order.
template <class T>
std::vector<T> all(const Events& events) {
  std::vector<T> found;
  for (const Event& event : events) {
    if (const T* typed = std::get_if<T>(&event)) found.push_back(*typed);
  }
  return found;
}

class EngineTest : public ::testing::Test {
 protected:
  // Subclasses fill config_ in their constructor or SetUp, then call start().
  void start() { engine_ = std::make_unique<RiskEngine>(config_); }

  Events& send(const Input& input) {
    events_.clear();
    engine_->apply(input, events_);
    return events_;
  }

  Events& order(std::string_view id, std::string_view account, std::string_view symbol, Side side,
                std::string_view quantity, std::string_view price, int64_t second = 0) {
    entitled_ = {std::string(account)};
    NewOrder input;
    input.time = at(second);
    input.clOrdId = id;
    input.account = account;
    input.symbol = symbol;
    input.side = side;
    input.type = OrderType::kLimit;
    input.quantity = qty(quantity);
    input.limitPrice = px(price);
    input.entitledAccounts = entitled_;
    return send(input);
  }

  Events& fill(std::string_view id, std::string_view quantity, std::string_view price, int64_t second = 0,
               std::string_view commission = "0") {
    return send(Fill{at(second), id, "exec", qty(quantity), px(price), money(commission)});
  }

  Events& markAt(std::string_view symbol, std::string_view price, int64_t second = 0) {
    return send(MarketData{at(second), symbol, std::nullopt, std::nullopt, px(price)});
  }

  // Order accepted and filled in full at its limit price.
  void openPosition(std::string_view id, std::string_view account, std::string_view symbol, Side side,
                    std::string_view quantity, std::string_view price, int64_t second = 0) {
    order(id, account, symbol, side, quantity, price, second);
    ASSERT_TRUE(has<OrderAccepted>()) << "order " << id << " was not accepted";
    fill(id, quantity, price, second);
  }

  template <class T>
  bool has() const {
    for (const Event& event : events_) {
      if (std::holds_alternative<T>(event)) return true;
    }
    return false;
  }
  template <class T>
  int count() const {
    int n = 0;
    for (const Event& event : events_) n += std::holds_alternative<T>(event) ? 1 : 0;
    return n;
  }
  template <class T>
  const T& first() const {
    for (const Event& event : events_) {
      if (const T* typed = std::get_if<T>(&event)) return *typed;
    }
    // gtest reports an exception escaping a test as that test's failure.
    throw std::runtime_error(std::string("no event of type ") + typeid(T).name());
  }

  AccountReport report(std::string_view account) const { return *engine_->report(account); }

  RiskConfig config_;
  std::unique_ptr<RiskEngine> engine_;
  Events events_;
  std::vector<std::string> entitled_;
};

}  // namespace risk::testing
