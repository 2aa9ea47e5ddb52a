#include "tools/fix_load/step_runner.h"

#include <chrono>
#include <cmath>
#include <thread>

#include <quickfix/FixFields.h>
#include <quickfix/FixValues.h>
#include <quickfix/Message.h>

#include "tools/fix_load/name_format.h"

namespace fix_load {
namespace {

using Clock = std::chrono::steady_clock;

// The pacer sleeps while the deadline is further than this, waking this much before it (a sleep
// overshoots by the 50 us timer slack and the wake-up) ...
constexpr std::int64_t kSleepAboveNs = 200000;
constexpr std::int64_t kWakeMarginNs = 120000;
// ... and yields in a loop below it.
constexpr std::chrono::milliseconds kStartLead(20);
constexpr std::chrono::milliseconds kDrainPoll(1);
// Before a step, the previous one's late reports (a step that overloaded the target) must have
// stopped: no new one for this long, or give up waiting after kSettleLimit.
constexpr std::chrono::milliseconds kSettleQuiet(250);
constexpr std::chrono::seconds kSettleLimit(10);

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

void waitUntilNs(std::int64_t deadline) {
  while (true) {
    const std::int64_t remaining = deadline - nowNs();
    if (remaining <= 0) return;
    if (remaining > kSleepAboveNs) {
      std::this_thread::sleep_for(std::chrono::nanoseconds(remaining - kWakeMarginNs));
    } else {
      std::this_thread::yield();
    }
  }
}

}  // namespace

std::int64_t intendedOffsetNs(std::int64_t index, double rate) {
  return static_cast<std::int64_t>(std::llround(static_cast<double>(index) * 1e9 / rate));
}

StepRunner::StepRunner(const LoadConfig& config, LoadSessions& sessions, const std::string& runTag)
    : config_(config), sessions_(sessions), runTag_(runTag) {
  for (int n = 1; n <= config.sessions; ++n) {
    accounts_.push_back(config.accountFormat.empty() ? std::string() : expandFormat(config.accountFormat, n));
  }
}

bool StepRunner::sendOrder(int step, std::int64_t index) {
  const std::size_t sessionCount = sessions_.size();
  const std::size_t slot = static_cast<std::size_t>(index) % sessionCount;
  const std::int64_t round = index / static_cast<std::int64_t>(sessionCount);  // this session's n-th order
  const std::string& symbol = config_.symbols[static_cast<std::size_t>(round) % config_.symbols.size()];

  char side = config_.side;
  const std::string* price = &config_.price;
  char timeInForce = FIX::TimeInForce_IMMEDIATE_OR_CANCEL;
  if (config_.mode == OrderMode::kResting) {
    timeInForce = FIX::TimeInForce_DAY;
  } else if (config_.mode == OrderMode::kCrossAlternate) {
    const bool buy = round % 2 == 0;
    side = buy ? FIX::Side_BUY : FIX::Side_SELL;
    price = buy ? &config_.crossBuyPrice : &config_.crossSellPrice;
  }

  FIX::Message order;
  order.getHeader().setField(FIX::FIELD::MsgType, FIX::MsgType_NewOrderSingle);
  order.setField(FIX::FIELD::ClOrdID, formatClOrdId(runTag_, step, index));
  if (!accounts_[slot].empty()) order.setField(FIX::FIELD::Account, accounts_[slot]);
  order.setField(FIX::FIELD::Symbol, symbol);
  order.setField(FIX::FIELD::Side, std::string(1, side));
  order.setField(FIX::TransactTime());
  order.setField(FIX::FIELD::OrderQty, config_.quantity);
  order.setField(FIX::FIELD::OrdType, std::string(1, FIX::OrdType_LIMIT));
  order.setField(FIX::FIELD::Price, *price);
  order.setField(FIX::FIELD::TimeInForce, std::string(1, timeInForce));
  FIX::Session* session = sessions_.session(slot);
  return session != nullptr && session->send(order);
}

void StepRunner::settle() const {
  if (trackers_.empty()) return;
  const StepTracker& previous = *trackers_.back();
  const auto limit = Clock::now() + kSettleLimit;
  std::int64_t seen = previous.answered();
  auto quietSince = Clock::now();
  while (Clock::now() < limit && Clock::now() - quietSince < kSettleQuiet) {
    std::this_thread::sleep_for(kDrainPoll);
    const std::int64_t now = previous.answered();
    if (now != seen) {
      seen = now;
      quietSince = Clock::now();
    }
  }
}

StepRecord StepRunner::run(int step, double rate) {
  settle();
  const std::int64_t total = config_.warmup + config_.count;
  trackers_.emplace_back(new StepTracker(step, total));
  StepTracker& tracker = *trackers_.back();
  sessions_.application().setTracker(&tracker);

  StepRecord record;
  record.offeredRate = rate;
  record.warmup = config_.warmup;
  record.intendedNs.resize(static_cast<std::size_t>(total));
  record.sentNs.assign(static_cast<std::size_t>(total), -1);
  record.replyNs.assign(static_cast<std::size_t>(total), -1);
  record.rejected.assign(static_cast<std::size_t>(total), 0);
  for (std::int64_t i = 0; i < total; ++i) record.intendedNs[static_cast<std::size_t>(i)] = intendedOffsetNs(i, rate);

  const std::int64_t t0 = nowNs() + std::chrono::duration_cast<std::chrono::nanoseconds>(kStartLead).count();
  std::int64_t sent = 0;
  for (std::int64_t i = 0; i < total; ++i) {
    waitUntilNs(t0 + record.intendedNs[static_cast<std::size_t>(i)]);
    if (sendOrder(step, i)) {
      record.sentNs[static_cast<std::size_t>(i)] = nowNs() - t0;
      ++sent;
    } else {
      ++record.sendFailures;
    }
  }

  const std::int64_t drainDeadline =
      nowNs() + static_cast<std::int64_t>(config_.drainTimeoutSeconds * 1e9);
  while (tracker.answered() < sent && nowNs() < drainDeadline) std::this_thread::sleep_for(kDrainPoll);
  record.endNs = nowNs() - t0;

  for (std::int64_t i = 0; i < total; ++i) {
    const std::int64_t reply = tracker.replyNs(i);
    if (reply < 0) continue;
    record.replyNs[static_cast<std::size_t>(i)] = reply - t0;
    record.rejected[static_cast<std::size_t>(i)] = tracker.rejected(i) ? 1 : 0;
  }
  record.otherMessages = tracker.others();
  return record;
}

}  // namespace fix_load
