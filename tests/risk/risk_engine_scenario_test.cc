// An account's whole margin-call life, with every number computed by hand.
#include "tests/risk/engine_fixture.h"

namespace risk::testing {
namespace {

// FUT: multiplier 10, initial 10 %, maintenance 5 %. ACC: 10,000 cash.
class MarginCallScenarioTest : public EngineTest {
 protected:
  void SetUp() override {
    config_.instruments.push_back(flatInstrument("FUT", "10", "0.10", "0.05"));
    AccountConfig acc = account("ACC", "10000");
    acc.thresholds.escalationStep = money("500");
    acc.thresholds.callGracePeriod = Duration::fromSeconds(600);
    config_.accounts.push_back(acc);
    start();
    markAt("FUT", "100", 0);
    // Long 80 @ 100: notional 80*10*100 = 80,000; IM 8,000; MM 4,000; equity 10,000.
    openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 1);
  }
};

TEST_F(MarginCallScenarioTest, WarningCallEscalationAndCureByDeposit) {
  AccountReport start = report("ACC");
  EXPECT_EQ(start.snapshot.equity, money("10000"));
  EXPECT_EQ(start.snapshot.initial, money("8000"));
  EXPECT_EQ(start.snapshot.maintenance, money("4000"));
  EXPECT_EQ(start.snapshot.availableFunds, money("2000"));

  // Mark 95: U = 80*10*(95-100) = -4,000; E = 6,000; N = 76,000; MM = 3,800; 1.10*MM = 4,180: no warning.
  markAt("FUT", "95", 2);
  EXPECT_FALSE(has<WarningIssued>());
  // Mark 94.7: U = -4,240; E = 5,760; N = 75,760; MM = 3,788; IM = 7,576: 5,760 < 4,166.8? no. Still normal.
  markAt("FUT", "94.7", 3);
  EXPECT_FALSE(has<WarningIssued>());
  // Mark 93: U = -5,600; E = 4,400; N = 74,400; MM = 3,720; 1.10*MM = 4,092: 4,400 >= 4,092, still normal.
  markAt("FUT", "93", 4);
  EXPECT_FALSE(has<WarningIssued>());
  // Mark 92.5: U = -6,000; E = 4,000; N = 74,000; MM = 3,700; 1.10*MM = 4,070: warning.
  markAt("FUT", "92.5", 5);
  ASSERT_TRUE(has<WarningIssued>());
  EXPECT_EQ(first<WarningIssued>().snapshot.equity, money("4000"));
  // Back to 92.6 (E = 4,080, 1.15*MM = 1.15*3,704 = 4,259.6): stays in warning, nothing new.
  markAt("FUT", "92.6", 6);
  EXPECT_TRUE(events_.empty());

  // Mark 92: U = -6,400; E = 3,600; N = 73,600; MM = 3,680; IM = 7,360: call.
  markAt("FUT", "92", 7);
  ASSERT_TRUE(has<CallIssued>());
  const CallIssued call = first<CallIssued>();
  EXPECT_EQ(call.callId, std::string_view("MC-1"));
  EXPECT_EQ(call.snapshot.equity, money("3600"));
  EXPECT_EQ(call.snapshot.maintenance, money("3680"));
  EXPECT_EQ(call.snapshot.initial, money("7360"));
  EXPECT_EQ(call.snapshot.deficitToMaintenance, money("80"));
  EXPECT_EQ(call.snapshot.amountToCure, money("3760"));
  EXPECT_EQ(call.snapshot.health, ratio("0.97826086"));  // 3,600 / 3,680 rounded down
  EXPECT_EQ(call.deadline, at(607));

  // Oscillating around maintenance issues nothing new.
  markAt("FUT", "92.2", 8);  // E = 3,760 >= MM 3,688 but < IM: still in call
  EXPECT_TRUE(events_.empty());
  markAt("FUT", "91.9", 9);  // E = 3,520, cure = 7,352 - 3,520 = 3,832: grew 72 <= 500
  EXPECT_TRUE(events_.empty());

  // Mark 91.4: E = 3,120; N = 73,120; IM = 7,312; cure = 4,192: grew 432 from 3,760: no.
  markAt("FUT", "91.4", 10);
  EXPECT_FALSE(has<CallEscalated>());
  // Mark 91.3: E = 3,040; IM = 7,304; cure = 4,264: grew 504 > 500: escalation of the same call.
  markAt("FUT", "91.3", 11);
  ASSERT_TRUE(has<CallEscalated>());
  EXPECT_EQ(first<CallEscalated>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<CallEscalated>().snapshot.amountToCure, money("4264"));
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kAmountGrew);

