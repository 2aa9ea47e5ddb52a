// Randomized property test of the risk engine: a random but mostly valid stream of client,
// venue, market-data and broker inputs over three instruments and five accounts, with the
// invariants of the core checked after every input (see InvariantChecker), and a replay of the
// same stream on a fresh engine that must produce the same events and the same final reports.
// Below it: the cases it found, minimized to named tests, and the conservation of realized PnL.
//
// The seeds are fixed, so a failure reproduces. Environment knobs for a soak or a hunt:
//   RISK_PROPERTY_SEEDS=1000 RISK_PROPERTY_STEPS=20000   more and longer streams
//   RISK_PROPERTY_FIRST_SEED=91 RISK_PROPERTY_SEEDS=1    one stream
//   RISK_PROPERTY_MINIMIZE=1                             shrink a failing stream (delta debugging) and
//                                                        print it with its events
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "risk/margin_calculator.h"
#include "risk/order_book.h"
#include "risk/pre_trade_check.h"
#include "risk/risk_engine.h"
#include "tests/risk/engine_fixture.h"

namespace risk {
// Readable values in gtest's failure messages.
template <class Tag>
void PrintTo(Fixed<Tag> value, std::ostream* out) { *out << value.toString(); }
inline void PrintTo(MarginState state, std::ostream* out) { *out << toString(state); }
}  // namespace risk

