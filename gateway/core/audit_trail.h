#pragma once

// Turns what the gateway decided into audit records for the store: every order decision (with its
// code and numbers), every fill, every margin-state change, every admin action, and the margin calls'
// timelines (issued, sent to a session, escalated, acknowledged by the client, liquidation orders and
// fills, closed and how). Amounts are exact decimals in the records' JSON detail. No I/O: records go
// to the Recorder, which the risk thread commits.

#include <string>
#include <string_view>

#include "gateway/bridge/message_tap.h"
#include "gateway/bridge/messages.h"
#include "gateway/core/journaled_input.h"
#include "gateway/core/recorder.h"
#include "risk/events.h"
#include "risk/risk_engine.h"

namespace gateway::core {

class AuditTrail {
 public:
  AuditTrail(Recorder& recorder, const risk::RiskEngine& engine) : recorder_(recorder), engine_(engine) {}

  // A risk-core event; `actor` is who caused it ("risk-core", or the admin user for admin actions).
  void onEvent(const risk::Event& event, std::string_view actor);
  // A broker's action as asked (the outcome follows as events).
  void onAdminAction(const AdminInput& action, risk::Timestamp now);
  // A CollateralRequest (AX) handed to a session for sending (its raw FIX follows once sent).
  void onCallSent(const bridge::CollateralRequestOut& call, std::string_view session, risk::Timestamp now);
  // A client's deposit notice (AY) about an open call.
  void onCallAcknowledged(const bridge::ClientCollateralAssignment& assignment, std::string_view callId,
                          std::string_view session, risk::Timestamp now);
  // An order, cancel or replace the gateway refused itself, before the risk core (VENUE_UNAVAILABLE).
  void onGatewayDenial(std::string_view kind, std::string_view orderId, std::string_view account,
                       std::string_view code, std::string_view session, risk::Timestamp now);
  // A raw FIX message about a call, as it went out or came in.
  void onFixMessage(const bridge::TappedFixMessage& message);

  Recorder& recorder() { return recorder_; }

 private:
  void add(risk::Timestamp time, std::string_view kind, std::string_view account, std::string_view callId,
           std::string_view orderId, std::string_view actor, std::string detail, std::string fixMessage = {});

  Recorder& recorder_;
  const risk::RiskEngine& engine_;
};

}  // namespace gateway::core
