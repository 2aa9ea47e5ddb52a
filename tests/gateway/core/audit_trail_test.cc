// The margin-call audit records: every number of the snapshot, the trigger and the call's own
// fields, as compliance reads them (tools/calllog, store/margin_call_summary). Each record's detail is
// compared, parsed, with the document it must be, so a field left out, renamed or written with the
// wrong value fails; the order of the keys is free.
#include "gateway/core/audit_trail.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace gateway::core {
namespace {

using nlohmann::json;

risk::Money money(const char* text) { return *risk::Money::parse(text).value; }

risk::RiskConfig oneAccount() {
  risk::RiskConfig config;
  risk::AccountConfig account;
  account.id = "ACC-1";
  account.currency = "EUR";
  account.cash = money("20000");
  config.accounts.push_back(account);
  return config;
}

risk::MarginSnapshot snapshot() {
  risk::MarginSnapshot s;
  s.cash = money("20000");
  s.unrealized = money("-16240.5");
  s.equity = money("3759.5");
  s.maintenance = money("4188");
  s.initial = money("8376");
  s.openOrderInitial = money("12.25");
  s.availableFunds = money("-4629.75");
  s.deficitToMaintenance = money("428.5");
  s.amountToCure = money("4616.5");
  s.health = *risk::Ratio::parse("0.8977").value;
  s.healthUnbounded = false;
  return s;
}

const char* const kSnapshotFields =
    R"("cash":"20000","unrealized":"-16240.5","equity":"3759.5","maintenance":"4188","initial":"8376",)"
    R"("open_order_initial":"12.25","available_funds":"-4629.75","deficit_to_maintenance":"428.5",)"
    R"("amount_to_cure":"4616.5","health":"0.8977")";

risk::Trigger markTrigger() {
  risk::Trigger trigger;
  trigger.kind = risk::TriggerKind::kMark;
  trigger.time = risk::Timestamp{1'000};
  trigger.reference = risk::OrderId("STORM0");
  trigger.price = *risk::Price::parse("83.76").value;
  return trigger;
}

const char* const kTrigger =
    R"("trigger":{"kind":"mark","reference":"STORM0","price":"83.76","quantity":"0","time_ns":1000,"journal_seq":7})";

json expected(const std::string& fields) { return json::parse("{" + fields + "}"); }

class AuditTrailTest : public ::testing::Test {
 protected:
  AuditTrailTest() : engine_(oneAccount()), recorder_(6), audit_(recorder_, engine_) {
    recorder_.journal("market_data", "{}", risk::Timestamp{1'000});  // the trigger's journal seq: 7
  }

  const store::AuditRecord& only() {
    EXPECT_EQ(recorder_.pending().audit.size(), 1u);
    return recorder_.pending().audit.back();
  }

  risk::RiskEngine engine_;
  Recorder recorder_;
  AuditTrail audit_;
};

TEST_F(AuditTrailTest, AStateChangeKeepsTheSnapshotBothStatesAndTheTrigger) {
  risk::MarginStateChanged change;
  change.time = risk::Timestamp{2'000};
  change.account = risk::Name("ACC-1");
  change.from = risk::MarginState::kNormal;
  change.to = risk::MarginState::kCall;
  change.snapshot = snapshot();
  change.trigger = markTrigger();
  audit_.onEvent(change, "risk-core");
  const store::AuditRecord& record = only();
  EXPECT_EQ(record.kind, "state_changed");
  EXPECT_EQ(record.account, "ACC-1");
  EXPECT_EQ(record.actor, "risk-core");
  EXPECT_EQ(record.timeNs, 2'000);
  EXPECT_EQ(json::parse(record.detail),
            expected(std::string(kSnapshotFields) + R"(,"from":"NORMAL","to":"CALL",)" + kTrigger));
}

TEST_F(AuditTrailTest, AnUnboundedHealthIsNull) {
  risk::WarningIssued warning;
  warning.account = risk::Name("ACC-1");
  warning.snapshot = risk::MarginSnapshot{};
  warning.trigger = markTrigger();
  audit_.onEvent(warning, "risk-core");
  EXPECT_EQ(only().kind, "warning");
  EXPECT_EQ(json::parse(only().detail),
            expected(R"("cash":"0","unrealized":"0","equity":"0","maintenance":"0","initial":"0",)"
                     R"("open_order_initial":"0","available_funds":"0","deficit_to_maintenance":"0",)"
                     R"("amount_to_cure":"0","health":null,)" +
                     std::string(kTrigger)));
}

TEST_F(AuditTrailTest, AnIssuedCallKeepsItsCurrencyAndDeadline) {
  risk::CallIssued call;
  call.time = risk::Timestamp{2'000};
  call.callId = risk::CallId("MC-1");
  call.account = risk::Name("ACC-1");
  call.snapshot = snapshot();
  call.deadline = risk::Timestamp{3'600'000'002'000};
  call.trigger = markTrigger();
  audit_.onEvent(call, "risk-core");
  EXPECT_EQ(only().kind, "call_issued");
  EXPECT_EQ(only().callId, "MC-1");
  EXPECT_EQ(json::parse(only().detail),
            expected(std::string(kSnapshotFields) + R"(,"currency":"EUR","deadline_ns":3600000002000,)" + kTrigger));
}

TEST_F(AuditTrailTest, AnEscalationKeepsItsReasonAndState) {
  risk::CallEscalated escalation;
  escalation.callId = risk::CallId("MC-1");
  escalation.account = risk::Name("ACC-1");
  escalation.reason = risk::EscalationReason::kLiquidationFloor;
  escalation.state = risk::MarginState::kLiquidation;
  escalation.snapshot = snapshot();
  escalation.deadline = risk::Timestamp{5'000};
  escalation.trigger = markTrigger();
  audit_.onEvent(escalation, "risk-core");
  EXPECT_EQ(only().kind, "call_escalated");
  EXPECT_EQ(json::parse(only().detail),
            expected(std::string(kSnapshotFields) +
                     R"(,"currency":"EUR","deadline_ns":5000,"reason":"liquidation_floor","state":"LIQUIDATION",)" +
                     kTrigger));
}

TEST_F(AuditTrailTest, AClosedCallKeepsItsOutcome) {
  risk::CallClosed closed;
  closed.callId = risk::CallId("MC-1");
  closed.account = risk::Name("ACC-1");
  closed.outcome = risk::CallOutcome::kCuredByPrices;
  closed.snapshot = snapshot();
  closed.trigger = markTrigger();
  audit_.onEvent(closed, "risk-core");
  EXPECT_EQ(only().kind, "call_closed");
  EXPECT_EQ(json::parse(only().detail),
            expected(std::string(kSnapshotFields) + R"(,"outcome":"cured_by_prices",)" + kTrigger));
}

TEST_F(AuditTrailTest, DepositsAndWithdrawalsKeepTheAmount) {
  risk::DepositApplied deposit;
  deposit.account = risk::Name("ACC-1");
  deposit.amount = money("5000.01");
  deposit.snapshot = snapshot();
  audit_.onEvent(deposit, "broker-admin");
  risk::WithdrawalApplied withdrawal;
  withdrawal.account = risk::Name("ACC-1");
  withdrawal.amount = money("0.5");
  withdrawal.snapshot = snapshot();
  audit_.onEvent(withdrawal, "broker-admin");
  const auto& records = recorder_.pending().audit;
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].kind, "deposit");
  EXPECT_EQ(records[0].actor, "broker-admin");
  EXPECT_EQ(json::parse(records[0].detail), expected(std::string(kSnapshotFields) + R"(,"amount":"5000.01")"));
  EXPECT_EQ(records[1].kind, "withdrawal");
  EXPECT_EQ(json::parse(records[1].detail), expected(std::string(kSnapshotFields) + R"(,"amount":"0.5")"));
}

TEST_F(AuditTrailTest, ACallSentKeepsTheNumbersTheClientWasToldAndTheText) {
  bridge::CollateralRequestOut call;
  call.account = "ACC-1";
  call.callId = "MC-1";
  call.numbers.state = "CALL";
  call.numbers.amountToCure = money("4616.5").raw();
  call.numbers.deficitToMaintenance = money("428.5").raw();
  call.numbers.equity = money("3759.5").raw();
  call.expireTimeNanos = 3'600'000'002'000;
  call.text = "Margin call MC-1 on ACC-1: deposit \"4,616.50\" EUR";
  audit_.onCallSent(call, "BROKER->CLIENT1", risk::Timestamp{2'500});
  EXPECT_EQ(only().kind, "call_sent");
  EXPECT_EQ(only().actor, "BROKER->CLIENT1");
  EXPECT_EQ(json::parse(only().detail),
            expected(R"("state":"CALL","amount_to_cure":"4616.5","deficit_to_maintenance":"428.5",)"
                     R"("equity":"3759.5","deadline_ns":3600000002000,)"
                     R"("text":"Margin call MC-1 on ACC-1: deposit \"4,616.50\" EUR")"));
}

}  // namespace
}  // namespace gateway::core
