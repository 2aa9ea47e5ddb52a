#include "store/background_thread.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
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

}  // namespace
}  // namespace store
