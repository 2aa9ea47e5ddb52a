#include "tools/venue_sim/venue_runner.h"

#include <chrono>

#include "gateway/bridge/stop_signals.h"

namespace venue_sim {
namespace {
using Clock = std::chrono::steady_clock;
}  // namespace

int runUntilSignalled(VenueSimulator& venue, int stepMs) {
  const Clock::time_point start = Clock::now();
  const bool walking = !venue.hasScenario() && !venue.config().randomWalks.empty();
  Clock::time_point nextWalk = start + std::chrono::milliseconds(stepMs);
  for (;;) {
    bool forever = false;
    Clock::time_point deadline;
    std::int64_t offsetMs = 0;
    if (venue.hasScenario()) {
      if (venue.nextScenarioOffsetMs(offsetMs)) {
        deadline = start + std::chrono::milliseconds(offsetMs);
      } else {
        forever = true;  // played out: hold the last prices
      }
    } else if (walking) {
      deadline = nextWalk;
    } else {
      forever = true;
    }
    const int signal = forever ? gateway::bridge::waitForStopSignal()
                               : gateway::bridge::waitForStopSignalUntil(deadline);
    if (signal != 0) return signal;
    if (venue.hasScenario()) {
      // Every row that is due, in file order.
      while (venue.nextScenarioOffsetMs(offsetMs) && start + std::chrono::milliseconds(offsetMs) <= Clock::now()) {
        venue.step();
      }
    } else {
      venue.step();
      nextWalk += std::chrono::milliseconds(stepMs);
      if (nextWalk < Clock::now()) nextWalk = Clock::now();  // fell behind: do not burst
    }
  }
}

}  // namespace venue_sim
