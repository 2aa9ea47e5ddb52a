// The risk thread's count of waiting inputs, which admission control reads from the FIX side.
#include "gateway/core/risk_thread.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "tests/gateway/core/fake_outbox.h"
#include "tests/risk/engine_fixture.h"

namespace gateway::testing {
namespace {

class FixedClock final : public core::Clock {
 public:
  risk::Timestamp now() const override { return risk::testing::at(0); }
};

class RiskThreadTest : public ::testing::Test {
 protected:
  RiskThreadTest() {
    config_.instruments.push_back(risk::testing::flatInstrument("FUT", "10", "0.10", "0.05"));
    config_.accounts.push_back(risk::testing::account("ACC-1", "10000"));
    core_ = std::make_unique<core::GatewayCore>(config_, std::vector<bridge::ClientSessionConfig>{}, outbox_, log_,
                                                recorder_);
  }

  static bridge::MarketDataUpdate mark(const char* symbol) {
    bridge::MarketDataUpdate update;
    update.symbol = symbol;
    update.last = 100'00000000;
    update.hasLast = true;
    return update;
  }

  // Runs on the risk thread after every batch; lets the test see the count the FIX side sees then.
  void afterBatch() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++batches_;
    changed_.notify_all();
  }

  bool waitForBatches(int count) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return batches_ >= count; });
  }

  risk::RiskConfig config_;
  FakeOutbox outbox_;
  MemoryLog log_;
  core::Recorder recorder_;
  FixedClock clock_;
  std::unique_ptr<core::GatewayCore> core_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int batches_ = 0;
};

TEST_F(RiskThreadTest, InputsWaitUntilTheRiskThreadHasProcessedThem) {
  core::RiskThread thread(*core_, clock_, risk::Duration::fromSeconds(60), [this](risk::Timestamp) { afterBatch(); });
  EXPECT_EQ(thread.inputsWaiting(), 0u);
  EXPECT_FALSE(thread.refusesNewOrders());  // no limit set

  // Before the thread runs, everything pushed waits; market data counts as it arrived, before
  // runs of it are merged.
  thread.onMarketData(mark("FUT"));
  thread.onMarketData(mark("FUT"));
  thread.onVenueSession(true);
  EXPECT_EQ(thread.inputsWaiting(), 3u);

  thread.setInputsWaitingLimit(4);
  EXPECT_EQ(thread.inputsWaitingLimit(), 4u);
  EXPECT_FALSE(thread.refusesNewOrders());
  thread.onVenueSession(true);
  EXPECT_TRUE(thread.refusesNewOrders());  // 4 waiting, limit 4

  thread.start();
  ASSERT_TRUE(waitForBatches(1));
  EXPECT_EQ(thread.inputsWaiting(), 0u);
  EXPECT_FALSE(thread.refusesNewOrders());
  thread.setInputsWaitingLimit(0);
  thread.stop();
}

}  // namespace
}  // namespace gateway::testing
