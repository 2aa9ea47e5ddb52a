// The gateway core without FIX sessions: routing, ClOrdID mapping, denials, venue refusals.
#include "gateway/core/gateway_core.h"

#include <gtest/gtest.h>

#include "tests/gateway/core/fake_outbox.h"
#include "tests/risk/engine_fixture.h"

namespace gateway::testing {
namespace {

using risk::testing::money;
using risk::testing::px;
using risk::testing::qty;

int64_t raw(const char* text) { return risk::Price::parse(text).value->raw(); }

class GatewayCoreTest : public ::testing::Test {
 protected:
  GatewayCoreTest() {
    // FUT: multiplier 10, initial 10 %, maintenance 5 %. ACC-1: 10,000; ACC-2: 10,000.
    config_.instruments.push_back(risk::testing::flatInstrument("FUT", "10", "0.10", "0.05"));
    config_.accounts.push_back(risk::testing::account("ACC-1", "10000"));
    config_.accounts.push_back(risk::testing::account("ACC-2", "10000"));
    sessions_.push_back({0, "BROKER->CLIENT1", {"ACC-1"}});
    sessions_.push_back({1, "BROKER->CLIENT2", {"ACC-2"}});
    core_ = std::make_unique<core::GatewayCore>(config_, sessions_, outbox_, log_, recorder_);
    core_->start();
    core_->process(core::VenueSessionEvent{true}, at(0));
    bridge::MarketDataUpdate mark;
    mark.symbol = "FUT";
    mark.last = raw("100");
    mark.hasLast = true;
    core_->process(mark, at(0));
  }

  static risk::Timestamp at(int64_t seconds) { return risk::testing::at(seconds); }

  bridge::ClientNewOrder order(bridge::SessionIndex session, const char* clOrdId, const char* account,
                               const char* quantity, const char* price, char side = '1') {
    bridge::ClientNewOrder order;
    order.session = session;
    order.clOrdId = clOrdId;
    order.account = account;
    order.symbol = "FUT";
    order.side = side;
    order.ordType = '2';
    order.quantity = raw(quantity);
    order.price = raw(price);
    order.hasPrice = true;
    return order;
  }

  bridge::VenueExecution execution(const std::string& venueId, char execType, char ordStatus) {
    bridge::VenueExecution report;
    report.clOrdId = venueId;
    report.orderId = "V-" + venueId;
    report.execId = "E-" + std::to_string(++execs_);
    report.execType = execType;
    report.ordStatus = ordStatus;
    return report;
  }

  bridge::VenueExecution fill(const std::string& venueId, const char* quantity, const char* price,
                              const char* leaves, const char* cum) {
    bridge::VenueExecution report = execution(venueId, 'F', raw(leaves) == 0 ? '2' : '1');
    report.lastQty = raw(quantity);
    report.lastPx = raw(price);
    report.leavesQty = raw(leaves);
    report.cumQty = raw(cum);
    report.avgPx = raw(price);
    return report;
  }

