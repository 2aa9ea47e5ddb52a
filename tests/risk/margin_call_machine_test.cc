// The margin-call state machine, transition by transition, with every number computed by hand.
#include <ostream>
#include <string>
#include <vector>

#include "tests/risk/engine_fixture.h"

namespace risk {
// Readable failure messages for the core's value types.
template <class Tag>
static void PrintTo(const Fixed<Tag>& value, std::ostream* os) {
  *os << value.toString();
}
static void PrintTo(const Timestamp& time, std::ostream* os) { *os << time.nanos << "ns"; }
}  // namespace risk

namespace risk::testing {
namespace {

template <class T>
int indexOf(const Events& events) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (std::holds_alternative<T>(events[i])) return static_cast<int>(i);
  }
  return -1;
}

// FUT: multiplier 10, initial 10 %, maintenance 5 %, stale after 60 s. ACC buys 10 FUT at `entry`
// with `cash`, so that Q = 10 * 10 = 100 and, at mark p:
//   E = cash + 100 * (p - entry), MM = 0.05 * 100 * p = 5p, IM = 10p.
// The default start (cash 1,050, entry 105) gives E = 100p - 9,450: exactly 1.10 * MM at p = 100.
// Thresholds: 1.10 / 1.15, floor 0.80, grace 600 s, escalation step 9.
class MarginCallMachineTest : public EngineTest {
 protected:
  void startLong(std::string_view cash = "1050", std::string_view entry = "105", std::string_view initialRate = "0.10",
                 std::string_view maintenanceRate = "0.05") {
    config_.instruments.push_back(flatInstrument("FUT", "10", initialRate, maintenanceRate));
    AccountConfig acc = account("ACC", cash);
    acc.thresholds.callGracePeriod = Duration::fromSeconds(600);
    acc.thresholds.escalationStep = money("9");
    config_.accounts.push_back(acc);
    start();
    markAt("FUT", entry, 0);
    openPosition("o1", "ACC", "FUT", Side::kBuy, "10", entry, 0);
    ASSERT_TRUE(has<FillApplied>());
    ASSERT_EQ(report("ACC").state, MarginState::kNormal);
  }

  Events& deposit(std::string_view amount, int64_t second) {
    return send(Deposit{at(second), "ACC", money(amount), "dep"});
  }
};

TEST_F(MarginCallMachineTest, OpeningNumbers) {
  startLong();
  // Bought 10 at 105 with 1,050: N = 10,500, IM = 1,050, MM = 525, E = 1,050, AF = 0.
  const AccountReport start = report("ACC");
  EXPECT_EQ(start.snapshot.equity, money("1050"));
  EXPECT_EQ(start.snapshot.initial, money("1050"));
  EXPECT_EQ(start.snapshot.maintenance, money("525"));
  EXPECT_EQ(start.snapshot.availableFunds, money("0"));
  EXPECT_FALSE(start.call);
}

TEST_F(MarginCallMachineTest, WarningOnlyStrictlyBelowOnePointTenTimesMaintenance) {
  startLong();
  // p = 100: E = 550, MM = 500, 1.10 * MM = 550: equal is not below, nothing happens.
  markAt("FUT", "100", 1);
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
  // p = 99.99: E = 549, MM = 499.95, 1.10 * MM = 549.945: warning.
  markAt("FUT", "99.99", 2);
  ASSERT_EQ(count<WarningIssued>(), 1);
  const WarningIssued warning = first<WarningIssued>();
  EXPECT_EQ(warning.account, std::string_view("ACC"));
  EXPECT_EQ(warning.time, at(2));
  EXPECT_EQ(warning.snapshot.equity, money("549"));
  EXPECT_EQ(warning.snapshot.maintenance, money("499.95"));
  EXPECT_EQ(warning.snapshot.health, ratio("1.09810981"));  // 549 / 499.95 rounded down
  EXPECT_EQ(warning.trigger.kind, TriggerKind::kMark);
  EXPECT_EQ(warning.trigger.price, px("99.99"));
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kNormal);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kWarning);
  EXPECT_LT(indexOf<MarginStateChanged>(events_), indexOf<WarningIssued>(events_));
  EXPECT_FALSE(has<CallIssued>());
  EXPECT_EQ(report("ACC").state, MarginState::kWarning);
}

