// Issue 3's acceptance: real QuickFIX sessions over loopback between FIX clients, the gateway and a
// venue simulator. Every expected number is computed by hand next to its assertion.
#include "tests/gateway/app/end_to_end_fixture.h"

namespace gateway {
namespace testing {
namespace {

std::string field(const FIX::Message& message, int tag) { return message.getField(tag); }

TEST_F(EndToEndTest, TwoClientsUsingTheSameClOrdIdAreFilledSeparately) {
  startAll();
  TestCounterparty& one = connect("CLIENT1", "secret-1");
  TestCounterparty& two = connect("CLIENT2", "secret-2");
  ASSERT_TRUE(one.waitLoggedOn());
  ASSERT_TRUE(two.waitLoggedOn());
  ASSERT_TRUE(probeUntil(one, "ACC-1", "equity=10000"));

  // Both buy at 100.01, the venue's ask: filled at once.
  ASSERT_TRUE(one.send(newOrder("SAME-1", "ACC-1", '1', "5", "100.01")));
  ASSERT_TRUE(two.send(newOrder("SAME-1", "ACC-2", '1', "7", "100.01")));
  Message report;
  ASSERT_TRUE(execution(one, "SAME-1", 'F', report));
  EXPECT_EQ(field(report, FIX::FIELD::Account), "ACC-1");
  EXPECT_EQ(field(report, FIX::FIELD::LastQty), "5");
  EXPECT_EQ(field(report, FIX::FIELD::LastPx), "100.01");
  ASSERT_TRUE(execution(two, "SAME-1", 'F', report));
  EXPECT_EQ(field(report, FIX::FIELD::Account), "ACC-2");
  EXPECT_EQ(field(report, FIX::FIELD::LastQty), "7");

  // At the venue they are two orders under two gateway ids.
  const std::vector<venue_sim::VenueOrder> orders = venue_->orders();
  ASSERT_EQ(orders.size(), 2u);
  EXPECT_NE(orders[0].clOrdId, orders[1].clOrdId);
  EXPECT_NE(orders[0].clOrdId, "SAME-1");
  // Each position moved its own account: long 5 at 100.01, mark 100: U = 5 x 10 x -0.01 = -0.5.
  EXPECT_TRUE(probeUntil(one, "ACC-1", "equity=9999.5 initial=500 "));
}

TEST_F(EndToEndTest, TheAuditTrailKeepsRawFixOnlyForMessagesAboutCalls) {
  TestCounterparty* started = startWithClient1();
  ASSERT_NE(started, nullptr);
  TestCounterparty& one = *started;
  ASSERT_TRUE(one.send(newOrder("PLAIN-1", "ACC-1", '1', "5", "100.01")));
  Message report;
  ASSERT_TRUE(execution(one, "PLAIN-1", 'F', report));
  gateway_->stop();  // its store is written behind: stopping writes everything

  // The order is audited as accepted and filled; its ExecutionReports are no call's, so their raw
  // FIX is not in the trail (only CollateralRequests, reports, responses, assignments and
  // liquidation ExecutionReports are).
  // (The core knows a client's order as "s<session index>:<ClOrdID>"; the probes were denied.)
  EXPECT_EQ(queryStore("SELECT group_concat(order_id) FROM audit_log WHERE kind = 'order_accepted'"), "s0:PLAIN-1");
  EXPECT_EQ(queryStore("SELECT count(*) FROM audit_log WHERE kind = 'fix_message'"), "0");
}

// A ClOrdID that is not UTF-8 once stopped the gateway: its journal record could not be written as
// JSON. It is refused at the edge now, and the session goes on trading.
TEST_F(EndToEndTest, AClOrdIdThatIsNotUtf8IsRejectedAndTradingGoesOn) {
  TestCounterparty* started = startWithClient1();
  ASSERT_NE(started, nullptr);
  TestCounterparty& one = *started;
  ASSERT_TRUE(one.send(newOrder("BAD-\xFF", "ACC-1", '1', "5", "100.01")));
  Message reject;
  ASSERT_TRUE(one.waitForMessage("3", reject));
  EXPECT_EQ(field(reject, FIX::FIELD::SessionRejectReason), "5");
  EXPECT_EQ(field(reject, FIX::FIELD::RefTagID), "11");

  ASSERT_TRUE(one.send(newOrder("GOOD-1", "ACC-1", '1', "5", "100.01")));
  Message report;
  ASSERT_TRUE(execution(one, "GOOD-1", 'F', report));
  gateway_->stop();
  EXPECT_EQ(queryStore("SELECT count(*) FROM journal WHERE payload LIKE '%BAD-%'"), "0");
  EXPECT_EQ(queryStore("SELECT count(*) FROM journal WHERE payload LIKE '%GOOD-1%'"), "1");
}

TEST_F(EndToEndTest, CancelAndReplaceAreRoutedWithTheClientsIds) {
  TestCounterparty* started = startWithClient1();
  ASSERT_NE(started, nullptr);
  TestCounterparty& client = *started;
  ASSERT_TRUE(client.send(newOrder("R-1", "ACC-1", '1', "5", "95")));  // rests below the market
  Message report;
  ASSERT_TRUE(execution(client, "R-1", '0', report));

  Message replace;
  replace.getHeader().setField(FIX::FIELD::MsgType, "G");
  replace.setField(FIX::FIELD::ClOrdID, "R-2");
  replace.setField(FIX::FIELD::OrigClOrdID, "R-1");
  replace.setField(FIX::FIELD::Account, "ACC-1");
  replace.setField(FIX::FIELD::Symbol, "FUT");
  replace.setField(FIX::FIELD::Side, "1");
  replace.setField(FIX::FIELD::TransactTime, "20261123-12:00:00.000");
  replace.setField(FIX::FIELD::OrderQty, "8");
  replace.setField(FIX::FIELD::OrdType, "2");
  replace.setField(FIX::FIELD::Price, "96");
  ASSERT_TRUE(client.send(replace));
  ASSERT_TRUE(execution(client, "R-2", '5', report));
  EXPECT_EQ(field(report, FIX::FIELD::OrigClOrdID), "R-1");
  EXPECT_EQ(field(report, FIX::FIELD::OrderQty), "8");
  ASSERT_EQ(venue_->restingOrders().size(), 1u);
  EXPECT_EQ(venue_->restingOrders()[0].orderQty, raw("8"));

  Message cancel;
  cancel.getHeader().setField(FIX::FIELD::MsgType, "F");
  cancel.setField(FIX::FIELD::ClOrdID, "R-3");
  cancel.setField(FIX::FIELD::OrigClOrdID, "R-2");
  cancel.setField(FIX::FIELD::Account, "ACC-1");
  cancel.setField(FIX::FIELD::Symbol, "FUT");
  cancel.setField(FIX::FIELD::Side, "1");
  cancel.setField(FIX::FIELD::TransactTime, "20261123-12:00:00.000");
  cancel.setField(FIX::FIELD::OrderQty, "8");
  ASSERT_TRUE(client.send(cancel));
  ASSERT_TRUE(execution(client, "R-3", '4', report));
  EXPECT_EQ(field(report, FIX::FIELD::OrigClOrdID), "R-2");
  EXPECT_TRUE(venue_->restingOrders().empty());
  // The open order's margin is released: initial and open-order margin back to zero.
  EXPECT_TRUE(probeUntil(client, "ACC-1", "equity=10000 initial=0 openOrderMargin=0 "));
}

TEST_F(EndToEndTest, EachDenialReachesTheClientWithItsReasonAndNumbers) {
  startAll();
  TestCounterparty& client = connect("CLIENT2", "secret-2");
  ASSERT_TRUE(client.waitLoggedOn());
  ASSERT_TRUE(probeUntil(client, "ACC-2", "equity=10000"));
  struct Case {
    const char* id;
    const char* account;
    const char* quantity;
    const char* price;
    const char* code;
    const char* reason;
    const char* text;
  };
  const Case cases[] = {
      // 200 x 10 x 100 = 200,000 notional: IM 20,000 against equity 10,000.
      {"D-1", "ACC-2", "200", "100", "INSUFFICIENT_MARGIN", "3",
       "INSUFFICIENT_MARGIN: equity=10000 initial=0 openOrderMargin=0 orderMargin=20000 availableFunds=10000 "
       "availableAfter=-10000"},
      {"D-2", "ACC-9", "1", "100", "UNKNOWN_ACCOUNT", "15", "UNKNOWN_ACCOUNT:"},
      {"D-3", "ACC-1", "1", "100", "NOT_ENTITLED", "99", "NOT_ENTITLED:"},
      {"D-4", "ACC-2", "1001", "100", "MAX_QUANTITY", "3", "MAX_QUANTITY: quantity=1001 maxQuantity=1000"},
      {"D-5", "ACC-2", "1", "111", "PRICE_COLLAR", "3", "PRICE_COLLAR: price=111 mark=100 low=90 high=110"},
      {"D-6", "ACC-2", "1", "100.005", "INVALID_PRICE", "99", "INVALID_PRICE: price=100.005 tickSize=0.01"},
      {"D-7", "ACC-2", "0.5", "100", "INVALID_QUANTITY", "13", "INVALID_QUANTITY: quantity=0.5 lotSize=1"},
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(client.send(newOrder(c.id, c.account, '1', c.quantity, c.price)));
    Message report;
    ASSERT_TRUE(execution(client, c.id, '8', report)) << c.id;
    EXPECT_EQ(field(report, FIX::FIELD::OrdStatus), "8") << c.id;
    EXPECT_EQ(field(report, FIX::FIELD::OrdRejReason), c.reason) << c.id;
    EXPECT_EQ(field(report, 5006), c.code) << c.id;
    EXPECT_EQ(field(report, FIX::FIELD::Text), c.text) << c.id;
    EXPECT_EQ(field(report, FIX::FIELD::LeavesQty), "0") << c.id;
    EXPECT_EQ(field(report, FIX::FIELD::CumQty), "0") << c.id;
  }
  // Unknown symbol and a duplicate ClOrdID.
  Message unknown = newOrder("D-8", "ACC-2", '1', "1", "100");
  unknown.setField(FIX::FIELD::Symbol, "NOPE");
  ASSERT_TRUE(client.send(unknown));
  Message report;
  ASSERT_TRUE(execution(client, "D-8", '8', report));
  EXPECT_EQ(field(report, FIX::FIELD::OrdRejReason), "1");
  ASSERT_TRUE(client.send(newOrder("D-9", "ACC-3", '1', "1", "95")));
  ASSERT_TRUE(execution(client, "D-9", '0', report));
  ASSERT_TRUE(client.send(newOrder("D-9", "ACC-3", '1', "1", "95")));
  ASSERT_TRUE(execution(client, "D-9", '8', report));
  EXPECT_EQ(field(report, FIX::FIELD::OrdRejReason), "6");
  EXPECT_EQ(field(report, 5006), "DUPLICATE_CLORDID");
  EXPECT_TRUE(venue_->orders().size() == 1u);  // only D-9 ever reached the venue
}

TEST_F(EndToEndTest, MarksTurnADenialIntoAnAcceptanceAndBack) {
  TestCounterparty* started = startWithClient1();
  ASSERT_NE(started, nullptr);
  TestCounterparty& client = *started;
  // Sell 50 at the bid 99.99: short 50. At mark 100: U = -50 x 10 x 0.01 = -5; IM = 5,000.
  ASSERT_TRUE(client.send(newOrder("M-1", "ACC-1", '2', "50", "99.99")));
  Message report;
  ASSERT_TRUE(execution(client, "M-1", 'F', report));
  ASSERT_TRUE(probeUntil(client, "ACC-1", "equity=9995 initial=5000 "));

  // Another sell of 60 at 100 needs 60 x 10 x 100 x 10 % = 6,000 > 4,995 available.
  ASSERT_TRUE(client.send(newOrder("M-2", "ACC-1", '2', "60", "100")));
  ASSERT_TRUE(execution(client, "M-2", '8', report));
  EXPECT_EQ(field(report, 5006), "INSUFFICIENT_MARGIN");

  // The market falls to 90: U = -50 x 10 x 90 - (-49,995) = 4,995, equity 14,995; IM 4,500.
  venue_->setMarket("FUT", raw("89.99"), raw("90.01"), raw("90"));
  ASSERT_TRUE(probeUntil(client, "ACC-1", "equity=14995 initial=4500 "));
  // Now the same sell of 60 (at 91, resting above the bid) needs IMR(110 x 10 x 90) - 4,500 = 5,400
  // of the 10,495 available: accepted.
  ASSERT_TRUE(client.send(newOrder("M-3", "ACC-1", '2', "60", "91")));
  ASSERT_TRUE(execution(client, "M-3", '0', report));
  Message cancel;
  cancel.getHeader().setField(FIX::FIELD::MsgType, "F");
  cancel.setField(FIX::FIELD::ClOrdID, "M-3X");
  cancel.setField(FIX::FIELD::OrigClOrdID, "M-3");
  cancel.setField(FIX::FIELD::Account, "ACC-1");
  cancel.setField(FIX::FIELD::Symbol, "FUT");
  cancel.setField(FIX::FIELD::Side, "2");
  cancel.setField(FIX::FIELD::TransactTime, "20261123-12:00:00.000");
  cancel.setField(FIX::FIELD::OrderQty, "60");
  ASSERT_TRUE(client.send(cancel));
  ASSERT_TRUE(execution(client, "M-3X", '4', report));

  // Back at 100: equity 9,995 and IM 5,000 again, and the same sell is refused again.
  venue_->setMarket("FUT", raw("99.99"), raw("100.01"), raw("100"));
  ASSERT_TRUE(probeUntil(client, "ACC-1", "equity=9995 initial=5000 openOrderMargin=0 "));
  ASSERT_TRUE(client.send(newOrder("M-4", "ACC-1", '2', "60", "100")));
  ASSERT_TRUE(execution(client, "M-4", '8', report));
  EXPECT_EQ(field(report, 5006), "INSUFFICIENT_MARGIN");
}

TEST_F(EndToEndTest, WrongPasswordIsRefusedAndLeavesTheSequenceNumbersAlone) {
  startAll();
  {
    TestCounterparty& client = connect("CLIENT1", "secret-1");
    ASSERT_TRUE(client.waitLoggedOn());
    ASSERT_TRUE(probeUntil(client, "ACC-1", "equity=10000"));
    ASSERT_TRUE(client.logOut());
    // QuickFIX keeps one Session per SessionID in a process: the intruder below needs this one gone.
    client.stop();
    clients_.clear();
  }
  fix::SequenceNumbers before;
  ASSERT_TRUE(gateway_->sequenceNumbers("BROKER", "CLIENT1", before));
  EXPECT_GT(before.nextTarget, 1);

  CounterpartyOptions options;
  options.senderCompId = "CLIENT1";
  options.targetCompId = "BROKER";
  options.port = clientPort_;
  options.password = "wrong";
  options.resetOnLogon = true;
  TestCounterparty intruder(options);
  intruder.start();
  Message logout;
  ASSERT_TRUE(intruder.waitForMessage("5", logout));
  EXPECT_NE(field(logout, FIX::FIELD::Text).find("invalid password"), std::string::npos);
  EXPECT_FALSE(intruder.isLoggedOn());
  intruder.stop();

  fix::SequenceNumbers after;
  ASSERT_TRUE(gateway_->sequenceNumbers("BROKER", "CLIENT1", after));
  EXPECT_EQ(after.nextSender, before.nextSender);
  EXPECT_EQ(after.nextTarget, before.nextTarget);
}

TEST_F(EndToEndTest, WhileTheVenueIsDownOrdersAreDeniedAndTheyFlowAgainWhenItReturns) {
  TestCounterparty* started = startWithClient1();
  ASSERT_NE(started, nullptr);
  TestCounterparty& client = *started;
  venue_->stop(true);
  int attempt = 0;
  Message report;
  // Until the gateway has seen the venue go, an order may still be routed (and die with it).
  ASSERT_TRUE(waitFor([&] {
    const std::string id = "DOWN-" + std::to_string(++attempt);
    client.send(newOrder(id, "ACC-1", '1', "1", "95"));
    return execution(client, id, '8', report, std::chrono::milliseconds(500)) &&
           field(report, 5006) == "VENUE_UNAVAILABLE";
  }));
  EXPECT_EQ(field(report, FIX::FIELD::Text), "VENUE_UNAVAILABLE: the venue session is down");

  venue_.reset();
  startVenue(venue_sim::VenueConfig());
  ASSERT_TRUE(venue_->waitForLogon("GATEWAY", std::chrono::seconds(10)));
  // The venue has seen the logon; until the gateway's risk thread has too, an order is still refused
  // as VENUE_UNAVAILABLE (and for no other reason). Then it is routed and acknowledged.
  attempt = 0;
  ASSERT_TRUE(waitFor([&] {
    const std::string id = "UP-" + std::to_string(++attempt);
    client.send(newOrder(id, "ACC-1", '1', "1", "95"));
    const bool answered = client.waitForMessageWhere(
        "8", [&](const Message& m) { return m.getField(FIX::FIELD::ClOrdID) == id; }, report,
        std::chrono::seconds(5));
    EXPECT_TRUE(answered) << id;
    if (answered && field(report, FIX::FIELD::ExecType) == "0") return true;
    EXPECT_EQ(field(report, 5006), "VENUE_UNAVAILABLE");
    return false;
  }));
}

TEST_F(EndToEndTest, AVenueThatFillsWithoutANewAcknowledgement) {
  venue_sim::VenueConfig config;
  config.noAck = true;
  startAll(config);
  TestCounterparty& client = connect("CLIENT1", "secret-1");
  ASSERT_TRUE(client.waitLoggedOn());
  ASSERT_TRUE(probeUntil(client, "ACC-1", "equity=10000"));
  ASSERT_TRUE(client.send(newOrder("NA-1", "ACC-1", '1', "4", "100.01")));
  Message report;
  ASSERT_TRUE(execution(client, "NA-1", 'F', report));
  EXPECT_EQ(field(report, FIX::FIELD::OrdStatus), "2");
  // Long 4 at 100.01, mark 100: U = -0.4; IM = 4 x 10 x 100 x 10 % = 400; nothing left open.
  EXPECT_TRUE(probeUntil(client, "ACC-1", "equity=9999.6 initial=400 openOrderMargin=0 "));
  for (const std::string& type : client.receivedTypes()) EXPECT_NE(type, "3");
}


class VenueRejectsAnOrderTypeTest : public EndToEndTest,
                                     public ::testing::WithParamInterface<venue_sim::RejectStyle> {};

TEST_P(VenueRejectsAnOrderTypeTest, TheOrderIsRejectedBackAndItsMarginReleased) {
  venue_sim::VenueConfig config;
  config.rejectOrdType = '2';  // this venue takes no limit orders
  config.rejectStyle = GetParam();
  startAll(config);
  TestCounterparty& client = connect("CLIENT1", "secret-1");
  ASSERT_TRUE(client.waitLoggedOn());
  ASSERT_TRUE(probeUntil(client, "ACC-1", "equity=10000"));
  ASSERT_TRUE(client.send(newOrder("VR-1", "ACC-1", '1', "10", "95")));
  Message report;
  ASSERT_TRUE(execution(client, "VR-1", '8', report));
  EXPECT_EQ(field(report, 5006), "VENUE_REJECTED");
  EXPECT_NE(field(report, FIX::FIELD::Text).find(GetParam() == venue_sim::RejectStyle::kSession
                                                     ? "session reject 5"
                                                     : "business reject 3"),
            std::string::npos);
  // Its 10 x 10 x 100 x 10 % = 1,000 of open-order margin is released.
  EXPECT_TRUE(probeUntil(client, "ACC-1", "equity=10000 initial=0 openOrderMargin=0 "));
}

INSTANTIATE_TEST_SUITE_P(BothStyles, VenueRejectsAnOrderTypeTest,
                         ::testing::Values(venue_sim::RejectStyle::kSession, venue_sim::RejectStyle::kBusiness));

}  // namespace
}  // namespace testing
}  // namespace gateway
