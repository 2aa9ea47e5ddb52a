#include "tools/md_storm/storm_report.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>

#include "gateway/bridge/fix_decimal.h"

namespace md_storm {
namespace {

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof(text), "%.*f", decimals, value);
  return text;
}

}  // namespace

namespace {

// Sorts a copy, so that the samples listed in the JSON keep their order.
LatencySummary summarize(std::vector<std::int64_t> nanos) { return fix_load::summarizeLatencies(nanos); }

}  // namespace

StormReport makeReport(const StormSettings& settings, const StormModel& model, const StormPrices& prices,
                       const StormResult& result, const FlowResult& flow) {
  StormReport report;
  report.settings = settings;
  report.symbols = model.symbolCount;
  report.prices = prices;
  report.result = result;
  report.latency = summarize(result.latencies);
  if (result.stormNanos > 0 && result.updatesSent > 1) {
    report.sentRate = static_cast<double>(result.updatesSent - 1) * 1e9 / static_cast<double>(result.stormNanos);
  }
  if (result.sentinelAnswered && result.ingestNanos > 0) {
    report.ingestedRateAtLeast = static_cast<double>(result.updatesSent) * 1e9 / static_cast<double>(result.ingestNanos);
  }
  report.flow = flow;
  report.orderLatency = summarize(flow.latencies);
  if (flow.flowNanos > 0) {
    report.orderSentRate = static_cast<double>(flow.tally.sent) * 1e9 / static_cast<double>(flow.flowNanos);
  }
  return report;
}

void printTable(const StormReport& report, std::ostream& out) {
  const StormResult& result = report.result;
  const LatencySummary& latency = report.latency;
  out << "md-storm: " << report.settings.rate << " updates/s offered over " << report.symbols << " symbols, "
      << report.settings.breaches << " breaches (+" << report.settings.warmup << " warm-up) every "
      << report.settings.breachEveryMs << " ms\n"
      << "  prices: entry/restore " << gateway::bridge::formatFixDecimal(report.prices.restore) << ", breach "
      << gateway::bridge::formatFixDecimal(report.prices.breach) << "\n"
      << (result.completed ? std::string() : "  INCOMPLETE: " + result.stopReason + " after " +
                                                 std::to_string(result.breachesRun) + " measured breaches\n")
      << "\n"
      << "| market data | value |\n|---|---|\n"
      << "| updates sent | " << result.updatesSent << " |\n"
      << "| storm duration | " << fixed(static_cast<double>(result.stormNanos) / 1e9, 3) << " s |\n"
      << "| sent rate | " << fixed(report.sentRate, 0) << " /s |\n"
      << "| ingested rate, at least | " << fixed(report.ingestedRateAtLeast, 0) << " /s |\n"
      << "| last update -> sentinel AX | "
      << (result.sentinelAnswered ? fixed(static_cast<double>(result.sentinelNanos) / 1e3, 1) + " us" : "no AX")
      << " |\n"
      << "| send failures | " << result.sendFailures << " |\n\n"
      << "| breach -> AX (us) | samples | misses | min | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|---|\n"
      << "| | " << latency.samples << " | " << result.misses << " | " << fixed(latency.minUs, 1) << " | "
      << fixed(latency.p50Us, 1) << " | " << fixed(latency.p90Us, 1) << " | " << fixed(latency.p99Us, 1)
      << " | " << fixed(latency.maxUs, 1) << " |\n";
  if (report.flow.rate > 0) {
    const FlowTally& orders = report.flow.tally;
    const LatencySummary& order = report.orderLatency;
    out << "\n| orders -> first ExecutionReport (us) | offered /s | sent | answered | rejected | lost | p50 | p90 | p99 "
           "| p99.9 | max |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
        << "| | " << report.flow.rate << " | " << orders.sent << " | " << orders.answered << " | " << orders.rejected
        << " | " << orders.lost << " | " << fixed(order.p50Us, 1) << " | " << fixed(order.p90Us, 1) << " | "
        << fixed(order.p99Us, 1) << " | " << fixed(order.p999Us, 1) << " | " << fixed(order.maxUs, 1)
        << " |\n";
    if (orders.sendFailures > 0 || orders.strayReports > 0) {
      out << "order send failures " << orders.sendFailures << ", stray reports " << orders.strayReports << "\n";
    }
  }
  if (result.warmupMisses > 0 || result.settleTimeouts > 0 || result.strayCalls > 0) {
    out << "\nwarm-up misses " << result.warmupMisses << ", restores not confirmed " << result.settleTimeouts
        << ", stray AX " << result.strayCalls << "\n";
  }
}

