#pragma once

// What one storm run reports: its settings, the model's prices, the market-data rates and the
// breach -> CollateralRequest latencies. As a table for people and as JSON (the format is in
// tools/md_storm/README.md). C++14-clean.

#include <iosfwd>
#include <string>

#include "tools/md_storm/latency_stats.h"
#include "tools/md_storm/storm_loop.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {

struct StormReport {
  StormSettings settings;
  int symbols = 0;
  StormPrices prices;
  StormResult result;
  LatencySummary latency;
  double sentRate = 0;         // storm updates per second actually sent
  double ingestedRateAtLeast = 0;  // updates / (first update -> the sentinel's AX): a lower bound
};

StormReport makeReport(const StormSettings& settings, const StormModel& model, const StormPrices& prices,
                       const StormResult& result);
void printTable(const StormReport& report, std::ostream& out);
std::string toJson(const StormReport& report);

}  // namespace md_storm