TEST_F(MarginCallMachineTest, HysteresisOscillationEmitsNothingUntilOnePointFifteen) {
  startLong();
  markAt("FUT", "99.99", 1);  // E / MM = 1.0981: warning
  ASSERT_EQ(count<WarningIssued>(), 1);
  // Between 1.09 and 1.14: p = 99.95 gives 545 / 499.75 = 1.0905; p = 100.2 gives 570 / 501 = 1.1377.
  for (int i = 0; i < 3; ++i) {
    markAt("FUT", "99.95", 2 + 2 * i);
    EXPECT_TRUE(events_.empty());
    markAt("FUT", "100.2", 3 + 2 * i);
    EXPECT_TRUE(events_.empty());
  }
  // p = 100.26: E = 576 < 1.15 * 501.3 = 576.495: still a warning.
  markAt("FUT", "100.26", 10);
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(report("ACC").state, MarginState::kWarning);
  // p = 100.27: E = 577 >= 1.15 * 501.35 = 576.5525: back to normal, no new warning.
  markAt("FUT", "100.27", 11);
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kWarning);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kNormal);
  EXPECT_EQ(first<MarginStateChanged>().snapshot.equity, money("577"));
  EXPECT_FALSE(has<WarningIssued>());
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
  // Below 1.10 again: a new warning (one per entry, not one per tick).
  markAt("FUT", "99.99", 12);
  EXPECT_EQ(count<WarningIssued>(), 1);
}

TEST_F(MarginCallMachineTest, WarningExitIsInclusiveAtExactlyOnePointFifteen) {
  startLong();
  markAt("FUT", "99.99", 1);
  ASSERT_EQ(report("ACC").state, MarginState::kWarning);
  markAt("FUT", "100.26", 2);  // E = 576, MM = 501.3, 1.15 * MM = 576.495
  EXPECT_TRUE(events_.empty());
  // Deposit 0.49499999: E = 576.49499999, one unit short of 1.15 * MM: still a warning.
  deposit("0.49499999", 3);
  EXPECT_TRUE(has<DepositApplied>());
  EXPECT_FALSE(has<MarginStateChanged>());
  EXPECT_EQ(report("ACC").state, MarginState::kWarning);
  // One more 1e-8: E = 576.495 == 1.15 * MM: normal.
  deposit("0.00000001", 4);
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  const MarginStateChanged change = first<MarginStateChanged>();
  EXPECT_EQ(change.from, MarginState::kWarning);
  EXPECT_EQ(change.to, MarginState::kNormal);
  EXPECT_EQ(change.snapshot.equity, money("576.495"));
  EXPECT_EQ(change.trigger.kind, TriggerKind::kDeposit);
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
}

TEST_F(MarginCallMachineTest, EquityEqualToMaintenanceIsNotACall) {
  // Cash 1,500, entry 110: E = 1,500 + 100 * (p - 110) = 100p - 9,500. Opening IM = 1,100 <= 1,500.
  startLong("1500", "110");
  // p = 100: E = 500 == MM = 500: not a call, but 500 < 1.10 * 500 = 550: a warning.
  markAt("FUT", "100", 1);
  EXPECT_FALSE(has<CallIssued>());
  EXPECT_TRUE(has<WarningIssued>());
  EXPECT_EQ(report("ACC").state, MarginState::kWarning);
  // p = 99.99: E = 499 < MM = 499.95: call, from WARNING.
  markAt("FUT", "99.99", 2);
  ASSERT_TRUE(has<CallIssued>());
  const CallIssued call = first<CallIssued>();
  EXPECT_EQ(call.snapshot.equity, money("499"));
  EXPECT_EQ(call.snapshot.maintenance, money("499.95"));
  EXPECT_EQ(call.snapshot.initial, money("999.9"));
  EXPECT_EQ(call.snapshot.deficitToMaintenance, money("0.95"));
  EXPECT_EQ(call.snapshot.amountToCure, money("500.9"));
  EXPECT_EQ(call.snapshot.health, ratio("0.9980998"));  // 499 / 499.95 = 0.998099809... rounded down
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kWarning);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kCall);
  EXPECT_FALSE(has<CallEscalated>());  // health 0.998 > 0.80, E > 0: no liquidation
}

