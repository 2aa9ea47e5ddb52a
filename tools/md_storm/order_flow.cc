#include "tools/md_storm/order_flow.h"

#include <algorithm>
#include <chrono>

#include "tools/md_storm/flow_book.h"
#include "tools/md_storm/steady_nanos.h"

namespace md_storm {
namespace {

constexpr std::int64_t kLongestSleep = 1000000;  // the stop flag is looked at least every millisecond

}  // namespace

OrderFlow::OrderFlow(FlowClient& client, const StormModel& model, int ratePerSecond)
    : client_(client), rate_(ratePerSecond), quantity_(model.flowQuantity) {
  for (int i = 1; i < model.symbolCount; ++i) {
    symbols_.push_back(model.symbol(i));
    prices_.push_back(model.otherPrice);
  }
}

OrderFlow::~OrderFlow() { stop(); }

void OrderFlow::start() {
  start_ = steadyNanos();
  thread_ = std::thread([this] { run(); });
}

void OrderFlow::stop() {
  stopping_.store(true, std::memory_order_release);
  if (thread_.joinable()) thread_.join();
}

void OrderFlow::run() {
  std::uint64_t next = 0;
  const std::size_t symbols = symbols_.size();
  while (!stopping_.load(std::memory_order_acquire)) {
    const std::int64_t now = steadyNanos();
    while (flowDueTime(start_, rate_, next) <= now && !stopping_.load(std::memory_order_acquire)) {
      // Pairs on one symbol: buy then sell, then the next symbol.
      const std::size_t slot = static_cast<std::size_t>((next / 2) % symbols);
      client_.send(next, symbols_[slot], next % 2 == 0, quantity_, prices_[slot]);
      ++next;
    }
    const std::int64_t wait = std::min(flowDueTime(start_, rate_, next) - steadyNanos(), kLongestSleep);
    if (wait > 0) std::this_thread::sleep_for(std::chrono::nanoseconds(wait));
  }
}

}  // namespace md_storm
