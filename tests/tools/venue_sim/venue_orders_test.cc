// Orders over a real FIX session: acks, resting and crossing, partial fills, IOC, cancel, replace.

#include <set>

#include <quickfix/FixFieldNumbers.h>

#include "tests/tools/venue_sim/venue_fixture.h"

namespace venue_sim_test {
namespace {

using OrdersTest = VenueFixture;

TEST_F(OrdersTest, RestingLimitOrderIsAckedThenFilledWhenTheMarketCrossesIt) {
  startVenue(baseConfig());
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields order;
  order.clOrdId = "rest-1";
  order.quantity = "10";
  order.price = "100.00";
  ASSERT_GT(gateway_->send(newOrder(order)), 0);

  const FIX::Message ack = waitReport("rest-1", '0');
  EXPECT_EQ(field(ack, FIX::FIELD::OrdStatus), "0");
  EXPECT_EQ(field(ack, FIX::FIELD::Account), "ACC-1");
  EXPECT_EQ(field(ack, FIX::FIELD::Symbol), "AAPL");
  EXPECT_EQ(field(ack, FIX::FIELD::Side), "1");
  EXPECT_EQ(field(ack, FIX::FIELD::OrderQty), "10");
  EXPECT_EQ(field(ack, FIX::FIELD::Price), "100");
  EXPECT_EQ(field(ack, FIX::FIELD::LeavesQty), "10");
  EXPECT_EQ(field(ack, FIX::FIELD::CumQty), "0");
  EXPECT_EQ(field(ack, FIX::FIELD::AvgPx), "0");
  EXPECT_FALSE(field(ack, FIX::FIELD::OrderID).empty());
  EXPECT_FALSE(field(ack, FIX::FIELD::TransactTime).empty());
  EXPECT_FALSE(ack.isSetField(FIX::FIELD::LastQty));
  ASSERT_EQ(venue_->restingOrders().size(), 1u);

  venue_->setMarket("AAPL", raw("99.80"), raw("99.95"), raw("99.9"));
  const FIX::Message fill = waitReport("rest-1", 'F');
  EXPECT_EQ(field(fill, FIX::FIELD::OrdStatus), "2");
  EXPECT_EQ(field(fill, FIX::FIELD::LastQty), "10");
  EXPECT_EQ(field(fill, FIX::FIELD::LastPx), "99.95");  // the ask, not the limit
  EXPECT_EQ(field(fill, FIX::FIELD::LeavesQty), "0");
  EXPECT_EQ(field(fill, FIX::FIELD::CumQty), "10");
  EXPECT_EQ(field(fill, FIX::FIELD::AvgPx), "99.95");
  EXPECT_EQ(field(fill, FIX::FIELD::OrderID), field(ack, FIX::FIELD::OrderID));
  EXPECT_NE(field(fill, FIX::FIELD::ExecID), field(ack, FIX::FIELD::ExecID));
  EXPECT_TRUE(venue_->restingOrders().empty());

  int ordersReceived = 0;
  for (const venue_sim::RecordedMessage& message : venue_->received()) ordersReceived += message.msgType == "D";
  int reportsSent = 0;
  for (const venue_sim::RecordedMessage& message : venue_->sent()) {
    if (message.msgType != "8") continue;
    ++reportsSent;
    EXPECT_EQ(message.counterparty, "GATEWAY");
  }
  EXPECT_EQ(ordersReceived, 1);
  EXPECT_EQ(reportsSent, 2);
}

TEST_F(OrdersTest, SellLimitFillsAtTheBidAndMarketOrderAtTheTouchWithCommission) {
  venue_sim::VenueConfig config = baseConfig();
  config.hasCommission = true;
  config.commissionPerUnit = raw("0.005");
  startVenue(config);
  venue_->setMarket("AAPL", raw("100.20"), raw("100.30"), raw("100.25"));
  OrderFields sell;
  sell.clOrdId = "sell-1";
  sell.side = '2';
  sell.price = "100.10";
  gateway_->send(newOrder(sell));
  const FIX::Message sellFill = waitReport("sell-1", 'F');
  EXPECT_EQ(field(sellFill, FIX::FIELD::LastPx), "100.2");
  EXPECT_EQ(field(sellFill, FIX::FIELD::Commission), "0.005");
  EXPECT_EQ(field(sellFill, FIX::FIELD::CommType), "1");

  OrderFields market;
  market.clOrdId = "mkt-1";
  market.ordType = '1';
  market.quantity = "2.5";
  gateway_->send(newOrder(market));
  const FIX::Message ack = waitReport("mkt-1", '0');
  EXPECT_FALSE(ack.isSetField(FIX::FIELD::Price));
  EXPECT_FALSE(ack.isSetField(FIX::FIELD::Commission));
  const FIX::Message fill = waitReport("mkt-1", 'F');
  EXPECT_EQ(field(fill, FIX::FIELD::LastPx), "100.3");
  EXPECT_EQ(field(fill, FIX::FIELD::LastQty), "2.5");
  EXPECT_EQ(field(fill, FIX::FIELD::AvgPx), "100.3");
}

TEST_F(OrdersTest, MaxFillQtyGivesPartialFillsWithExactAveragePrice) {
  venue_sim::VenueConfig config = baseConfig();
  config.maxFillQty = raw("1");
  startVenue(config);
  venue_->setMarket("AAPL", raw("99.99"), raw("100.00"), raw("100"));
  OrderFields order;
  order.clOrdId = "part-1";
  order.quantity = "3";
  order.price = "101";
  gateway_->send(newOrder(order));

  waitReport("part-1", '0');
  venue_->setMarket("AAPL", raw("100.00"), raw("100.01"), raw("100"));
  venue_->setMarket("AAPL", raw("100.00"), raw("100.01"), raw("100"));
  // Three fills of 1: 100.00, 100.01, 100.01. AvgPx 300.02 / 3 = 100.006666... -> 100.00666667.
  FIX::Message found;
  ASSERT_TRUE(gateway_->waitFor(
      [](const FIX::Message& message) {
        return field(message, FIX::FIELD::ClOrdID) == "part-1" && field(message, FIX::FIELD::OrdStatus) == "2";
      },
      found));
  std::vector<std::string> avgPx;
  std::vector<std::string> lastPx;
  std::set<std::string> execIds;
  for (const FIX::Message& report : reportsFor("part-1")) {
    execIds.insert(field(report, FIX::FIELD::ExecID));
    if (field(report, FIX::FIELD::ExecType) != "F") continue;
    EXPECT_EQ(field(report, FIX::FIELD::LastQty), "1");
    lastPx.push_back(field(report, FIX::FIELD::LastPx));
    avgPx.push_back(field(report, FIX::FIELD::AvgPx));
  }
  EXPECT_EQ(lastPx, (std::vector<std::string>{"100", "100.01", "100.01"}));
  EXPECT_EQ(avgPx, (std::vector<std::string>{"100", "100.005", "100.00666667"}));
  EXPECT_EQ(execIds.size(), 4u);
  EXPECT_EQ(field(found, FIX::FIELD::CumQty), "3");
  EXPECT_EQ(field(found, FIX::FIELD::LeavesQty), "0");
}

TEST_F(OrdersTest, ImmediateOrCancelRemainderIsCancelled) {
  venue_sim::VenueConfig config = baseConfig();
  config.maxFillQty = raw("4");
  startVenue(config);
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields order;
  order.clOrdId = "ioc-1";
  order.quantity = "10";
  order.price = "100.10";
  order.timeInForce = '3';
  gateway_->send(newOrder(order));

  const FIX::Message canceled = waitReport("ioc-1", '4');
  EXPECT_EQ(field(canceled, FIX::FIELD::OrdStatus), "4");
  EXPECT_EQ(field(canceled, FIX::FIELD::LeavesQty), "0");
  EXPECT_EQ(field(canceled, FIX::FIELD::CumQty), "4");
  EXPECT_EQ(field(canceled, FIX::FIELD::AvgPx), "100.1");
  const std::vector<FIX::Message> reports = reportsFor("ioc-1");
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(field(reports[0], FIX::FIELD::ExecType), "0");
  EXPECT_EQ(field(reports[1], FIX::FIELD::ExecType), "F");
  EXPECT_EQ(field(reports[1], FIX::FIELD::LastQty), "4");
  EXPECT_EQ(field(reports[1], FIX::FIELD::OrdStatus), "1");
  EXPECT_TRUE(venue_->restingOrders().empty());
}

TEST_F(OrdersTest, FillOrKillFillsInFullOrIsCancelled) {
  venue_sim::VenueConfig config = baseConfig();
  config.maxFillQty = raw("4");
  startVenue(config);
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields tooBig;
  tooBig.clOrdId = "fok-1";
  tooBig.quantity = "10";
  tooBig.price = "101";
  tooBig.timeInForce = '4';
  gateway_->send(newOrder(tooBig));
  OrderFields fits = tooBig;
  fits.clOrdId = "fok-2";
  fits.quantity = "4";
  gateway_->send(newOrder(fits));

  const FIX::Message killed = waitReport("fok-1", '4');
  EXPECT_EQ(field(killed, FIX::FIELD::CumQty), "0");
  EXPECT_EQ(field(killed, FIX::FIELD::LeavesQty), "0");
  const FIX::Message filled = waitReport("fok-2", 'F');
  EXPECT_EQ(field(filled, FIX::FIELD::LastQty), "4");
  EXPECT_EQ(field(filled, FIX::FIELD::OrdStatus), "2");
  EXPECT_TRUE(venue_->restingOrders().empty());
}

TEST_F(OrdersTest, CancelRestingOrderAndRejectUnknownCancel) {
  startVenue(baseConfig());
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields order;
  order.clOrdId = "c-1";
  order.price = "99";
  gateway_->send(newOrder(order));
  const FIX::Message ack = waitReport("c-1", '0');

  gateway_->send(cancelOrder("c-2", "c-1", "AAPL", '1'));
  const FIX::Message canceled = waitReport("c-2", '4');
  EXPECT_EQ(field(canceled, FIX::FIELD::OrigClOrdID), "c-1");
  EXPECT_EQ(field(canceled, FIX::FIELD::OrdStatus), "4");
  EXPECT_EQ(field(canceled, FIX::FIELD::LeavesQty), "0");
  EXPECT_EQ(field(canceled, FIX::FIELD::OrderID), field(ack, FIX::FIELD::OrderID));
  EXPECT_TRUE(venue_->restingOrders().empty());

  gateway_->send(cancelOrder("c-3", "nope", "AAPL", '1'));
  const FIX::Message reject = waitType("9");
  EXPECT_EQ(field(reject, FIX::FIELD::ClOrdID), "c-3");
  EXPECT_EQ(field(reject, FIX::FIELD::OrigClOrdID), "nope");
  EXPECT_EQ(field(reject, FIX::FIELD::CxlRejResponseTo), "1");
  EXPECT_EQ(field(reject, FIX::FIELD::CxlRejReason), "1");
  EXPECT_EQ(field(reject, FIX::FIELD::OrderID), "NONE");
}

TEST_F(OrdersTest, ReplaceRestingOrderThenItFillsAndUnknownReplaceIsRejected) {
  startVenue(baseConfig());
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields order;
  order.clOrdId = "r-1";
  order.quantity = "10";
  order.price = "99";
  gateway_->send(newOrder(order));
  waitReport("r-1", '0');

  OrderFields amended = order;
  amended.quantity = "12";
  amended.price = "100.5";  // now crosses the 100.10 ask
  gateway_->send(replaceOrder("r-2", "r-1", amended));
  const FIX::Message replaced = waitReport("r-2", '5');
  EXPECT_EQ(field(replaced, FIX::FIELD::OrigClOrdID), "r-1");
  EXPECT_EQ(field(replaced, FIX::FIELD::OrdStatus), "0");
  EXPECT_EQ(field(replaced, FIX::FIELD::OrderQty), "12");
  EXPECT_EQ(field(replaced, FIX::FIELD::Price), "100.5");
  EXPECT_EQ(field(replaced, FIX::FIELD::LeavesQty), "12");
  const FIX::Message fill = waitReport("r-2", 'F');
  EXPECT_EQ(field(fill, FIX::FIELD::LastPx), "100.1");
  EXPECT_EQ(field(fill, FIX::FIELD::CumQty), "12");
  EXPECT_FALSE(fill.isSetField(FIX::FIELD::OrigClOrdID));

  gateway_->send(replaceOrder("r-3", "r-1", amended));  // r-1 was replaced: no longer current
  const FIX::Message reject = waitType("9");
  EXPECT_EQ(field(reject, FIX::FIELD::CxlRejResponseTo), "2");
  EXPECT_EQ(field(reject, FIX::FIELD::ClOrdID), "r-3");
  EXPECT_EQ(field(reject, FIX::FIELD::OrdStatus), "2");
  EXPECT_EQ(field(reject, FIX::FIELD::CxlRejReason), "0");  // too late: the order is filled

  gateway_->send(replaceOrder("r-4", "missing", amended));
  FIX::Message unknown;
  ASSERT_TRUE(gateway_->waitFor(
      [](const FIX::Message& message) { return field(message, FIX::FIELD::ClOrdID) == "r-4"; }, unknown));
  EXPECT_EQ(msgType(unknown), "9");
  EXPECT_EQ(field(unknown, FIX::FIELD::CxlRejResponseTo), "2");
  EXPECT_EQ(field(unknown, FIX::FIELD::CxlRejReason), "1");
}

TEST_F(OrdersTest, NoAckModeFillsWithoutNewReportButAcksRestingOrders) {
  venue_sim::VenueConfig config = baseConfig();
  config.noAck = true;
  startVenue(config);
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields crossing;
  crossing.clOrdId = "na-1";
  crossing.price = "100.10";
  gateway_->send(newOrder(crossing));
  OrderFields resting;
  resting.clOrdId = "na-2";
  resting.price = "99";
  gateway_->send(newOrder(resting));

  waitReport("na-2", '0');  // sent after na-1's reports, so those have all arrived
  const std::vector<FIX::Message> reports = reportsFor("na-1");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(field(reports[0], FIX::FIELD::ExecType), "F");
  EXPECT_EQ(field(reports[0], FIX::FIELD::OrdStatus), "2");
}

TEST_F(OrdersTest, UnknownSymbolIsRejectedWithOrdRejReasonOne) {
  startVenue(baseConfig());
  OrderFields order;
  order.clOrdId = "u-1";
  order.symbol = "NOPE";
  gateway_->send(newOrder(order));
  const FIX::Message reject = waitReport("u-1", '8');
  EXPECT_EQ(field(reject, FIX::FIELD::OrdStatus), "8");
  EXPECT_EQ(field(reject, FIX::FIELD::OrdRejReason), "1");
  EXPECT_EQ(field(reject, FIX::FIELD::LeavesQty), "0");
  EXPECT_EQ(field(reject, FIX::FIELD::Symbol), "NOPE");
}

}  // namespace
}  // namespace venue_sim_test
