#include "gateway/core/risk_thread.h"

#include <chrono>
#include <utility>

#include "gateway/core/market_data_conflation.h"
#include "store/background_thread.h"

namespace gateway::core {

RiskThread::RiskThread(GatewayCore& core, const Clock& clock, risk::Duration timerPeriod,
                       std::function<void(risk::Timestamp)> afterBatch)
    : core_(core), clock_(clock), timerPeriod_(timerPeriod), afterBatch_(std::move(afterBatch)) {}

RiskThread::~RiskThread() { stop(); }

void RiskThread::start() {
  core_.start();
  thread_ = std::thread([this] { run(); });
}

void RiskThread::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void RiskThread::push(GatewayInput input) {
  bool wasEmpty = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    wasEmpty = queue_.empty();
    queue_.push_back(std::move(input));
    pushed_.store(pushed_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }
  if (wasEmpty) wake_.notify_one();  // otherwise the risk thread is awake already or will take it with the rest
}

void RiskThread::run() {
  store::nameCurrentThread("risk");
  std::vector<GatewayInput> batch;
  risk::Timestamp lastTimer = clock_.now();
  const auto period = std::chrono::nanoseconds(timerPeriod_.nanos);
  for (;;) {
    bool stopping = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait_for(lock, period, [this] { return stopping_ || !queue_.empty(); });
      batch.swap(queue_);
      stopping = stopping_;
    }
    const std::size_t taken = batch.size();
    conflateMarketData(batch);
    for (const GatewayInput& input : batch) core_.process(input, clock_.now());
    batch.clear();
    processed_.store(processed_.load(std::memory_order_relaxed) + taken, std::memory_order_release);
    const risk::Timestamp now = clock_.now();
    if (now - lastTimer >= timerPeriod_) {
      core_.onTimer(now);
      lastTimer = now;
    }
    if (afterBatch_) afterBatch_(now);
    if (stopping) return;
  }
}

}  // namespace gateway::core