std::string toJson(const StormReport& report) {
  const StormResult& result = report.result;
  const LatencySummary& latency = report.latency;
  nlohmann::json samples = nlohmann::json::array();
  for (std::int64_t nanos : result.latencies) samples.push_back(static_cast<double>(nanos) / 1e3);
  nlohmann::json json = {
      {"tool", "md-storm"},
      {"completed", result.completed},
      {"stopReason", result.stopReason},
      {"settings",
       {{"rate", report.settings.rate},
        {"symbols", report.symbols},
        {"breachEveryMs", report.settings.breachEveryMs},
        {"breaches", report.settings.breaches},
        {"warmup", report.settings.warmup},
        {"timeoutMs", report.settings.timeoutMs},
        {"settleMs", report.settings.settleMs},
        {"maxSeconds", report.settings.maxSeconds},
        {"orderRate", report.flow.rate}}},
      {"prices",
       {{"entry", gateway::bridge::formatFixDecimal(report.prices.restore)},
        {"breach", gateway::bridge::formatFixDecimal(report.prices.breach)},
        {"restore", gateway::bridge::formatFixDecimal(report.prices.restore)},
        {"stormLow", gateway::bridge::formatFixDecimal(report.prices.stormLow)},
        {"stormHigh", gateway::bridge::formatFixDecimal(report.prices.stormHigh)}}},
      {"marketData",
       {{"offeredRate", report.settings.rate},
        {"updatesSent", result.updatesSent},
        {"stormSeconds", static_cast<double>(result.stormNanos) / 1e9},
        {"sentRate", report.sentRate},
        {"sendFailures", result.sendFailures},
        {"sentinelAnswered", result.sentinelAnswered},
        {"sentinelMicros", static_cast<double>(result.sentinelNanos) / 1e3},
        {"ingestedRateAtLeast", report.ingestedRateAtLeast}}},
      {"breachToCall",
       {{"breaches", report.settings.breaches},
        {"breachesRun", result.breachesRun},
        {"samples", latency.samples},
        {"misses", result.misses},
        {"warmupMisses", result.warmupMisses},
        {"settleTimeouts", result.settleTimeouts},
        {"strayCalls", result.strayCalls},
        {"minMicros", latency.minUs},
        {"p50Micros", latency.p50Us},
        {"p90Micros", latency.p90Us},
        {"p99Micros", latency.p99Us},
        {"maxMicros", latency.maxUs},
        {"meanMicros", latency.meanUs},
        {"samplesMicros", samples}}}};
  if (report.flow.rate > 0) {
    const FlowTally& orders = report.flow.tally;
    const LatencySummary& order = report.orderLatency;
    json["orders"] = {{"offeredRate", report.flow.rate},
                      {"flowSeconds", static_cast<double>(report.flow.flowNanos) / 1e9},
                      {"sentRate", report.orderSentRate},
                      {"sent", orders.sent},
                      {"answered", orders.answered},
                      {"rejected", orders.rejected},
                      {"lost", orders.lost},
                      {"sendFailures", orders.sendFailures},
                      {"strayReports", orders.strayReports},
                      {"minMicros", order.minUs},
                      {"p50Micros", order.p50Us},
                      {"p90Micros", order.p90Us},
                      {"p99Micros", order.p99Us},
                      {"p999Micros", order.p999Us},
                      {"maxMicros", order.maxUs},
                      {"meanMicros", order.meanUs}};
  }
  return json.dump(2) + "\n";
}

}  // namespace md_storm
