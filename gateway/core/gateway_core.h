#pragma once

// The gateway's logic on the risk thread: every client order goes through the risk core and then to
// the venue under the gateway's own ClOrdID; every venue report updates the risk core and goes back
// to the session that sent the order with the client's ClOrdIDs restored; every market-data update
// moves the marks. Single-threaded and free of I/O: it talks to the world through bridge::Outbox,
// BusinessLog and Recorder, and time arrives as an argument, so tests drive it directly.
//
// Every input that changes its state is journaled (Recorder) as it is processed, and what it decided
// goes to the audit trail; the core is deterministic, so replaying the journal rebuilds it exactly.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/bridge/messages.h"
#include "gateway/bridge/outbox.h"
#include "gateway/core/audit_trail.h"
#include "gateway/core/business_log.h"
#include "gateway/core/client_sessions.h"
#include "gateway/core/collateral_desk.h"
#include "gateway/core/gateway_input.h"
#include "gateway/core/journaled_input.h"
#include "gateway/core/order_router.h"
#include "gateway/core/recorder.h"
#include "risk/risk_config.h"
#include "risk/risk_engine.h"

namespace gateway::core {

class GatewayCore {
 public:
  GatewayCore(const risk::RiskConfig& config, std::vector<bridge::ClientSessionConfig> sessions,
              bridge::Outbox& outbox, BusinessLog& log, Recorder& recorder);

  // Subscribes to market data for every configured instrument.
  void start();
  void process(const GatewayInput& input, risk::Timestamp now);
  void onTimer(risk::Timestamp now);

  const risk::RiskEngine& engine() const { return engine_; }
  const CollateralDesk& collateral() const { return desk_; }

  // A broker's action (deposit, withdrawal, halt, resume, reload), applied like any other input:
  // journaled, its events logged and audited with who asked, and acted upon. A reload carries the
  // configuration's text (configText) so that a replay applies the same one. Returns the events.
  risk::Events applyAdmin(const risk::Input& input, const std::string& user, risk::Timestamp now,
                          const std::string& configText = {});
  // Whether the store can be written: while it cannot, risk-increasing orders are refused.
  void setStoreAvailable(bool available, risk::Timestamp now);
  // Applies one journaled input again (start-up replay; the Recorder is replaying).
  void replay(const JournaledInput& input, risk::Timestamp time);
  // A raw FIX message about a call, for the audit trail.
  void auditFixMessage(const bridge::TappedFixMessage& message) { audit_.onFixMessage(message); }
  // After a restart: every session the journal left logged on is down now (journaled like any input).
  void sessionsDownAfterRestart(risk::Timestamp now);
  bool venueUp() const { return venueUp_; }
  std::size_t routedOrders() const { return router_.size(); }

 private:
  void onClientNewOrder(const bridge::ClientNewOrder& order, risk::Timestamp now);
  void onClientCancel(const bridge::ClientCancel& cancel, risk::Timestamp now);
  void onClientReplace(const bridge::ClientReplace& replace, risk::Timestamp now);
  void onClientSession(const ClientSessionEvent& event);
  void onVenueExecution(const bridge::VenueExecution& report, risk::Timestamp now);
  void onVenueCancelReject(const bridge::VenueCancelReject& reject, risk::Timestamp now);
  void onVenueMessageReject(const bridge::VenueMessageReject& reject, risk::Timestamp now);
  void onVenueSession(const VenueSessionEvent& event);
  void onMarketData(const bridge::MarketDataUpdate& update, risk::Timestamp now);

  // Runs the events the last risk-core call produced: logs and audits each (as caused by `actor`),
  // acts on liquidation plans and calls.
  void handleRiskEvents(risk::Timestamp now, std::string_view actor = "risk-core");
  void journal(const JournaledInput& input, risk::Timestamp now);
  risk::Events applyAdminInput(const AdminInput& admin, risk::Timestamp now);
  void sendLiquidation(const risk::LiquidationPlan& plan, risk::Timestamp now);

  // The venue did not take one of our requests (refused it, or it could not be sent).
  void venueRefusedOrder(RoutedOrder& order, std::string_view code, const std::string& text, risk::Timestamp now);
  void venueRefusedCancel(RoutedOrder& order, int reason, std::string_view code, const std::string& text,
                          risk::Timestamp now);
  void venueRefusedReplace(RoutedOrder& order, int reason, std::string_view code, const std::string& text,
                           risk::Timestamp now);

  void rejectNewOrder(const bridge::ClientNewOrder& order, std::string_view code, int reason,
                      const std::string& text);
  void rejectCancel(bridge::SessionIndex session, const std::string& clOrdId, const std::string& origClOrdId,
                    const RoutedOrder* order, char responseTo, int reason, std::string_view code,
                    const std::string& text);
  // Sends an execution report about a routed order to its client (or, for a liquidation order, to
  // every session entitled to the account).
  void sendExecution(const RoutedOrder& order, bridge::ExecutionReportOut report);
  // A report for a session that is not logged on is not sent (nor stored for resend: see
  // gateway/README.md); it is logged as NOT_DELIVERED.
  void sendToClient(const bridge::ExecutionReportOut& report);
  bridge::ExecutionReportOut reportFor(const RoutedOrder& order, const bridge::VenueExecution& venue) const;
  bool sessionKnown(bridge::SessionIndex session) const { return session < sessions_.size(); }
  std::string nextExecId() { return "GWX-" + std::to_string(nextExecId_++); }

  risk::RiskEngine engine_;
  std::vector<std::string> symbols_;
  ClientSessions sessions_;
  bridge::Outbox& outbox_;
  BusinessLog& log_;
  Recorder& recorder_;
  AuditTrail audit_;
  CollateralDesk desk_;
  OrderRouter router_;
  risk::Events events_;
  bool venueUp_ = false;
  std::uint64_t nextExecId_ = 1;
};

}  // namespace gateway::core