TEST_F(MarginCallMachineTest, CallCarriesIdAmountsAndDeadline) {
  startLong();
  // p = 99.47 at 20 s: E = 497, MM = 497.35, IM = 994.7; deficit 0.35, cure 497.7.
  markAt("FUT", "99.47", 20);
  ASSERT_EQ(count<CallIssued>(), 1);
  const CallIssued call = first<CallIssued>();
  EXPECT_EQ(call.callId, std::string_view("MC-1"));
  EXPECT_EQ(call.account, std::string_view("ACC"));
  EXPECT_EQ(call.time, at(20));
  EXPECT_EQ(call.deadline, at(620));  // 20 s + 600 s grace
  EXPECT_EQ(call.snapshot.cash, money("1050"));
  EXPECT_EQ(call.snapshot.unrealized, money("-553"));  // 100 * (99.47 - 105)
  EXPECT_EQ(call.snapshot.equity, money("497"));
  EXPECT_EQ(call.snapshot.maintenance, money("497.35"));
  EXPECT_EQ(call.snapshot.initial, money("994.7"));
  EXPECT_EQ(call.snapshot.deficitToMaintenance, money("0.35"));
  EXPECT_EQ(call.snapshot.amountToCure, money("497.7"));
  EXPECT_EQ(call.snapshot.health, ratio("0.99929627"));  // 497 / 497.35 = 0.999296270... rounded down
  EXPECT_FALSE(call.snapshot.healthUnbounded);
  EXPECT_EQ(call.trigger.kind, TriggerKind::kMark);
  EXPECT_EQ(call.trigger.reference, std::string_view("FUT"));
  EXPECT_EQ(call.trigger.price, px("99.47"));
  // NORMAL -> CALL directly (one tick jumped over the warning band), and the change comes first.
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kNormal);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kCall);
  EXPECT_LT(indexOf<MarginStateChanged>(events_), indexOf<CallIssued>(events_));
  EXPECT_FALSE(has<WarningIssued>());
  EXPECT_FALSE(has<CallEscalated>());
  EXPECT_FALSE(has<LiquidationPlan>());

  // The state report shows the call.
  const AccountReport now = report("ACC");
  EXPECT_EQ(now.state, MarginState::kCall);
  ASSERT_TRUE(now.call);
  EXPECT_EQ(now.call->callId, "MC-1");
  EXPECT_EQ(now.call->issuedAt, at(20));
  EXPECT_EQ(now.call->deadline, at(620));
  EXPECT_EQ(now.call->notifiedAmountToCure, money("497.7"));
  EXPECT_EQ(now.snapshot.amountToCure, money("497.7"));
}

TEST_F(MarginCallMachineTest, NoSecondCallWhileOscillatingAroundMaintenance) {
  startLong();
  markAt("FUT", "99.47", 1);  // E = 497 < MM = 497.35: call MC-1
  ASSERT_TRUE(has<CallIssued>());
  for (int i = 0; i < 3; ++i) {
    // p = 99.48: E = 498 >= MM = 497.4, but < IM = 994.8: still in the call, nothing sent.
    markAt("FUT", "99.48", 2 + 2 * i);
    EXPECT_TRUE(events_.empty());
    // p = 99.47: back below MM; cure 497.7 is what was notified: nothing sent.
    markAt("FUT", "99.47", 3 + 2 * i);
    EXPECT_TRUE(events_.empty());
  }
  const AccountReport now = report("ACC");
  EXPECT_EQ(now.state, MarginState::kCall);
  ASSERT_TRUE(now.call);
  EXPECT_EQ(now.call->callId, "MC-1");
  EXPECT_EQ(now.call->issuedAt, at(1));
}