  risk::RiskConfig config_;
  std::vector<bridge::ClientSessionConfig> sessions_;
  FakeOutbox outbox_;
  MemoryLog log_;
  core::Recorder recorder_;
  std::unique_ptr<core::GatewayCore> core_;
  int execs_ = 0;
};

TEST_F(GatewayCoreTest, SubscribesToEveryInstrument) {
  EXPECT_EQ(outbox_.subscribed, std::vector<std::string>{"FUT"});
}

TEST_F(GatewayCoreTest, TwoClientsWithTheSameClOrdIdAreRoutedApart) {
  core_->process(order(0, "A1", "ACC-1", "10", "100"), at(1));
  core_->process(order(1, "A1", "ACC-2", "20", "100"), at(1));
  ASSERT_EQ(outbox_.venueOrders.size(), 2u);
  const std::string first = outbox_.venueOrders[0].clOrdId;
  const std::string second = outbox_.venueOrders[1].clOrdId;
  EXPECT_NE(first, second);
  EXPECT_EQ(outbox_.venueOrders[0].account, "ACC-1");
  EXPECT_EQ(outbox_.venueOrders[1].quantity, raw("20"));

  core_->process(fill(second, "20", "100", "0", "20"), at(2));  // filled without a New ack
  ASSERT_EQ(outbox_.reports.size(), 1u);
  EXPECT_EQ(outbox_.reports[0].session, 1u);
  EXPECT_EQ(outbox_.reports[0].clOrdId, "A1");
  EXPECT_EQ(outbox_.reports[0].lastQty, raw("20"));
  EXPECT_TRUE(outbox_.reports[0].hasLast);
  EXPECT_EQ(core_->engine().report("ACC-2")->positions.at(0).quantity, qty("20"));
  EXPECT_TRUE(core_->engine().report("ACC-1")->positions.at(0).quantity.isZero());  // still open, not filled

  core_->process(execution(first, '0', '0'), at(3));
  ASSERT_EQ(outbox_.reports.size(), 2u);
  EXPECT_EQ(outbox_.reports[1].session, 0u);
  EXPECT_EQ(outbox_.reports[1].clOrdId, "A1");
  EXPECT_EQ(outbox_.reports[1].orderId, "V-" + first);
}

TEST_F(GatewayCoreTest, DenialReachesTheClientWithReasonAndNumbers) {
  // 200 x 10 x 100 = 200,000 notional: IM 20,000 > equity 10,000.
  core_->process(order(0, "BIG", "ACC-1", "200", "100"), at(1));
  EXPECT_TRUE(outbox_.venueOrders.empty());
  ASSERT_EQ(outbox_.reports.size(), 1u);
  const bridge::ExecutionReportOut& report = outbox_.reports[0];
  EXPECT_EQ(report.execType, '8');
  EXPECT_EQ(report.ordStatus, '8');
  EXPECT_EQ(report.ordRejReason, 3);
  EXPECT_EQ(report.riskCode, "INSUFFICIENT_MARGIN");
  EXPECT_EQ(report.text,
            "INSUFFICIENT_MARGIN: equity=10000 initial=0 openOrderMargin=0 orderMargin=20000 availableFunds=10000 "
            "availableAfter=-10000");
  EXPECT_EQ(report.clOrdId, "BIG");
  EXPECT_EQ(report.leavesQty, 0);
  EXPECT_EQ(report.cumQty, 0);
}

TEST_F(GatewayCoreTest, NotEntitledAndUnknownAccountAndSymbol) {
  core_->process(order(0, "X1", "ACC-2", "1", "100"), at(1));
  core_->process(order(0, "X2", "ACC-9", "1", "100"), at(1));
  bridge::ClientNewOrder unknownSymbol = order(0, "X3", "ACC-1", "1", "100");
  unknownSymbol.symbol = "NOPE";
  core_->process(unknownSymbol, at(1));
  ASSERT_EQ(outbox_.reports.size(), 3u);
  EXPECT_EQ(outbox_.reports[0].riskCode, "NOT_ENTITLED");
  EXPECT_EQ(outbox_.reports[0].ordRejReason, 99);
  EXPECT_EQ(outbox_.reports[1].riskCode, "UNKNOWN_ACCOUNT");
  EXPECT_EQ(outbox_.reports[1].ordRejReason, 15);
  EXPECT_EQ(outbox_.reports[2].riskCode, "UNKNOWN_INSTRUMENT");
  EXPECT_EQ(outbox_.reports[2].ordRejReason, 1);
}

TEST_F(GatewayCoreTest, DuplicateClOrdIdInTheSameSession) {
  core_->process(order(0, "D1", "ACC-1", "1", "100"), at(1));
  core_->process(order(0, "D1", "ACC-1", "1", "100"), at(1));
  ASSERT_EQ(outbox_.reports.size(), 1u);
  EXPECT_EQ(outbox_.reports[0].ordRejReason, 6);
  EXPECT_EQ(outbox_.reports[0].riskCode, "DUPLICATE_CLORDID");
}

TEST_F(GatewayCoreTest, VenueDownDeniesNewOrders) {
  core_->process(core::VenueSessionEvent{false}, at(1));
  core_->process(order(0, "V1", "ACC-1", "1", "100"), at(1));
  ASSERT_EQ(outbox_.reports.size(), 1u);
  EXPECT_EQ(outbox_.reports[0].riskCode, "VENUE_UNAVAILABLE");
  EXPECT_TRUE(outbox_.venueOrders.empty());
  core_->process(core::VenueSessionEvent{true}, at(2));
  core_->process(order(0, "V2", "ACC-1", "1", "100"), at(2));
  EXPECT_EQ(outbox_.venueOrders.size(), 1u);
}

TEST_F(GatewayCoreTest, OrderThatCannotBeSentIsRejectedAndReleased) {
  outbox_.venueAccepts = false;
  core_->process(order(0, "S1", "ACC-1", "50", "100"), at(1));
  ASSERT_EQ(outbox_.reports.size(), 1u);
  EXPECT_EQ(outbox_.reports[0].riskCode, "VENUE_UNAVAILABLE");
  EXPECT_EQ(core_->engine().report("ACC-1")->snapshot.openOrderInitial, money("0"));
}

TEST_F(GatewayCoreTest, SessionLevelVenueRejectReleasesTheMargin) {
  core_->process(order(0, "R1", "ACC-1", "50", "100"), at(1));  // IM of the order: 5,000
  EXPECT_EQ(core_->engine().report("ACC-1")->snapshot.openOrderInitial, money("5000"));
  bridge::VenueMessageReject reject;
  reject.clOrdId = outbox_.venueOrders.at(0).clOrdId;
  reject.refMsgType = "D";
  reject.sessionLevel = true;
  reject.reason = 5;
  reject.text = "unsupported order type";
  core_->process(reject, at(2));
  ASSERT_EQ(outbox_.reports.size(), 1u);
  EXPECT_EQ(outbox_.reports[0].execType, '8');
  EXPECT_EQ(outbox_.reports[0].clOrdId, "R1");
  EXPECT_EQ(outbox_.reports[0].riskCode, "VENUE_REJECTED");
  EXPECT_EQ(core_->engine().report("ACC-1")->snapshot.openOrderInitial, money("0"));
  EXPECT_EQ(core_->routedOrders(), 0u);
}

TEST_F(GatewayCoreTest, CancelIsRoutedAndConfirmed) {
  core_->process(order(0, "C1", "ACC-1", "5", "100"), at(1));
  const std::string venueId = outbox_.venueOrders.at(0).clOrdId;
  core_->process(execution(venueId, '0', '0'), at(1));
  bridge::ClientCancel cancel;
  cancel.session = 0;
  cancel.clOrdId = "C1-X";
  cancel.origClOrdId = "C1";
  core_->process(cancel, at(2));
  ASSERT_EQ(outbox_.venueCancels.size(), 1u);
  EXPECT_EQ(outbox_.venueCancels[0].origClOrdId, venueId);
  bridge::VenueExecution canceled = execution(outbox_.venueCancels[0].clOrdId, '4', '4');
  canceled.origClOrdId = venueId;
  core_->process(canceled, at(3));
  const bridge::ExecutionReportOut& report = outbox_.reports.back();
  EXPECT_EQ(report.execType, '4');
  EXPECT_EQ(report.clOrdId, "C1-X");
  EXPECT_EQ(report.origClOrdId, "C1");
  EXPECT_EQ(core_->engine().report("ACC-1")->openOrders, 0);
  EXPECT_EQ(core_->routedOrders(), 0u);
}

TEST_F(GatewayCoreTest, CancelOfUnknownOrderIsRefused) {
  bridge::ClientCancel cancel;
  cancel.session = 0;
  cancel.clOrdId = "Z-X";
  cancel.origClOrdId = "Z";
  core_->process(cancel, at(1));
  ASSERT_EQ(outbox_.cancelRejects.size(), 1u);
  EXPECT_EQ(outbox_.cancelRejects[0].responseTo, '1');
  EXPECT_EQ(outbox_.cancelRejects[0].reason, 1);
}

TEST_F(GatewayCoreTest, ReplaceIsRoutedAndTheNewIdsTakeOver) {
  core_->process(order(0, "P1", "ACC-1", "5", "100"), at(1));
  const std::string venueId = outbox_.venueOrders.at(0).clOrdId;
  core_->process(execution(venueId, '0', '0'), at(1));
  bridge::ClientReplace replace;
  replace.session = 0;
  replace.clOrdId = "P2";
  replace.origClOrdId = "P1";
  replace.quantity = raw("8");
  replace.price = raw("101");
  replace.hasPrice = true;
  core_->process(replace, at(2));
  ASSERT_EQ(outbox_.venueReplaces.size(), 1u);
  const std::string newVenueId = outbox_.venueReplaces[0].clOrdId;
  EXPECT_EQ(outbox_.venueReplaces[0].origClOrdId, venueId);
  bridge::VenueExecution replaced = execution(newVenueId, '5', '0');
  replaced.origClOrdId = venueId;
  replaced.leavesQty = raw("8");
  core_->process(replaced, at(3));
  EXPECT_EQ(outbox_.reports.back().clOrdId, "P2");
  EXPECT_EQ(outbox_.reports.back().origClOrdId, "P1");
  // Open-order margin follows the new quantity: 8 x 10 x 100 x 10 % = 800.
  EXPECT_EQ(core_->engine().report("ACC-1")->snapshot.openOrderInitial, money("800"));
  core_->process(fill(newVenueId, "8", "101", "0", "8"), at(4));
  EXPECT_EQ(outbox_.reports.back().clOrdId, "P2");
  EXPECT_EQ(core_->engine().report("ACC-1")->positions.at(0).quantity, qty("8"));
}

TEST_F(GatewayCoreTest, ReplaceRefusedByTheRiskCoreGetsAnOrderCancelReject) {
  core_->process(order(0, "Q1", "ACC-1", "5", "100"), at(1));
  bridge::ClientReplace replace;
  replace.session = 0;
  replace.clOrdId = "Q2";
  replace.origClOrdId = "Q1";
  replace.quantity = raw("500");  // 500 x 10 x 100 x 10 % = 50,000 > 10,000
  replace.price = raw("100");
  replace.hasPrice = true;
  core_->process(replace, at(2));
  ASSERT_EQ(outbox_.cancelRejects.size(), 1u);
  EXPECT_EQ(outbox_.cancelRejects[0].responseTo, '2');
  EXPECT_EQ(outbox_.cancelRejects[0].riskCode, "INSUFFICIENT_MARGIN");
  EXPECT_TRUE(outbox_.venueReplaces.empty());
}

TEST_F(GatewayCoreTest, MarksFromMarketDataTurnADenialIntoAnAcceptance) {
  // Short 50 at 100 leaves 5,000 of 10,000 free; a further sell of 60 needs 6,000 at 100.
  core_->process(order(0, "M1", "ACC-1", "50", "100", '2'), at(1));
  core_->process(fill(outbox_.venueOrders.at(0).clOrdId, "50", "100", "0", "50"), at(1));
  core_->process(order(0, "M2", "ACC-1", "60", "100", '2'), at(2));
  EXPECT_EQ(outbox_.reports.back().riskCode, "INSUFFICIENT_MARGIN");
  // Mark 90: equity 10,000 + 50 x 10 x 10 = 15,000; IM 4,500; a sell of 60 at 90 needs 5,400 -> fits.
  bridge::MarketDataUpdate mark;
  mark.symbol = "FUT";
  mark.bid = raw("89.99");
  mark.ask = raw("90.01");
  mark.hasBid = mark.hasAsk = true;
  core_->process(mark, at(3));
  core_->process(order(0, "M3", "ACC-1", "60", "90", '2'), at(3));
  ASSERT_EQ(outbox_.venueOrders.size(), 2u);
  EXPECT_EQ(outbox_.venueOrders[1].quantity, raw("60"));
  EXPECT_EQ(outbox_.venueOrders[1].price, raw("90"));
}

}  // namespace
}  // namespace gateway::testing
