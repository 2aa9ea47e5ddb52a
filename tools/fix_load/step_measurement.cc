#include "tools/fix_load/step_measurement.h"

#include <algorithm>
#include <sstream>

namespace fix_load {
namespace {

constexpr double kNsPerSecond = 1e9;

// Events a second over the span from `first` to `last` (ns) for `events` events: the span holds
// events - 1 intervals. 0 when there are fewer than two events.
double rateOver(std::int64_t events, std::int64_t first, std::int64_t last) {
  if (events < 2 || last <= first) return 0;
  return static_cast<double>(events - 1) * kNsPerSecond / static_cast<double>(last - first);
}

}  // namespace

StepResult computeStepResult(const StepRecord& record) {
  StepResult result;
  result.offeredRate = record.offeredRate;
  result.sendFailures = record.sendFailures;
  result.otherMessages = record.otherMessages;
  result.durationSeconds = static_cast<double>(record.endNs) / kNsPerSecond;

  std::vector<std::int64_t> samples;
  std::int64_t measuredSent = 0;
  std::int64_t firstSend = -1, lastSend = -1, firstReply = -1, lastReply = -1;
  std::int64_t maxLag = 0;
  const std::size_t total = record.intendedNs.size();
  samples.reserve(total);
  for (std::size_t i = 0; i < total; ++i) {
    const bool wasSent = record.sentNs[i] >= 0;
    const bool wasAnswered = record.replyNs[i] >= 0;
    if (wasSent) {
      ++result.sent;
      maxLag = std::max(maxLag, record.sentNs[i] - record.intendedNs[i]);
    }
    if (wasAnswered) {
      ++result.answered;
      if (record.rejected[i] != 0) ++result.rejected;
    } else if (wasSent) {
      ++result.lost;
    }
    if (static_cast<std::int64_t>(i) < record.warmup) continue;
    if (wasSent) {
      ++measuredSent;
      if (firstSend < 0) firstSend = record.sentNs[i];
      lastSend = std::max(lastSend, record.sentNs[i]);
    }
    if (wasAnswered) {
      samples.push_back(record.replyNs[i] - record.intendedNs[i]);
      firstReply = firstReply < 0 ? record.replyNs[i] : std::min(firstReply, record.replyNs[i]);
      lastReply = std::max(lastReply, record.replyNs[i]);
    }
  }
  result.measured = static_cast<std::int64_t>(samples.size());
  result.achievedSendRate = rateOver(measuredSent, firstSend, lastSend);
  result.achievedResponseRate = rateOver(result.measured, firstReply, lastReply);
  result.maxSendLagUs = static_cast<double>(maxLag) / 1000.0;
  result.latency = summarizeLatencies(samples);
  return result;
}

void judgeStep(StepResult& result, const SustainCriteria& criteria) {
  std::ostringstream why;
  const double needed = criteria.minAchievedRatio * result.offeredRate;
  if (result.lost > 0) why << "lost " << result.lost << "; ";
  if (result.sendFailures > 0) why << result.sendFailures << " sends failed; ";
  if (result.measured == 0) why << "no measured answers; ";
  if (!(result.latency.p99Us < criteria.p99LimitUs)) {
    why << "p99 " << result.latency.p99Us << " us >= " << criteria.p99LimitUs << " us; ";
  }
  if (result.achievedSendRate < needed) why << "send rate " << result.achievedSendRate << "/s < " << needed << "/s; ";
  if (result.achievedResponseRate < needed) {
    why << "response rate " << result.achievedResponseRate << "/s < " << needed << "/s; ";
  }
  std::string verdict = why.str();
  result.passed = verdict.empty();
  if (result.passed) {
    result.verdict = "ok";
  } else {
    verdict.erase(verdict.size() - 2);
    result.verdict = verdict;
  }
}

}  // namespace fix_load
