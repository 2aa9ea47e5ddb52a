#include "tools/fix_load/load_report.h"

#include <cstdio>

#include <nlohmann/json.hpp>

namespace fix_load {
namespace {

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string cell(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

nlohmann::ordered_json configJson(const LoadConfig& c) {
  nlohmann::ordered_json j;
  j["host"] = c.host;
  j["port"] = c.port;
  j["sessions"] = c.sessions;
  j["sender_comp_id_format"] = c.senderCompIdFormat;
  j["target_comp_id"] = c.targetCompId;
  j["password_sent"] = !c.passwordFormat.empty();  // the password itself is not written
  j["dictionary"] = c.dictionary;
  j["reset_on_logon"] = c.resetOnLogon;
  j["account_format"] = c.accountFormat;
  j["symbols"] = c.symbols;
  j["order_mode"] = orderModeName(c.mode);
  j["side"] = c.side == '1' ? "buy" : "sell";
  j["price"] = c.price;
  j["qty"] = c.quantity;
  j["cross_buy_price"] = c.crossBuyPrice;
  j["cross_sell_price"] = c.crossSellPrice;
  j["rate"] = c.rate;
  j["count"] = c.count;
  j["warmup"] = c.warmup;
  j["drain_timeout_s"] = c.drainTimeoutSeconds;
  j["find_max"] = c.findMax;
  j["rates"] = c.rates;
  j["start_rate"] = c.startRate;
  j["max_rate"] = c.maxRate;
  j["resolution"] = c.resolution;
  j["p99_limit_us"] = c.p99LimitUs;
  j["min_achieved_ratio"] = c.minAchievedRatio;
  return j;
}

nlohmann::ordered_json stepJson(const StepResult& s) {
  nlohmann::ordered_json j;
  j["offered_rate"] = s.offeredRate;
  j["sent"] = s.sent;
  j["answered"] = s.answered;
  j["rejected"] = s.rejected;
  j["lost"] = s.lost;
  j["measured"] = s.measured;
  j["send_failures"] = s.sendFailures;
  j["other_messages"] = s.otherMessages;
  j["achieved_send_rate"] = s.achievedSendRate;
  j["achieved_response_rate"] = s.achievedResponseRate;
  j["max_send_lag_us"] = s.maxSendLagUs;
  j["duration_s"] = s.durationSeconds;
  j["latency_us"] = {{"samples", s.latency.samples}, {"min", s.latency.minUs},  {"p50", s.latency.p50Us},
                     {"p90", s.latency.p90Us},       {"p99", s.latency.p99Us},  {"p99_9", s.latency.p999Us},
                     {"max", s.latency.maxUs},       {"mean", s.latency.meanUs}};
  j["passed"] = s.passed;
  j["verdict"] = s.verdict;
  return j;
}

}  // namespace

void printTable(std::ostream& out, const LoadConfig& config, const RunSummary& summary) {
  out << "fix-load " << kToolVersion << ": " << config.sessions << " session(s) to " << config.host << ":"
      << config.port << ", " << orderModeName(config.mode) << " orders, " << config.warmup << " warm-up + "
      << config.count << " measured per step; latency from the intended send time, in us\n";
  const std::size_t w = 10;
  out << cell("offered/s", w) << cell("sent/s", w) << cell("answers/s", w) << cell("p50", w) << cell("p90", w)
      << cell("p99", w) << cell("p99.9", w) << cell("max", w) << cell("mean", w) << cell("sent", w)
      << cell("answered", w) << cell("rejected", w) << cell("lost", w) << cell("secs", 8) << "  verdict\n";
  for (const StepResult& s : summary.steps) {
    out << cell(fixed(s.offeredRate, 0), w) << cell(fixed(s.achievedSendRate, 0), w)
        << cell(fixed(s.achievedResponseRate, 0), w) << cell(fixed(s.latency.p50Us, 1), w)
        << cell(fixed(s.latency.p90Us, 1), w) << cell(fixed(s.latency.p99Us, 1), w)
        << cell(fixed(s.latency.p999Us, 1), w) << cell(fixed(s.latency.maxUs, 1), w)
        << cell(fixed(s.latency.meanUs, 1), w) << cell(std::to_string(s.sent), w)
        << cell(std::to_string(s.answered), w) << cell(std::to_string(s.rejected), w)
        << cell(std::to_string(s.lost), w) << cell(fixed(s.durationSeconds, 1), 8) << "  " << s.verdict << "\n";
  }
  if (summary.findMax) {
    if (summary.maxSustainableRate > 0) {
      out << "highest sustainable rate: " << fixed(summary.maxSustainableRate, 0) << " orders/s (p99 < "
          << fixed(config.p99LimitUs, 0) << " us, achieved >= " << fixed(config.minAchievedRatio, 2)
          << " x offered, nothing lost)\n";
    } else {
      out << "no rate was sustained\n";
    }
  }
}

std::string toJson(const LoadConfig& config, const RunSummary& summary) {
  nlohmann::ordered_json j;
  j["tool"] = "fix-load";
  j["version"] = kToolVersion;
  j["started_at"] = summary.startedAt;
  j["logon_s"] = summary.logonSeconds;
  j["config"] = configJson(config);
  j["steps"] = nlohmann::ordered_json::array();
  for (const StepResult& s : summary.steps) j["steps"].push_back(stepJson(s));
  if (summary.findMax) {
    j["max_sustainable_rate"] = summary.maxSustainableRate;
  } else if (!summary.steps.empty()) {
    j["result"] = stepJson(summary.steps.front());
  }
  return j.dump(2) + "\n";
}

}  // namespace fix_load
