// Margin calls and collateral through the gateway core, with the numbers computed by hand.
#include <gtest/gtest.h>

#include "gateway/core/gateway_core.h"
#include "tests/gateway/core/fake_outbox.h"
#include "tests/risk/engine_fixture.h"

namespace gateway::testing {
namespace {

using risk::testing::at;

int64_t raw(const char* text) { return risk::Price::parse(text).value->raw(); }

// FUT: multiplier 10, initial 10 %, maintenance 5 %. ACC-1: 10,000, grace 600 s, step 500.
// CLIENT1 and CLIENT2 both trade ACC-1; CLIENT3 trades ACC-2 only.
// Long 80 at 100 (mark 100): IM 8,000, MM 4,000. At mark 92: E = 3,600, MM 3,680, IM 7,360: a call
// for 3,760 to cure, 80 of it now; at 91.3: cure 4,264 (> 3,760 + 500): an escalation.
class CollateralDeskTest : public ::testing::Test {
 protected:
  CollateralDeskTest() {
    config_.instruments.push_back(risk::testing::flatInstrument("FUT", "10", "0.10", "0.05"));
    risk::AccountConfig acc = risk::testing::account("ACC-1", "10000");
    acc.thresholds.callGracePeriod = risk::Duration::fromSeconds(600);
    acc.thresholds.escalationStep = risk::testing::money("500");
    config_.accounts.push_back(acc);
    config_.accounts.push_back(risk::testing::account("ACC-2", "10000"));
    sessions_.push_back({0, "BROKER->CLIENT1", {"ACC-1"}});
    sessions_.push_back({1, "BROKER->CLIENT2", {"ACC-1"}});
    sessions_.push_back({2, "BROKER->CLIENT3", {"ACC-2"}});
    core_ = std::make_unique<core::GatewayCore>(config_, sessions_, outbox_, log_, recorder_);
    core_->process(core::VenueSessionEvent{true}, at(0));
    core_->process(core::ClientSessionEvent{0, true}, at(0));
    core_->process(core::ClientSessionEvent{2, true}, at(0));
    mark("100", 0);
    bridge::ClientNewOrder order;
    order.session = 0;
    order.clOrdId = "O-1";
    order.account = "ACC-1";
    order.symbol = "FUT";
    order.quantity = raw("80");
    order.price = raw("100");
    order.hasPrice = true;
    core_->process(order, at(1));
    bridge::VenueExecution fill;
    fill.clOrdId = outbox_.venueOrders.at(0).clOrdId;
    fill.orderId = "V-1";
    fill.execId = "E-1";
    fill.execType = 'F';
    fill.ordStatus = '2';
    fill.lastQty = raw("80");
    fill.lastPx = raw("100");
    fill.cumQty = raw("80");
    fill.avgPx = raw("100");
    core_->process(fill, at(1));
  }

  void mark(const char* price, int64_t second) {
    bridge::MarketDataUpdate update;
    update.symbol = "FUT";
    update.last = raw(price);
    update.hasLast = true;
    core_->process(update, at(second));
  }