TEST_F(MarginCallMachineTest, EscalationOnlyWhenAmountToCureGrowsByMoreThanTheStep) {
  startLong();
  // Cure = IM - E = 10p - (100p - 9,450) = 9,450 - 90p: 0.9 more per 0.01 down. Step 9.
  markAt("FUT", "99.47", 20);  // cure 497.7 notified
  ASSERT_TRUE(has<CallIssued>());
  // p = 99.37: cure 506.7, grew exactly 9.0: not more than the step.
  markAt("FUT", "99.37", 21);
  EXPECT_TRUE(events_.empty());
  // p = 99.36: cure 507.6, grew 9.9 > 9: escalation of the same call, still in CALL.
  markAt("FUT", "99.36", 22);
  ASSERT_EQ(count<CallEscalated>(), 1);
  const CallEscalated first_ = first<CallEscalated>();
  EXPECT_EQ(first_.callId, std::string_view("MC-1"));
  EXPECT_EQ(first_.reason, EscalationReason::kAmountGrew);
  EXPECT_EQ(first_.state, MarginState::kCall);
  EXPECT_EQ(first_.snapshot.equity, money("486"));
  EXPECT_EQ(first_.snapshot.initial, money("993.6"));
  EXPECT_EQ(first_.snapshot.amountToCure, money("507.6"));
  EXPECT_EQ(first_.deadline, at(620));  // the deadline does not move
  EXPECT_FALSE(has<MarginStateChanged>());
  EXPECT_FALSE(has<CallIssued>());
  EXPECT_EQ(report("ACC").call->notifiedAmountToCure, money("507.6"));
  // p = 99.26: cure 516.6, grew 9.0 from the notified 507.6 (18.9 from the first 497.7): nothing.
  markAt("FUT", "99.26", 23);
  EXPECT_TRUE(events_.empty());
  // p = 99.25: cure 517.5, grew 9.9 from 507.6: escalation.
  markAt("FUT", "99.25", 24);
  ASSERT_EQ(count<CallEscalated>(), 1);
  EXPECT_EQ(first<CallEscalated>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<CallEscalated>().snapshot.amountToCure, money("517.5"));
  EXPECT_EQ(report("ACC").call->notifiedAmountToCure, money("517.5"));
  // A smaller amount (prices recover a little) sends nothing and leaves the notified amount.
  markAt("FUT", "99.4", 25);  // cure 504
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(report("ACC").call->notifiedAmountToCure, money("517.5"));
}

TEST_F(MarginCallMachineTest, CallToLiquidationByLiquidationFloor) {
  startLong();
  markAt("FUT", "99.47", 20);
  ASSERT_TRUE(has<CallIssued>());
  // p = 98.4375: E = 393.75, MM = 492.1875, 0.80 * MM = 393.75: health exactly 0.80 is not below the
  // floor. The cure grew to 590.625 (by 92.925 > 9): an AMOUNT_GREW escalation, still in CALL.
  markAt("FUT", "98.4375", 21);
  ASSERT_EQ(count<CallEscalated>(), 1);
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kAmountGrew);
  EXPECT_EQ(first<CallEscalated>().snapshot.health, ratio("0.8"));
  EXPECT_FALSE(has<LiquidationPlan>());
  EXPECT_EQ(report("ACC").state, MarginState::kCall);
  // p = 98.43: E = 393, MM = 492.15, health 0.79853703 < 0.80: liquidation.
  markAt("FUT", "98.43", 22);
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kCall);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kLiquidation);
  ASSERT_EQ(count<CallEscalated>(), 1);
  const CallEscalated escalated = first<CallEscalated>();
  EXPECT_EQ(escalated.callId, std::string_view("MC-1"));
  EXPECT_EQ(escalated.reason, EscalationReason::kLiquidationFloor);
  EXPECT_EQ(escalated.state, MarginState::kLiquidation);
  EXPECT_EQ(escalated.snapshot.equity, money("393"));
  EXPECT_EQ(escalated.snapshot.maintenance, money("492.15"));
  EXPECT_EQ(escalated.snapshot.health, ratio("0.79853703"));
  EXPECT_EQ(escalated.snapshot.amountToCure, money("591.3"));  // 984.3 - 393
  EXPECT_TRUE(has<LiquidationPlan>());
  EXPECT_LT(indexOf<MarginStateChanged>(events_), indexOf<CallEscalated>(events_));
  EXPECT_LT(indexOf<CallEscalated>(events_), indexOf<LiquidationPlan>(events_));
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
  EXPECT_EQ(report("ACC").call->notifiedAmountToCure, money("591.3"));
}

