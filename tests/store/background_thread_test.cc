#include "store/background_thread.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <string>
#include <thread>

namespace store {
namespace {

std::string currentThreadName() {
  std::array<char, 16> name{};
  pthread_getname_np(pthread_self(), name.data(), name.size());
  return name.data();
}

int currentThreadNice() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

// The calling thread's turn length as the kernel reports it (se.slice), 0 when it does not.
std::uint64_t currentThreadTurnNanos() {
  std::ifstream sched("/proc/thread-self/sched");
  for (std::string line; std::getline(sched, line);) {
    if (line.rfind("se.slice", 0) == 0) return std::stoull(line.substr(line.find(':') + 1));
  }
  return 0;
}

TEST(BackgroundThreadTest, NamesTheThreadAndKeepsTheFirstFifteenCharacters) {
  std::string named;
  std::thread([&] {
    nameCurrentThread("a-name-longer-than-fifteen");
    named = currentThreadName();
  }).join();
  EXPECT_EQ(named, "a-name-longer-t");
}

TEST(BackgroundThreadTest, NamingLeavesThePriorityAlone) {
  const int before = currentThreadNice();
  int after = 0;
  std::thread([&] {
    nameCurrentThread("risk");
    after = currentThreadNice();
  }).join();
  EXPECT_EQ(after, before);
}

TEST(BackgroundThreadTest, ABackgroundThreadStepsBackAndOnlyItself) {
  const int before = currentThreadNice();
  int inThread = 0;
  std::string named;
  std::thread([&] {
    becomeBackgroundThread("store-writer");
    inThread = currentThreadNice();
    named = currentThreadName();
  }).join();
  EXPECT_EQ(inThread, std::min(19, before + kBackgroundNiceStep));
  EXPECT_EQ(named, "store-writer");
  EXPECT_EQ(currentThreadNice(), before);  // the calling thread, and so the rest of the process, is unchanged
}

// Short turns are asked for on a thread of the test's own, so the rest of the test process keeps its
// default; threads it creates afterwards inherit them, and the catch-up threads give them back.
TEST(BackgroundThreadTest, ShortTurnsAreInheritedAndTheCatchUpThreadsGiveThemBack) {
  const std::uint64_t defaultTurn = currentThreadTurnNanos();
  bool asked = false;
  std::uint64_t shortTurn = 0, inherited = 0, housekeeping = 0, background = 0;
  int housekeepingNice = 0;
  const int before = currentThreadNice();
  std::thread([&] {
    asked = askForShortTurns();
    shortTurn = currentThreadTurnNanos();
    std::thread([&] { inherited = currentThreadTurnNanos(); }).join();
    std::thread([&] {
      becomeHousekeepingThread("checkpointer");
      housekeeping = currentThreadTurnNanos();
      housekeepingNice = currentThreadNice();
    }).join();
    std::thread([&] {
      becomeBackgroundThread("store-writer");
      background = currentThreadTurnNanos();
    }).join();
  }).join();
  ASSERT_TRUE(asked);
  if (shortTurn != kShortTurnNanos) GTEST_SKIP() << "this kernel keeps the default turn (custom turns: Linux 6.12+)";
  EXPECT_EQ(inherited, kShortTurnNanos);
  EXPECT_EQ(housekeeping, defaultTurn);
  EXPECT_EQ(housekeepingNice, before);
  EXPECT_EQ(background, defaultTurn);
  EXPECT_EQ(currentThreadTurnNanos(), defaultTurn);  // the asking thread's own, not the process's
}

TEST(BackgroundThreadTest, AThreadUnderAnotherPolicyKeepsIt) {
  bool asked = true;
  int policy = -1;
  std::thread([&] {
    sched_param none{};
    ASSERT_EQ(sched_setscheduler(0, SCHED_BATCH, &none), 0);  // as `chrt --batch` would
    asked = askForShortTurns();
    becomeHousekeepingThread("checkpointer");
    policy = sched_getscheduler(0);
  }).join();
  EXPECT_FALSE(asked);
  EXPECT_EQ(policy, SCHED_BATCH);
}

}  // namespace
}  // namespace store
