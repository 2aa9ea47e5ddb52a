#include "tools/md_storm/storm_loop.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "tools/md_storm/steady_nanos.h"

namespace md_storm {
namespace {

constexpr std::int64_t kNanosPerSecond = 1000000000;
constexpr std::int64_t kNanosPerMilli = 1000000;
constexpr std::int64_t kLongestSleep = kNanosPerMilli;  // phases are looked at least every millisecond
constexpr int kLargestStep = 3;                         // a storm quote moves by at most 3 ticks

void sleepUntil(std::int64_t nanos) {
  const std::int64_t now = steadyNanos();
  if (nanos > now) std::this_thread::sleep_for(std::chrono::nanoseconds(nanos - now));
}

class Storm {
 public:
  Storm(StormVenue& venue, BreachBook& book, const StormModel& model, const StormPrices& prices,
        const StormSettings& settings)
      : venue_(venue), book_(book), model_(model), prices_(prices), settings_(settings), rng_(settings.seed) {
    for (int i = 0; i < model.symbolCount; ++i) {
      mids_.push_back(i == 0 ? model.entryPrice : model.otherPrice);
      bases_.push_back(mids_.back());
    }
  }

  StormResult run() {
    const int total = settings_.warmup + settings_.breaches;
    std::vector<std::int64_t> sentAt(static_cast<std::size_t>(total), 0);
    start_ = steadyNanos();
    std::int64_t nextBreachAt = start_ + settings_.breachEveryMs * kNanosPerMilli;
    std::int64_t phaseStart = 0;
    std::uint64_t backBefore = 0;
    enum class Phase { kStorm, kAwaitCall, kAwaitBack } phase = Phase::kStorm;
    int index = 0;
    const int logons = venue_.logons();
    const std::int64_t deadline = start_ + settings_.maxSeconds * kNanosPerSecond;
    while (index < total) {
      const std::int64_t now = steadyNanos();
      if (!venue_.loggedOn() || venue_.logons() != logons) {
        result_.stopReason = "the gateway's venue session dropped";
        break;
      }
      if (now >= deadline) {
        result_.stopReason = "stopped after --max-seconds " + std::to_string(settings_.maxSeconds);
        break;
      }
      sendDue(now);
      const std::size_t slot = static_cast<std::size_t>(index);
      switch (phase) {
        case Phase::kStorm:
          if (now >= nextBreachAt) {
            sentAt[slot] = sendBreach(slot);
            phaseStart = sentAt[slot];
            phase = Phase::kAwaitCall;
          }
          break;
        case Phase::kAwaitCall:
          if (book_.answered(slot) || now - phaseStart >= settings_.timeoutMs * kNanosPerMilli) {
            backBefore = sendRestore();
            phaseStart = now;
            phase = Phase::kAwaitBack;
          }
          break;
        case Phase::kAwaitBack:
          if (book_.backToNormalCount() > backBefore || now - phaseStart >= settings_.settleMs * kNanosPerMilli) {
            if (book_.backToNormalCount() <= backBefore) ++result_.settleTimeouts;
            pinned_ = -1;
            mids_[0] = prices_.restore;
            nextBreachAt = std::max(sentAt[slot] + settings_.breachEveryMs * kNanosPerMilli, now);
            ++index;
            phase = Phase::kStorm;
          }
          break;
      }
      const std::int64_t nextDue = dueTime(sent_);
      sleepUntil(std::min(nextDue, steadyNanos() + kLongestSleep));
    }
    book_.close();
    result_.stormNanos = lastSent_ - firstSent_;
    result_.updatesSent = sent_;
    // A breach still open when the storm stopped counts as run.
    const int run = index < total && phase != Phase::kStorm ? index + 1 : index;
    result_.breachesRun = std::max(0, run - settings_.warmup);
    for (int i = 0; i < run; ++i) {
      const std::int64_t answeredAt = book_.callTime(static_cast<std::size_t>(i));
      if (answeredAt == 0) {
        ++(i < settings_.warmup ? result_.warmupMisses : result_.misses);
      } else if (i >= settings_.warmup) {
        result_.latencies.push_back(answeredAt - sentAt[static_cast<std::size_t>(i)]);
      }
    }
    result_.completed = index == total;
    if (result_.completed) runSentinel(static_cast<std::size_t>(total));
    result_.strayCalls = book_.strayCalls();
    return result_;
  }

