#include "store/background_thread.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string>

namespace store {
namespace {

// sched_setattr(2)'s argument; glibc 2.36 declares neither the structure nor the call.
struct SchedulingAttributes {
  std::uint32_t size;
  std::uint32_t policy;
  std::uint64_t flags;
  std::int32_t nice;
  std::uint32_t priority;
  std::uint64_t runtime;  // SCHED_OTHER: the turn length the thread asks for (Linux 6.12+), 0: default
  std::uint64_t deadline;
  std::uint64_t period;
};

// runtimeNanos 0: the kernel's default turn. Only for a thread under the normal policy: one the
// operator put under another (chrt: real-time, batch, idle) keeps it, untouched.
bool setTurn(std::uint64_t runtimeNanos) {
  if (sched_getscheduler(0) != SCHED_OTHER) return false;
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
  if (nice == -1 && errno != 0) return false;
  SchedulingAttributes attributes{};
  attributes.size = sizeof(attributes);
  attributes.policy = SCHED_OTHER;
  attributes.nice = nice;
  attributes.runtime = runtimeNanos;
  return syscall(SYS_sched_setattr, 0, &attributes, 0) == 0;
}

}  // namespace

bool askForShortTurns() { return setTurn(kShortTurnNanos); }

void nameCurrentThread(const char* name) {
  const std::string truncated = std::string(name).substr(0, 15);
  pthread_setname_np(pthread_self(), truncated.c_str());
}

void becomeHousekeepingThread(const char* name) {
  nameCurrentThread(name);
  setTurn(0);
}

void becomeBackgroundThread(const char* name) {
  becomeHousekeepingThread(name);
  // On Linux a thread's nice value is its own: PRIO_PROCESS with the thread's id sets only this one.
  const auto self = static_cast<id_t>(gettid());
  errno = 0;
  const int current = getpriority(PRIO_PROCESS, self);
  if (current == -1 && errno != 0) return;
  setpriority(PRIO_PROCESS, self, std::min(19, current + kBackgroundNiceStep));
}

}  // namespace store