TEST_F(MarginCallMachineTest, CallToLiquidationByNegativeEquity) {
  startLong();
  markAt("FUT", "99.47", 20);
  ASSERT_TRUE(has<CallIssued>());
  // p = 94.5: E = 9,450 - 9,450 = 0 <= 0: negative equity wins over the floor.
  markAt("FUT", "94.5", 21);
  ASSERT_EQ(count<CallEscalated>(), 1);
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kNegativeEquity);
  EXPECT_EQ(first<CallEscalated>().snapshot.equity, money("0"));
  EXPECT_EQ(first<CallEscalated>().snapshot.amountToCure, money("945"));
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
}

TEST_F(MarginCallMachineTest, CallToLiquidationWhenTheDeadlinePassesOnATimer) {
  startLong();
  markAt("FUT", "99.47", 20);  // deadline 620
  ASSERT_TRUE(has<CallIssued>());
  send(Timer{at(619)});
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(report("ACC").state, MarginState::kCall);
  send(Timer{at(620)});
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kCall);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kLiquidation);
  EXPECT_EQ(first<MarginStateChanged>().trigger.kind, TriggerKind::kTimer);
  ASSERT_EQ(count<CallEscalated>(), 1);
  const CallEscalated escalated = first<CallEscalated>();
  EXPECT_EQ(escalated.callId, std::string_view("MC-1"));
  EXPECT_EQ(escalated.reason, EscalationReason::kDeadlinePassed);
  EXPECT_EQ(escalated.time, at(620));
  EXPECT_EQ(escalated.deadline, at(620));
  EXPECT_EQ(escalated.snapshot.amountToCure, money("497.7"));
  EXPECT_EQ(escalated.trigger.kind, TriggerKind::kTimer);
  // The mark is 600 s old (stale after 60 s): the plan names it and sends nothing.
  ASSERT_TRUE(has<LiquidationPlan>());
  EXPECT_TRUE(first<LiquidationPlan>().orders.empty());
  ASSERT_EQ(first<LiquidationPlan>().skippedStaleMarks.size(), 1u);
  EXPECT_EQ(first<LiquidationPlan>().skippedStaleMarks[0], std::string_view("FUT"));
}

TEST_F(MarginCallMachineTest, OneTickThroughTheFloorGoesFromNormalToLiquidation) {
  startLong();
  // p = 98 in one tick from 105: E = 350, MM = 490, IM = 980, health 0.71428571 < 0.80.
  markAt("FUT", "98", 5);
  const int call = indexOf<CallIssued>(events_);
  const int escalated = indexOf<CallEscalated>(events_);
  const int plan = indexOf<LiquidationPlan>(events_);
  ASSERT_GE(call, 0);
  ASSERT_GE(escalated, 0);
  ASSERT_GE(plan, 0);
  EXPECT_LT(call, escalated);
  EXPECT_LT(escalated, plan);
  EXPECT_FALSE(has<WarningIssued>());
  const std::vector<MarginStateChanged> changes = all<MarginStateChanged>(events_);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].from, MarginState::kNormal);
  EXPECT_EQ(changes[0].to, MarginState::kCall);
  EXPECT_EQ(changes[1].from, MarginState::kCall);
  EXPECT_EQ(changes[1].to, MarginState::kLiquidation);
  EXPECT_EQ(first<CallIssued>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<CallIssued>().snapshot.equity, money("350"));
  EXPECT_EQ(first<CallIssued>().snapshot.amountToCure, money("630"));
  EXPECT_EQ(first<CallIssued>().snapshot.health, ratio("0.71428571"));
  EXPECT_EQ(first<CallEscalated>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kLiquidationFloor);
  EXPECT_EQ(first<LiquidationPlan>().callId, std::string_view("MC-1"));
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
}

