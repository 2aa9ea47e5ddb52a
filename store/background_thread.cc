#include "store/background_thread.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

namespace store {

void nameCurrentThread(const char* name) {
  const std::string truncated = std::string(name).substr(0, 15);
  pthread_setname_np(pthread_self(), truncated.c_str());
}

void becomeBackgroundThread(const char* name) {
  nameCurrentThread(name);
  // On Linux a thread's nice value is its own: PRIO_PROCESS with the thread's id sets only this one.
  const auto self = static_cast<id_t>(gettid());
  errno = 0;
  const int current = getpriority(PRIO_PROCESS, self);
  if (current == -1 && errno != 0) return;
  setpriority(PRIO_PROCESS, self, std::min(19, current + kBackgroundNiceStep));
}

}  // namespace store
