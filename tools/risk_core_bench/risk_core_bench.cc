// Benchmarks of the risk core's hot paths on a warm engine with 100,000 accounts.
//
//   BM_PreTradeCheck_Accepted / _Denied   RiskEngine::check() for an account holding positions in four
//                                        instruments with open orders in each
//   BM_NewOrderAccepted                  onNewOrder (accepted, recorded) followed by onOrderDone of the
//                                        same order, so that the book stays bounded: the pair is timed
//   BM_Fill                              a one-lot fill on a position, buy and sell in turn
//   BM_MarkUpdate/holders:N/accounts:M   a mark move of an instrument that N of M accounts hold; the
//                                        two prices change no margin state. per_holder is the time per
//                                        holder re-priced and re-evaluated (CPU time / N)
//
// allocs_per_op counts calls of the global operator new per iteration: every operator new of this
// executable is replaced with a counting one.
//
// Build and run (Release):
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench --target risk_core_bench
//   build-bench/tools/risk_core_bench/risk_core_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "risk/risk_engine.h"
#include "tools/bench_support/allocation_counter.h"

namespace {

using namespace risk;


// ---- A warm engine -----------------------------------------------------------------------------------

Price px(std::string_view text) { return *Price::parse(text).value; }
Quantity qty(std::string_view text) { return *Quantity::parse(text).value; }
Money money(std::string_view text) { return *Money::parse(text).value; }
Ratio ratio(std::string_view text) { return *Ratio::parse(text).value; }

Instrument instrument(std::string symbol, std::string_view multiplier) {
  Instrument i;
  i.symbol = std::move(symbol);
  i.currency = "USD";
  i.multiplier = ratio(multiplier);
  i.tickSize = px("0.01");
  i.lotSize = qty("1");
  i.maxOrderQuantity = qty("100000000");
  i.maxOrderNotional = money("90000000000");
  i.priceCollarPercent = ratio("10");
  i.markStaleAfter = Duration::fromSeconds(86'400);
  i.liquidationPiece = qty("1000");
  i.tiers = TierSchedule({{Money::zero(), ratio("0.10"), ratio("0.05")}, {money("1000000"), ratio("0.20"), ratio("0.10")}});
  return i;
}

std::string accountId(int n) {
  char text[16] = "ACC";
  std::snprintf(text + 3, sizeof(text) - 3, "%06d", n);
  return text;
}

class World {
 public:
  // `accounts` accounts with 1,000,000 cash each (the second, which the fill benchmark trades, with
  // 5,000,000,000); the first also holds a position and two open orders in each of I0..I3 (the account
  // the pre-trade benchmarks check).
  explicit World(int accounts) {
    RiskConfig config;
    config.instruments = {instrument("X", "1"), instrument("I0", "10"), instrument("I1", "1"),
                          instrument("I2", "0.5"), instrument("I3", "100")};
    config.accounts.reserve(static_cast<std::size_t>(accounts));
    for (int n = 0; n < accounts; ++n) {
      AccountConfig account;
      account.id = accountId(n);
      account.currency = "USD";
      account.cash = money(n == 1 ? "5000000000" : "1000000");
      config.accounts.push_back(std::move(account));
    }
    engine = std::make_unique<RiskEngine>(config);
    for (const char* symbol : {"X", "I0", "I1", "I2", "I3"}) {
      apply(MarketData{next(), symbol, std::nullopt, std::nullopt, px("100")});
    }
    const std::string first = accountId(0);
    for (const char* symbol : {"I0", "I1", "I2", "I3"}) {
      open(first, symbol, Side::kBuy, "50", "100");
      order(first, symbol, Side::kBuy, "10", "99");
      order(first, symbol, Side::kSell, "20", "101");
    }
  }

  Timestamp next() { return Timestamp{++nanos_}; }

  void apply(const Input& input) {
    events.clear();
    engine->apply(input, events);
  }

  // An accepted limit order; aborts when it is not accepted.
  std::string order(const std::string& account, std::string_view symbol, Side side, std::string_view quantity,
                    std::string_view price) {
    std::string id = "S";  // appended, not "S" + ...: GCC 12 warns (-Wrestrict, a false positive) on that
    id += std::to_string(++orders_);
    const std::vector<std::string> entitled{account};
    apply(NewOrder{next(), id, account, symbol, side, OrderType::kLimit, qty(quantity), px(price), entitled});
    if (events.empty() || !std::holds_alternative<OrderAccepted>(events.front())) {
      std::fprintf(stderr, "setup order %s for %s was not accepted\n", id.c_str(), account.c_str());
      std::abort();
    }
    return id;
  }

  // An order filled in full at its price.
  void open(const std::string& account, std::string_view symbol, Side side, std::string_view quantity,
            std::string_view price) {
    const std::string id = order(account, symbol, side, quantity, price);
    const std::string exec = id + "-E";
    apply(Fill{next(), id, exec, qty(quantity), px(price), Money::zero()});
  }

  std::unique_ptr<RiskEngine> engine;
  Events events;

 private:
  int64_t nanos_ = 1'000'000'000;
  int orders_ = 0;
};

// A NewOrder for the first account, entitled to trade it.
struct CheckedOrder {
  explicit CheckedOrder(std::string_view quantity) : entitled{accountId(0)} {
    order.time = Timestamp{2'000'000'000};
    order.clOrdId = "CHECK-1";
    order.account = entitled[0];
    order.symbol = "I0";
    order.side = Side::kBuy;
    order.type = OrderType::kLimit;
    order.quantity = qty(quantity);
    order.limitPrice = px("100");
    order.entitledAccounts = entitled;
  }
  std::vector<std::string> entitled;
  NewOrder order;
};

void preTradeCheck(benchmark::State& state, std::string_view quantity, bool accepted) {
  World world(100'000);
  const CheckedOrder checked(quantity);
  const OrderDecision decision = world.engine->check(checked.order);
  if (decision.denial.has_value() == accepted) {
    state.SkipWithError("the order is not decided as the benchmark expects");
    return;
  }
  const AllocationCounter allocations;
  for (auto _ : state) {
    OrderDecision result = world.engine->check(checked.order);
    benchmark::DoNotOptimize(result);
  }
  allocations.report(state);
  state.SetLabel(accepted ? "accepted" : std::string(toString(decision.denial->code())));
}

void BM_PreTradeCheck_Accepted(benchmark::State& state) { preTradeCheck(state, "10", true); }
// 10,000 lots of I0 (multiplier 10) at 100 need far more initial margin than the account has.
void BM_PreTradeCheck_Denied(benchmark::State& state) { preTradeCheck(state, "10000", false); }

void BM_NewOrderAccepted(benchmark::State& state) {
  World world(100'000);
  CheckedOrder checked("1");
  char id[32] = "N";
  world.events.reserve(16);
  int64_t n = 0;
  int64_t nanos = 3'000'000'000;
  const AllocationCounter allocations;
  for (auto _ : state) {
    const auto written = std::to_chars(id + 1, id + sizeof(id), ++n);
    checked.order.clOrdId = std::string_view(id, static_cast<std::size_t>(written.ptr - id));
    checked.order.time = Timestamp{++nanos};
    world.events.clear();
    world.engine->onNewOrder(checked.order, world.events);
    world.engine->onOrderDone(OrderDone{Timestamp{++nanos}, checked.order.clOrdId}, world.events);
    benchmark::DoNotOptimize(world.events.data());
  }
  allocations.report(state);
  if (world.events.empty() || !std::holds_alternative<OrderAccepted>(world.events.front())) {
    state.SkipWithError("the order was not accepted");
  }
  state.SetLabel("accept + OrderDone");
}

void BM_Fill(benchmark::State& state) {
  World world(100'000);
  const std::string account = accountId(1);
  world.open(account, "I1", Side::kBuy, "100", "100");
  // Two working orders large enough never to finish: one-lot fills on each in turn keep the position
  // between 100 and 101 (an increasing fill, then a reducing one that realizes PnL).
  const std::string buy = world.order(account, "I1", Side::kBuy, "10000000", "100");
  const std::string sell = world.order(account, "I1", Side::kSell, "10000000", "100");
  Fill fills[2] = {Fill{Timestamp{}, buy, "EB", qty("1"), px("100.01"), money("0.01")},
                   Fill{Timestamp{}, sell, "ES", qty("1"), px("100.02"), money("0.01")}};
  world.events.reserve(16);
  int64_t nanos = 3'000'000'000;
  std::size_t side = 0;
  const AllocationCounter allocations;
  for (auto _ : state) {
    Fill& fill = fills[side];
    side ^= 1;
    fill.time = Timestamp{++nanos};
    world.events.clear();
    world.engine->onFill(fill, world.events);
    benchmark::DoNotOptimize(world.events.data());
  }
  allocations.report(state);
  if (world.events.empty() || !std::holds_alternative<FillApplied>(world.events.front())) {
    state.SkipWithError("the fill was not applied");
  }
}

void BM_MarkUpdate(benchmark::State& state) {
  const int holders = static_cast<int>(state.range(0));
  const int accounts = static_cast<int>(state.range(1));
  World world(accounts);
  // Holders are spread over the accounts (account 0 holds the I* instruments, not X).
  const int stride = accounts / holders;
  for (int h = 0; h < holders; ++h) world.open(accountId(1 + h * stride), "X", Side::kBuy, "10", "100");
  if (static_cast<int>(world.engine->state().instruments[0].holders.size()) != holders) {
    state.SkipWithError("unexpected number of holders");
    return;
  }
  // 100 and 100.01 in turn: each moves the mark, so every holder is re-priced and re-evaluated; a
  // position of 10 against 1,000,000 cash stays NORMAL either way.
  MarketData moves[2] = {MarketData{Timestamp{}, "X", std::nullopt, std::nullopt, px("100.01")},
                         MarketData{Timestamp{}, "X", std::nullopt, std::nullopt, px("100")}};
  world.events.reserve(16);
  int64_t nanos = 3'000'000'000;
  for (MarketData& move : moves) {  // once each outside the timing: no event, no state change
    move.time = Timestamp{++nanos};
    world.events.clear();
    world.engine->onMarketData(move, world.events);
    if (!world.events.empty()) {
      state.SkipWithError("a mark move changed a margin state");
      return;
    }
  }
  std::size_t which = 0;
  const AllocationCounter allocations;
  for (auto _ : state) {
    MarketData& move = moves[which];
    which ^= 1;
    move.time = Timestamp{++nanos};
    world.events.clear();
    world.engine->onMarketData(move, world.events);
    benchmark::DoNotOptimize(world.events.data());
  }
  allocations.report(state);
  // Seconds per holder (shown with an SI prefix: "25n" is 25 ns).
  state.counters["per_holder"] =
      benchmark::Counter(static_cast<double>(holders), benchmark::Counter::kIsIterationInvariantRate |
                                                           benchmark::Counter::kInvert);
}

BENCHMARK(BM_PreTradeCheck_Accepted);
BENCHMARK(BM_PreTradeCheck_Denied);
BENCHMARK(BM_NewOrderAccepted);
BENCHMARK(BM_Fill);
BENCHMARK(BM_MarkUpdate)
    ->ArgNames({"holders", "accounts"})
    ->Args({100, 100'000})
    ->Args({1'000, 100'000})
    ->Args({10'000, 100'000})
    ->Args({1'000, 10'000})  // the same holders among ten times fewer accounts: the cost follows holders
    ->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
