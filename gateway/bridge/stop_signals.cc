#include "gateway/bridge/stop_signals.h"

#include <pthread.h>

#include <cerrno>
#include <csignal>
#include <ctime>

namespace gateway::bridge {
namespace {

sigset_t stopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

void blockStopSignals() {
  const sigset_t set = stopSignals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int waitForStopSignal() {
  const sigset_t set = stopSignals();
  for (;;) {
    int signal = 0;
    if (sigwait(&set, &signal) == 0) return signal;
  }
}

int waitForStopSignalUntil(std::chrono::steady_clock::time_point deadline) {
  const sigset_t set = stopSignals();
  for (;;) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) return 0;
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

}  // namespace gateway::bridge