TEST_F(MarginCallMachineTest, CureByDeposit) {
  startLong();
  markAt("FUT", "99.47", 20);  // cure 497.7
  ASSERT_TRUE(has<CallIssued>());
  // One unit short of IM: still in the call.
  deposit("497.69999999", 21);
  EXPECT_TRUE(has<DepositApplied>());
  EXPECT_FALSE(has<CallClosed>());
  EXPECT_EQ(report("ACC").state, MarginState::kCall);
  EXPECT_EQ(report("ACC").snapshot.amountToCure, money("0.00000001"));
  // E = 994.7 == IM: cured. 994.7 >= 1.10 * 497.35 = 547.085: back to NORMAL.
  deposit("0.00000001", 22);
  ASSERT_EQ(count<CallClosed>(), 1);
  const CallClosed closed = first<CallClosed>();
  EXPECT_EQ(closed.callId, std::string_view("MC-1"));
  EXPECT_EQ(closed.outcome, CallOutcome::kCuredByDeposit);
  EXPECT_EQ(closed.snapshot.equity, money("994.7"));
  EXPECT_EQ(closed.snapshot.amountToCure, money("0"));
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kCall);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kNormal);
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
  EXPECT_FALSE(report("ACC").call);
  // Time passing beyond the old deadline does nothing.
  send(Timer{at(700)});
  EXPECT_TRUE(events_.empty());
}

TEST_F(MarginCallMachineTest, CureByFillsOfTheClientsReducingOrder) {
  startLong();
  markAt("FUT", "99.47", 20);
  ASSERT_TRUE(has<CallIssued>());
  order("s1", "ACC", "FUT", Side::kSell, "6", "99.47", 21);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  // Sell 6 at 99.47: realized 60 * (99.47 - 105) = -331.8, cash 718.2; the 4 left: U = -221.2,
  // E = 497 (unchanged at the mark), IM = 0.1 * 40 * 99.47 = 397.88 <= 497: cured by fills.
  // MM = 198.94, 1.10 * MM = 218.834 <= 497: NORMAL.
  fill("s1", "6", "99.47", 22);
  ASSERT_EQ(count<CallClosed>(), 1);
  const CallClosed closed = first<CallClosed>();
  EXPECT_EQ(closed.outcome, CallOutcome::kCuredByFills);
  EXPECT_EQ(closed.trigger.kind, TriggerKind::kFill);
  EXPECT_EQ(closed.snapshot.cash, money("718.2"));
  EXPECT_EQ(closed.snapshot.equity, money("497"));
  EXPECT_EQ(closed.snapshot.initial, money("397.88"));
  EXPECT_EQ(closed.snapshot.maintenance, money("198.94"));
  EXPECT_LT(indexOf<FillApplied>(events_), indexOf<CallClosed>(events_));
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
  EXPECT_FALSE(report("ACC").call);
}

TEST_F(MarginCallMachineTest, CureByPrices) {
  startLong();
  markAt("FUT", "99.47", 20);
  ASSERT_TRUE(has<CallIssued>());
  markAt("FUT", "104.99", 21);  // E = 1,049, IM = 1,049.9: not yet
  EXPECT_FALSE(has<CallClosed>());
  markAt("FUT", "105", 22);  // E = 1,050 == IM = 1,050: cured
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kCuredByPrices);
  EXPECT_EQ(first<CallClosed>().snapshot.equity, money("1050"));
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kNormal);  // 1,050 >= 1.10 * 525
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
}

TEST_F(MarginCallMachineTest, CureLandsInWarningWhenInitialIsCloseToMaintenanceAndANewCallGetsANewId) {
  // Initial 6 %, maintenance 5.5 %; cash 700, bought 10 at 100: E = 100p - 9,300, MM = 5.5p, IM = 6p.
  startLong("700", "100", "0.06", "0.055");
  // p = 98.41: E = 541 < MM = 541.255: call MC-1 (IM = 590.46, cure 49.46).
  markAt("FUT", "98.41", 10);
  ASSERT_TRUE(has<CallIssued>());
  EXPECT_EQ(first<CallIssued>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<CallIssued>().snapshot.amountToCure, money("49.46"));
  // Deposit 49.46: E = 590.46 == IM, cured; but 590.46 < 1.10 * 541.255 = 595.3805: lands in WARNING.
  deposit("49.46", 11);
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kCuredByDeposit);
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kCall);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kWarning);
  EXPECT_EQ(report("ACC").state, MarginState::kWarning);
  EXPECT_FALSE(report("ACC").call);
  // Cash is now 749.46: E = 100p - 9,250.54. p = 97.88: E = 537.46 < MM = 538.34: a new call MC-2.
  markAt("FUT", "97.88", 20);
  ASSERT_EQ(count<CallIssued>(), 1);
  const CallIssued second = first<CallIssued>();
  EXPECT_EQ(second.callId, std::string_view("MC-2"));
  EXPECT_EQ(second.deadline, at(620));
  EXPECT_EQ(second.snapshot.equity, money("537.46"));
  EXPECT_EQ(second.snapshot.amountToCure, money("49.82"));  // 587.28 - 537.46
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kWarning);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kCall);
  EXPECT_EQ(report("ACC").call->callId, "MC-2");
}

