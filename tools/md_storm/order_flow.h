#pragma once

// The order flow that runs during the storm (--order-rate N > 0): on its own thread, open loop,
// order n is due at start + n / rate; the thread sleeps until the next one is due and then sends
// every order that is due (a late wake-up sends a short burst, never fewer orders). Each order is
// a limit IOC of the flow account, alternately buy and sell, round robin over the stormed symbols
// other than the position's, at that symbol's first mark (inside the price collar); md-storm's
// venue answers it New then Canceled, so the account stays flat. gnu++14 (uses the flow client).

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "tools/md_storm/flow_client.h"
#include "tools/md_storm/storm_model.h"

namespace md_storm {

class OrderFlow {
 public:
  // ratePerSecond > 0; the model needs at least two symbols.
  OrderFlow(FlowClient& client, const StormModel& model, int ratePerSecond);
  ~OrderFlow();
  OrderFlow(const OrderFlow&) = delete;
  OrderFlow& operator=(const OrderFlow&) = delete;

  void start();  // order 0 is due now
  void stop();   // no order after this; joins the thread
  std::int64_t startNanos() const { return start_; }

 private:
  void run();

  FlowClient& client_;
  const int rate_;
  std::vector<std::string> symbols_;
  std::vector<std::int64_t> prices_;
  std::int64_t quantity_ = 0;
  std::int64_t start_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace md_storm