 private:
  // The time update n (0-based) is due.
  std::int64_t dueTime(std::uint64_t n) const {
    return start_ + static_cast<std::int64_t>(n) * kNanosPerSecond / settings_.rate;
  }

  void sendDue(std::int64_t now) {
    const std::uint64_t due =
        static_cast<std::uint64_t>((now - start_) * static_cast<std::int64_t>(settings_.rate) / kNanosPerSecond) + 1;
    while (sent_ < due) sendOne();
  }

  void sendOne() {
    const int index = static_cast<int>(sent_ % static_cast<std::uint64_t>(model_.symbolCount));
    const std::int64_t mid = index == 0 && pinned_ >= 0 ? pinned_ : walk(index);
    if (!venue_.sendQuote(index, mid)) ++result_.sendFailures;
    lastSent_ = steadyNanos();
    if (sent_ == 0) firstSent_ = lastSent_;
    ++sent_;
  }

  // A step of -3..+3 ticks, kept within the storm's band around the symbol's first mark.
  std::int64_t walk(int index) {
    std::uniform_int_distribution<int> step(-kLargestStep, kLargestStep);
    const std::size_t slot = static_cast<std::size_t>(index);
    const std::int64_t low = bases_[slot] - model_.stormSwing;
    const std::int64_t high = bases_[slot] + model_.stormSwing;
    mids_[slot] = std::min(high, std::max(low, mids_[slot] + step(rng_) * model_.tick));
    return mids_[slot];
  }

  // Returns t0, taken just before the send.
  std::int64_t sendBreach(std::size_t slot) {
    book_.open(slot);
    pinned_ = prices_.breach;
    const std::int64_t sentAt = steadyNanos();
    if (!venue_.sendQuote(0, prices_.breach)) ++result_.sendFailures;
    return sentAt;
  }

  // Returns the count of back-to-normal reports before the restore.
  std::uint64_t sendRestore() {
    book_.close();
    const std::uint64_t before = book_.backToNormalCount();
    pinned_ = prices_.restore;
    if (!venue_.sendQuote(0, prices_.restore)) ++result_.sendFailures;
    return before;
  }

  void runSentinel(std::size_t slot) {
    sendOne();
    const std::int64_t last = lastSent_;
    const std::int64_t sentAt = sendBreach(slot);
    while (!book_.answered(slot) && steadyNanos() - sentAt < settings_.timeoutMs * kNanosPerMilli) {
      std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
    const std::int64_t answeredAt = book_.callTime(slot);
    result_.sentinelAnswered = answeredAt != 0;
    if (result_.sentinelAnswered) {
      result_.sentinelNanos = answeredAt - last;
      result_.ingestNanos = answeredAt - firstSent_;
    }
    const std::uint64_t before = sendRestore();
    const std::int64_t restoredAt = steadyNanos();
    while (book_.backToNormalCount() <= before && steadyNanos() - restoredAt < settings_.settleMs * kNanosPerMilli) {
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
  }

  StormVenue& venue_;
  BreachBook& book_;
  const StormModel& model_;
  const StormPrices& prices_;
  const StormSettings& settings_;
  std::mt19937 rng_;
  std::vector<std::int64_t> mids_;
  std::vector<std::int64_t> bases_;
  std::int64_t pinned_ = -1;  // >= 0: the position's symbol is quoted at this price
  std::int64_t start_ = 0;
  std::uint64_t sent_ = 0;
  std::int64_t firstSent_ = 0;
  std::int64_t lastSent_ = 0;
  StormResult result_;
};

}  // namespace

StormResult runStorm(StormVenue& venue, BreachBook& book, const StormModel& model, const StormPrices& prices,
                     const StormSettings& settings) {
  Storm storm(venue, book, model, prices, settings);
  return storm.run();
}

}  // namespace md_storm
