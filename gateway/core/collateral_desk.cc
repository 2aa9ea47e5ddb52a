#include "gateway/core/collateral_desk.h"

#include "risk/event_text.h"

namespace gateway::core {
namespace {

// Amounts a client must pay are rounded up to the cent: never ask for less than is needed.
std::string owed(risk::Money amount) { return amount.toDisplay(2, risk::Rounding::kCeiling); }

int collStatusFor(risk::MarginState state, bool noticePending) {
  if (noticePending) return 1;  // partially assigned: a deposit is announced, not yet confirmed
  return state == risk::MarginState::kCall || state == risk::MarginState::kLiquidation ? 0 : 3;
}

}  // namespace

std::string callText(const risk::MarginSnapshot& snapshot, const std::string& currency, risk::Timestamp deadline,
                     risk::MarginState state) {
  std::string text = "deposit " + owed(snapshot.amountToCure) + " " + currency + " by " +
                     risk::formatTimestamp(deadline) + " to cure";
  if (state == risk::MarginState::kLiquidation) {
    text += "; liquidation under way until equity is back at initial margin";
  } else if (snapshot.deficitToMaintenance.isPositive()) {
    text += "; " + owed(snapshot.deficitToMaintenance) + " " + currency + " now to avoid liquidation";
  } else {
    text += "; liquidation if equity falls below " +
            std::string(snapshot.healthUnbounded ? "maintenance" : "the liquidation floor") + " or by the deadline";
  }
  return text;
}

CollateralDesk::CollateralDesk(const risk::RiskEngine& engine, ClientSessions& sessions, bridge::Outbox& outbox,
                               BusinessLog& log, AuditTrail& audit)
    : engine_(engine), sessions_(sessions), outbox_(outbox), log_(log), audit_(audit) {}

std::string CollateralDesk::noticeKey(const std::string& account, const std::string& callId) const {
  const auto found = callVersions_.find(account);
  return callId + "#" + std::to_string(found == callVersions_.end() ? 0 : found->second);
}

std::string CollateralDesk::currencyOf(const std::string& account) const {
  const auto report = engine_.report(account);
  return report ? report->currency : std::string();
}

bridge::MarginNumbers CollateralDesk::numbersOf(const std::string& currency, const risk::MarginSnapshot& snapshot,
                                                risk::MarginState state) const {
  bridge::MarginNumbers numbers;
  numbers.currency = currency;
  numbers.state = std::string(risk::toString(state));
  numbers.equity = snapshot.equity.raw();
  numbers.maintenance = snapshot.maintenance.raw();
  numbers.initial = snapshot.initial.raw();
  numbers.deficitToMaintenance = snapshot.deficitToMaintenance.raw();
  numbers.availableFunds = snapshot.availableFunds.raw();
  numbers.amountToCure = snapshot.amountToCure.raw();
  numbers.health = snapshot.health.raw();
  numbers.healthUnbounded = snapshot.healthUnbounded;
  return numbers;
}

void CollateralDesk::sendCall(bridge::SessionIndex session, const std::string& callId, const std::string& account,
                              const risk::MarginSnapshot& snapshot, risk::MarginState state,
                              risk::Timestamp deadline, const std::string& preface) {
  bridge::CollateralRequestOut call;
  call.session = session;
  call.callId = callId;
  call.account = account;
  call.expireTimeNanos = deadline.nanos;
  call.marginExcess = -snapshot.amountToCure.raw();
  call.numbers = numbersOf(currencyOf(account), snapshot, state);
  call.text = preface + callText(snapshot, call.numbers.currency, deadline, state);
  audit_.onCallSent(call, sessions_[session].config.name, engine_.now());  // recorded before it leaves
  sessions_[session].callNotices[account] = noticeKey(account, callId);
  if (!outbox_.sendToClient(call)) {
    log_.error("NOT_DELIVERED CollateralRequest " + callId + " to " + sessions_[session].config.name);
  }
}

void CollateralDesk::onCallIssued(const risk::CallIssued& call) {
  const std::string account(call.account.view());
  ++callVersions_[account];
  for (bridge::SessionIndex index = 0; index < sessions_.size(); ++index) {
    if (!sessions_[index].entitledTo(account) || !sessions_[index].loggedOn) continue;
    sendCall(index, call.callId.str(), account, call.snapshot, risk::MarginState::kCall, call.deadline,
             "Margin call " + call.callId.str() + " on " + account + ": ");
  }
}

void CollateralDesk::onCallEscalated(const risk::CallEscalated& escalation) {
  const std::string account(escalation.account.view());
  ++callVersions_[account];
  const std::string preface = "Margin call " + escalation.callId.str() + " on " + account + " escalated (" +
                              std::string(risk::toString(escalation.reason)) + "): ";
  for (bridge::SessionIndex index = 0; index < sessions_.size(); ++index) {
    if (!sessions_[index].entitledTo(account) || !sessions_[index].loggedOn) continue;
    sendCall(index, escalation.callId.str(), account, escalation.snapshot, escalation.state, escalation.deadline,
             preface);
  }
}

void CollateralDesk::onClientLogon(bridge::SessionIndex session) {
  for (const std::string& account : sessions_[session].config.accounts) {
    const auto report = engine_.report(account);
    if (!report || !report->call) continue;
    const auto told = sessions_[session].callNotices.find(account);
    if (told != sessions_[session].callNotices.end() && told->second == noticeKey(account, report->call->callId)) {
      log_.info("CALL_ALREADY_NOTIFIED " + report->call->callId + " to " + sessions_[session].config.name);
      continue;
    }
    log_.info("CALL_REPEATED_AT_LOGON " + report->call->callId + " to " + sessions_[session].config.name);
    sendCall(session, report->call->callId, account, report->snapshot, report->state, report->call->deadline,
             "Margin call " + report->call->callId + " on " + account + " (open at logon): ");
  }
}

void CollateralDesk::sendReport(bridge::SessionIndex session, const std::string& account,
                                const std::string& inquiryId, const std::string& text) {
  const auto report = engine_.report(account);
  if (!report) return;
  bridge::CollateralReportOut out;
  out.session = session;
  out.reportId = nextId("CR-");
  out.inquiryId = inquiryId;
  out.collStatus = collStatusFor(report->state, pendingNotices(account) > 0);
  out.account = account;
  out.marginExcess = report->snapshot.availableFunds.raw();
  out.cashOutstanding = report->snapshot.amountToCure.raw();
  out.numbers = numbersOf(report->currency, report->snapshot, report->state);
  out.text = text;
  if (report->call) {
    out.text += (out.text.empty() ? "" : "; ") + std::string("call ") + report->call->callId + ": " +
                callText(report->snapshot, report->currency, report->call->deadline, report->state);
  }
  if (!outbox_.sendToClient(out)) {
    log_.error("NOT_DELIVERED CollateralReport " + out.reportId + " to " + sessions_[session].config.name);
  }
}

void CollateralDesk::pushReports(const std::string& account, const std::string& text) {
  for (bridge::SessionIndex index = 0; index < sessions_.size(); ++index) {
    ClientSession& session = sessions_[index];
    if (!session.entitledTo(account) || !session.loggedOn) continue;
    std::string inquiryId;
    for (const ClientSession::Subscription& subscription : session.subscriptions) {
      if (subscription.account.empty() || subscription.account == account) inquiryId = subscription.inquiryId;
    }
    sendReport(index, account, inquiryId, text);
  }
}

void CollateralDesk::onStateChanged(const risk::MarginStateChanged& change) {
  pushReports(std::string(change.account.view()), "margin state " + std::string(risk::toString(change.from)) +
                                                      " -> " + std::string(risk::toString(change.to)));
}

void CollateralDesk::onInquiry(const bridge::ClientCollateralInquiry& inquiry) {
  ClientSession& session = sessions_[inquiry.session];
  bridge::CollateralInquiryAckOut ack;
  ack.session = inquiry.session;
  ack.inquiryId = inquiry.inquiryId;
  ack.account = inquiry.account;
  std::vector<std::string> accounts;
  if (inquiry.account.empty()) {
    accounts = session.config.accounts;
  } else if (session.entitledTo(inquiry.account) && engine_.report(inquiry.account)) {
    accounts.push_back(inquiry.account);
  } else {
    ack.status = 4;  // rejected
    ack.text = "NOT_ENTITLED: this session may not see account " + inquiry.account;
    outbox_.sendToClient(ack);
    return;
  }
  auto& subscriptions = session.subscriptions;
  if (inquiry.subscriptionType == '2') {
    subscriptions.erase(std::remove_if(subscriptions.begin(), subscriptions.end(),
                                       [&](const ClientSession::Subscription& s) {
                                         return s.inquiryId == inquiry.inquiryId || s.account == inquiry.account;
                                       }),
                        subscriptions.end());
    ack.totalReports = 0;
    ack.text = "unsubscribed";
    outbox_.sendToClient(ack);
    return;
  }
  if (inquiry.subscriptionType == '1') subscriptions.push_back({inquiry.inquiryId, inquiry.account});
  ack.status = 0;
  ack.totalReports = static_cast<int>(accounts.size());
  outbox_.sendToClient(ack);
  for (const std::string& account : accounts) sendReport(inquiry.session, account, inquiry.inquiryId, "");
}

void CollateralDesk::onAssignment(const bridge::ClientCollateralAssignment& assignment) {
  bridge::CollateralResponseOut response;
  response.session = assignment.session;
  response.responseId = nextId("CZ-");
  response.assignmentId = assignment.assignmentId;
  response.callId = assignment.callId;
  response.reason = assignment.reason;
  response.account = assignment.account;
  response.currency = assignment.currency;
  response.amount = assignment.amount;
  response.hasAmount = assignment.hasAmount;
  if (!sessions_[assignment.session].entitledTo(assignment.account) || !engine_.report(assignment.account)) {
    response.responseType = 3;  // rejected
    response.text = "NOT_ENTITLED: this session may not act for account " + assignment.account;
  } else if (assignment.transType == '2') {  // the client withdraws its notice
    auto& pending = notices_[assignment.account];
    pending.erase(std::remove_if(pending.begin(), pending.end(),
                                 [&](const Notice& n) { return n.assignment.assignmentId == assignment.assignmentId; }),
                  pending.end());
    response.responseType = 0;
    response.text = "deposit notice cancelled";
  } else {
    notices_[assignment.account].push_back({assignment.session, assignment});
    const auto report = engine_.report(assignment.account);
    const std::string callId = !assignment.callId.empty() ? assignment.callId
                               : report && report->call  ? report->call->callId
                                                         : std::string();
    audit_.onCallAcknowledged(assignment, callId, sessions_[assignment.session].config.name, engine_.now());
    response.responseType = 0;  // received
    response.text = "deposit notice recorded; the cash counts once the broker confirms the deposit";
  }
  log_.info("DEPOSIT_NOTICE " + assignment.assignmentId + " account=" + assignment.account +
            " call=" + assignment.callId + " amount=" +
            (assignment.hasAmount ? risk::Money::fromRaw(assignment.amount).toString() : std::string("?")) +
            " response=" + std::to_string(response.responseType));
  outbox_.sendToClient(response);
}

void CollateralDesk::onDepositApplied(const risk::DepositApplied& deposit) {
  const std::string account(deposit.account.view());
  auto found = notices_.find(account);
  if (found == notices_.end()) return;
  for (const Notice& notice : found->second) {
    bridge::CollateralResponseOut response;
    response.session = notice.session;
    response.responseId = nextId("CZ-");
    response.assignmentId = notice.assignment.assignmentId;
    response.callId = notice.assignment.callId;
    response.reason = notice.assignment.reason;
    response.responseType = 1;  // accepted
    response.account = account;
    response.currency = currencyOf(account);
    response.amount = deposit.amount.raw();
    response.hasAmount = true;
    response.text = "deposit of " + deposit.amount.toDisplay(2) + " " + response.currency + " confirmed";
    if (!outbox_.sendToClient(response)) {
      log_.error("NOT_DELIVERED CollateralResponse " + response.responseId + " for " + response.assignmentId);
    }
  }
  notices_.erase(found);
}

std::size_t CollateralDesk::pendingNotices(const std::string& account) const {
  const auto found = notices_.find(account);
  return found == notices_.end() ? 0 : found->second.size();
}

void CollateralDesk::onPositionRequest(const bridge::ClientPositionRequest& request) {
  bridge::PositionRequestAckOut ack;
  ack.session = request.session;
  ack.reportId = nextId("PR-");
  ack.requestId = request.requestId;
  ack.account = request.account;
  const auto report = engine_.report(request.account);
  if (!sessions_[request.session].entitledTo(request.account) || !report) {
    ack.result = 3;  // not authorized
    ack.status = 2;  // rejected
    ack.text = "NOT_ENTITLED: this session may not see account " + request.account;
    outbox_.sendToClient(ack);
    return;
  }
  std::vector<const risk::PositionReport*> open;
  for (const risk::PositionReport& position : report->positions) {
    if (!position.quantity.isZero()) open.push_back(&position);
  }
  ack.totalReports = static_cast<int>(open.size());
  ack.result = open.empty() ? 2 : 0;  // 2: no positions found
  outbox_.sendToClient(ack);
  for (const risk::PositionReport* position : open) {
    bridge::PositionReportOut out;
    out.session = request.session;
    out.reportId = nextId("PR-");
    out.requestId = request.requestId;
    out.totalReports = ack.totalReports;
    out.account = request.account;
    out.clearingBusinessDate = request.clearingBusinessDate;
    out.symbol = position->symbol;
    out.currency = report->currency;
    out.settlPrice = (position->mark ? *position->mark : position->averagePrice).raw();
    out.priorSettlPrice = position->averagePrice.raw();
    out.longQty = position->quantity.isPositive() ? position->quantity.raw() : 0;
    out.shortQty = position->quantity.isNegative() ? -position->quantity.raw() : 0;
    out.unrealized = position->unrealized.raw();
    outbox_.sendToClient(out);
  }
}

}  // namespace gateway::core
