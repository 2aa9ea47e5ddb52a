#pragma once

// What one storm run reports: its settings, the model's prices, the market-data rates, the
// breach -> CollateralRequest latencies and, when orders flowed, the orders' latencies. As a table
// for people and as JSON (the format is in tools/md_storm/README.md). C++14-clean.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "tools/md_storm/flow_book.h"

#include "tools/fix_load/latency_stats.h"
#include "tools/md_storm/storm_loop.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {

using fix_load::LatencySummary;

// The order flow's side of a run (--order-rate > 0).
struct FlowResult {
  int rate = 0;                          // orders offered per second; 0: no order flow
  FlowTally tally;
  std::vector<std::int64_t> latencies;   // answered orders: first ExecutionReport - intended send time, ns
  std::int64_t flowNanos = 0;            // first order due -> the flow stopped
  bool allAnswered = false;              // every sent order answered within the drain wait
};

struct StormReport {
  StormSettings settings;
  int symbols = 0;
  StormPrices prices;
  StormResult result;
  LatencySummary latency;
  double sentRate = 0;         // storm updates per second actually sent
  double ingestedRateAtLeast = 0;  // updates / (first update -> the sentinel's AX): a lower bound
  FlowResult flow;
  LatencySummary orderLatency;
  double orderSentRate = 0;        // flow orders sent per second
};

StormReport makeReport(const StormSettings& settings, const StormModel& model, const StormPrices& prices,
                       const StormResult& result, const FlowResult& flow = FlowResult());
void printTable(const StormReport& report, std::ostream& out);
std::string toJson(const StormReport& report);

}  // namespace md_storm