TEST_F(MarginCallMachineTest, AccountFlattenedWithADeficitDuringTheCallEndsLiquidatedToFlatAtTheDeadline) {
  startLong();
  markAt("FUT", "99.47", 20);  // call MC-1, deadline 620
  ASSERT_TRUE(has<CallIssued>());
  // The client sells all 10 at market and gets 94: realized 100 * (94 - 105) = -1,100, cash -50, flat.
  entitled_ = {"ACC"};
  NewOrder sell;
  sell.time = at(21);
  sell.clOrdId = "s1";
  sell.account = "ACC";
  sell.symbol = "FUT";
  sell.side = Side::kSell;
  sell.type = OrderType::kMarket;
  sell.quantity = qty("10");
  sell.entitledAccounts = entitled_;
  send(sell);
  ASSERT_TRUE(has<OrderAccepted>());
  fill("s1", "10", "94", 22);
  // E = -50 < IM = 0: not cured; nothing left to liquidate, the client has until the deadline to pay.
  EXPECT_FALSE(has<CallClosed>());
  EXPECT_EQ(report("ACC").state, MarginState::kCall);
  EXPECT_TRUE(report("ACC").positions.empty());
  // The deadline passes: nothing to sell, the call ends at once with the deficit left in cash.
  send(Timer{at(620)});
  ASSERT_EQ(count<CallEscalated>(), 1);
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kDeadlinePassed);
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidatedToFlat);
  EXPECT_EQ(first<CallClosed>().snapshot.cash, money("-50"));
  EXPECT_FALSE(has<LiquidationPlan>());
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
  EXPECT_FALSE(report("ACC").call);
}

TEST_F(MarginCallMachineTest, WithdrawalRefusedInCall) {
  startLong();
  markAt("FUT", "99.47", 20);
  ASSERT_TRUE(has<CallIssued>());
  send(Withdrawal{at(21), "ACC", money("1"), "wd"});
  ASSERT_TRUE(has<AdminDenied>());
  const AdminDenied denied = first<AdminDenied>();
  EXPECT_EQ(denied.action, "withdrawal");
  EXPECT_EQ(denied.account, std::string_view("ACC"));
  EXPECT_EQ(denied.denial.code(), DenialCode::kAccountInCall);
  ASSERT_NE(denied.denial.find("state"), nullptr);
  EXPECT_EQ(denied.denial.find("state")->text, "CALL");
  EXPECT_FALSE(has<WithdrawalApplied>());
  EXPECT_EQ(report("ACC").snapshot.cash, money("1050"));
}

// Two accounts on two instruments with the same numbers: their calls do not touch each other.
class TwoAccountCallTest : public MarginCallMachineTest {
 protected:
  void SetUp() override {
    config_.instruments.push_back(flatInstrument("FUT", "10", "0.10", "0.05"));
    config_.instruments.push_back(flatInstrument("FUT2", "10", "0.10", "0.05"));
    for (const char* id : {"ACC", "BBB"}) {
      AccountConfig acc = account(id, "1050");
      acc.thresholds.callGracePeriod = Duration::fromSeconds(600);
      acc.thresholds.escalationStep = money("9");
      config_.accounts.push_back(acc);
    }
    start();
    markAt("FUT", "105", 0);
    markAt("FUT2", "105", 0);
    openPosition("a1", "ACC", "FUT", Side::kBuy, "10", "105", 0);
    openPosition("b1", "BBB", "FUT2", Side::kBuy, "10", "105", 0);
  }
};

