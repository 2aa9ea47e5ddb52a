// What the risk thread spends on one order, without FIX and without the disk (Google Benchmark).
//
//   BM_JournalEncode/new_order, /execution   encoding one input for the journal
//   BM_OrderCycle                            a client NewOrderSingle, the venue's New and its Canceled
//                                            (an IOC order as tools/fix-load sends them) through
//                                            GatewayCore::process, the batch then taken as the store
//                                            would take it: everything the risk thread does per order
//                                            except sending and recording the batch
//   BM_MarginCall                            a mark that takes a held position's account from NORMAL
//                                            into CALL (the call, its CollateralRequest and
//                                            CollateralReport, their audit records), then the mark
//                                            that cures it: what a breaching tick costs the risk thread
//
// allocs_per_op counts calls of any global operator new per iteration (tools/bench_support/).
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench --target gateway_core_bench
//   build-bench/gateway/core/bench/gateway_core_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "gateway/core/gateway_core.h"
#include "gateway/core/journal_codec.h"
#include "tools/bench_support/allocation_counter.h"

namespace {

using namespace gateway;

std::int64_t raw(const char* text) { return risk::Price::parse(text).value->raw(); }
risk::Ratio ratio(const char* text) { return *risk::Ratio::parse(text).value; }
risk::Money money(const char* text) { return *risk::Money::parse(text).value; }

// Keeps only the venue ClOrdID of the last order sent, as a real outbox keeps nothing.
class DiscardingOutbox final : public bridge::Outbox {
 public:
  bool sendToClient(const bridge::ExecutionReportOut&) override { return true; }
  bool sendToClient(const bridge::OrderCancelRejectOut&) override { return true; }
  bool sendToClient(const bridge::CollateralRequestOut&) override { return true; }
  bool sendToClient(const bridge::CollateralReportOut&) override { return true; }
  bool sendToClient(const bridge::CollateralInquiryAckOut&) override { return true; }
  bool sendToClient(const bridge::CollateralResponseOut&) override { return true; }
  bool sendToClient(const bridge::PositionRequestAckOut&) override { return true; }
  bool sendToClient(const bridge::PositionReportOut&) override { return true; }
  bool sendToVenue(const bridge::VenueNewOrderOut& order) override {
    lastVenueId = order.clOrdId;
    return true;
  }
  bool sendToVenue(const bridge::VenueCancelOut&) override { return true; }
  bool sendToVenue(const bridge::VenueReplaceOut&) override { return true; }
  bool subscribeMarketData(const std::vector<std::string>&) override { return true; }
  std::string lastVenueId;
};

class SilentLog final : public core::BusinessLog {
 public:
  void info(std::string_view) override {}
  void warn(std::string_view) override {}
  void error(std::string_view) override {}
};

bridge::ClientNewOrder newOrder() {
  bridge::ClientNewOrder order;
  order.session = 0;
  order.clOrdId = "LOAD-0-000000123456";
  order.account = "ACC-LOAD";
  order.symbol = "ESZ6";
  order.side = '1';
  order.ordType = '2';
  order.timeInForce = '3';
  order.quantity = raw("1");
  order.price = raw("4500.25");
  order.hasPrice = true;
  return order;
}

bridge::VenueExecution execution(const std::string& venueId, char execType, char ordStatus) {
  bridge::VenueExecution report;
  report.clOrdId = venueId;
  report.orderId = "VENUE-000000123456";
  report.execId = "EXEC-000000246912";
  report.execType = execType;
  report.ordStatus = ordStatus;
  report.orderQty = raw("1");
  report.hasOrderQty = true;
  report.price = raw("4500.25");
  report.hasPrice = true;
  report.leavesQty = ordStatus == '0' ? raw("1") : 0;
  return report;
}

void BM_JournalEncode_NewOrder(benchmark::State& state) {
  const core::JournaledInput input(newOrder());
  AllocationCounter allocations;
  for (auto _ : state) benchmark::DoNotOptimize(core::encodeJournalPayload(input));
  allocations.report(state);
}
BENCHMARK(BM_JournalEncode_NewOrder)->Name("BM_JournalEncode/new_order");

void BM_JournalEncode_Execution(benchmark::State& state) {
  const core::JournaledInput input(execution("G-000000123456", '0', '0'));
  AllocationCounter allocations;
  for (auto _ : state) benchmark::DoNotOptimize(core::encodeJournalPayload(input));
  allocations.report(state);
}
BENCHMARK(BM_JournalEncode_Execution)->Name("BM_JournalEncode/execution");

// One instrument (flat 10 % / 5 % margin) and one USD account holding `cash`.
struct Market {
  const char* symbol;
  const char* multiplier;
  const char* tick;
  const char* maxQuantity;
  const char* collarPercent;
  const char* liquidationPiece;
  const char* account;
  const char* cash;
};

risk::RiskConfig configFor(const Market& market) {
  risk::RiskConfig config;
  risk::Instrument instrument;
  instrument.symbol = market.symbol;
  instrument.currency = "USD";
  instrument.multiplier = ratio(market.multiplier);
  instrument.tickSize = *risk::Price::parse(market.tick).value;
  instrument.lotSize = *risk::Quantity::parse("1").value;
  instrument.maxOrderQuantity = *risk::Quantity::parse(market.maxQuantity).value;
  instrument.maxOrderNotional = money("1000000000");
  instrument.priceCollarPercent = ratio(market.collarPercent);
  instrument.markStaleAfter = risk::Duration::fromSeconds(86'400);
  instrument.liquidationPiece = *risk::Quantity::parse(market.liquidationPiece).value;
  instrument.tiers = risk::TierSchedule({{risk::Money::zero(), ratio("0.10"), ratio("0.05")}});
  config.instruments.push_back(instrument);
  risk::AccountConfig account;
  account.id = market.account;
  account.currency = "USD";
  account.cash = money(market.cash);
  config.accounts.push_back(account);
  return config;
}

bridge::MarketDataUpdate markOf(const char* symbol, const char* price) {
  bridge::MarketDataUpdate mark;
  mark.symbol = symbol;
  mark.last = raw(price);
  mark.hasLast = true;
  return mark;
}

// A started core with client session 0 (entitled to the configuration's account) and the venue
// logged on, and a first mark of the configuration's instrument; nothing recorded is kept.
struct LoggedOnCore {
  LoggedOnCore(const risk::RiskConfig& config, const char* session, const char* firstMark)
      : core(config, {{0, session, {config.accounts.front().id}}}, outbox, log, recorder) {
    core.start();
    core.process(core::ClientSessionEvent{0, true}, now);
    core.process(core::VenueSessionEvent{true}, now);
    core.process(markOf(config.instruments.front().symbol.c_str(), firstMark), now);
    recorder.clearPending();
  }

  DiscardingOutbox outbox;
  SilentLog log;
  core::Recorder recorder;
  core::GatewayCore core;
  risk::Timestamp now{1'700'000'000'000'000'000};
};

void BM_OrderCycle(benchmark::State& state) {
  LoggedOnCore bench(configFor({"ESZ6", "50", "0.25", "1000", "10", "10", "ACC-LOAD", "1000000000"}), "BROKER->LOAD",
                     "4500");
  core::GatewayCore& gatewayCore = bench.core;
  core::Recorder& recorder = bench.recorder;
  DiscardingOutbox& outbox = bench.outbox;
  risk::Timestamp& now = bench.now;

  // Each order its own ClOrdID, as fix-load numbers them (a reused one would be denied as a duplicate).
  bridge::ClientNewOrder order = newOrder();
  std::uint64_t sent = 0;
  const auto nextOrder = [&]() -> const bridge::ClientNewOrder& {
    std::snprintf(order.clOrdId.data() + 7, 13, "%012llu", static_cast<unsigned long long>(++sent % 1'000'000'000'000));
    return order;
  };
  gatewayCore.process(nextOrder(), now);
  if (recorder.pending().audit.empty() || recorder.pending().audit.front().kind != "order_accepted") {
    state.SkipWithError("the order was not accepted");
    return;
  }
  recorder.clearPending();
  AllocationCounter allocations;
  for (auto _ : state) {
    gatewayCore.process(nextOrder(), now);
    gatewayCore.process(execution(outbox.lastVenueId, '0', '0'), now);
    gatewayCore.process(execution(outbox.lastVenueId, '4', '4'), now);
    benchmark::DoNotOptimize(recorder.pending());
    recorder.clearPending();
    now = now + risk::Duration{1'000};
  }
  allocations.report(state);
}
BENCHMARK(BM_OrderCycle);

// md-storm's model (tools/md_storm/README.md): 20,000 cash, 1,000 bought at 100, flat 10 % / 5 %;
// a mark of 83.76 puts the account in CALL, 100 cures it.
void BM_MarginCall(benchmark::State& state) {
  LoggedOnCore bench(configFor({"STORM0", "1", "0.01", "1000000", "50", "100", "ACC-STORM", "20000"}),
                     "BROKER->CLIENT1", "100");
  core::GatewayCore& gatewayCore = bench.core;
  core::Recorder& recorder = bench.recorder;
  DiscardingOutbox& outbox = bench.outbox;
  risk::Timestamp& now = bench.now;
  bridge::ClientNewOrder buy = newOrder();
  buy.account = "ACC-STORM";
  buy.symbol = "STORM0";
  buy.timeInForce = '0';
  buy.quantity = raw("1000");
  buy.price = raw("100");
  gatewayCore.process(buy, now);
  bridge::VenueExecution fill = execution(outbox.lastVenueId, 'F', '2');
  fill.orderQty = raw("1000");
  fill.price = raw("100");
  fill.lastQty = raw("1000");
  fill.lastPx = raw("100");
  fill.cumQty = raw("1000");
  fill.avgPx = raw("100");
  gatewayCore.process(fill, now);
  recorder.clearPending();

  const bridge::MarketDataUpdate breach = markOf("STORM0", "83.76");
  const bridge::MarketDataUpdate restore = markOf("STORM0", "100");
  gatewayCore.process(breach, now);
  if (recorder.pending().audit.empty()) {
    state.SkipWithError("the breaching mark made no call");
    return;
  }
  gatewayCore.process(restore, now);
  recorder.clearPending();
  AllocationCounter allocations;
  for (auto _ : state) {
    now = now + risk::Duration{1'000'000};
    gatewayCore.process(breach, now);
    now = now + risk::Duration{1'000'000};
    gatewayCore.process(restore, now);
    benchmark::DoNotOptimize(recorder.pending());
    recorder.clearPending();
  }
  allocations.report(state);
}
BENCHMARK(BM_MarginCall);

}  // namespace

BENCHMARK_MAIN();
