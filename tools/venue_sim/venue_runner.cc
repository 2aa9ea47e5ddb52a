#include "tools/venue_sim/venue_runner.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <ctime>

#include <pthread.h>

namespace venue_sim {
namespace {

using Clock = std::chrono::steady_clock;

sigset_t stopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

// Waits for a stop signal until `deadline` (or for ever when `forever`); returns it, or 0 on time out.
int waitForSignal(bool forever, Clock::time_point deadline) {
  const sigset_t set = stopSignals();
  for (;;) {
    if (forever) {
      int signal = 0;
      if (sigwait(&set, &signal) == 0) return signal;
      continue;
    }
    const auto left = deadline - Clock::now();
    if (left <= Clock::duration::zero()) return 0;
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
    timespec timeout;
    timeout.tv_sec = static_cast<time_t>(nanos / 1000000000);
    timeout.tv_nsec = static_cast<long>(nanos % 1000000000);
    const int signal = sigtimedwait(&set, nullptr, &timeout);
    if (signal > 0) return signal;
    if (errno == EAGAIN) return 0;
    // EINTR: wait again
  }
}

}  // namespace

void blockStopSignals() {
  const sigset_t set = stopSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

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
    const int signal = waitForSignal(forever, deadline);
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
