#pragma once

// An Inbox that records every call, for the FIX engine's integration tests. waitUntil() waits on
// a condition variable with a timeout (no fixed sleeps).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include "gateway/bridge/inbox.h"

namespace gateway {
namespace fix {
namespace testing {

struct InboxRecord {
  std::vector<bridge::ClientNewOrder> newOrders;
  std::vector<bridge::ClientCancel> cancels;
  std::vector<bridge::ClientReplace> replaces;
  std::vector<std::pair<bridge::SessionIndex, bool>> clientSessions;
  std::vector<bridge::ClientCollateralInquiry> collateralInquiries;
  std::vector<bridge::ClientCollateralAssignment> collateralAssignments;
  std::vector<bridge::ClientPositionRequest> positionRequests;
  std::vector<bridge::VenueExecution> executions;
  std::vector<bridge::VenueCancelReject> cancelRejects;
  std::vector<bridge::VenueMessageReject> messageRejects;
  std::vector<bool> venueSessions;
  std::vector<bridge::MarketDataUpdate> marketData;
  std::vector<bool> marketDataSessions;
};

// How long a test waits for something that should happen at once.
const std::chrono::milliseconds kWaitTimeout(5000);

class FakeInbox : public bridge::Inbox {
 public:

  void onClientNewOrder(const bridge::ClientNewOrder& order) override {
    record([&](InboxRecord& r) { r.newOrders.push_back(order); });
  }
  void onClientCancel(const bridge::ClientCancel& cancel) override {
    record([&](InboxRecord& r) { r.cancels.push_back(cancel); });
  }
  void onClientReplace(const bridge::ClientReplace& replace) override {
    record([&](InboxRecord& r) { r.replaces.push_back(replace); });
  }
  void onClientSession(bridge::SessionIndex session, bool loggedOn) override {
    record([&](InboxRecord& r) { r.clientSessions.emplace_back(session, loggedOn); });
  }
  void onClientCollateralInquiry(const bridge::ClientCollateralInquiry& inquiry) override {
    record([&](InboxRecord& r) { r.collateralInquiries.push_back(inquiry); });
  }
  void onClientCollateralAssignment(const bridge::ClientCollateralAssignment& assignment) override {
    record([&](InboxRecord& r) { r.collateralAssignments.push_back(assignment); });
  }
  void onClientPositionRequest(const bridge::ClientPositionRequest& request) override {
    record([&](InboxRecord& r) { r.positionRequests.push_back(request); });
  }
  void onVenueExecution(const bridge::VenueExecution& report) override {
    record([&](InboxRecord& r) { r.executions.push_back(report); });
  }
  void onVenueCancelReject(const bridge::VenueCancelReject& reject) override {
    record([&](InboxRecord& r) { r.cancelRejects.push_back(reject); });
  }
  void onVenueMessageReject(const bridge::VenueMessageReject& reject) override {
    record([&](InboxRecord& r) { r.messageRejects.push_back(reject); });
  }
  void onVenueSession(bool loggedOn) override {
    record([&](InboxRecord& r) { r.venueSessions.push_back(loggedOn); });
  }
  void onMarketData(const bridge::MarketDataUpdate& update) override {
    record([&](InboxRecord& r) { r.marketData.push_back(update); });
  }
  void onMarketDataSession(bool loggedOn) override {
    record([&](InboxRecord& r) { r.marketDataSessions.push_back(loggedOn); });
  }

  // Admission control as the risk thread reports it: the test sets how many inputs "wait".
  std::size_t inputsWaiting() const override { return waiting.load(); }
  std::size_t inputsWaitingLimit() const override { return kLimit; }
  static constexpr std::size_t kLimit = 100;
  std::atomic<std::size_t> waiting{0};

  // True once `done(record)` holds; false after the timeout.
  bool waitUntil(const std::function<bool(const InboxRecord&)>& done,
                 std::chrono::milliseconds timeout = kWaitTimeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return done(record_); });
  }

  InboxRecord snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return record_;
  }

 private:
  void record(const std::function<void(InboxRecord&)>& change) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      change(record_);
    }
    changed_.notify_all();
  }

  InboxRecord record_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace testing
}  // namespace fix
}  // namespace gateway