TEST_F(TwoAccountCallTest, CallsAreIndependentPerAccount) {
  markAt("FUT", "99.47", 20);  // ACC: E = 497 < MM = 497.35
  ASSERT_EQ(count<CallIssued>(), 1);
  EXPECT_EQ(first<CallIssued>().account, std::string_view("ACC"));
  EXPECT_EQ(first<CallIssued>().callId, std::string_view("MC-1"));
  EXPECT_EQ(report("BBB").state, MarginState::kNormal);
  EXPECT_FALSE(report("BBB").call);

  markAt("FUT2", "99.47", 100);  // BBB: same numbers, its own call and deadline
  ASSERT_EQ(count<CallIssued>(), 1);
  EXPECT_EQ(first<CallIssued>().account, std::string_view("BBB"));
  EXPECT_EQ(first<CallIssued>().callId, std::string_view("MC-2"));
  EXPECT_EQ(first<CallIssued>().deadline, at(700));
  EXPECT_EQ(report("ACC").call->callId, "MC-1");
  EXPECT_EQ(report("ACC").call->deadline, at(620));

  // ACC's deadline passes; BBB's (700) has not.
  send(Timer{at(620)});
  ASSERT_EQ(count<CallEscalated>(), 1);
  EXPECT_EQ(first<CallEscalated>().account, std::string_view("ACC"));
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kDeadlinePassed);
  for (const MarginStateChanged& change : all<MarginStateChanged>(events_)) {
    EXPECT_EQ(change.account, std::string_view("ACC"));
  }
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
  EXPECT_EQ(report("BBB").state, MarginState::kCall);

  // BBB cures by deposit; ACC stays in liquidation with its call.
  send(Deposit{at(621), "BBB", money("497.7"), "dep"});
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().callId, std::string_view("MC-2"));
  EXPECT_EQ(first<CallClosed>().account, std::string_view("BBB"));
  EXPECT_EQ(report("BBB").state, MarginState::kNormal);
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
  EXPECT_EQ(report("ACC").call->callId, "MC-1");
  EXPECT_EQ(report("ACC").snapshot.cash, money("1050"));
}

TEST_F(MarginCallMachineTest, EveryStateChangeIsReportedWithFromAndTo) {
  startLong();
  struct Step {
    const char* mark;
    MarginState from;
    MarginState to;
  };
  // Cash stays 1,050: E = 100p - 9,450, MM = 5p, IM = 10p throughout.
  const std::vector<Step> steps = {
      {"99.99", MarginState::kNormal, MarginState::kWarning},   // 549 < 549.945
      {"100.27", MarginState::kWarning, MarginState::kNormal},  // 577 >= 576.5525
      {"99.47", MarginState::kNormal, MarginState::kCall},      // 497 < 497.35
      {"105", MarginState::kCall, MarginState::kNormal},        // 1,050 >= IM 1,050 and >= 577.5
      {"99.99", MarginState::kNormal, MarginState::kWarning},   // 549 < 549.945
      {"99.47", MarginState::kWarning, MarginState::kCall},     // 497 < 497.35
      {"98.43", MarginState::kCall, MarginState::kLiquidation}, // health 0.7985 < 0.80
  };
  int second = 1;
  for (const Step& step : steps) {
    markAt("FUT", step.mark, second++);
    const std::vector<MarginStateChanged> changes = all<MarginStateChanged>(events_);
    ASSERT_EQ(changes.size(), 1u) << "at mark " << step.mark;
    EXPECT_EQ(changes[0].account, std::string_view("ACC"));
    EXPECT_EQ(changes[0].from, step.from) << "at mark " << step.mark;
    EXPECT_EQ(changes[0].to, step.to) << "at mark " << step.mark;
    EXPECT_EQ(changes[0].trigger.kind, TriggerKind::kMark);
    EXPECT_EQ(changes[0].trigger.price, px(step.mark));
    EXPECT_EQ(report("ACC").state, step.to);
  }
  // The second call got a new id.
  EXPECT_EQ(report("ACC").call->callId, "MC-2");
}

}  // namespace
}  // namespace risk::testing