  risk::RiskConfig config_;
  std::vector<bridge::ClientSessionConfig> sessions_;
  FakeOutbox outbox_;
  MemoryLog log_;
  core::Recorder recorder_;
  std::unique_ptr<core::GatewayCore> core_;
};

TEST_F(CollateralDeskTest, ACallGoesToEveryLoggedOnSessionOfTheAccountWithItsAmounts) {
  mark("92", 2);
  ASSERT_EQ(outbox_.calls.size(), 1u);  // CLIENT2 is not logged on; CLIENT3 trades another account
  const bridge::CollateralRequestOut& call = outbox_.calls[0];
  EXPECT_EQ(call.session, 0u);
  EXPECT_EQ(call.callId, "MC-1");
  EXPECT_EQ(call.account, "ACC-1");
  EXPECT_EQ(call.expireTimeNanos, at(602).nanos);
  EXPECT_EQ(call.marginExcess, -raw("3760"));
  EXPECT_EQ(call.numbers.equity, raw("3600"));
  EXPECT_EQ(call.numbers.maintenance, raw("3680"));
  EXPECT_EQ(call.numbers.initial, raw("7360"));
  EXPECT_EQ(call.numbers.deficitToMaintenance, raw("80"));
  EXPECT_EQ(call.numbers.amountToCure, raw("3760"));
  EXPECT_EQ(call.numbers.health, raw("0.97826086"));
  EXPECT_EQ(call.numbers.state, "CALL");
  EXPECT_EQ(call.numbers.currency, "USD");
  EXPECT_EQ(call.text,
            "Margin call MC-1 on ACC-1: deposit 3,760.00 USD by 1970-01-01T00:10:02.000Z to cure; 80.00 USD now to "
            "avoid liquidation");
  // The state change was pushed as a collateral report, to the same session.
  ASSERT_FALSE(outbox_.collateralReports.empty());
  EXPECT_EQ(outbox_.collateralReports.back().numbers.state, "CALL");
  EXPECT_EQ(outbox_.collateralReports.back().collStatus, 0);
  EXPECT_EQ(outbox_.collateralReports.back().cashOutstanding, raw("3760"));
}

TEST_F(CollateralDeskTest, NoSecondCallWhileThePriceOscillatesAndAnEscalationRefersToTheSameCall) {
  mark("92", 2);
  mark("92.2", 3);
  mark("91.9", 4);
  EXPECT_EQ(outbox_.calls.size(), 1u);
  mark("91.3", 5);  // cure 4,264: grew by 504 > 500
  ASSERT_EQ(outbox_.calls.size(), 2u);
  EXPECT_EQ(outbox_.calls[1].callId, "MC-1");
  EXPECT_EQ(outbox_.calls[1].numbers.amountToCure, raw("4264"));
  EXPECT_NE(outbox_.calls[1].text.find("escalated (AMOUNT_GREW)"), std::string::npos);
}

TEST_F(CollateralDeskTest, ASessionThatLogsOnLateReceivesTheOpenCall) {
  mark("92", 2);
  core_->process(core::ClientSessionEvent{1, true}, at(3));
  ASSERT_EQ(outbox_.calls.size(), 2u);
  EXPECT_EQ(outbox_.calls[1].session, 1u);
  EXPECT_EQ(outbox_.calls[1].callId, "MC-1");
  EXPECT_EQ(outbox_.calls[1].numbers.amountToCure, raw("3760"));
}

TEST_F(CollateralDeskTest, InquirySnapshotSubscriptionAndRefusal) {
  bridge::ClientCollateralInquiry inquiry;
  inquiry.session = 0;
  inquiry.inquiryId = "INQ-1";
  inquiry.subscriptionType = '1';
  inquiry.account = "ACC-1";
  core_->process(inquiry, at(2));
  ASSERT_EQ(outbox_.inquiryAcks.size(), 1u);
  EXPECT_EQ(outbox_.inquiryAcks[0].status, 0);
  EXPECT_EQ(outbox_.inquiryAcks[0].totalReports, 1);
  ASSERT_EQ(outbox_.collateralReports.size(), 1u);
  EXPECT_EQ(outbox_.collateralReports[0].inquiryId, "INQ-1");
  EXPECT_EQ(outbox_.collateralReports[0].numbers.equity, raw("10000"));
  EXPECT_EQ(outbox_.collateralReports[0].marginExcess, raw("2000"));  // available funds
  EXPECT_EQ(outbox_.collateralReports[0].collStatus, 3);
  // Subscribed: the next state change is pushed under the inquiry's id.
  mark("92", 3);
  EXPECT_EQ(outbox_.collateralReports.back().inquiryId, "INQ-1");
  // Another session's account is refused.
  inquiry.inquiryId = "INQ-2";
  inquiry.account = "ACC-2";
  core_->process(inquiry, at(4));
  EXPECT_EQ(outbox_.inquiryAcks.back().status, 4);
}

TEST_F(CollateralDeskTest, ADepositNoticeIsReceivedAndAcceptedOnlyWhenTheBrokerConfirms) {
  mark("92", 2);
  bridge::ClientCollateralAssignment notice;
  notice.session = 0;
  notice.assignmentId = "AY-1";
  notice.callId = "MC-1";
  notice.account = "ACC-1";
  notice.amount = raw("3760");
  notice.hasAmount = true;
  notice.currency = "USD";
  core_->process(notice, at(3));
  ASSERT_EQ(outbox_.collateralResponses.size(), 1u);
  EXPECT_EQ(outbox_.collateralResponses[0].responseType, 0);  // received
  EXPECT_EQ(outbox_.collateralResponses[0].callId, "MC-1");
  EXPECT_EQ(core_->engine().report("ACC-1")->state, risk::MarginState::kCall);  // a notice is not money

  const risk::Events events = core_->applyAdmin(risk::Deposit{at(4), "ACC-1", risk::testing::money("3760"), "W-1"},
                                                "ops", at(4));
  ASSERT_EQ(outbox_.collateralResponses.size(), 2u);
  EXPECT_EQ(outbox_.collateralResponses[1].responseType, 1);  // accepted
  EXPECT_EQ(outbox_.collateralResponses[1].assignmentId, "AY-1");
  EXPECT_EQ(outbox_.collateralResponses[1].amount, raw("3760"));
  EXPECT_EQ(core_->engine().report("ACC-1")->state, risk::MarginState::kNormal);  // E = 7,360 = IM
  EXPECT_EQ(outbox_.collateralReports.back().numbers.state, "NORMAL");
}

TEST_F(CollateralDeskTest, PositionsAreReportedWithTheMark) {
  mark("95", 2);
  bridge::ClientPositionRequest request;
  request.session = 0;
  request.requestId = "AN-1";
  request.account = "ACC-1";
  request.clearingBusinessDate = "20261123";
  core_->process(request, at(3));
  ASSERT_EQ(outbox_.positionAcks.size(), 1u);
  EXPECT_EQ(outbox_.positionAcks[0].totalReports, 1);
  EXPECT_EQ(outbox_.positionAcks[0].result, 0);
  ASSERT_EQ(outbox_.positionReports.size(), 1u);
  const bridge::PositionReportOut& report = outbox_.positionReports[0];
  EXPECT_EQ(report.symbol, "FUT");
  EXPECT_EQ(report.longQty, raw("80"));
  EXPECT_EQ(report.shortQty, 0);
  EXPECT_EQ(report.settlPrice, raw("95"));
  EXPECT_EQ(report.priorSettlPrice, raw("100"));
  EXPECT_EQ(report.unrealized, -raw("4000"));  // 80 x 10 x (95 - 100)
  EXPECT_EQ(report.clearingBusinessDate, "20261123");
  // An account the session may not see: AO refused, no AP.
  request.requestId = "AN-2";
  request.account = "ACC-2";
  core_->process(request, at(4));
  EXPECT_EQ(outbox_.positionAcks.back().result, 3);
  EXPECT_EQ(outbox_.positionAcks.back().status, 2);
  EXPECT_EQ(outbox_.positionReports.size(), 1u);
}

}  // namespace
}  // namespace gateway::testing
