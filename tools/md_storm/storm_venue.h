#pragma once

// md-storm's venue: the QuickFIX acceptor application the gateway's venue session logs on to
// (VENUE <- GATEWAY). It answers each MarketDataRequest with a snapshot at the model's first marks,
// fills every order in full at its limit price (ExecutionReport New, then Fill) except the order
// flow's IOC orders (the flow account's), which it answers New, then Canceled; and it sends the
// storm's incremental refreshes when the storm thread asks. gnu++14 (includes QuickFIX).

#include <quickfix/Application.h>
#include <quickfix/Session.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "tools/md_storm/storm_model.h"

namespace md_storm {

class StormVenue : public FIX::Application {
 public:
  explicit StormVenue(const StormModel& model);

  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID& id) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message&, const FIX::SessionID&) override {}
  void toApp(FIX::Message&, const FIX::SessionID&) throw(FIX::DoNotSend) override {}
  void fromAdmin(const FIX::Message&, const FIX::SessionID&) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override {}
  void fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

  // True once the gateway is logged on and has subscribed to every symbol of the model.
  bool waitForSubscriptions(std::chrono::milliseconds timeout);
  bool loggedOn() const { return loggedOn_.load(std::memory_order_acquire); }
  // Logons so far: a change during the storm means the gateway's session dropped and came back.
  int logons() const { return logons_.load(std::memory_order_acquire); }

  // The storm thread's send: one MarketDataIncrementalRefresh quoting symbol `index` with
  // bid = mid - tick and offer = mid + tick (so the gateway's mark is exactly `mid`). Only after
  // waitForSubscriptions() returned true. False when QuickFIX did not send it.
  bool sendQuote(int index, std::int64_t mid);

 private:
  void onMarketDataRequest(const FIX::Message& message, const FIX::SessionID& id);
  void onNewOrder(const FIX::Message& message, const FIX::SessionID& id);
  std::int64_t firstMark(int index) const;
  int indexOf(const std::string& symbol) const;

  const StormModel model_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::atomic<bool> loggedOn_{false};
  std::atomic<int> logons_{0};
  FIX::Session* session_ = nullptr;
  // Per symbol index: the first request's id (empty until requested) and the entry types sent so
  // far. Written only until every symbol is subscribed, then read by the storm thread alone.
  std::vector<std::string> requestIds_;
  std::vector<unsigned> sentMasks_;
  int subscribed_ = 0;
  std::uint64_t orders_ = 0;
};

}  // namespace md_storm
