#pragma once

// Records what the gateway core sends, for tests of the core without FIX sessions.

#include <string>
#include <vector>

#include "gateway/bridge/outbox.h"
#include "gateway/core/business_log.h"

namespace gateway::testing {

class FakeOutbox final : public bridge::Outbox {
 public:
  bool sendToClient(const bridge::ExecutionReportOut& report) override {
    reports.push_back(report);
    return true;
  }
  bool sendToClient(const bridge::OrderCancelRejectOut& reject) override {
    cancelRejects.push_back(reject);
    return true;
  }
  bool sendToClient(const bridge::CollateralRequestOut& call) override { return record(calls, call); }
  bool sendToClient(const bridge::CollateralReportOut& report) override { return record(collateralReports, report); }
  bool sendToClient(const bridge::CollateralInquiryAckOut& ack) override { return record(inquiryAcks, ack); }
  bool sendToClient(const bridge::CollateralResponseOut& response) override {
    return record(collateralResponses, response);
  }
  bool sendToClient(const bridge::PositionRequestAckOut& ack) override { return record(positionAcks, ack); }
  bool sendToClient(const bridge::PositionReportOut& report) override { return record(positionReports, report); }
  bool sendToVenue(const bridge::VenueNewOrderOut& order) override {
    if (!venueAccepts) return false;
    venueOrders.push_back(order);
    return true;
  }
  bool sendToVenue(const bridge::VenueCancelOut& cancel) override {
    if (!venueAccepts) return false;
    venueCancels.push_back(cancel);
    return true;
  }
  bool sendToVenue(const bridge::VenueReplaceOut& replace) override {
    if (!venueAccepts) return false;
    venueReplaces.push_back(replace);
    return true;
  }
  bool subscribeMarketData(const std::vector<std::string>& symbols) override {
    subscribed = symbols;
    return true;
  }

  template <class T>
  static bool record(std::vector<T>& sent, const T& message) {
    sent.push_back(message);
    return true;
  }

  bool venueAccepts = true;
  std::vector<bridge::CollateralRequestOut> calls;
  std::vector<bridge::CollateralReportOut> collateralReports;
  std::vector<bridge::CollateralInquiryAckOut> inquiryAcks;
  std::vector<bridge::CollateralResponseOut> collateralResponses;
  std::vector<bridge::PositionRequestAckOut> positionAcks;
  std::vector<bridge::PositionReportOut> positionReports;
  std::vector<bridge::ExecutionReportOut> reports;
  std::vector<bridge::OrderCancelRejectOut> cancelRejects;
  std::vector<bridge::VenueNewOrderOut> venueOrders;
  std::vector<bridge::VenueCancelOut> venueCancels;
  std::vector<bridge::VenueReplaceOut> venueReplaces;
  std::vector<std::string> subscribed;
};

class MemoryLog final : public core::BusinessLog {
 public:
  void info(std::string_view line) override { lines.emplace_back(line); }
  void warn(std::string_view line) override { lines.emplace_back(line); }
  void error(std::string_view line) override { lines.emplace_back(line); }
  std::vector<std::string> lines;
};

}  // namespace gateway::testing
