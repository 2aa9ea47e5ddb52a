#pragma once

// Margin calls and collateral over FIX, on the risk thread:
//  - a call (CallIssued) or its escalation goes out as CollateralRequest (AX) to every logged-on
//    session entitled to the account, after its business-log line (the record comes first); a session
//    that logs on while a call is open receives it then;
//  - every margin-state change is pushed as CollateralReport (BA) to the entitled sessions;
//  - CollateralInquiry (BB) is acknowledged (BG) and answered with a BA per account; with
//    SubscriptionRequestType=1 the session's later pushes carry its CollInquiryID; 2 unsubscribes;
//  - a deposit notice (CollateralAssignment, AY) is recorded and answered CollateralResponse (AZ)
//    "received"; it is money only when the broker confirms a deposit (admin), and then every pending
//    notice of the account is answered AZ "accepted";
//  - RequestForPositions (AN) is answered RequestForPositionsAck (AO) and one PositionReport (AP)
//    per position, with the mark as settlement price.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gateway/bridge/messages.h"
#include "gateway/bridge/outbox.h"
#include "gateway/core/audit_trail.h"
#include "gateway/core/business_log.h"
#include "gateway/core/client_sessions.h"
#include "risk/events.h"
#include "risk/risk_engine.h"

namespace gateway::core {

class CollateralDesk {
 public:
  CollateralDesk(const risk::RiskEngine& engine, ClientSessions& sessions, bridge::Outbox& outbox, BusinessLog& log,
                 AuditTrail& audit);

  // Risk events.
  void onCallIssued(const risk::CallIssued& call);
  void onCallEscalated(const risk::CallEscalated& escalation);
  void onStateChanged(const risk::MarginStateChanged& change);
  void onDepositApplied(const risk::DepositApplied& deposit);

  // Client requests.
  void onInquiry(const bridge::ClientCollateralInquiry& inquiry);
  void onAssignment(const bridge::ClientCollateralAssignment& assignment);
  void onPositionRequest(const bridge::ClientPositionRequest& request);
  void onClientLogon(bridge::SessionIndex session);

  // The deposit notices not yet matched by a confirmed deposit, per account (for status reports).
  std::size_t pendingNotices(const std::string& account) const;

 private:
  struct Notice {
    bridge::SessionIndex session = 0;
    bridge::ClientCollateralAssignment assignment;
  };

  void sendCall(bridge::SessionIndex session, const std::string& callId, const std::string& account,
                const risk::MarginSnapshot& snapshot, risk::MarginState state, risk::Timestamp deadline,
                const std::string& preface);
  void sendReport(bridge::SessionIndex session, const std::string& account, const std::string& inquiryId,
                  const std::string& text);
  void pushReports(const std::string& account, const std::string& text);
  bridge::MarginNumbers numbersOf(const std::string& currency, const risk::MarginSnapshot& snapshot,
                                  risk::MarginState state) const;
  std::string currencyOf(const std::string& account) const;
  std::string nextId(const char* prefix) { return prefix + std::to_string(nextId_++); }
  // "MC-3#2": the call and how many times it was issued or escalated; what a session was last told.
  std::string noticeKey(const std::string& account, const std::string& callId) const;

  const risk::RiskEngine& engine_;
  ClientSessions& sessions_;
  bridge::Outbox& outbox_;
  BusinessLog& log_;
  AuditTrail& audit_;
  std::map<std::string, std::vector<Notice>> notices_;
  std::map<std::string, std::uint64_t> callVersions_;  // account -> issues and escalations of its call
  std::uint64_t nextId_ = 1;
};

// "deposit 385,375.00 USD by 2026-11-24T00:27:11.295Z to cure; 2,375.00 USD now to avoid liquidation"
std::string callText(const risk::MarginSnapshot& snapshot, const std::string& currency, risk::Timestamp deadline,
                     risk::MarginState state);

}  // namespace gateway::core
