#pragma once

// The one thread that owns the gateway core and its risk state. QuickFIX's threads call the Inbox
// methods, which only queue; the risk thread takes everything queued in one batch (merging runs of
// market-data updates: market_data_conflation.h), processes it in arrival order, drives the core's
// timer (call deadlines), and ends every batch with `afterBatch` (the gateway commits what the batch
// recorded and then sends what it decided: BatchCommitter).
//
// Admission: with a limit set, a new order is refused at the edge (refusesNewOrders()) while that
// many inputs are waiting: pushed but not yet processed, the batch in hand included. The count is
// two atomics, written by one thread each; reading it takes no lock.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "gateway/bridge/inbox.h"
#include "gateway/core/clock.h"
#include "gateway/core/gateway_core.h"
#include "gateway/core/gateway_input.h"

namespace gateway::core {

class RiskThread final : public bridge::Inbox {
 public:
  // timerPeriod: how often the core's timer runs while idle (and at most between batches).
  RiskThread(GatewayCore& core, const Clock& clock, risk::Duration timerPeriod,
             std::function<void(risk::Timestamp)> afterBatch = {});
  ~RiskThread() override;

  void start();
  // Processes what is queued, then stops; idempotent.
  void stop();

  void onClientNewOrder(const bridge::ClientNewOrder& order) override { push(order); }
  void onClientCancel(const bridge::ClientCancel& cancel) override { push(cancel); }
  void onClientReplace(const bridge::ClientReplace& replace) override { push(replace); }
  void onClientCollateralInquiry(const bridge::ClientCollateralInquiry& inquiry) override { push(inquiry); }
  void onClientCollateralAssignment(const bridge::ClientCollateralAssignment& assignment) override {
    push(assignment);
  }
  void onClientPositionRequest(const bridge::ClientPositionRequest& request) override { push(request); }
  void onClientSession(bridge::SessionIndex session, bool loggedOn) override {
    push(ClientSessionEvent{session, loggedOn});
  }
  void onVenueExecution(const bridge::VenueExecution& report) override { push(report); }
  void onVenueCancelReject(const bridge::VenueCancelReject& reject) override { push(reject); }
  void onVenueMessageReject(const bridge::VenueMessageReject& reject) override { push(reject); }
  void onVenueSession(bool loggedOn) override { push(VenueSessionEvent{loggedOn}); }
  void onMarketData(const bridge::MarketDataUpdate& update) override { push(update); }
  void onMarketDataSession(bool loggedOn) override { push(MarketDataSessionEvent{loggedOn}); }

  // 0: no limit (the default).
  void setInputsWaitingLimit(std::size_t limit) { waitingLimit_ = limit; }
  std::size_t inputsWaiting() const override {
    // Acquire: the pushes the risk thread had taken before it counted them processed are seen too.
    const std::size_t processed = processed_.load(std::memory_order_acquire);
    const std::size_t pushed = pushed_.load(std::memory_order_relaxed);
    return pushed > processed ? pushed - processed : 0;
  }
  std::size_t inputsWaitingLimit() const override { return waitingLimit_; }

  // Runs `task` on the risk thread, in turn with everything else, and returns at once.
  void submit(std::function<void(risk::Timestamp)> task) { push(RiskTask{std::move(task)}); }

 private:
  void push(GatewayInput input);
  void run();

  GatewayCore& core_;
  const Clock& clock_;
  const risk::Duration timerPeriod_;
  const std::function<void(risk::Timestamp)> afterBatch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<GatewayInput> queue_;
  bool stopping_ = false;
  std::atomic<std::size_t> pushed_{0};     // written under mutex_
  std::atomic<std::size_t> processed_{0};  // written by the risk thread only
  std::size_t waitingLimit_ = 0;
  std::thread thread_;
};

}  // namespace gateway::core
