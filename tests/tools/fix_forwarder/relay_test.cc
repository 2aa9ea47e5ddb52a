// The relay thread alone, without sessions: a message for no session is counted as a failure by the
// relay thread, and a relay stopped and started again still sends what is queued.

#include "tools/fix_forwarder/relay.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

namespace fix_forwarder {
namespace {

TEST(RelayTest, AMessageForNoSessionIsCountedAsAFailureByTheTimeTheRelayStops) {
  std::atomic<std::uint64_t> failures{0};
  Relay relay;
  relay.start();
  relay.push(nullptr, std::unique_ptr<FIX::Message>(new FIX::Message), failures);
  relay.push(nullptr, std::unique_ptr<FIX::Message>(new FIX::Message), failures);
  relay.stop();
  EXPECT_EQ(failures.load(), 2u);
  EXPECT_EQ(relay.sent(), 0u);
}

TEST(RelayTest, ARelayStartedAgainAfterStoppingHandlesWhatIsQueued) {
  std::atomic<std::uint64_t> failures{0};
  Relay relay;
  relay.start();
  relay.stop();
  relay.start();
  relay.push(nullptr, std::unique_ptr<FIX::Message>(new FIX::Message), failures);
  while (failures.load() < 1) std::this_thread::yield();  // the first one handled: the thread ran
  // The thread must still be there for the second one (a relay still marked stopping would have
  // ended after its first batch, and stop() would find it gone and the message still queued).
  relay.push(nullptr, std::unique_ptr<FIX::Message>(new FIX::Message), failures);
  relay.stop();
  EXPECT_EQ(failures.load(), 2u);
}

}  // namespace
}  // namespace fix_forwarder
