// The liquidation planner: what it cancels, what it sells or buys back, how much, at what price, and
// when it stops. Every number is computed by hand in the comments.
#include <ostream>
#include <string>
#include <vector>

#include "risk/liquidation_planner.h"
#include "tests/risk/engine_fixture.h"

namespace risk {
template <class Tag>
static void PrintTo(const Fixed<Tag>& value, std::ostream* os) {
  *os << value.toString();
}
}  // namespace risk

namespace risk::testing {
namespace {

// ---- liquidationPrice on its own ----

Instrument quarterTick() {
  Instrument instrument = flatInstrument("QTR", "10", "0.10", "0.05");
  instrument.tickSize = px("0.25");  // does not divide the bands below
  return instrument;
}

TEST(LiquidationPriceTest, SellRoundsUpAndBuyRoundsDownInsideTheCollar) {
  const Instrument instrument = quarterTick();  // collar 10 %
  // Mark 101: band = 10.1. Sell: 101 - 10.1 = 90.9, up to the tick: 91. Buy: 111.1, down: 111.
  EXPECT_EQ(liquidationPrice(instrument, px("101"), Side::kSell), px("91"));
  EXPECT_EQ(liquidationPrice(instrument, px("101"), Side::kBuy), px("111"));
  // Mark 100.01: band = 10.001. Sell: 90.009 -> 90.25. Buy: 110.011 -> 110.
  EXPECT_EQ(liquidationPrice(instrument, px("100.01"), Side::kSell), px("90.25"));
  EXPECT_EQ(liquidationPrice(instrument, px("100.01"), Side::kBuy), px("110"));
  // Mark 109: band = 10.9. Sell: 98.1 -> 98.25. Buy: 119.9 -> 119.75.
  EXPECT_EQ(liquidationPrice(instrument, px("109"), Side::kSell), px("98.25"));
  EXPECT_EQ(liquidationPrice(instrument, px("109"), Side::kBuy), px("119.75"));
  // On the grid already: mark 100, band 10: exactly 90 and 110.
  EXPECT_EQ(liquidationPrice(instrument, px("100"), Side::kSell), px("90"));
  EXPECT_EQ(liquidationPrice(instrument, px("100"), Side::kBuy), px("110"));
}

TEST(LiquidationPriceTest, BandIsRoundedDownAtOneE8) {
  Instrument instrument = flatInstrument("FUT", "1", "0.10", "0.05");
  instrument.tickSize = px("0.00000001");
  instrument.priceCollarPercent = ratio("3");
  // Mark 0.33333333, 3 %: band = 0.0099999999 -> 0.00999999 (down). Sell 0.32333334, buy 0.34333332.
  EXPECT_EQ(liquidationPrice(instrument, px("0.33333333"), Side::kSell), px("0.32333334"));
  EXPECT_EQ(liquidationPrice(instrument, px("0.33333333"), Side::kBuy), px("0.34333332"));
}

// ---- The planner inside the engine ----

// FUT: multiplier 10, initial 10 %, maintenance 5 %, tick 0.01, collar 10 %, stale after 60 s.
// ACC: cash 10,000, long 80 at 100: N = 80,000, IM = 8,000, MM = 4,000, AF = 2,000.
// At mark p: E = 10,000 + 800 * (p - 100), MM = 40p, IM = 80p (per lot: IM 1p).
// p = 91: E = 2,800, MM = 3,640, IM = 7,280, health 0.769 < 0.80: straight into liquidation.
//   Sizing: keep k lots with 0.1 * 10 * 91 * k = 91k <= 2,800 -> k = 30 (2,730; 31 gives 2,821): sell 50.
//   Price: band = 9.1, sell at 91 - 9.1 = 81.9.
class LiquidationPlannerTest : public EngineTest {
 protected:
  void SetUp() override {
    config_.instruments.push_back(flatInstrument("FUT", "10", "0.10", "0.05"));
    AccountConfig acc = account("ACC", "10000");
    acc.thresholds.callGracePeriod = Duration::fromSeconds(600);
    config_.accounts.push_back(acc);
    start();
    markAt("FUT", "100", 0);
    openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 0);
  }

