#pragma once

// The venue's QuickFIX Application: decodes inbound messages, runs the matching engine and the
// market data subscriptions, and sends the answers. One mutex (`mutex_`) serialises every state
// change and every send that follows from it, so reports leave in the order they happened.
// Lock order: mutex_ may be held while QuickFIX takes a session's lock (Session::send); callbacks
// that QuickFIX makes while holding a session's lock (toApp, toAdmin, onLogout) never take mutex_.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <quickfix/Application.h>
#include <quickfix/Session.h>

#include "tools/venue_sim/market_book.h"
#include "tools/venue_sim/matching_engine.h"
#include "tools/venue_sim/message_recorder.h"
#include "tools/venue_sim/price_path.h"
#include "tools/venue_sim/report_encoding.h"
#include "tools/venue_sim/subscriptions.h"
#include "tools/venue_sim/venue_config.h"

namespace venue_sim {

class VenueCore : public FIX::Application {
 public:
  VenueCore(const VenueConfig& config, const std::string& idPrefix);

  // Before the acceptors start: every session the venue serves.
  void addSession(const FIX::SessionID& id, bool marketDataOnly);
  // After the acceptors are built: keeps each session's FIX::Session for sending.
  void attachSessions();

  bool step();
  void setMarket(const std::string& symbol, std::int64_t bidRaw, std::int64_t askRaw, std::int64_t lastRaw);
  bool nextScenarioOffsetMs(std::int64_t& offsetMs) const;
  bool hasScenario() const;

  std::vector<VenueOrder> orders() const;
  std::vector<VenueOrder> restingOrders() const;
  bool quote(const std::string& symbol, Quote& out) const;
  std::size_t subscriptionCount() const;
  std::vector<RecordedMessage> received() const { return recorder_.received(); }
  std::vector<RecordedMessage> sent() const { return recorder_.sent(); }
  bool isLoggedOn(const std::string& clientCompId) const;
  bool waitForLogon(const std::string& clientCompId, std::chrono::milliseconds timeout) const;

  // FIX::Application
  void onCreate(const FIX::SessionID&) override {}
  void onLogon(const FIX::SessionID& id) override;
  void onLogout(const FIX::SessionID& id) override;
  void toAdmin(FIX::Message& message, const FIX::SessionID& id) override;
  void toApp(FIX::Message& message, const FIX::SessionID& id) throw(FIX::DoNotSend) override;
  void fromAdmin(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::RejectLogon) override;
  void fromApp(const FIX::Message& message, const FIX::SessionID& id) throw(
      FIX::FieldNotFound, FIX::IncorrectDataFormat, FIX::IncorrectTagValue, FIX::UnsupportedMessageType) override;

 private:
  struct Slot {
    FIX::SessionID id;
    bool marketDataOnly = false;
    FIX::Session* session = nullptr;
  };

  int slotOf(const FIX::SessionID& id) const;
  void record(bool received, const FIX::Message& message, const FIX::SessionID& id);
  void onNewOrder(int slot, const FIX::Message& message);
  void onMarketDataRequest(int slot, const FIX::Message& message);
  // The following run with mutex_ held.
  void sendTo(int slot, FIX::Message message);
  void sendOutput(const EngineOutput& out);
  void applyUpdates(const std::vector<MarketUpdate>& updates);

  const VenueConfig config_;
  const ReportSettings reportSettings_;
  MessageRecorder recorder_;
  std::vector<Slot> slots_;                 // fixed once the acceptors start
  std::map<FIX::SessionID, int> slotIndex_;

  mutable std::mutex mutex_;
  MarketBook book_;
  MatchingEngine engine_;
  Subscriptions subscriptions_;
  PricePath path_;

  mutable std::mutex statusMutex_;
  mutable std::condition_variable statusChanged_;
  std::map<std::string, bool> loggedOn_;    // by client CompID
};

}  // namespace venue_sim
