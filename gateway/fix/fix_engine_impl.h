#pragma once

// The FixEngine: one SocketAcceptor for the client sessions (none when no client is configured),
// one SocketInitiator for the venue session and the optional market-data session, stores from
// LogonGuardedStoreFactory (guarded stores for clients) over MemoryStores or, with
// FixEngineOptions::sessionStorePath, over SqliteMessageStores in one file; the shared message log.
//
// Threads: the acceptor's thread runs every client callback (Inbox::onClient*), the initiator's
// thread every venue and market-data callback (Inbox::onVenue*, onMarketData*). The Outbox
// methods are meant for the core's one thread; each returns false, without queueing anything,
// when the target session is not logged on (or the message is malformed: an empty required id,
// logged as an error), true once QuickFIX has taken the message.

#include <quickfix/Session.h>
#include <quickfix/SocketAcceptor.h>
#include <quickfix/SocketInitiator.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/fix/client_application.h"
#include "gateway/fix/fix_engine.h"
#include "gateway/fix/gateway_settings.h"
#include "gateway/fix/logon_guarded_store_factory.h"
#include "gateway/fix/market_data_feed.h"
#include "gateway/fix/shared_message_log.h"
#include "gateway/fix/venue_application.h"

namespace gateway {
namespace fix {

class FixEngineImpl : public FixEngine {
 public:
  // Creates the QuickFIX sessions (loading the data dictionaries) and their stores. Throws
  // FIX::ConfigError on a problem QuickFIX finds or a session store that cannot be opened,
  // spdlog::spdlog_ex when the message log cannot be opened.
  FixEngineImpl(const GatewaySettings& settings, const FixEngineOptions& options);
  ~FixEngineImpl() override;

  const std::vector<bridge::ClientSessionConfig>& clientSessions() const override;
  // Throws std::runtime_error when QuickFIX cannot start (a port that cannot be bound).
  void start(bridge::Inbox& inbox, bridge::MessageTap* tap = nullptr) override;
  void stop() override;
  bool sequenceNumbers(const std::string& senderCompId, const std::string& targetCompId,
                       SequenceNumbers& numbers) const override;

  bool sendToClient(const bridge::ExecutionReportOut& report) override;
  bool sendToClient(const bridge::OrderCancelRejectOut& reject) override;
  bool sendToClient(const bridge::CollateralRequestOut& call) override;
  bool sendToClient(const bridge::CollateralReportOut& report) override;
  bool sendToClient(const bridge::CollateralInquiryAckOut& ack) override;
  bool sendToClient(const bridge::CollateralResponseOut& response) override;
  bool sendToClient(const bridge::PositionRequestAckOut& ack) override;
  bool sendToClient(const bridge::PositionReportOut& report) override;
  bool sendToVenue(const bridge::VenueNewOrderOut& order) override;
  bool sendToVenue(const bridge::VenueCancelOut& cancel) override;
  bool sendToVenue(const bridge::VenueReplaceOut& replace) override;
  bool subscribeMarketData(const std::vector<std::string>& symbols) override;

 private:
  template <typename Out, typename Encoder>
  bool send(FIX::Session* session, const Out& out, Encoder encode, const char* what);
  FIX::Session* clientSession(bridge::SessionIndex index) const;
  std::vector<FIX::Session*> everySession() const;
  void logOutAndWait();

  const GatewaySettings settings_;
  std::vector<bridge::ClientSessionConfig> clientConfigs_;
  std::unique_ptr<FIX::MessageStoreFactory> innerStoreFactory_;  // memory or SQLite
  LogonGuardedStoreFactory storeFactory_;
  SharedMessageLogFactory logFactory_;
  MarketDataFeed feed_;
  ClientApplication clientApplication_;
  VenueApplication venueApplication_;
  // Declared after everything their sessions use: destroyed first.
  std::unique_ptr<FIX::SocketAcceptor> acceptor_;
  std::unique_ptr<FIX::SocketInitiator> initiator_;
  std::vector<FIX::Session*> clientSessions_;  // by SessionIndex
  FIX::Session* venueSession_ = nullptr;
  std::map<FIX::SessionID, FIX::Session*> sessionsById_;
  std::mutex lifecycleMutex_;
  bool running_ = false;
};

}  // namespace fix
}  // namespace gateway
