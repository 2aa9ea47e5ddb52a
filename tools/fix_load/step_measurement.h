#pragma once

// One load step's raw record (times per send index) and the results computed from it: counts,
// latency from each order's INTENDED send time, achieved rates, and whether the step counts as
// sustained. Pure code: the QuickFIX side fills a StepRecord, the tests build them by hand.

#include <cstdint>
#include <string>
#include <vector>

#include "tools/fix_load/latency_stats.h"

namespace fix_load {

// Times are nanoseconds since the step's t0 (the intended send time of order 0); -1 means never.
struct StepRecord {
  double offeredRate = 0;               // orders a second
  std::int64_t warmup = 0;              // orders 0..warmup-1 are not measured
  std::vector<std::int64_t> intendedNs; // t_i = i / rate
  std::vector<std::int64_t> sentNs;     // when the send call returned; -1: not sent
  std::vector<std::int64_t> replyNs;    // first ExecutionReport; -1: none
  std::vector<std::uint8_t> rejected;   // 1 when that first report had OrdStatus 8
  std::int64_t sendFailures = 0;        // sends QuickFIX refused (session not logged on)
  std::int64_t otherMessages = 0;       // application messages that were not ExecutionReports
  std::int64_t endNs = 0;               // when the step ended (all answered or drain timeout)
};

struct StepResult {
  double offeredRate = 0;
  std::int64_t sent = 0;       // every order sent, warm-up included
  std::int64_t answered = 0;   // orders with an ExecutionReport
  std::int64_t rejected = 0;   // ... whose first report was a reject (OrdStatus 8)
  std::int64_t lost = 0;       // sent, no report before the drain timeout
  std::int64_t measured = 0;   // measured orders answered (the latency samples)
  std::int64_t sendFailures = 0;
  std::int64_t otherMessages = 0;
  LatencySummary latency;      // measured orders only
  double achievedSendRate = 0;      // measured orders / time from the first to the last measured send
  double achievedResponseRate = 0;  // measured answers / time from the first to the last measured answer
  double maxSendLagUs = 0;          // the most a send ran behind its intended time
  double durationSeconds = 0;
  bool passed = false;              // set by judgeStep
  std::string verdict;              // why it failed, or "ok"
};

StepResult computeStepResult(const StepRecord& record);

struct SustainCriteria {
  double minAchievedRatio = 0.98;  // achieved send and response rates >= this x offered
  double p99LimitUs = 1000;        // p99 strictly below
};

// Sets `passed` and `verdict`: sustained when nothing is lost, nothing failed to send, p99 is
// below the limit and both achieved rates reach the ratio of the offered rate.
void judgeStep(StepResult& result, const SustainCriteria& criteria);

}  // namespace fix_load