  Events& cancel(std::string_view id, int64_t second) {
    entitled_ = {"ACC"};
    return send(CancelRequest{at(second), id, entitled_});
  }

  static void expectOrder(const LiquidationOrder& order, std::string_view id, std::string_view symbol, Side side,
                          std::string_view quantity, std::string_view price) {
    EXPECT_EQ(order.clOrdId, id);
    EXPECT_EQ(order.symbol, symbol);
    EXPECT_EQ(order.side, side);
    EXPECT_EQ(order.quantity, qty(quantity));
    EXPECT_EQ(order.limitPrice, px(price));
  }
};

TEST_F(LiquidationPlannerTest, CancelsRiskIncreasingOrdersFirstAndWaitsForEveryConfirmation) {
  // b1: buy 10 (margin 1,000, AF 1,000); b2: buy 5 (IMR(95) - IMR(80) = 1,500 in all: 500 more, AF 500).
  order("b1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  order("b2", "ACC", "FUT", Side::kBuy, "5", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("500"));
  // s1: sell 20 of the long 80: reducing, left alone by the liquidation.
  order("s1", "ACC", "FUT", Side::kSell, "20", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);

  markAt("FUT", "91", 2);  // E = 2,800, health 0.769: liquidation
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan cancels = first<LiquidationPlan>();
  EXPECT_EQ(cancels.callId, std::string_view("MC-1"));
  ASSERT_EQ(cancels.cancels.size(), 2u);
  EXPECT_EQ(cancels.cancels[0], std::string_view("b1"));
  EXPECT_EQ(cancels.cancels[1], std::string_view("b2"));
  EXPECT_TRUE(cancels.orders.empty());
  EXPECT_EQ(report("ACC").openOrders, 3);  // still charged until the venue confirms

  // The first confirmation: one cancel still open, no liquidation orders.
  send(OrderDone{at(3), "b1"});
  EXPECT_FALSE(has<LiquidationPlan>());
  // Any other re-evaluation meanwhile plans nothing either. Deposit 1: E = 2,801.
  send(Deposit{at(4), "ACC", money("1"), "dep"});
  EXPECT_TRUE(has<DepositApplied>());
  EXPECT_FALSE(has<LiquidationPlan>());
  // The last confirmation: now the closing plan. 91k <= 2,801 -> keep 30, sell 50 (closable 80 - 20 = 60).
  send(OrderDone{at(5), "b2"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  EXPECT_TRUE(plan.cancels.empty());
  ASSERT_EQ(plan.orders.size(), 1u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "50", "81.9");
  EXPECT_EQ(plan.snapshot.equity, money("2801"));
  EXPECT_EQ(report("ACC").openOrders, 2);  // s1 and the liquidation order
}

TEST_F(LiquidationPlannerTest, FillAtTheMarkEndsTheCallLiquidated) {
  markAt("FUT", "91", 2);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  EXPECT_TRUE(plan.cancels.empty());
  ASSERT_EQ(plan.orders.size(), 1u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "50", "81.9");
  EXPECT_TRUE(plan.skippedStaleMarks.empty());
  EXPECT_EQ(report("ACC").openOrders, 1);
  EXPECT_EQ(report("ACC").positions.at(0).openSell, qty("50"));
  // Filled at 91: realized 500 * (91 - 100) = -4,500, cash 5,500; 30 left: U = -2,700, E = 2,800;
  // IM = 2,730 <= 2,800: LIQUIDATED. MM = 1,365, 1.10 * MM = 1,501.5 <= 2,800: NORMAL.
  fill("LIQ-MC-1-1", "50", "91", 3);
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_TRUE(first<FillApplied>().liquidation);
  EXPECT_EQ(first<FillApplied>().positionAfter, qty("30"));
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidated);
  EXPECT_EQ(first<CallClosed>().snapshot.equity, money("2800"));
  EXPECT_EQ(first<CallClosed>().snapshot.initial, money("2730"));
  EXPECT_FALSE(has<LiquidationPlan>());
  const AccountReport after = report("ACC");
  EXPECT_EQ(after.state, MarginState::kNormal);
  EXPECT_FALSE(after.call);
  EXPECT_EQ(after.snapshot.cash, money("5500"));
  EXPECT_EQ(after.openOrders, 0);
}

TEST_F(LiquidationPlannerTest, NeverFlipsPastTheClientsWorkingReducingOrders) {
  // The client already sells 70 of the 80: only 10 are left to liquidate.
  order("s1", "ACC", "FUT", Side::kSell, "70", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  markAt("FUT", "91", 2);  // needs 50 sold, but 80 - 70 = 10 is all that can be without a flip
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  EXPECT_TRUE(plan.cancels.empty());  // s1 reduces: not cancelled
  ASSERT_EQ(plan.orders.size(), 1u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "10", "81.9");
  EXPECT_EQ(report("ACC").positions.at(0).openSell, qty("80"));  // 70 + 10 == the position

  // Filled: 70 left, all covered by s1. The next plan has nothing to sell.
  fill("LIQ-MC-1-1", "10", "91", 3);
  for (const LiquidationPlan& next : all<LiquidationPlan>(events_)) {
    EXPECT_TRUE(next.orders.empty());
  }
  EXPECT_EQ(report("ACC").positions.at(0).quantity, qty("70"));

  // The client's order goes away (cancelled at the venue): the cap lifts and the liquidation goes on
  // at once. Cash 10,000 - 90 = 9,910, U = 700 * -9 = -6,300, E = 2,800: keep 30 of 70, sell 40.
  cancel("s1", 4);
  ASSERT_TRUE(has<CancelAccepted>());
  send(OrderDone{at(5), "s1"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-2", "FUT", Side::kSell, "40", "81.9");
}

TEST_F(LiquidationPlannerTest, AReducingOrderPricedOutsideTheCollarIsCancelledFirst) {
  // The client offers 70 at 110 (inside the collar at mark 100: at most 110). At mark 91 the collar
  // reaches 91 + 9.1 = 100.1: the offer will not fill soon, and while it works it would leave only
  // 10 lots for the liquidation. It is cancelled first.
  order("s1", "ACC", "FUT", Side::kSell, "70", "110", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  markAt("FUT", "91", 2);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().cancels.size(), 1u);
  EXPECT_EQ(first<LiquidationPlan>().cancels[0], std::string_view("s1"));
  EXPECT_TRUE(first<LiquidationPlan>().orders.empty());
  // Confirmed: E = 2,800, keep 30 lots (91 x 30 = 2,730 <= 2,800), sell 50 at 81.9.
  send(OrderDone{at(3), "s1"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "50", "81.9");
}

TEST_F(LiquidationPlannerTest, AnOrderThatWouldFlipThePositionIsCancelledFirst) {
  // Sell 100 against the long 80 would go through zero: risk-increasing, though on the other side.
  // Margin: max(IMR(80), IMR(-20)) - IMR(80) = 0.
  order("s1", "ACC", "FUT", Side::kSell, "100", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_TRUE(first<OrderAccepted>().riskIncreasing);
  markAt("FUT", "91", 2);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().cancels.size(), 1u);
  EXPECT_EQ(first<LiquidationPlan>().cancels[0], std::string_view("s1"));
  EXPECT_TRUE(first<LiquidationPlan>().orders.empty());
  // Once it is gone the whole position can be closed: keep 30, sell 50 at 81.9.
  send(OrderDone{at(3), "s1"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "50", "81.9");
}

TEST_F(LiquidationPlannerTest, NegativeEquityWithAWorkingReducingOrderStillDoesNotFlip) {
  // At 95 the offer stays inside the collar at mark 87.5 (up to 96.25), so it keeps working.
  order("s1", "ACC", "FUT", Side::kSell, "70", "95", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  // p = 87.5: E = 10,000 - 10,000 = 0: close all that can be closed, 10, at 87.5 - 8.75 = 78.75.
  markAt("FUT", "87.5", 2);
  ASSERT_EQ(count<CallEscalated>(), 1);
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kNegativeEquity);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "10", "78.75");
}

TEST_F(LiquidationPlannerTest, IocRemainderCancelledTriggersANewPlan) {
  markAt("FUT", "91", 2);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  // Partial fill 20 at 91: cash 10,000 - 1,800 = 8,200; 60 left: U = -5,400, E = 2,800; IM = 5,460.
  fill("LIQ-MC-1-1", "20", "91", 3);
  EXPECT_TRUE(has<FillApplied>());
  EXPECT_FALSE(has<LiquidationPlan>());  // the order is still working
  EXPECT_FALSE(has<CallClosed>());
  // The venue cancels the IOC remainder: a new plan. 91k <= 2,800 -> keep 30 of 60: sell 30.
  send(OrderDone{at(4), "LIQ-MC-1-1"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  ASSERT_EQ(plan.orders.size(), 1u);
  expectOrder(plan.orders[0], "LIQ-MC-1-2", "FUT", Side::kSell, "30", "81.9");
  EXPECT_EQ(plan.snapshot.equity, money("2800"));
  EXPECT_EQ(report("ACC").positions.at(0).openSell, qty("30"));  // the remainder's charge is gone
}

TEST_F(LiquidationPlannerTest, FillAtAWorsePriceLeadsToASecondPlanAndANewCallGetsNewIds) {
  markAt("FUT", "91", 2);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  // Filled 50 at 90.5: realized 500 * (90.5 - 100) = -4,750, cash 5,250; 30 left at 91: U = -2,700,
  // E = 2,550 < IM = 2,730. Second plan: 91k <= 2,550 -> keep 28 (2,548): sell 2.
  fill("LIQ-MC-1-1", "50", "90.5", 3);
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_FALSE(has<CallClosed>());
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-2", "FUT", Side::kSell, "2", "81.9");
  EXPECT_EQ(first<LiquidationPlan>().snapshot.equity, money("2550"));
  // Filled 2 at 91: realized -180, cash 5,070; 28 left: U = -2,520, E = 2,550 >= IM = 2,548: LIQUIDATED.
  fill("LIQ-MC-1-2", "2", "91", 4);
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidated);
  EXPECT_EQ(first<CallClosed>().snapshot.equity, money("2550"));
  EXPECT_EQ(first<CallClosed>().snapshot.initial, money("2548"));
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);  // MM 1,274: 1.10 * MM = 1,401.4 <= 2,550

  // A new crash: E = 5,070 + 280 * (p - 100). p = 85: E = 870, MM = 1,190, 0.80 * MM = 952: liquidation
  // under a new call MC-2, whose orders count from 1 again. 85k <= 870 -> keep 10 of 28: sell 18 at 76.5.
  markAt("FUT", "85", 5);
  ASSERT_EQ(count<CallIssued>(), 1);
  EXPECT_EQ(first<CallIssued>().callId, std::string_view("MC-2"));
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  EXPECT_EQ(first<LiquidationPlan>().callId, std::string_view("MC-2"));
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-2-1", "FUT", Side::kSell, "18", "76.5");
}

TEST_F(LiquidationPlannerTest, LiquidatedToFlatLeavesADeficitInCash) {
  markAt("FUT", "91", 2);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  // Filled 50 at 85: realized 500 * (85 - 100) = -7,500, cash 2,500; 30 left at 91: U = -2,700,
  // E = -200: close everything that is left, 30.
  fill("LIQ-MC-1-1", "50", "85", 3);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-2", "FUT", Side::kSell, "30", "81.9");
  EXPECT_EQ(first<LiquidationPlan>().snapshot.equity, money("-200"));
  // Filled 30 at 91: realized 300 * (91 - 100) = -2,700, cash -200, flat: LIQUIDATED_TO_FLAT.
  fill("LIQ-MC-1-2", "30", "91", 4);
  ASSERT_EQ(count<CallClosed>(), 1);
  const CallClosed closed = first<CallClosed>();
  EXPECT_EQ(closed.outcome, CallOutcome::kLiquidatedToFlat);
  EXPECT_EQ(closed.snapshot.cash, money("-200"));
  EXPECT_EQ(closed.snapshot.equity, money("-200"));
  EXPECT_EQ(closed.snapshot.maintenance, money("0"));
  const AccountReport after = report("ACC");
  EXPECT_TRUE(after.positions.empty());
  EXPECT_EQ(after.snapshot.cash, money("-200"));
  EXPECT_EQ(after.realized, money("-10200"));  // -7,500 - 2,700
  EXPECT_FALSE(after.call);
  EXPECT_EQ(after.openOrders, 0);
}

TEST_F(LiquidationPlannerTest, StalledAfterThreeRejectedPlansHaltsAndResumeTriesAgain) {
  markAt("FUT", "91", 2);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  EXPECT_EQ(first<LiquidationPlan>().orders[0].clOrdId, std::string_view("LIQ-MC-1-1"));
  send(VenueReject{at(3), "LIQ-MC-1-1"});  // plan 2
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-2", "FUT", Side::kSell, "50", "81.9");
  send(VenueReject{at(4), "LIQ-MC-1-2"});  // plan 3
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  EXPECT_EQ(first<LiquidationPlan>().orders[0].clOrdId, std::string_view("LIQ-MC-1-3"));
  EXPECT_FALSE(has<LiquidationStalled>());
  // The third plan rejected with no fill: stalled, halted for a person.
  send(VenueReject{at(5), "LIQ-MC-1-3"});
  EXPECT_FALSE(has<LiquidationPlan>());
  ASSERT_EQ(count<LiquidationStalled>(), 1);
  EXPECT_EQ(first<LiquidationStalled>().callId, std::string_view("MC-1"));
  EXPECT_EQ(first<LiquidationStalled>().account, std::string_view("ACC"));
  EXPECT_EQ(first<LiquidationStalled>().plansWithoutFill, 3);
  ASSERT_EQ(count<AccountHalted>(), 1);
  EXPECT_TRUE(first<AccountHalted>().byLiquidationStall);
  EXPECT_TRUE(report("ACC").halted);
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
  EXPECT_EQ(report("ACC").openOrders, 0);

  // While halted nothing is planned, and the client cannot trade.
  send(Deposit{at(6), "ACC", money("1"), "dep"});  // E = 2,801
  EXPECT_FALSE(has<LiquidationPlan>());
  order("c1", "ACC", "FUT", Side::kSell, "1", "91", 6);
  ASSERT_TRUE(has<OrderDenied>());
  EXPECT_EQ(first<OrderDenied>().denial.code(), DenialCode::kAccountHalted);

  // Resume: a person looked; the liquidation tries again. 91k <= 2,801 -> keep 30, sell 50.
  send(Resume{at(7), "ACC"});
  ASSERT_TRUE(has<AccountResumed>());
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-4", "FUT", Side::kSell, "50", "81.9");
  EXPECT_FALSE(report("ACC").halted);
}

TEST_F(LiquidationPlannerTest, AFillResetsTheStallCount) {
  markAt("FUT", "91", 2);                  // plan 1
  send(VenueReject{at(3), "LIQ-MC-1-1"});  // plan 2
  send(VenueReject{at(4), "LIQ-MC-1-2"});  // plan 3
  // One lot of plan 3 fills at 91 (cash 9,910; 79 left; E = 2,800), the rest is cancelled: plan 4
  // starts a fresh count. 91k <= 2,800 -> keep 30 of 79: sell 49.
  fill("LIQ-MC-1-3", "1", "91", 5);
  send(OrderDone{at(5), "LIQ-MC-1-3"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-4", "FUT", Side::kSell, "49", "81.9");
  send(VenueReject{at(6), "LIQ-MC-1-4"});  // plan 5
  EXPECT_FALSE(has<LiquidationStalled>());
  send(VenueReject{at(7), "LIQ-MC-1-5"});  // plan 6
  EXPECT_FALSE(has<LiquidationStalled>());
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  send(VenueReject{at(8), "LIQ-MC-1-6"});  // three plans since the fill: stalled
  EXPECT_TRUE(has<LiquidationStalled>());
  EXPECT_EQ(first<LiquidationStalled>().plansWithoutFill, 3);
}

TEST_F(LiquidationPlannerTest, RefusedCancelsCountTowardsTheStall) {
  order("b1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  markAt("FUT", "91", 2);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().cancels.size(), 1u);
  // The venue refuses the cancel: a step without progress; the cancel is asked for again.
  send(CancelRejected{at(3), "b1"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().cancels.size(), 1u);
  EXPECT_TRUE(first<LiquidationPlan>().orders.empty());
  send(CancelRejected{at(4), "b1"});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  EXPECT_FALSE(has<LiquidationStalled>());
  // The third refusal: no progress over three steps, stalled and halted like refused orders.
  send(CancelRejected{at(5), "b1"});
  EXPECT_FALSE(has<LiquidationPlan>());
  ASSERT_EQ(count<LiquidationStalled>(), 1);
  EXPECT_EQ(first<LiquidationStalled>().plansWithoutFill, 3);
  ASSERT_EQ(count<AccountHalted>(), 1);
  EXPECT_TRUE(first<AccountHalted>().byLiquidationStall);
  EXPECT_TRUE(report("ACC").halted);
}

TEST_F(LiquidationPlannerTest, ClientsCannotCancelOrReplaceLiquidationOrders) {
  markAt("FUT", "91", 2);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  cancel("LIQ-MC-1-1", 3);
  ASSERT_TRUE(has<CancelDenied>());
  EXPECT_EQ(first<CancelDenied>().denial.code(), DenialCode::kOrderNotReplaceable);
  EXPECT_FALSE(has<CancelAccepted>());
  ReplaceRequest replace;
  replace.time = at(3);
  replace.clOrdId = "r1";
  replace.origClOrdId = "LIQ-MC-1-1";
  replace.quantity = qty("10");
  replace.limitPrice = px("91");
  replace.entitledAccounts = entitled_;
  send(replace);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(first<ReplaceDenied>().denial.code(), DenialCode::kOrderNotReplaceable);
  // The order is still open and charged.
  EXPECT_EQ(report("ACC").openOrders, 1);
  EXPECT_EQ(report("ACC").positions.at(0).openSell, qty("50"));
}

// Short positions are bought back; the tick 0.25 does not divide the band.
class ShortLiquidationTest : public LiquidationPlannerTest {
 protected:
  void SetUp() override {
    config_.instruments.push_back(quarterTick());
    config_.accounts.push_back(account("ACC", "10000"));
    start();
    markAt("QTR", "100", 0);
    openPosition("o1", "ACC", "QTR", Side::kSell, "80", "100", 0);
  }
};

TEST_F(ShortLiquidationTest, ShortIsBoughtBackAtTheCollarRoundedDownToTheTick) {
  // Short 80 at 100, multiplier 10: at p = 109: U = -800 * 9 = -7,200, E = 2,800, MM = 4,360,
  // health 0.642 < 0.80. Keep k: 0.1 * 10 * 109 * k = 109k <= 2,800 -> k = 25 (2,725): buy 55.
  // Price: band 10.9, 109 + 10.9 = 119.9, down to the tick: 119.75.
  markAt("QTR", "109", 1);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  ASSERT_EQ(first<LiquidationPlan>().orders.size(), 1u);
  expectOrder(first<LiquidationPlan>().orders[0], "LIQ-MC-1-1", "QTR", Side::kBuy, "55", "119.75");
  // Bought at 109: realized 550 * (100 - 109) = -4,950, cash 5,050; short 25: U = -2,250; E = 2,800
  // >= IM = 2,725: LIQUIDATED.
  fill("LIQ-MC-1-1", "55", "109", 2);
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidated);
  EXPECT_EQ(report("ACC").positions.at(0).quantity, qty("-25"));
  EXPECT_EQ(report("ACC").snapshot.cash, money("5050"));
}

// Two positions: the one with the larger maintenance margin goes first, whatever the symbol order.
class TwoPositionLiquidationTest : public LiquidationPlannerTest {
 protected:
  void SetUp() override {
    config_.instruments.push_back(flatInstrument("AAA", "1", "0.10", "0.05"));
    config_.instruments.push_back(flatInstrument("ZZZ", "1", "0.10", "0.05"));
    config_.accounts.push_back(account("ACC", "1200"));
    start();
    markAt("AAA", "10", 0);
    markAt("ZZZ", "100", 0);
    // AAA: 100 at 10, N = 1,000, IM 100, MM 50. ZZZ: 100 at 100, N = 10,000, IM 1,000, MM 500.
    openPosition("a1", "ACC", "AAA", Side::kBuy, "100", "10", 0);
    openPosition("z1", "ACC", "ZZZ", Side::kBuy, "100", "100", 0);
  }
};

TEST_F(TwoPositionLiquidationTest, LargestMaintenanceFirstAndOnlyAsMuchAsNeeded) {
  // ZZZ at 92: E = 1,200 - 800 = 400, MM = 50 + 460 = 510, health 0.784 < 0.80.
  // ZZZ (MM 460) before AAA (MM 50). Allowed IM for ZZZ = 400 - 100 (AAA) = 300:
  // 0.1 * 92 * k <= 300 -> k = 32 (294.4): sell 68 at 92 - 9.2 = 82.8. That is enough: AAA untouched.
  markAt("ZZZ", "92", 1);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  ASSERT_EQ(plan.orders.size(), 1u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "ZZZ", Side::kSell, "68", "82.8");
}

TEST_F(TwoPositionLiquidationTest, WhenTheFirstIsNotEnoughTheNextFollows) {
  // ZZZ at 88: E = 1,200 - 1,200 = 0. Closing all of ZZZ leaves IM 100 (AAA) > 0: ZZZ 100 at 79.2,
  // then AAA: allowed 0: all 100 at 10 - 1 = 9.
  markAt("ZZZ", "88", 1);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  ASSERT_EQ(plan.orders.size(), 2u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "ZZZ", Side::kSell, "100", "79.2");
  expectOrder(plan.orders[1], "LIQ-MC-1-2", "AAA", Side::kSell, "100", "9");
}

// A two-tier instrument: IM 10 % / MM 5 % below a notional of 10,000, 20 % / 10 % above.
// IM(N) = 0.2N - 1,000 and MM(N) = 0.1N - 500 above 10,000. Pieces of at most 30.
class TieredLiquidationTest : public LiquidationPlannerTest {
 protected:
  void SetUp() override {
    Instrument tiered = flatInstrument("T2", "1", "0.10", "0.05");
    tiered.tiers = TierSchedule({{Money::zero(), ratio("0.10"), ratio("0.05")},
                                 {money("10000"), ratio("0.20"), ratio("0.10")}});
    tiered.liquidationPiece = qty("30");
    config_.instruments.push_back(tiered);
    AccountConfig acc = account("ACC", "3200");
    acc.thresholds.callGracePeriod = Duration::fromSeconds(30);
    config_.accounts.push_back(acc);
    start();
    markAt("T2", "100", 0);
    // 200 at 100: N = 20,000, IM = 3,000, MM = 1,500, E = 3,200.
    openPosition("o1", "ACC", "T2", Side::kBuy, "200", "100", 0);
  }
};

TEST_F(TieredLiquidationTest, SizingUsesTheTiersAndPiecesAreCapped) {
  EXPECT_EQ(report("ACC").snapshot.initial, money("3000"));
  EXPECT_EQ(report("ACC").snapshot.maintenance, money("1500"));
  // p = 90: E = 3,200 - 2,000 = 1,200; N = 18,000, MM = 1,300, IM = 2,600: call (health 0.923).
  markAt("T2", "90", 10);
  ASSERT_TRUE(has<CallIssued>());
  EXPECT_EQ(first<CallIssued>().snapshot.maintenance, money("1300"));
  EXPECT_EQ(first<CallIssued>().snapshot.initial, money("2600"));
  EXPECT_FALSE(has<LiquidationPlan>());
  // Deadline 40 s passes with the mark 30 s old (fresh).
  send(Timer{at(40)});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  // Keep k with IM(90k) <= 1,200: k = 122 -> N = 10,980, IM = 2,196 - 1,000 = 1,196;
  // k = 123 -> N = 11,070, IM = 1,214. (A flat 10 % would keep 133, a flat 20 % 66.) Sell 78 at 81,
  // in pieces of 30, 30 and 18.
  const LiquidationPlan plan = first<LiquidationPlan>();
  ASSERT_EQ(plan.orders.size(), 3u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "T2", Side::kSell, "30", "81");
  expectOrder(plan.orders[1], "LIQ-MC-1-2", "T2", Side::kSell, "30", "81");
  expectOrder(plan.orders[2], "LIQ-MC-1-3", "T2", Side::kSell, "18", "81");

  // Two pieces filled at 90: 140 left, N = 12,600, IM = 1,520 > E = 1,200; the third still works.
  fill("LIQ-MC-1-1", "30", "90", 41);
  fill("LIQ-MC-1-2", "30", "90", 41);
  EXPECT_FALSE(has<CallClosed>());
  EXPECT_FALSE(has<LiquidationPlan>());
  // The last: 122 left, cash 3,200 - 780 = 2,420, U = -1,220, E = 1,200 >= IM = 1,196: LIQUIDATED.
  fill("LIQ-MC-1-3", "18", "90", 42);
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kLiquidated);
  EXPECT_EQ(first<CallClosed>().snapshot.initial, money("1196"));
  EXPECT_EQ(first<CallClosed>().snapshot.equity, money("1200"));
}

// Stale marks: FUT (multiplier 10) and BBB (multiplier 1), where BBB is covered by the client's own
// reducing order, so only FUT can be liquidated.
class StaleMarkLiquidationTest : public LiquidationPlannerTest {
 protected:
  void SetUp() override {
    config_.instruments.push_back(flatInstrument("FUT", "10", "0.10", "0.05"));
    config_.instruments.push_back(flatInstrument("BBB", "1", "0.10", "0.05"));
    AccountConfig acc = account("ACC", "10100");
    acc.thresholds.callGracePeriod = Duration::fromSeconds(100);
    config_.accounts.push_back(acc);
    start();
    markAt("FUT", "100", 0);
    markAt("BBB", "100", 0);
    openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 0);  // IM 8,000, MM 4,000
    openPosition("o2", "ACC", "BBB", Side::kBuy, "10", "100", 0);  // IM 100, MM 50
    order("s1", "ACC", "BBB", Side::kSell, "10", "100", 0);        // reducing: all of BBB
  }
};

TEST_F(StaleMarkLiquidationTest, StaleMarksAreSkippedNamedAndThePlanIsSentOnce) {
  // FUT at 92 (10 s): E = 10,100 - 6,400 = 3,700 < MM = 3,680 + 50 = 3,730: call, deadline 110 s.
  markAt("FUT", "92", 10);
  ASSERT_TRUE(has<CallIssued>());
  EXPECT_EQ(first<CallIssued>().deadline, at(110));
  markAt("BBB", "100", 60);   // BBB renewed (60 s old, not stale): no re-evaluation
  markAt("BBB", "100", 105);  // renewed again
  EXPECT_TRUE(events_.empty());
  // Deadline at 110 s: FUT's mark is 100 s old (stale after 60 s), BBB has nothing left to close.
  send(Timer{at(110)});
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan waiting = first<LiquidationPlan>();
  EXPECT_TRUE(waiting.orders.empty());
  EXPECT_TRUE(waiting.cancels.empty());
  ASSERT_EQ(waiting.skippedStaleMarks.size(), 1u);
  EXPECT_EQ(waiting.skippedStaleMarks[0], std::string_view("FUT"));

  // BBB ticks re-evaluate the account; the same empty plan is not sent again.
  markAt("BBB", "100.01", 111);
  EXPECT_FALSE(has<LiquidationPlan>());
  markAt("BBB", "100", 112);
  EXPECT_FALSE(has<LiquidationPlan>());
  send(Deposit{at(113), "ACC", money("1"), "dep"});  // E = 3,701
  EXPECT_FALSE(has<LiquidationPlan>());

  // A fresh FUT mark: the liquidation goes on. Allowed for FUT = 3,701 - 100 (BBB) = 3,601:
  // 92k <= 3,601 -> keep 39 (3,588): sell 41 at 92 - 9.2 = 82.8.
  markAt("FUT", "92", 114);
  ASSERT_EQ(count<LiquidationPlan>(), 1);
  const LiquidationPlan plan = first<LiquidationPlan>();
  EXPECT_TRUE(plan.skippedStaleMarks.empty());
  ASSERT_EQ(plan.orders.size(), 1u);
  expectOrder(plan.orders[0], "LIQ-MC-1-1", "FUT", Side::kSell, "41", "82.8");
}

}  // namespace
}  // namespace risk::testing
