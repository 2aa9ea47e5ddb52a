#pragma once

// The storm itself, on one thread: market-data updates at a fixed offered rate (open loop: each
// update has its due time, start + n / rate; the thread sleeps until the next one is due and then
// sends every update that is due), round robin over the model's symbols with small moves that
// never change the account's state; and every breachEveryMs one breaching tick on the position's
// symbol, then (once its AX arrived or timed out) one restoring tick, then a wait for the account
// to be back (a BA saying NORMAL or WARNING, at most settleMs). While a breach is open the position's
// symbol is quoted at the breach price, while the restore settles at the restore price, so the
// storm itself never moves the account. After the last breach: a final sentinel breach sent right
// after the last storm update, whose AX shows that the gateway had taken in every update.
// The storm stops early, incomplete, when the venue session drops (the gateway refuses messages
// whose SendingTime is more than MaxLatency old, so a backlog of minutes ends it) or after maxSeconds.

#include <cstdint>
#include <string>
#include <vector>

#include "tools/md_storm/breach_book.h"
#include "tools/md_storm/storm_model.h"
#include "tools/md_storm/storm_venue.h"

namespace md_storm {

struct StormSettings {
  int rate = 50000;         // market-data updates offered per second
  int breachEveryMs = 100;  // time between breaches (at least: the next waits for the restore)
  int breaches = 200;       // measured breaches
  int warmup = 5;           // breaches before them, not measured
  int timeoutMs = 1000;     // a breach with no AX within this is a miss
  int settleMs = 1000;      // longest wait for the account to be back after a restore
  unsigned seed = 1;
  int maxSeconds = 600;     // the storm stops (incomplete) after this long
};

struct StormResult {
  bool completed = false;            // every breach ran and the sessions held
  std::string stopReason;            // when not completed
  int breachesRun = 0;               // measured breaches sent
  std::uint64_t updatesSent = 0;     // storm updates (breach, restore and sentinel ticks not counted)
  std::uint64_t sendFailures = 0;    // updates QuickFIX refused to send
  std::int64_t stormNanos = 0;       // first storm update to the last
  std::vector<std::int64_t> latencies;  // measured breaches answered: t1 - t0, ns
  int misses = 0;                    // measured breaches without an AX within the timeout
  int warmupMisses = 0;
  int settleTimeouts = 0;            // restores not confirmed by a BA within settleMs
  bool sentinelAnswered = false;
  std::int64_t sentinelNanos = 0;    // last storm update sent -> the sentinel's AX
  std::int64_t ingestNanos = 0;      // first storm update -> the sentinel's AX
  std::uint64_t strayCalls = 0;
};

// The book needs capacity warmup + breaches + 1. Runs until done; the venue must be subscribed.
StormResult runStorm(StormVenue& venue, BreachBook& book, const StormModel& model, const StormPrices& prices,
                     const StormSettings& settings);

}  // namespace md_storm