  // Risk-increasing order refused, risk-reducing one accepted.
  order("o2", "ACC", "FUT", Side::kBuy, "1", "91.3", 12);
  ASSERT_TRUE(has<OrderDenied>());
  EXPECT_EQ(first<OrderDenied>().denial.code(), DenialCode::kMaintenanceBreach);
  order("o3", "ACC", "FUT", Side::kSell, "5", "91.3", 12);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);

  // A deposit of 4,264 restores equity to initial exactly: cured by deposit.
  send(Deposit{at(13), "ACC", money("4264"), "dep-1"});
  ASSERT_TRUE(has<CallClosed>());
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kCuredByDeposit);
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);  // E = 7,304 >= 1.15 * 3,652
  EXPECT_FALSE(report("ACC").call);
}

TEST_F(MarginCallScenarioTest, DeadlinePassesIntoLiquidationThatRestoresInitial) {
  markAt("FUT", "92", 7);  // call as above: E = 3,600, IM = 7,360
  ASSERT_TRUE(has<CallIssued>());
  send(Timer{at(606)});
  EXPECT_TRUE(events_.empty());
  markAt("FUT", "92", 60);  // same price, still fresh: only renews the mark's age
  EXPECT_TRUE(events_.empty());
  markAt("FUT", "92", 606);  // stale (546 s) then fresh: re-evaluated, still in call
  EXPECT_FALSE(has<CallEscalated>());
  send(Timer{at(607)});
  ASSERT_TRUE(has<CallEscalated>());
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kDeadlinePassed);
  ASSERT_TRUE(has<LiquidationPlan>());
  const LiquidationPlan plan = first<LiquidationPlan>();
  // Need IM(after) <= 3,600: 10 * 92 * 0.10 * k <= 3,600 -> k <= 39.13, so keep 39 and sell 41.
  ASSERT_EQ(plan.orders.size(), 1u);
  EXPECT_EQ(plan.orders[0].side, Side::kSell);
  EXPECT_EQ(plan.orders[0].quantity, qty("41"));
  EXPECT_EQ(plan.orders[0].limitPrice, px("82.8"));  // 92 - 10 %
  // Filled at the mark: equity unchanged at 3,600, IM = 39 * 92 = 3,588 <= 3,600: cured by liquidation.
  fill(plan.orders[0].clOrdId.view(), "41", "92", 608);
  ASSERT_TRUE(has<CallClosed>());
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidated);
  const AccountReport after = report("ACC");
  EXPECT_EQ(after.positions.at(0).quantity, qty("39"));
  EXPECT_EQ(after.snapshot.equity, money("3600"));
  EXPECT_EQ(after.realized, money("-3280"));  // 41 * 10 * (92 - 100)
}

TEST_F(MarginCallScenarioTest, LiquidationWaitsForAFreshMark) {
  markAt("FUT", "92", 7);
  send(Timer{at(607)});  // the mark is 600 s old, the window 60 s
  ASSERT_TRUE(has<LiquidationPlan>());
  EXPECT_TRUE(first<LiquidationPlan>().orders.empty());
  ASSERT_EQ(first<LiquidationPlan>().skippedStaleMarks.size(), 1u);
  markAt("FUT", "92", 608);  // fresh again at the same price: the liquidation goes on
  ASSERT_TRUE(has<LiquidationPlan>());
  EXPECT_EQ(first<LiquidationPlan>().orders.size(), 1u);
}

}  // namespace
}  // namespace risk::testing