namespace risk::testing {
namespace {

constexpr Wide kScale2 = Wide{kScale} * kScale;

// "C17": appended rather than "C" + ..., on which GCC 12 warns (-Wrestrict, a false positive).
std::string numbered(std::string_view prefix, int64_t number) {
  std::string text(prefix);
  text += std::to_string(number);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Printing events, inputs and reports: every field, so that comparing strings compares values.

template <class Tag>
std::string d(Fixed<Tag> value) { return value.toString(); }
template <std::size_t N>
std::string d(const BoundedString<N>& text) { return std::string(text.view()); }
std::string d(Timestamp time) { return std::to_string(time.nanos); }
std::string d(bool value) { return value ? "true" : "false"; }
std::string d(int value) { return std::to_string(value); }
std::string d(std::string_view text) { return "'" + std::string(text) + "'"; }
std::string d(const std::string& text) { return d(std::string_view(text)); }
std::string d(Side side) { return std::string(toString(side)); }
std::string d(OrderType type) { return std::string(toString(type)); }
std::string d(MarginState state) { return std::string(toString(state)); }
std::string d(EscalationReason reason) { return std::string(toString(reason)); }
std::string d(CallOutcome outcome) { return std::string(toString(outcome)); }
std::string d(const Denial& denial) { return "{" + denial.format() + "}"; }
std::string d(const MarginSnapshot& s) {
  return "{cash=" + d(s.cash) + " u=" + d(s.unrealized) + " e=" + d(s.equity) + " mm=" + d(s.maintenance) +
         " im=" + d(s.initial) + " ooi=" + d(s.openOrderInitial) + " avail=" + d(s.availableFunds) +
         " deficit=" + d(s.deficitToMaintenance) + " cure=" + d(s.amountToCure) + " health=" + d(s.health) +
         " unbounded=" + d(s.healthUnbounded) + "}";
}
std::string d(const Trigger& t) {
  return "{" + std::string(toString(t.kind)) + " t=" + d(t.time) + " ref=" + d(t.reference) + " px=" + d(t.price) +
         " qty=" + d(t.quantity) + "}";
}
std::string d(const LiquidationOrder& o) {
  return "{" + d(o.clOrdId) + " " + d(o.symbol) + " " + d(o.side) + " " + d(o.quantity) + "@" + d(o.limitPrice) + "}";
}
template <class T>
std::string d(const std::vector<T>& values) {
  std::string text = "[";
  for (const T& value : values) {
    if (text.size() > 1) text += ',';
    text += d(value);
  }
  return text + "]";
}
template <class T>
std::string d(const std::optional<T>& value) { return value ? d(*value) : "none"; }
std::string d(std::span<const std::string> ids) {
  std::string text = "[";
  for (const std::string& id : ids) {
    if (text.size() > 1) text += ',';
    text += id;
  }
  return text + "]";
}

class Line {
 public:
  explicit Line(std::string_view type) : text_(type) {}
  template <class T>
  Line& operator()(std::string_view name, const T& value) {
    text_ += ' ';
    text_ += name;
    text_ += '=';
    text_ += d(value);
    return *this;
  }
  operator std::string() const { return text_; }

 private:
  std::string text_;
};

std::string describe(const Event& event) {
  return std::visit(
      [](const auto& e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, OrderAccepted>) {
          return Line("OrderAccepted")("t", e.time)("id", e.clOrdId)("acct", e.account)("sym", e.symbol)(
              "side", e.side)("qty", e.quantity)("px", e.limitPrice)("incr", e.riskIncreasing)(
              "margin", e.orderMargin)("availAfter", e.availableAfter);
        } else if constexpr (std::is_same_v<T, OrderDenied>) {
          return Line("OrderDenied")("t", e.time)("id", e.clOrdId)("acct", e.account)("denial", e.denial);
        } else if constexpr (std::is_same_v<T, ReplaceAccepted>) {
          return Line("ReplaceAccepted")("t", e.time)("id", e.clOrdId)("orig", e.origClOrdId)("acct", e.account)(
              "qty", e.quantity)("px", e.limitPrice)("incr", e.riskIncreasing)("margin", e.orderMargin)(
              "availAfter", e.availableAfter);
        } else if constexpr (std::is_same_v<T, ReplaceDenied>) {
          return Line("ReplaceDenied")("t", e.time)("id", e.clOrdId)("orig", e.origClOrdId)("acct", e.account)(
              "denial", e.denial);
        } else if constexpr (std::is_same_v<T, CancelAccepted>) {
          return Line("CancelAccepted")("t", e.time)("orig", e.origClOrdId)("acct", e.account);
        } else if constexpr (std::is_same_v<T, CancelDenied>) {
          return Line("CancelDenied")("t", e.time)("orig", e.origClOrdId)("denial", e.denial);
        } else if constexpr (std::is_same_v<T, FillApplied>) {
          return Line("FillApplied")("t", e.time)("id", e.clOrdId)("acct", e.account)("sym", e.symbol)(
              "side", e.side)("qty", e.quantity)("px", e.price)("comm", e.commission)("realized", e.realized)(
              "posAfter", e.positionAfter)("liq", e.liquidation)("overfill", e.overfill);
        } else if constexpr (std::is_same_v<T, InputRejected>) {
          return Line("InputRejected")("t", e.time)("input", e.input)("ref", e.reference)("reason", e.reason);
        } else if constexpr (std::is_same_v<T, MarginStateChanged>) {
          return Line("MarginStateChanged")("t", e.time)("acct", e.account)("from", e.from)("to", e.to)(
              "snap", e.snapshot)("trigger", e.trigger);
        } else if constexpr (std::is_same_v<T, WarningIssued>) {
          return Line("WarningIssued")("t", e.time)("acct", e.account)("snap", e.snapshot)("trigger", e.trigger);
        } else if constexpr (std::is_same_v<T, CallIssued>) {
          return Line("CallIssued")("t", e.time)("call", e.callId)("acct", e.account)("snap", e.snapshot)(
              "deadline", e.deadline)("trigger", e.trigger);
        } else if constexpr (std::is_same_v<T, CallEscalated>) {
          return Line("CallEscalated")("t", e.time)("call", e.callId)("acct", e.account)("reason", e.reason)(
              "state", e.state)("snap", e.snapshot)("deadline", e.deadline)("trigger", e.trigger);
        } else if constexpr (std::is_same_v<T, CallClosed>) {
          return Line("CallClosed")("t", e.time)("call", e.callId)("acct", e.account)("outcome", e.outcome)(
              "snap", e.snapshot)("trigger", e.trigger);
        } else if constexpr (std::is_same_v<T, LiquidationPlan>) {
          return Line("LiquidationPlan")("t", e.time)("call", e.callId)("acct", e.account)("cancels", e.cancels)(
              "orders", e.orders)("stale", e.skippedStaleMarks)("snap", e.snapshot);
        } else if constexpr (std::is_same_v<T, LiquidationStalled>) {
          return Line("LiquidationStalled")("t", e.time)("call", e.callId)("acct", e.account)(
              "plans", e.plansWithoutFill);
        } else if constexpr (std::is_same_v<T, DepositApplied>) {
          return Line("DepositApplied")("t", e.time)("acct", e.account)("amount", e.amount)("snap", e.snapshot);
        } else if constexpr (std::is_same_v<T, WithdrawalApplied>) {
          return Line("WithdrawalApplied")("t", e.time)("acct", e.account)("amount", e.amount)("snap", e.snapshot);
        } else if constexpr (std::is_same_v<T, AdminDenied>) {
          return Line("AdminDenied")("t", e.time)("acct", e.account)("action", e.action)("denial", e.denial);
        } else if constexpr (std::is_same_v<T, AccountHalted>) {
          return Line("AccountHalted")("t", e.time)("acct", e.account)("byStall", e.byLiquidationStall);
        } else if constexpr (std::is_same_v<T, AccountResumed>) {
          return Line("AccountResumed")("t", e.time)("acct", e.account);
        } else if constexpr (std::is_same_v<T, ConfigReloaded>) {
          return Line("ConfigReloaded")("t", e.time)("instruments", e.instruments)("accounts", e.accounts);
        } else if constexpr (std::is_same_v<T, ConfigReloadRefused>) {
          return Line("ConfigReloadRefused")("t", e.time)("reason", e.reason);
        } else {
          static_assert(sizeof(T) == 0, "describe() misses an event type");
        }
      },
      event);
}

std::string describe(const Events& events) {
  std::string text;
  for (const Event& event : events) text += describe(event) + "\n";
  return text;
}

bool eventsEqual(const Event& a, const Event& b) { return describe(a) == describe(b); }

std::string describe(const Input& input) {
  return std::visit(
      [](const auto& i) -> std::string {
        using T = std::decay_t<decltype(i)>;
        if constexpr (std::is_same_v<T, NewOrder>) {
          return Line("NewOrder")("t", i.time)("id", i.clOrdId)("acct", i.account)("sym", i.symbol)("side", i.side)(
              "type", i.type)("qty", i.quantity)("px", i.limitPrice)("entitled", i.entitledAccounts);
        } else if constexpr (std::is_same_v<T, CancelRequest>) {
          return Line("CancelRequest")("t", i.time)("orig", i.origClOrdId)("entitled", i.entitledAccounts);
        } else if constexpr (std::is_same_v<T, ReplaceRequest>) {
          return Line("ReplaceRequest")("t", i.time)("id", i.clOrdId)("orig", i.origClOrdId)("qty", i.quantity)(
              "px", i.limitPrice)("entitled", i.entitledAccounts);
        } else if constexpr (std::is_same_v<T, VenueAck>) {
          return Line("VenueAck")("t", i.time)("id", i.clOrdId);
        } else if constexpr (std::is_same_v<T, VenueReject>) {
          return Line("VenueReject")("t", i.time)("id", i.clOrdId);
        } else if constexpr (std::is_same_v<T, Fill>) {
          return Line("Fill")("t", i.time)("id", i.clOrdId)("exec", i.execId)("qty", i.quantity)("px", i.price)(
              "comm", i.commission);
        } else if constexpr (std::is_same_v<T, OrderDone>) {
          return Line("OrderDone")("t", i.time)("id", i.clOrdId);
        } else if constexpr (std::is_same_v<T, CancelRejected>) {
          return Line("CancelRejected")("t", i.time)("orig", i.origClOrdId);
        } else if constexpr (std::is_same_v<T, ReplaceConfirmed>) {
          return Line("ReplaceConfirmed")("t", i.time)("id", i.clOrdId)("orig", i.origClOrdId);
        } else if constexpr (std::is_same_v<T, ReplaceRejected>) {
          return Line("ReplaceRejected")("t", i.time)("id", i.clOrdId)("orig", i.origClOrdId);
        } else if constexpr (std::is_same_v<T, MarketData>) {
          return Line("MarketData")("t", i.time)("sym", i.symbol)("bid", i.bid)("ask", i.ask)("last", i.last);
        } else if constexpr (std::is_same_v<T, Deposit>) {
          return Line("Deposit")("t", i.time)("acct", i.account)("amount", i.amount)("ref", i.reference);
        } else if constexpr (std::is_same_v<T, Withdrawal>) {
          return Line("Withdrawal")("t", i.time)("acct", i.account)("amount", i.amount)("ref", i.reference);
        } else if constexpr (std::is_same_v<T, Halt>) {
          return Line("Halt")("t", i.time)("acct", i.account)("reason", i.reason);
        } else if constexpr (std::is_same_v<T, Resume>) {
          return Line("Resume")("t", i.time)("acct", i.account);
        } else if constexpr (std::is_same_v<T, Timer>) {
          return Line("Timer")("t", i.time);
        } else if constexpr (std::is_same_v<T, ConfigReload>) {
          return Line("ConfigReload")("t", i.time);
        } else if constexpr (std::is_same_v<T, StoreStatus>) {
          return Line("StoreStatus")("t", i.time)("available", i.available);
        } else {
          static_assert(sizeof(T) == 0, "describe() misses an input type");
        }
      },
      input);
}

std::string describe(const AccountReport& r) {
  std::string text = Line("Report")("acct", r.account)("ccy", r.currency)("state", r.state)("halted", r.halted)(
      "snap", r.snapshot)("openOrders", r.openOrders)("opening", r.openingCash)("deposits", r.deposits)(
      "withdrawals", r.withdrawals)("realized", r.realized)("commissions", r.commissions);
  if (r.call) {
    text += Line(" call")("id", r.call->callId)("issued", r.call->issuedAt)("deadline", r.call->deadline)(
        "notified", r.call->notifiedAmountToCure);
  }
  for (const PositionReport& p : r.positions) {
    text += Line(" pos")("sym", p.symbol)("qty", p.quantity)("avg", p.averagePrice)("mark", p.mark)(
        "stale", p.markStale)("openBuy", p.openBuy)("openSell", p.openSell)("u", p.unrealized)(
        "mm", p.maintenance)("im", p.initial)("ooi", p.openOrderInitial);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Independent recomputation with 128-bit integers.

Wide roundHalfEven(Wide numerator, Wide denominator) {
  const bool negative = numerator < 0;
  const Wide magnitude = negative ? -numerator : numerator;
  Wide quotient = magnitude / denominator;
  const Wide twice = (magnitude % denominator) * 2;
  if (twice > denominator || (twice == denominator && quotient % 2 == 1)) ++quotient;
  return negative ? -quotient : quotient;
}

Wide ceilDiv(Wide numerator, Wide denominator) {  // numerator >= 0
  return (numerator + denominator - 1) / denominator;
}

// qty * multiplier * price in raw money units, rounded half-even (the sign follows the quantity).
Wide valueOf(Quantity quantity, Ratio multiplier, Price price) {
  return roundHalfEven(quantity.wide() * multiplier.wide() * price.wide(), kScale2);
}

// The requirement as the notional in each bracket times that bracket's rate, in 1e-16 units.
Wide bracketRequirement(const std::vector<MarginTier>& tiers, Wide notional, bool initial) {
  Wide total = 0;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const Wide floor = tiers[i].floor.wide();
    if (notional <= floor) break;
    const Wide top = i + 1 < tiers.size() ? std::min(notional, tiers[i + 1].floor.wide()) : notional;
    total += (top - floor) * (initial ? tiers[i].initialRate : tiers[i].maintenanceRate).wide();
  }
  return total;
}

Wide requirementOf(const Instrument& instrument, Ratio house, Quantity quantity, Price price, bool initial) {
  const Wide value = valueOf(quantity, instrument.multiplier, price);
  const Wide notional = value < 0 ? -value : value;
  return ceilDiv(bracketRequirement(instrument.tiers.tiers(), notional, initial) * house.wide(), kScale2);
}

Price referenceValuation(const InstrumentState& instrument, const PositionState& position) {
  if (instrument.mark) return instrument.mark->price;
  if (position.quantity.isZero()) return Price::zero();
  const Wide denominator = position.quantity.wide() * instrument.config.multiplier.wide();
  Wide numerator = position.costBasis.wide() * kScale2;
  const Wide positive = denominator < 0 ? -denominator : denominator;
  if (denominator < 0) numerator = -numerator;
  return Price::fromRaw(static_cast<int64_t>(roundHalfEven(numerator, positive)));
}

Quantity referenceCharge(const OrderState& order) {
  const Wide leaves = std::max<Wide>(0, order.quantity.wide() - order.filled.wide());
  Wide charge = leaves;
  if (order.replace) charge = std::max(charge, order.replace->quantity.wide() - order.filled.wide());
  return Quantity::fromRaw(static_cast<int64_t>(charge));
}

// ---------------------------------------------------------------------------------------------
// Invariants after every input.

// Every account's position in every instrument (flat when there is no entry), account-major.
using Positions = std::vector<Quantity>;
Positions positionsOf(const RiskState& state) {
  Positions positions(state.accounts.size() * state.instruments.size());
  for (AccountIndex a = 0; a < state.accounts.size(); ++a) {
    for (const PositionState& p : state.accounts[a].positions) {
      positions[a * state.instruments.size() + p.instrument] = p.quantity;
    }
  }
  return positions;
}

class InvariantChecker {
 public:
  explicit InvariantChecker(const RiskState& state) : ledgers_(state.accounts.size()) {}

  // Empty when every invariant holds; otherwise what broke.
  std::string check(const RiskEngine& engine, const Input& input, const Events& events,
                    const Positions& before) {
    problems_.clear();
    const RiskState& state = engine.state();
    checkEvents(state, events, before);
    for (auto it = exempt_.begin(); it != exempt_.end();) {
      const auto a = static_cast<AccountIndex>(*it / state.instruments.size());
      const auto i = static_cast<InstrumentIndex>(*it % state.instruments.size());
      it = liquidationOrdersOn(state, a, i) == 0 ? exempt_.erase(it) : std::next(it);
    }
    checkOrders(state);
    checkHolders(state);
    std::vector<bool> touched(state.accounts.size(), ++checks_ % 64 == 0);
    for (const Event& event : events) {
      std::visit(
          [&](const auto& e) {
            if constexpr (requires { e.account.view(); }) {
              if (const auto index = state.accountIndex(e.account.view())) touched[*index] = true;
            }
          },
          event);
    }
    for (AccountIndex a = 0; a < state.accounts.size(); ++a) checkAccount(engine, a, input, touched[a]);
    return problems_;
  }

  struct Ledger {
    Wide deposits = 0;
    Wide withdrawals = 0;
    Wide realized = 0;
    Wide commissions = 0;
  };

 private:
  template <class... Parts>
  void fail(const Parts&... parts) {
    std::string line;
    (append(line, parts), ...);
    problems_ += line + "\n";
  }
  static std::string w(Wide value) { return formatRawDecimal(static_cast<int64_t>(value)); }
  // Names the account (and instrument) in a failure without building a string on the happy path.
  struct Who {
    std::string_view account;
    std::string_view symbol;
  };
  static void append(std::string& line, const Who& who) {
    line += "account ";
    line += who.account;
    if (!who.symbol.empty()) (line += " ") += who.symbol;
    line += ": ";
  }
  static void append(std::string& line, std::string_view text) { line += text; }
  static bool sameSnapshot(const MarginSnapshot& a, const MarginSnapshot& b) {
    return a.cash == b.cash && a.unrealized == b.unrealized && a.equity == b.equity && a.maintenance == b.maintenance &&
           a.initial == b.initial && a.openOrderInitial == b.openOrderInitial && a.availableFunds == b.availableFunds &&
           a.deficitToMaintenance == b.deficitToMaintenance && a.amountToCure == b.amountToCure &&
           a.health == b.health && a.healthUnbounded == b.healthUnbounded;
  }

  void checkEvents(const RiskState& state, const Events& events, const Positions& before) {
    for (const Event& event : events) {
      if (const auto* e = std::get_if<DepositApplied>(&event)) {
        ledgers_[*state.accountIndex(e->account.view())].deposits += e->amount.wide();
      } else if (const auto* e = std::get_if<WithdrawalApplied>(&event)) {
        ledgers_[*state.accountIndex(e->account.view())].withdrawals += e->amount.wide();
      } else if (const auto* e = std::get_if<FillApplied>(&event)) {
        const AccountIndex a = *state.accountIndex(e->account.view());
        const InstrumentIndex i = *state.instrumentIndex(e->symbol.view());
        ledgers_[a].realized += e->realized.wide();
        ledgers_[a].commissions += e->commission.wide();
        const PositionState* now = state.accounts[a].findPosition(i);
        const Quantity after = now ? now->quantity : Quantity::zero();
        if (after != e->positionAfter) fail("FillApplied positionAfter ", d(e->positionAfter), " but state ", d(after));
        // A venue that overfills an order while liquidation orders work on the position can make
        // them flip it; the core cannot prevent that. Such positions are exempt until those finish.
        const std::size_t key = a * state.instruments.size() + i;
        if (e->overfill && (e->liquidation || liquidationOrdersOn(state, a, i) > 0)) exempt_.insert(key);
        if (e->liquidation && !exempt_.count(key)) {
          const Quantity was = before[a * state.instruments.size() + i];
          if (was.isZero() || after.sign() * was.sign() < 0 || after.abs() >= was.abs()) {
            fail("liquidation fill flipped or grew a position: ", d(was), " -> ", d(after));
          }
        }
      }
    }
  }

  static int liquidationOrdersOn(const RiskState& state, AccountIndex a, InstrumentIndex i) {
    int n = 0;
    for (const auto& [id, order] : state.orders) n += order.liquidation && order.account == a && order.instrument == i;
    return n;
  }

  void checkOrders(const RiskState& state) {
    // Charged open quantity per account, instrument and side.
    std::vector<Wide> charged(state.accounts.size() * state.instruments.size() * 2, 0);
    auto slot = [&](AccountIndex a, InstrumentIndex i, Side side) -> Wide& {
      return charged[(a * state.instruments.size() + i) * 2 + (side == Side::kBuy ? 0 : 1)];
    };
    for (const auto& [id, order] : state.orders) {
      if (id != order.clOrdId) fail("order keyed ", id, " has id ", order.clOrdId);
      if (order.charged != chargeFor(order) || order.charged != referenceCharge(order)) {
        fail("order ", id, " charged ", d(order.charged), " expected ", d(referenceCharge(order)));
      }
      if (!state.accounts[order.account].findPosition(order.instrument)) fail("order ", id, " without a position entry");
      if (order.filled > order.quantity) fail("order ", id, " filled above its quantity");
      slot(order.account, order.instrument, order.side) += order.charged.wide();
      if (order.replace) {
        const auto r = state.replacing.find(order.replace->clOrdId);
        if (r == state.replacing.end() || r->second != id) fail("pending replace of ", id, " not indexed");
      }
    }
    for (const auto& [replacement, original] : state.replacing) {
      const auto o = state.orders.find(original);
      if (o == state.orders.end() || !o->second.replace || o->second.replace->clOrdId != replacement) {
        fail("replacing entry ", replacement, " -> ", original, " dangles");
      }
    }
    for (AccountIndex a = 0; a < state.accounts.size(); ++a) {
      for (const PositionState& p : state.accounts[a].positions) {
        const Wide buys = slot(a, p.instrument, Side::kBuy);
        const Wide sells = slot(a, p.instrument, Side::kSell);
        if (p.openBuy.wide() != buys || p.openSell.wide() != sells) {
          fail("account ", std::to_string(a), " instrument ", std::to_string(p.instrument), " openBuy/openSell ",
               d(p.openBuy), "/", d(p.openSell), " but orders charge ", w(buys), "/", w(sells));
        }
      }
    }
  }

  void checkHolders(const RiskState& state) {
    for (InstrumentIndex i = 0; i < state.instruments.size(); ++i) {
      std::vector<int> listed(state.accounts.size(), 0);
      for (const AccountIndex a : state.instruments[i].holders) {
        if (a >= state.accounts.size()) return fail("instrument ", std::to_string(i), " lists a bad account");
        if (++listed[a] > 1) fail("instrument ", std::to_string(i), " lists account ", std::to_string(a), " twice");
      }
      for (AccountIndex a = 0; a < state.accounts.size(); ++a) {
        int entries = 0;
        for (const PositionState& p : state.accounts[a].positions) entries += p.instrument == i ? 1 : 0;
        if (entries > 1) fail("account ", std::to_string(a), " has two entries for instrument ", std::to_string(i));
        if ((entries > 0) != (listed[a] > 0)) {
          fail("instrument ", std::to_string(i), " holders and position entries disagree on account ", std::to_string(a));
        }
      }
    }
  }

  void checkAccount(const RiskEngine& engine, AccountIndex a, const Input& input, bool withReport) {
    const RiskState& state = engine.state();
    const AccountState& account = state.accounts[a];
    const Who who{account.config.id, {}};
    const Ratio house = account.config.houseMultiplier;

    // Positions: cached contributions equal a fresh computation at the valuation price.
    Wide unrealized = 0, maintenance = 0, initial = 0, openInitial = 0;
    Wide cachedU = 0, cachedMM = 0, cachedIM = 0, cachedOOI = 0;
    for (const PositionState& p : account.positions) {
      const InstrumentState& instrument = state.instruments[p.instrument];
      const Instrument& config = instrument.config;
      const Who where{account.config.id, config.symbol};
      if (p.quantity.isZero() && p.openBuy.isZero() && p.openSell.isZero()) fail(where, "idle position entry kept");
      if (p.quantity.isZero() && !p.costBasis.isZero()) fail(where, "flat with a cost basis");
      const Price price = referenceValuation(instrument, p);
      if (price != valuationPrice(instrument, p)) fail(where, "valuation price ", d(valuationPrice(instrument, p)));
      const Wide u = valueOf(p.quantity, config.multiplier, price) - p.costBasis.wide();
      const Wide mm = requirementOf(config, house, p.quantity, price, false);
      const Wide im = requirementOf(config, house, p.quantity, price, true);
      Wide ooi = 0;
      if (!p.openBuy.isZero() || !p.openSell.isZero()) {
        const Wide worst = std::max(requirementOf(config, house, Quantity::fromRaw(p.quantity.raw() + p.openBuy.raw()), price, true),
                                    requirementOf(config, house, Quantity::fromRaw(p.quantity.raw() - p.openSell.raw()), price, true));
        ooi = std::max<Wide>(0, worst - im);
      }
      if (p.unrealized.wide() != u) fail(where, "unrealized ", d(p.unrealized), " expected ", w(u));
      if (p.maintenance.wide() != mm) fail(where, "maintenance ", d(p.maintenance), " expected ", w(mm));
      if (p.initial.wide() != im) fail(where, "initial ", d(p.initial), " expected ", w(im));
      if (p.openOrderInitial.wide() != ooi) fail(where, "open-order initial ", d(p.openOrderInitial), " expected ", w(ooi));
      // The engine's own functions agree with the reference.
      const auto libMM = maintenanceRequirement(config, house, p.quantity, price);
      const auto libIM = initialRequirement(config, house, p.quantity, price);
      const auto libOOI = openOrderInitial(config, house, p.quantity, p.openBuy, p.openSell, price, p.initial);
      if (!libMM || libMM->wide() != mm || !libIM || libIM->wide() != im || !libOOI || libOOI->wide() != ooi) {
        fail(where, "margin_calculator disagrees with the reference");
      }
      unrealized += u;
      maintenance += mm;
      initial += im;
      openInitial += ooi;
      cachedU += p.unrealized.wide();
      cachedMM += p.maintenance.wide();
      cachedIM += p.initial.wide();
      cachedOOI += p.openOrderInitial.wide();
    }
    if (account.unrealizedTotal != cachedU || account.maintenanceTotal != cachedMM ||
        account.initialTotal != cachedIM || account.openOrderInitialTotal != cachedOOI) {
      fail(who, "totals differ from the sum of the positions' cached values");
    }

    // The ledger: the state's, the events' and (for the accounts this input touched, and all of them
    // now and then) the report's.
    const Ledger& ledger = ledgers_[a];
    if (account.deposits != ledger.deposits || account.withdrawals != ledger.withdrawals ||
        account.realized != ledger.realized || account.commissions != ledger.commissions) {
      fail(who, "ledger differs from the events: realized ", w(account.realized), " vs ", w(ledger.realized));
    }
    const Wide cash = account.openingCash.wide() + account.deposits - account.withdrawals + account.realized -
                      account.commissions;
    if (account.cash.wide() != cash) {
      fail(who, "cash ", d(account.cash), " != opening + deposits - withdrawals + realized - commissions = ", w(cash));
    }
    const MarginSnapshot s = snapshotOf(account);
    if (withReport) {
      const auto report = engine.report(account.config.id);
      if (!report) return fail(who, "no report");
      const Wide reported = report->openingCash.wide() + report->deposits.wide() - report->withdrawals.wide() +
                            report->realized.wide() - report->commissions.wide();
      if (report->snapshot.cash.wide() != reported || reported != cash || report->deposits.wide() != ledger.deposits ||
          report->withdrawals.wide() != ledger.withdrawals || report->realized.wide() != ledger.realized ||
          report->commissions.wide() != ledger.commissions) {
        fail(who, "report: cash ", d(report->snapshot.cash), " != opening + deposits - withdrawals + realized - ",
             "commissions = ", w(reported), " or its ledger differs from the events");
      }
      if (!sameSnapshot(report->snapshot, s) || report->state != account.state || report->halted != account.halted) {
        fail(who, "report differs from the state");
      }
      for (const PositionReport& line : report->positions) {
        const PositionState* p = account.findPosition(*state.instrumentIndex(line.symbol));
        if (!p || p->unrealized != line.unrealized || p->quantity != line.quantity ||
            p->maintenance != line.maintenance || p->initial != line.initial ||
            p->openOrderInitial != line.openOrderInitial || p->openBuy != line.openBuy || p->openSell != line.openSell) {
          fail(who, "report line ", line.symbol, " differs from the position");
        }
      }
      if (report->positions.size() != account.positions.size()) fail(who, "report has other positions");
    }
    const Wide equity = cash + unrealized;
    if (s.equity.wide() != equity || s.unrealized.wide() != unrealized) {
      fail(who, "equity ", d(s.equity), " != cash + sum(unrealized) = ", w(equity));
    }
    if (s.maintenance.wide() != maintenance || s.initial.wide() != initial || s.openOrderInitial.wide() != openInitial) {
      fail(who, "snapshot MM/IM/OOI ", d(s.maintenance), "/", d(s.initial), "/", d(s.openOrderInitial), " expected ",
           w(maintenance), "/", w(initial), "/", w(openInitial));
    }
    if (s.availableFunds.wide() != equity - initial - openInitial) fail(who, "available funds");
    if (s.amountToCure.wide() != std::max<Wide>(0, initial - equity)) fail(who, "amount to cure");
    if (s.deficitToMaintenance.wide() != std::max<Wide>(0, maintenance - equity)) fail(who, "deficit to maintenance");

    // The margin-call state against the call and the numbers. Equity, MM and IM change only through
    // fills, marks, deposits and withdrawals, and each of those re-evaluates every account it moves;
    // order traffic changes only open-order margin. So after every input, every account is in the
    // state its last evaluation left, and that evaluation saw the current numbers.
    const bool inCall = account.state == MarginState::kCall || account.state == MarginState::kLiquidation;
    if (inCall != account.call.has_value()) fail(who, "state ", d(account.state), " but call ", d(account.call.has_value()));
    const auto open = std::count(state.openCalls.begin(), state.openCalls.end(), a);
    if (open != (account.call ? 1 : 0)) fail(who, "listed ", std::to_string(open), " times in openCalls");
    const Thresholds& limits = account.config.thresholds;
    const bool hasMM = maintenance > 0;
    switch (account.state) {
      case MarginState::kNormal:
        if (hasMM && equity * kScale < limits.warningEnter.wide() * maintenance) {
          fail(who, "NORMAL below warningEnter * MM: E=", w(equity), " MM=", w(maintenance));
        }
        break;
      case MarginState::kWarning:
        if (!hasMM || equity < maintenance || equity * kScale >= limits.warningExit.wide() * maintenance) {
          fail(who, "WARNING outside [MM, warningExit * MM): E=", w(equity), " MM=", w(maintenance));
        }
        break;
      case MarginState::kCall:
        if (hasMM && (equity <= 0 || equity * kScale < limits.liquidationFloor.wide() * maintenance)) {
          fail(who, "CALL at or below the liquidation floor or with no equity: E=", w(equity), " MM=", w(maintenance));
        }
        if (std::holds_alternative<Timer>(input) && state.now >= account.call->deadline) {
          fail(who, "CALL past its deadline after a timer");
        }
        if (equity >= initial) fail(who, "CALL at the cure target: E=", w(equity), " IM=", w(initial));
        break;
      case MarginState::kLiquidation:  // ends at the cure target once its liquidation orders are done
        if (equity >= initial && account.call->liquidationOrdersOpen == 0) {
          fail(who, "LIQUIDATION at the cure target with no order working: E=", w(equity), " IM=", w(initial));
        }
        break;
    }
    // A call counts every liquidation order of the account still working and every cancel the
    // liquidation asked for that is still pending, whichever call sent them: it plans its next step
    // only when they are all done.
    if (account.call) {
      int liquidationOrders = 0;
      int cancels = 0;
      for (const auto& [id, order] : state.orders) {
        if (order.account != a) continue;
        liquidationOrders += order.liquidation ? 1 : 0;
        cancels += order.cancelByLiquidation ? 1 : 0;
      }
      if (account.call->cancelsOpen != cancels) {
        fail(who, "call counts ", std::to_string(account.call->cancelsOpen), " liquidation cancels open, there are ",
             std::to_string(cancels));
      }
      if (account.call->liquidationOrdersOpen != liquidationOrders) {
        fail(who, "call counts ", std::to_string(account.call->liquidationOrdersOpen),
             " liquidation orders open, there are ", std::to_string(liquidationOrders));
      }
    }
  }

  std::vector<Ledger> ledgers_;
  std::set<std::size_t> exempt_;  // positions a venue overfill may have flipped under a liquidation
  std::string problems_;
  uint64_t checks_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The universe: three instruments, five accounts.

struct Universe {
  RiskConfig config;
  std::vector<std::string> accountIds;
  std::vector<std::vector<std::string>> entitlements;  // one list per account
  std::vector<int64_t> startPrice;                     // raw, per instrument
};

const Universe& universe() {
  static const Universe built = [] {
    Universe u;
    // FUT: multiplier 10, whole lots, two tiers (notional above 20,000 at 20 % / 12 %).
    Instrument fut = flatInstrument("FUT", "10", "0.10", "0.05");
    fut.tiers = TierSchedule({{Money::zero(), ratio("0.10"), ratio("0.05")},
                              {money("20000"), ratio("0.20"), ratio("0.12")}});
    fut.maxOrderQuantity = qty("60");
    fut.liquidationPiece = qty("7");
    // BTC: multiplier 1, lots of 0.001, tick 0.5, two tiers.
    Instrument btc = flatInstrument("BTC", "1", "0.20", "0.10");
    btc.tickSize = px("0.5");
    btc.lotSize = qty("0.001");
    btc.maxOrderQuantity = qty("3");
    btc.priceCollarPercent = ratio("8");
    btc.markStaleAfter = Duration::fromSeconds(45);
    btc.liquidationPiece = qty("0.25");
    btc.tiers = TierSchedule({{Money::zero(), ratio("0.20"), ratio("0.10")},
                              {money("50000"), ratio("0.30"), ratio("0.20")}});
    // OPT: multiplier 0.37 (notionals that do not fit 1e-8), lots of 10, tick 0.0001.
    Instrument opt = flatInstrument("OPT", "0.37", "0.15", "0.08");
    opt.tickSize = px("0.0001");
    opt.lotSize = qty("10");
    opt.maxOrderQuantity = qty("20000");
    opt.priceCollarPercent = ratio("15");
    opt.markStaleAfter = Duration::fromSeconds(90);
    opt.liquidationPiece = qty("3000");
    u.config.instruments = {fut, btc, opt};
    u.startPrice = {px("100").raw(), px("30000").raw(), px("2.5").raw()};

    AccountConfig a1 = account("A1", "30000");
    a1.thresholds.callGracePeriod = Duration::fromSeconds(60);
    a1.thresholds.escalationStep = money("200");
    AccountConfig a2 = account("A2", "80000");
    a2.houseMultiplier = ratio("1.5");
    a2.thresholds.callGracePeriod = Duration::fromSeconds(120);
    AccountConfig a3 = account("A3", "15000");
    a3.thresholds.liquidationFloor = ratio("0.9");
    a3.thresholds.callGracePeriod = Duration::fromSeconds(30);
    AccountConfig a4 = account("A4", "200000");
    a4.houseMultiplier = ratio("1.25");
    a4.thresholds.callGracePeriod = Duration::fromSeconds(300);
    AccountConfig a5 = account("A5", "5000");
    a5.thresholds.callGracePeriod = Duration::fromSeconds(45);
    a5.thresholds.escalationStep = money("50");
    u.config.accounts = {a1, a2, a3, a4, a5};
    for (const AccountConfig& a : u.config.accounts) {
      u.accountIds.push_back(a.id);
      u.entitlements.push_back({a.id});
    }
    return u;
  }();
  return built;
}

// ---------------------------------------------------------------------------------------------
// The generator: reads the engine it drives and makes the next input, recorded with its text.

struct Stream {
  std::deque<std::string> arena;  // the text inputs view; a deque never moves its elements
  std::vector<Input> inputs;
  std::string_view keep(std::string text) {
    arena.push_back(std::move(text));
    return arena.back();
  }
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  int64_t between(int64_t low, int64_t high) {  // inclusive
    return low + static_cast<int64_t>(engine_() % static_cast<uint64_t>(high - low + 1));
  }
  bool percent(double p) { return static_cast<double>(engine_() % 1'000'000) < p * 10'000; }
  template <class T>
  const T& pick(const std::vector<T>& values) { return values[static_cast<std::size_t>(between(0, values.size() - 1))]; }

 private:
  std::mt19937_64 engine_;
};

class Generator {
 public:
  Generator(const Universe& u, uint64_t seed, Stream& stream)
      : u_(u), rng_(seed), stream_(stream), walk_(u.startPrice), now_(1'000'000'000'000) {
    for (std::size_t n = 0; n < u.accountIds.size() * walk_.size(); ++n) {
      lean_.push_back(rng_.percent(50) ? Side::kBuy : Side::kSell);
    }
  }

  Input next(const RiskEngine& engine) {
    ++step_;
    if (step_ <= static_cast<int>(walk_.size())) return marketData(step_ - 1, false);
    const RiskState& state = engine.state();
    std::vector<const OrderState*> orders;
    for (const auto& [id, order] : state.orders) orders.push_back(&order);
    std::sort(orders.begin(), orders.end(), [](auto* a, auto* b) { return a->clOrdId < b->clOrdId; });

    // The venue answers the liquidation first: its orders and the cancels it asked for.
    std::vector<const OrderState*> urgent;
    for (const OrderState* o : orders) {
      if (o->liquidation || o->cancelPending) urgent.push_back(o);
    }
    if (!urgent.empty() && rng_.percent(35)) return answerUrgent(engine, *rng_.pick(urgent));

    // Weighted choice of what happens next; an action with nothing to act on becomes a mark.
    const bool crowded = orders.size() > 30;
    enum Action { kNew, kMark, kFill, kCancel, kReplace, kAnswerReplace, kAck, kReject, kDone, kDeposit, kWithdraw,
                  kTimer, kHaltResume, kUnknown, kActions };
    const int weights[kActions] = {crowded ? 80 : 250, 150, 180, 50, 50, 50, 40, 30, crowded ? 120 : 50,
                                   15, 40, 40, 15, 10};
    int roll = static_cast<int>(rng_.between(0, 999));
    int action = 0;
    for (int total = 0; action < kActions; ++action) {
      total += weights[action];
      if (roll < total) break;
    }
    if (!orders.empty()) {
      const OrderState& o = *rng_.pick(orders);
      switch (action) {
        case kFill: return fill(engine, o, false);
        case kCancel: return cancel(o);
        case kReplace: return replace(engine, o);
        case kAck: return VenueAck{time(), id(o)};
        case kReject:
          if (!o.acknowledged) return VenueReject{time(), id(o)};
          break;
        case kDone: return OrderDone{time(), id(o)};
        case kAnswerReplace:
          for (const OrderState* pending : orders) {
            if (pending->replace) return answerReplace(*pending);
          }
          break;
        default: break;
      }
    }
    switch (action) {
      case kNew: return newOrder(engine);
      case kDeposit: return deposit();
      case kWithdraw: return withdrawal(engine);
      case kTimer: return timer();
      case kHaltResume: return haltOrResume(engine);
      case kUnknown: return unknownReport();
      default: break;
    }
    return marketData(rng_.between(0, walk_.size() - 1), true);
  }

 private:
  Timestamp time() {
    now_ += rng_.between(0, 1500) * 1'000'000;
    return {now_};
  }
  std::string_view keep(std::string text) { return stream_.keep(std::move(text)); }
  const Instrument& instrument(std::size_t i) const { return u_.config.instruments[i]; }

  // The current reference price of an instrument: the engine's mark, else the walk.
  int64_t referencePrice(const RiskEngine& engine, std::size_t i) const {
    const auto mark = engine.mark(instrument(i).symbol);
    return mark ? mark->raw() : walk_[i];
  }
  int64_t onTick(const Instrument& inst, Wide raw) const {
    const int64_t tick = inst.tickSize.raw();
    const int64_t rounded = static_cast<int64_t>(roundHalfEven(raw, tick) * tick);
    return std::max(rounded, tick);
  }
  // A price within `percent` % of the reference (percent as a whole number times 10).
  int64_t nearPrice(const Instrument& inst, int64_t reference, int64_t permille) {
    const Wide band = Wide{reference} * permille / 1000;
    return onTick(inst, reference + rng_.between(-static_cast<int64_t>(band), static_cast<int64_t>(band)));
  }
  std::string_view id(const OrderState& order) {
    // Venue reports may name a pending replacement by its new id.
    if (order.replace && rng_.percent(30)) return keep(order.replace->clOrdId);
    return keep(order.clOrdId);
  }
  std::span<const std::string> entitled(std::size_t account) { return u_.entitlements[account]; }

  Input marketData(std::size_t i, bool move) {
    const Instrument& inst = instrument(i);
    int64_t& price = walk_[i];
    if (move) {
      const int64_t roll = rng_.between(0, 999);
      Wide permilleMove = 0;
      if (roll < 25) permilleMove = -rng_.between(60, 250);      // crash
      else if (roll < 40) permilleMove = rng_.between(60, 200);  // spike
      else if (roll < 150) permilleMove = 0;                     // same price again
      else permilleMove = rng_.between(-15, 15);
      Wide next = Wide{price} * (1000 + permilleMove) / 1000;
      const Wide low = Wide{u_.startPrice[i]} / 5, high = Wide{u_.startPrice[i]} * 5;
      next = std::clamp(next, low, high);
      price = onTick(inst, next);
    }
    MarketData md;
    md.time = time();
    md.symbol = inst.symbol;
    const int64_t roll = rng_.between(0, 999);
    const int64_t tick = inst.tickSize.raw();
    if (roll < 700 || !move) {
      md.last = Price::fromRaw(price);
    } else if (roll < 950) {  // a quote: its mid may fall between ticks
      const int64_t spread = rng_.between(0, 3);
      md.bid = Price::fromRaw(std::max(tick, price - spread * tick));
      md.ask = Price::fromRaw(price + rng_.between(0, 3) * tick);
    } else if (roll < 985) {  // a crossed quote: the last trade decides
      md.bid = Price::fromRaw(price + tick);
      md.ask = Price::fromRaw(price);
      md.last = Price::fromRaw(price);
    } else if (roll < 995) {
      md.last = Price::fromRaw(-price);  // refused
    } else {
      md.symbol = "NOPE";
      md.last = Price::fromRaw(price);
    }
    return md;
  }

  Input newOrder(const RiskEngine& engine) {
    NewOrder order;
    order.time = time();
    const std::size_t a = static_cast<std::size_t>(rng_.between(0, u_.accountIds.size() - 1));
    const std::size_t i = static_cast<std::size_t>(rng_.between(0, walk_.size() - 1));
    const Instrument& inst = instrument(i);
    order.account = u_.accountIds[a];
    order.entitledAccounts = entitled(a);
    order.symbol = inst.symbol;
    const int64_t oddity = rng_.between(0, 999);
    if (oddity < 10) order.account = "ZZZ";
    else if (oddity < 25) order.entitledAccounts = entitled((a + 1) % u_.accountIds.size());
    else if (oddity < 35) order.symbol = "NOPE";
    // Each account leans one way in each instrument, so that positions build up and calls happen.
    Side& lean = lean_[a * walk_.size() + i];
    if (rng_.percent(2)) lean = lean == Side::kBuy ? Side::kSell : Side::kBuy;
    order.side = rng_.percent(80) ? lean : (lean == Side::kBuy ? Side::kSell : Side::kBuy);
    order.type = rng_.percent(8) ? OrderType::kMarket : OrderType::kLimit;
    const int64_t maxLots = inst.maxOrderQuantity.raw() / inst.lotSize.raw();
    const int64_t lots = rng_.percent(50) ? rng_.between(1, std::max<int64_t>(1, maxLots / 3)) : rng_.between(1, maxLots);
    int64_t quantity = lots * inst.lotSize.raw();
    if (oddity >= 35 && oddity < 50) quantity += 1;                     // not a whole lot
    else if (oddity >= 50 && oddity < 55) quantity = 0;                 // zero
    else if (oddity >= 55 && oddity < 65) quantity = inst.maxOrderQuantity.raw() + inst.lotSize.raw();
    order.quantity = Quantity::fromRaw(quantity);
    // Mostly inside the collar, sometimes beyond it, now and then off the tick grid.
    const int64_t collarPermille = inst.priceCollarPercent.raw() / 10'000'000;
    int64_t price = nearPrice(inst, referencePrice(engine, i), collarPermille * 6 / 5);
    if (oddity >= 65 && oddity < 80) price += 1;
    order.limitPrice = Price::fromRaw(order.type == OrderType::kMarket ? 0 : price);
    std::string id = numbered("C", ++orderNumber_);
    if (oddity >= 80 && oddity < 90 && orderNumber_ > 1) id = numbered("C", rng_.between(1, orderNumber_ - 1));
    if (oddity >= 90 && oddity < 93) id = "";
    order.clOrdId = keep(std::move(id));
    return order;
  }

  Quantity fillQuantity(const Instrument& inst, const OrderState& o, bool full) {
    const int64_t leaves = o.leaves().raw();
    const int64_t lot = inst.lotSize.raw();
    if (full || leaves < 2 * lot) return Quantity::fromRaw(leaves);
    return Quantity::fromRaw(rng_.between(1, leaves / lot - 1) * lot);
  }

  Input fill(const RiskEngine& engine, const OrderState& o, bool fromUrgent) {
    const Instrument& inst = instrument(o.instrument);
    Fill f;
    f.time = time();
    f.clOrdId = id(o);
    f.execId = keep(numbered("E", ++execNumber_));
    f.quantity = fillQuantity(inst, o, rng_.percent(45));
    // Within the collar of the mark, and no worse than the limit.
    const int64_t collarPermille = inst.priceCollarPercent.raw() / 10'000'000;
    int64_t price = nearPrice(inst, referencePrice(engine, o.instrument), collarPermille * 9 / 10);
    if (o.type == OrderType::kLimit && !o.limitPrice.isZero()) {
      if (o.side == Side::kBuy) price = std::min(price, o.limitPrice.raw());
      else price = std::max(price, o.limitPrice.raw());
    }
    f.price = Price::fromRaw(price);
    f.commission = Money::fromRaw(rng_.percent(30) ? 0 : rng_.between(1, 300) * 1'000'000);
    if (!fromUrgent && !o.liquidation) {
      // A venue overfill (a venue error) only where no liquidation order works on the position: an
      // overfilled reducing order there could let a liquidation fill flip it, which is the venue's doing.
      bool liquidating = false;
      for (const auto& [key, other] : engine.state().orders) {
        liquidating = liquidating || (other.liquidation && other.account == o.account && other.instrument == o.instrument);
      }
      const int64_t oddity = rng_.between(0, 9999);
      if (oddity < 30 && !liquidating) f.quantity = Quantity::fromRaw(o.leaves().raw() + inst.lotSize.raw());
      else if (oddity < 33) f.quantity = Quantity::zero();  // bad report: the account is halted
    }
    return f;
  }

  Input answerUrgent(const RiskEngine& engine, const OrderState& o) {
    const int64_t roll = rng_.between(0, 99);
    if (o.liquidation) {  // immediate-or-cancel: filled, partly filled, rejected or expired
      if (roll < 55) return fill(engine, o, true);
      if (roll < 65 && !o.acknowledged) return VenueReject{time(), id(o)};
      if (roll < 70) return VenueAck{time(), id(o)};
      return OrderDone{time(), id(o)};
    }
    if (roll < 70) return OrderDone{time(), id(o)};
    if (roll < 85) return CancelRejected{time(), keep(o.clOrdId)};
    return fill(engine, o, true);
  }

  Input cancel(const OrderState& o) {
    const std::size_t a = o.account;
    CancelRequest request{time(), keep(o.clOrdId), entitled(a)};
    if (rng_.percent(3)) request.origClOrdId = "C0";
    else if (rng_.percent(2)) request.entitledAccounts = entitled((a + 1) % u_.accountIds.size());
    return request;
  }

  Input replace(const RiskEngine& engine, const OrderState& o) {
    const Instrument& inst = instrument(o.instrument);
    ReplaceRequest request;
    request.time = time();
    request.clOrdId = keep(numbered("R", ++orderNumber_));
    request.origClOrdId = keep(o.clOrdId);
    request.entitledAccounts = entitled(o.account);
    const int64_t maxLots = inst.maxOrderQuantity.raw() / inst.lotSize.raw();
    const int64_t filledLots = o.filled.raw() / inst.lotSize.raw();
    const int64_t lots = rng_.percent(15) ? std::max<int64_t>(0, filledLots - rng_.between(0, 1))
                                          : filledLots + rng_.between(1, std::max<int64_t>(1, maxLots / 5));
    request.quantity = Quantity::fromRaw(lots * inst.lotSize.raw());
    const int64_t collarPermille = inst.priceCollarPercent.raw() / 10'000'000;
    request.limitPrice = Price::fromRaw(nearPrice(inst, referencePrice(engine, o.instrument), collarPermille * 11 / 10));
    return request;
  }

  Input answerReplace(const OrderState& o) {
    const std::string_view replacement = keep(o.replace->clOrdId);
    const std::string_view original = keep(o.clOrdId);
    if (rng_.percent(70)) return ReplaceConfirmed{time(), replacement, original};
    return ReplaceRejected{time(), replacement, original};
  }

  Input deposit() {
    Deposit input;
    input.time = time();
    input.account = rng_.percent(3) ? std::string_view("ZZZ") : std::string_view(rng_.pick(u_.accountIds));
    input.amount = Money::fromRaw(rng_.between(100, 8'000) * kScale + rng_.between(0, 99) * 1'000'000);
    if (rng_.percent(8)) input.amount = Money::fromRaw(-rng_.between(0, 100) * kScale);
    input.reference = keep(numbered("D", ++adminNumber_));
    return input;
  }

  Input withdrawal(const RiskEngine& engine) {
    Withdrawal input;
    input.time = time();
    const std::string& account = rng_.pick(u_.accountIds);
    input.account = account;
    const Money cash = engine.report(account)->snapshot.cash;
    const int64_t most = std::max<int64_t>(kScale, cash.raw() / 2);
    input.amount = Money::fromRaw(rng_.between(1, most / 1'000'000) * 1'000'000);
    if (rng_.percent(5)) input.amount = Money::zero();
    input.reference = keep(numbered("W", ++adminNumber_));
    return input;
  }

  Input timer() {
    const int64_t roll = rng_.between(0, 99);
    const int64_t seconds = roll < 60 ? rng_.between(1, 20) : roll < 90 ? rng_.between(20, 90) : rng_.between(90, 400);
    now_ += seconds * 1'000'000'000;
    return Timer{{now_}};
  }

  Input haltOrResume(const RiskEngine& engine) {
    std::vector<std::string_view> halted;
    for (const std::string& account : u_.accountIds) {
      if (engine.report(account)->halted) halted.push_back(account);
    }
    if (!halted.empty() && rng_.percent(85)) return Resume{time(), rng_.pick(halted)};
    if (rng_.percent(20)) return Halt{time(), rng_.pick(u_.accountIds), "ops"};
    return Resume{time(), rng_.pick(u_.accountIds)};
  }

  Input unknownReport() {
    switch (rng_.between(0, 3)) {
      case 0: return Fill{time(), "X1", "EX", qty("1"), px("1"), Money::zero()};
      case 1: return OrderDone{time(), "X2"};
      case 2: return VenueAck{time(), "X3"};
      default: return ReplaceConfirmed{time(), "X4", "X5"};
    }
  }

  const Universe& u_;
  Rng rng_;
  Stream& stream_;
  std::vector<int64_t> walk_;
  std::vector<Side> lean_;  // per account and instrument
  int64_t now_;
  int step_ = 0;
  int64_t orderNumber_ = 0;
  int64_t execNumber_ = 0;
  int64_t adminNumber_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Running a stream.

struct Coverage {
  std::map<std::string, int> events;
  int liquidationFills = 0;
  int liquidationOrders = 0;
};

void count(const Events& events, Coverage& coverage) {
  for (const Event& event : events) {
    static const char* const kNames[] = {
        "OrderAccepted", "OrderDenied", "ReplaceAccepted", "ReplaceDenied", "CancelAccepted", "CancelDenied",
        "FillApplied", "InputRejected", "MarginStateChanged", "WarningIssued", "CallIssued", "CallEscalated",
        "CallClosed", "LiquidationPlan", "LiquidationStalled", "DepositApplied", "WithdrawalApplied", "AdminDenied",
        "AccountHalted", "AccountResumed", "ConfigReloaded", "ConfigReloadRefused"};
    static_assert(std::size(kNames) == std::variant_size_v<Event>);
    ++coverage.events[kNames[event.index()]];
    if (const auto* fill = std::get_if<FillApplied>(&event); fill && fill->liquidation) ++coverage.liquidationFills;
    if (const auto* plan = std::get_if<LiquidationPlan>(&event)) coverage.liquidationOrders += plan->orders.size();
  }
}

// Runs inputs on a fresh engine with the invariants checked after each. Returns the index of the
// first input after which an invariant broke (and what broke), or -1.
int firstViolation(const std::vector<Input>& inputs, std::string* problem) {
  RiskEngine engine(universe().config);
  InvariantChecker checker(engine.state());
  Events events;
  for (std::size_t n = 0; n < inputs.size(); ++n) {
    events.clear();
    const auto before = positionsOf(engine.state());
    engine.apply(inputs[n], events);
    std::string found = checker.check(engine, inputs[n], events, before);
    if (!found.empty()) {
      if (problem) *problem = found;
      return static_cast<int>(n);
    }
  }
  return -1;
}

// What kind of violation a problem text reports: its first line with every number and the
// account and symbol names replaced by '#'.
std::string kindOf(const std::string& problem) {
  std::string line = problem.substr(0, problem.find('\n'));
  if (line.rfind("account ", 0) == 0) line = line.substr(line.find(": ") + 2);
  std::string kind;
  for (const char c : line) {
    const bool number = (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (!number) kind += c;
    else if (kind.empty() || kind.back() != '#') kind += '#';
  }
  return kind;
}

// Delta debugging over the inputs: the smallest stream found that still breaks the same invariant.
std::vector<Input> minimize(std::vector<Input> inputs, const std::string& kind) {
  std::size_t chunk = inputs.size() / 2;
  while (chunk >= 1) {
    bool removed = false;
    for (std::size_t start = 0; start < inputs.size();) {
      std::vector<Input> candidate(inputs.begin(), inputs.begin() + start);
      candidate.insert(candidate.end(), inputs.begin() + std::min(inputs.size(), start + chunk), inputs.end());
      std::string problem;
      const int at = firstViolation(candidate, &problem);
      if (at >= 0 && kindOf(problem) == kind) {
        inputs.assign(candidate.begin(), candidate.begin() + at + 1);
        removed = true;
      } else {
        start += chunk;
      }
    }
    if (!removed) chunk /= 2;
  }
  return inputs;
}

int envInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value ? std::atoi(value) : fallback;
}

TEST(RiskEnginePropertyTest, InvariantsHoldAfterEveryInputAndReplayIsDeterministic) {
  const Universe& u = universe();
  const int seeds = envInt("RISK_PROPERTY_SEEDS", 20);
  const int steps = envInt("RISK_PROPERTY_STEPS", 5000);
  Coverage coverage;
  const int firstSeed = envInt("RISK_PROPERTY_FIRST_SEED", 1);
  for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Stream stream;
    Generator generator(u, static_cast<uint64_t>(seed) * 7919, stream);
    RiskEngine engine(u.config);
    InvariantChecker checker(engine.state());
    std::vector<std::string> recorded;
    Events events;
    for (int n = 0; n < steps; ++n) {
      const Input input = generator.next(engine);
      stream.inputs.push_back(input);
      events.clear();
      const auto before = positionsOf(engine.state());
      engine.apply(input, events);
      recorded.push_back(describe(events));
      count(events, coverage);
      const std::string problem = checker.check(engine, input, events, before);
      if (!problem.empty()) {
        std::string trace;
        if (envInt("RISK_PROPERTY_MINIMIZE", 0) != 0) {
          const std::vector<Input> small = minimize(stream.inputs, kindOf(problem));
          RiskEngine replay(u.config);
          InvariantChecker again(replay.state());
          for (const Input& step : small) {
            trace += "  " + describe(step) + "\n";
            events.clear();
            const auto was = positionsOf(replay.state());
            replay.apply(step, events);
            for (const Event& event : events) trace += "    -> " + describe(event) + "\n";
            const std::string broken = again.check(replay, step, events, was);
            if (!broken.empty()) trace += "    BROKEN: " + broken;
          }
        }
        FAIL() << "after input " << n << ": " << describe(input) << "\nevents:\n"
               << recorded.back() << "broken:\n" << problem << (trace.empty() ? "" : "minimized:\n") << trace;
      }
    }

    // Replay on a fresh engine: the same events, input by input, and the same final reports.
    RiskEngine replay(u.config);
    for (std::size_t n = 0; n < stream.inputs.size(); ++n) {
      events.clear();
      replay.apply(stream.inputs[n], events);
      const std::string again = describe(events);
      ASSERT_EQ(again, recorded[n]) << "replay diverged at input " << n << ": " << describe(stream.inputs[n]);
    }
    for (const std::string& account : engine.accountIds()) {
      ASSERT_EQ(describe(*replay.report(account)), describe(*engine.report(account)));
    }
    EXPECT_EQ(replay.accountIds(), engine.accountIds());
  }

  // The stream must reach the interesting parts of the engine, or the invariants prove little.
  std::string summary;
  for (const auto& [type, n] : coverage.events) summary += type + "=" + std::to_string(n) + " ";
  std::cout << "[coverage] " << summary << "liquidationOrders=" << coverage.liquidationOrders
            << " liquidationFills=" << coverage.liquidationFills << "\n";
  if (seeds >= 20 && steps >= 5000) {
    for (const char* type : {"OrderAccepted", "OrderDenied", "FillApplied", "WarningIssued", "CallIssued",
                             "CallEscalated", "CallClosed", "LiquidationPlan", "ReplaceAccepted", "CancelAccepted",
                             "DepositApplied", "WithdrawalApplied", "AccountHalted", "AccountResumed"}) {
      EXPECT_GT(coverage.events[type], 0) << type << " never happened";
    }
    EXPECT_GT(coverage.liquidationFills, 50);
  }
}

TEST(RiskEnginePropertyTest, DescribeTellsEventsApart) {
  const Event a = CancelAccepted{Timestamp{1}, OrderId("o1"), Name("A1")};
  const Event b = CancelAccepted{Timestamp{1}, OrderId("o1"), Name("A2")};
  const Event c = CancelDenied{Timestamp{1}, OrderId("o1"), Denial(DenialCode::kUnknownOrder)};
  EXPECT_TRUE(eventsEqual(a, a));
  EXPECT_FALSE(eventsEqual(a, b));
  EXPECT_FALSE(eventsEqual(a, c));
}

// ---------------------------------------------------------------------------------------------
// Cases the property test found, minimized by hand to the steps that matter.

// FUT: multiplier 10, initial 10 %, maintenance 5 %, liquidation pieces of 10. ACC: 10,000 cash,
// long 80 @ 100 (IM 8,000, MM 4,000).
class LiquidationAcrossCallsTest : public EngineTest {
 protected:
  void SetUp() override {
    Instrument fut = flatInstrument("FUT", "10", "0.10", "0.05");
    fut.liquidationPiece = qty("10");
    config_.instruments.push_back(fut);
    config_.accounts.push_back(account("ACC", "10000"));
    start();
    markAt("FUT", "100", 0);
    openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 1);
  }

  const CallState& call() const { return *engine_->state().accounts[0].call; }
  int open(bool liquidation) const {
    int n = 0;
    for (const auto& [id, order] : engine_->state().orders) {
      n += (liquidation ? order.liquidation : order.cancelByLiquidation) ? 1 : 0;
    }
    return n;
  }
  int liquidationOrdersSent() const {
    int n = 0;
    for (const Event& event : events_) {
      if (const auto* plan = std::get_if<LiquidationPlan>(&event)) n += static_cast<int>(plan->orders.size());
    }
    return n;
  }
};

// Found by the property test (seed 31): a call cured while its liquidation orders were still
// working, then a new call. The old orders' fills and expiries were counted against the new call,
// so the new call planned again while its own orders were still working (over-liquidating). A call
// now lasts until its liquidation orders are done (see the next tests), and a new call counts any
// liquidation order or cancel still working when it starts.
TEST_F(LiquidationAcrossCallsTest, ACallCuredWhileItsOrdersWorkEndsWhenTheyAreDoneAndTheNextStartsClean) {
  // Mark 88: E = 10,000 - 9,600 = 400, MM = 3,520, health 0.11: liquidation at once. Keep k with
  // 88 * k <= 400, k = 4: sell 76 in pieces of 10.
  markAt("FUT", "88", 2);
  ASSERT_TRUE(has<LiquidationPlan>());
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 8u);
  // A deposit brings equity to the cure target while the eight orders are still at the venue.
  send(Deposit{at(3), "ACC", money("20000"), "d1"});
  EXPECT_FALSE(has<CallClosed>());
  EXPECT_EQ(liquidationOrdersSent(), 0);
  ASSERT_EQ(open(true), 8);
  for (int n = 1; n <= 7; ++n) {
    send(OrderDone{at(5), "LIQ-MC-1-" + std::to_string(n)});
    EXPECT_EQ(liquidationOrdersSent(), 0) << "after LIQ-MC-1-" << n << " expired";
    EXPECT_FALSE(has<CallClosed>());
    EXPECT_EQ(call().liquidationOrdersOpen, open(true));
  }
  send(OrderDone{at(6), "LIQ-MC-1-8"});  // the last one: the call ends
  ASSERT_TRUE(has<CallClosed>());
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
  // Mark 62: E = 30,000 - 30,400 = -400: a new call, straight to liquidation of all 80.
  markAt("FUT", "62", 7);
  ASSERT_TRUE(has<CallIssued>());
  EXPECT_EQ(first<CallIssued>().callId, std::string_view("MC-2"));
  EXPECT_EQ(liquidationOrdersSent(), 8);
  EXPECT_EQ(call().liquidationOrdersOpen, 8);
  // One of them expires: seven are still working, so no new step yet.
  send(OrderDone{at(8), "LIQ-MC-2-1"});
  EXPECT_EQ(liquidationOrdersSent(), 0);
  EXPECT_EQ(call().liquidationOrdersOpen, 7);
}

// The same with cancels: a cancel the first call asked for, still pending when the next call
// starts, was counted against the next call's own cancels, which then sent liquidation orders
// while a risk-increasing order it had asked to cancel was still open.
TEST_F(LiquidationAcrossCallsTest, CancelsOfACuredCallStillCountWhenTheNextCallStarts) {
  order("x", "ACC", "FUT", Side::kBuy, "5", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  markAt("FUT", "88", 2);  // liquidation: first cancel x
  ASSERT_TRUE(has<LiquidationPlan>());
  ASSERT_EQ(first<LiquidationPlan>().cancels.size(), 1u);
  send(Deposit{at(3), "ACC", money("20000"), "d1"});  // cured; x's cancel still pending
  ASSERT_TRUE(has<CallClosed>());
  order("y", "ACC", "FUT", Side::kBuy, "1", "88", 3);  // a new risk-increasing order
  ASSERT_TRUE(has<OrderAccepted>());
  markAt("FUT", "62", 4);  // a new call, straight to liquidation
  ASSERT_TRUE(has<CallIssued>());
  EXPECT_EQ(liquidationOrdersSent(), 0);
  EXPECT_EQ(call().cancelsOpen, open(false));
  send(OrderDone{at(5), "x"});  // the old cancel is confirmed; y must be cancelled before any close
  EXPECT_EQ(liquidationOrdersSent(), 0) << "liquidation orders sent while y is still open";
  EXPECT_TRUE(engine_->state().orders.at("y").cancelPending);
  EXPECT_EQ(call().cancelsOpen, open(false));
  send(OrderDone{at(6), "y"});
  EXPECT_EQ(liquidationOrdersSent(), 8);  // all 80 in pieces of 10
}

// Found by the property test (seed 91): a deposit cured a call while its liquidation sells were
// still at the venue; back in NORMAL, the client sold down the rest of the position, and the
// liquidation sells then took it through zero. The call now lasts until its liquidation orders are
// done, so in the meantime the client's sell beyond what is left is refused as risk-increasing.
TEST_F(LiquidationAcrossCallsTest, NoLiquidationFillFlipsAPositionTheClientSoldDownAfterACure) {
  markAt("FUT", "88", 2);  // liquidation: sell 76 in 8 pieces (see above)
  ASSERT_EQ(liquidationOrdersSent(), 8);
  send(Deposit{at(3), "ACC", money("20000"), "d1"});  // E = 20,400 >= IM = 7,040
  EXPECT_FALSE(has<CallClosed>()) << "the call closed with its liquidation orders still working";
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
  // Sell 80 on top of the 76 working: it could take the position through zero.
  order("s", "ACC", "FUT", Side::kSell, "80", "88", 3);
  EXPECT_TRUE(has<OrderDenied>());
  if (has<OrderAccepted>()) fill("s", "80", "88", 3);
  for (int n = 1; n <= 8; ++n) {
    const std::string id = "LIQ-MC-1-" + std::to_string(n);
    fill(id, n < 8 ? "10" : "6", "88", 4);
    ASSERT_TRUE(has<FillApplied>()) << id;
    EXPECT_GE(first<FillApplied>().positionAfter, Quantity::zero()) << id << " flipped the position";
  }
  // The last fill finishes the liquidation: 4 left, E = 20,400, IM = 352: closed.
  ASSERT_TRUE(has<CallClosed>());
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidated);
  EXPECT_EQ(report("ACC").positions.at(0).quantity, qty("4"));
}

// Found while reading the property test's counters: a replace confirmed down to the quantity already
// filled finishes the order, but the liquidation's cancel of that order was never counted as done,
// so the liquidation waited for it forever.
TEST_F(LiquidationAcrossCallsTest, AReplaceThatFinishesAnOrderTheLiquidationCancelsLetsItGoOn) {
  order("x", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  send(ReplaceRequest{at(1), "x2", "x", qty("6"), px("100"), entitled_});
  ASSERT_TRUE(has<ReplaceAccepted>());
  fill("x", "6", "100", 1);  // long 86; x has 4 left until the venue confirms the replace
  markAt("FUT", "88", 2);    // E = 10,000 - 10,320 < 0: liquidation, first cancel x
  ASSERT_TRUE(has<LiquidationPlan>());
  ASSERT_EQ(first<LiquidationPlan>().cancels.size(), 1u);
  ASSERT_EQ(liquidationOrdersSent(), 0);
  send(ReplaceConfirmed{at(3), "x2", "x"});  // 6 of 6 filled: x is done
  EXPECT_FALSE(engine_->state().orders.contains("x2"));
  EXPECT_EQ(call().cancelsOpen, 0);
  EXPECT_EQ(liquidationOrdersSent(), 9) << "the liquidation does not go on";  // all 86 in pieces of 10
}

// ---------------------------------------------------------------------------------------------
// Conservation of realized PnL.
//
// Closing a position of |Q| with cost basis B in k pieces q_1..q_k at one price P realizes
//   sum_j (s * round(q_j * m * P) - removed_j)
// where removed_j = round(basis_j * q_j / open_j). The removed bases telescope: the last piece has
// q_k == open_k and removes basis_k exactly, so sum_j removed_j == B with no rounding at all. A
// single close realizes s * round(|Q| * m * P) - B. The difference is therefore
//   s * (sum_j round(x_j) - round(sum_j x_j)),  x_j = q_j * m * P in 1e-8 units,
// and since each half-even rounding moves a value by at most 1/2 unit, |difference| <= (k + 1) / 2
// units; it is an integer, so |difference| <= floor((k + 1) / 2) x 1e-8. It is exactly zero when
// every x_j is a whole number of 1e-8 units (for example an integer multiplier, prices on a 0.01
// tick and quantities in 0.001 lots).

Wide realizedInPieces(Quantity position, Money basis, const std::vector<Quantity>& pieces, Price price,
                      Ratio multiplier) {
  const Side closing = position.isPositive() ? Side::kSell : Side::kBuy;
  Wide realized = 0;
  for (const Quantity piece : pieces) {
    const auto result = applyFill(position, basis, closing, piece, price, multiplier);
    EXPECT_TRUE(result.has_value());
    realized += result->realized.wide();
    position = result->quantity;
    basis = result->costBasis;
  }
  EXPECT_TRUE(position.isZero());
  EXPECT_TRUE(basis.isZero());
  return realized;
}

TEST(RealizedConservationTest, PartialClosesRealizeWhatOneCloseRealizesWithinHalfAUnitPerRounding) {
  Rng rng(20240611);
  const std::vector<std::string_view> multipliers = {"1", "10", "0.37", "0.001", "3.14159265", "0.00012345", "250"};
  int inexactCases = 0;
  int worst = 0;
  for (int n = 0; n < 20'000; ++n) {
    const Ratio multiplier = ratio(multipliers[n % multipliers.size()]);
    const bool exact = n % 2 == 0;  // integer-ish setting: 0.01 tick, 0.001 lot, integer multiplier
    const Ratio m = exact ? ratio("10") : multiplier;
    const int64_t tick = exact ? 1'000'000 : 1;  // 0.01 or 1e-8
    const int64_t lot = exact ? 100'000 : rng.between(1, 100'000);
    const Side side = rng.percent(50) ? Side::kBuy : Side::kSell;
    // Open with a few fills at different prices, so that the basis is irregular.
    Quantity position;
    Money basis;
    for (int fills = static_cast<int>(rng.between(1, 4)); fills > 0; --fills) {
      const Quantity q = Quantity::fromRaw(rng.between(1, 5000) * lot);
      const Price p = Price::fromRaw(rng.between(1, 2'000'000) * tick);
      const auto opened = applyFill(position, basis, side, q, p, m);
      ASSERT_TRUE(opened);
      position = opened->quantity;
      basis = opened->costBasis;
    }
    const Price close = Price::fromRaw(rng.between(1, 2'000'000) * tick);
    const int64_t lots = position.abs().raw() / lot;
    const int k = static_cast<int>(std::min<int64_t>(lots, rng.between(1, 12)));
    std::vector<Quantity> pieces;
    int64_t left = lots;
    for (int j = 1; j < k; ++j) {
      const int64_t take = rng.between(1, left - (k - j));
      pieces.push_back(Quantity::fromRaw(take * lot));
      left -= take;
    }
    pieces.push_back(Quantity::fromRaw(left * lot));
    const Wide single = realizedInPieces(position, basis, {position.abs()}, close, m);
    const Wide split = realizedInPieces(position, basis, pieces, close, m);
    const Wide difference = split > single ? split - single : single - split;
    if (exact) {
      ASSERT_EQ(difference, 0) << "case " << n;
    } else {
      ASSERT_LE(difference, (k + 1) / 2) << "case " << n << " k=" << k;
      inexactCases += difference != 0 ? 1 : 0;
      worst = std::max(worst, static_cast<int>(difference));
    }
  }
  EXPECT_GT(inexactCases, 0) << "the rounding bound was never exercised";
  std::cout << "[conservation] cases with a rounding difference: " << inexactCases << ", largest " << worst
            << " x 1e-8\n";
}

// The same through the engine: two accounts open the same position; one closes it in k fills, the
// other in one. Their realized PnL differs by at most floor((k + 1) / 2) x 1e-8.
class RealizedThroughEngineTest : public EngineTest {};

TEST_F(RealizedThroughEngineTest, SplitCloseMatchesSingleClose) {
  Instrument odd = flatInstrument("ODD", "0.37", "0.05", "0.02");
  odd.tickSize = px("0.0001");
  odd.lotSize = qty("0.001");
  config_.instruments.push_back(odd);
  config_.accounts.push_back(account("SPLIT", "1000000"));
  config_.accounts.push_back(account("ONE", "1000000"));
  start();
  markAt("ODD", "123.4567", 0);
  for (const char* who : {"SPLIT", "ONE"}) {
    const std::string a = std::string("open-") + who, b = std::string("add-") + who;
    order(a, who, "ODD", Side::kBuy, "7.777", "123.4567", 1);
    fill(a, "7.777", "120.0001", 1);
    order(b, who, "ODD", Side::kBuy, "3.333", "123.4567", 2);
    fill(b, "3.333", "125.9999", 2);
  }
  order("close-SPLIT", "SPLIT", "ODD", Side::kSell, "11.11", "123.4567", 3);
  const std::vector<std::string_view> pieces = {"0.001", "1.234", "3.333", "0.007", "2.222", "4.313"};  // 11.11
  for (const std::string_view piece : pieces) fill("close-SPLIT", piece, "121.2345", 4);
  order("close-ONE", "ONE", "ODD", Side::kSell, "11.11", "123.4567", 3);
  fill("close-ONE", "11.11", "121.2345", 4);
  const AccountReport split = report("SPLIT");
  const AccountReport one = report("ONE");
  ASSERT_TRUE(split.positions.empty());
  ASSERT_TRUE(one.positions.empty());
  const Wide difference = split.realized.wide() - one.realized.wide();
  EXPECT_LE(difference < 0 ? -difference : difference, Wide{(pieces.size() + 1) / 2});
  EXPECT_EQ(split.snapshot.cash.wide() - one.snapshot.cash.wide(), difference);
}

}  // namespace
}  // namespace risk::testing
