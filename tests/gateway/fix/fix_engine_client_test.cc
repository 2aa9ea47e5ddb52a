// The FIX engine's client side over loopback: a FixEngine with a fake Inbox, and plain QuickFIX
// initiators as clients (CLIENT1 -> BROKER). One engine serves every test of the suite.

#include <gtest/gtest.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/FieldTypes.h>

#include <memory>
#include <string>

#include "gateway/fix/fix_engine.h"
#include "tests/gateway/fix/support/client_new_order.h"
#include "tests/gateway/fix/support/client_side_settings.h"
#include "tests/gateway/fix/support/fake_inbox.h"
#include "tests/gateway/fix/support/test_counterparty.h"
#include "tests/support/free_port.h"

namespace gateway {
namespace fix {
namespace {

using testing::CounterpartyOptions;
using testing::FakeInbox;
using testing::InboxRecord;
using testing::TestCounterparty;

constexpr char kRightPassword[] = "right-password";
// QuickFIX prefixes the text of a RejectLogon("invalid password").
constexpr char kRefusalText[] = "Rejected Logon Attempt: invalid password";

class FixEngineClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    FixEngineOptions options;
    options.settingsText = testing::clientSideSettings();
    options.clientPort = test_support::findFreePort();
    options.venuePort = test_support::findFreePort();  // nobody listens: the venue stays down
    options.messageLogPath = ::testing::TempDir() + "fix_engine_client_test.log";
    clientPort_ = options.clientPort;
    std::string error;
    engine_ = FixEngine::create(options, error).release();
    ASSERT_NE(engine_, nullptr) << error;
    inbox_ = new FakeInbox();
    engine_->start(*inbox_);
  }

  static void TearDownTestSuite() {
    if (engine_ != nullptr) engine_->stop();
    delete engine_;
    delete inbox_;
    engine_ = nullptr;
    inbox_ = nullptr;
  }

  void SetUp() override { ASSERT_NE(engine_, nullptr); }

  static SequenceNumbers gatewayNumbers() {
    SequenceNumbers numbers;
    EXPECT_TRUE(engine_->sequenceNumbers("BROKER", "CLIENT1", numbers));
    return numbers;
  }

  // A CLIENT1 initiator whose numbers continue the gateway's (unless `reset`), started.
  static std::unique_ptr<TestCounterparty> connectClient(const std::string& password,
                                                         bool reset = false) {
    const SequenceNumbers gateway = gatewayNumbers();
    CounterpartyOptions options;
    options.senderCompId = "CLIENT1";
    options.targetCompId = "BROKER";
    options.port = clientPort_;
    options.password = password;
    options.resetOnLogon = reset;
    options.nextSender = gateway.nextTarget;
    options.nextTarget = gateway.nextSender;
    std::unique_ptr<TestCounterparty> client(new TestCounterparty(options));
    client->start();
    return client;
  }

  static std::unique_ptr<TestCounterparty> logOnClient() {
    std::unique_ptr<TestCounterparty> client = connectClient(kRightPassword);
    EXPECT_TRUE(client->waitLoggedOn());
    EXPECT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
      return !r.clientSessions.empty() && r.clientSessions.back() == std::make_pair(0u, true);
    }));
    return client;
  }

  // Ends a client session and waits until the gateway has seen it end.
  static void disconnect(TestCounterparty& client) {
    client.stop();
    EXPECT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
      return !r.clientSessions.empty() && r.clientSessions.back() == std::make_pair(0u, false);
    }));
  }

  static std::size_t newOrderCount() { return inbox_->snapshot().newOrders.size(); }

  // Sends a good order and waits for it: everything the client sent before has been handled.
  static void syncWithGateway(TestCounterparty& client, const std::string& clOrdId) {
    ASSERT_TRUE(client.send(testing::clientNewOrder(clOrdId, "100")));
    ASSERT_TRUE(inbox_->waitUntil([&](const InboxRecord& r) {
      return !r.newOrders.empty() && r.newOrders.back().clOrdId == clOrdId;
    }));
  }

  static FixEngine* engine_;
  static FakeInbox* inbox_;
  static int clientPort_;
};

FixEngine* FixEngineClientTest::engine_ = nullptr;
FakeInbox* FixEngineClientTest::inbox_ = nullptr;
int FixEngineClientTest::clientPort_ = 0;

TEST_F(FixEngineClientTest, ListsSessionsAndSendsNothingWhereNobodyIsLoggedOn) {
  const auto& sessions = engine_->clientSessions();
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].name, "BROKER->CLIENT1");
  EXPECT_EQ(sessions[0].accounts, std::vector<std::string>{"ACC-ALPHA"});
  EXPECT_EQ(sessions[1].name, "BROKER->CLIENT2");
  SequenceNumbers numbers;
  EXPECT_FALSE(engine_->sequenceNumbers("BROKER", "NOBODY", numbers));
  bridge::ExecutionReportOut report;
  report.session = 1;  // CLIENT2 never logs on here
  report.orderId = "X";
  report.clOrdId = "X";
  report.execId = "X";
  report.symbol = "ESZ6";
  EXPECT_FALSE(engine_->sendToClient(report));
  report.session = 7;  // no such session
  EXPECT_FALSE(engine_->sendToClient(report));
  bridge::VenueNewOrderOut order;
  order.clOrdId = "GW-1";
  order.symbol = "ESZ6";
  EXPECT_FALSE(engine_->sendToVenue(order));  // the venue is down
}

// Right password: logged on. Wrong password, with and without ResetSeqNumFlag=Y: a Logout that
// says why, and the session's stored sequence numbers exactly as they were.
TEST_F(FixEngineClientTest, PasswordsAndTheSequenceNumberGuard) {
  // A session with history: logon, orders and reports both ways, logout.
  std::unique_ptr<TestCounterparty> first = logOnClient();
  syncWithGateway(*first, "HIST-1");
  syncWithGateway(*first, "HIST-2");
  bridge::ExecutionReportOut report;
  report.session = 0;
  report.orderId = "GW-1";
  report.clOrdId = "HIST-1";
  report.execId = "E-HIST-1";
  report.symbol = "ESZ6";
  report.orderQty = 300000000;
  report.leavesQty = 300000000;
  ASSERT_TRUE(engine_->sendToClient(report));
  FIX::Message received;
  ASSERT_TRUE(first->waitForMessage("8", received));
  ASSERT_TRUE(first->logOut());
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
    return r.clientSessions.back() == std::make_pair(0u, false);
  }));
  first.reset();  // QuickFIX allows one session per SessionID in a process
  const SequenceNumbers before = gatewayNumbers();
  ASSERT_GT(before.nextSender, 3);
  ASSERT_GT(before.nextTarget, 3);
  const std::size_t sessionEvents = inbox_->snapshot().clientSessions.size();

  // A wrong password without ResetSeqNumFlag: refused, and the Logout it got is not counted.
  std::unique_ptr<TestCounterparty> guesser = connectClient("wrong-password");
  FIX::Message logout;
  ASSERT_TRUE(guesser->waitForMessage("5", logout));
  EXPECT_EQ(logout.getField(FIX::FIELD::Text), kRefusalText);
  ASSERT_TRUE(guesser->waitDisconnected());
  EXPECT_FALSE(guesser->isLoggedOn());
  guesser.reset();
  SequenceNumbers after = gatewayNumbers();
  EXPECT_EQ(after.nextSender, before.nextSender);
  EXPECT_EQ(after.nextTarget, before.nextTarget);

  // The attack: a Logon with ResetSeqNumFlag=Y and a wrong password.
  std::unique_ptr<TestCounterparty> intruder = connectClient("guessed-password", true);
  ASSERT_TRUE(intruder->waitForMessage("5", logout));
  EXPECT_EQ(logout.getField(FIX::FIELD::Text), kRefusalText);
  ASSERT_TRUE(intruder->waitDisconnected());
  intruder.reset();

  after = gatewayNumbers();
  EXPECT_EQ(after.nextSender, before.nextSender);
  EXPECT_EQ(after.nextTarget, before.nextTarget);
  EXPECT_EQ(inbox_->snapshot().clientSessions.size(), sessionEvents);

  // The real client logs on again WITHOUT a reset and carries on where it stopped: had the
  // numbers been reset, the gateway's Logon would come as MsgSeqNum 1, "too low" for the client.
  std::unique_ptr<TestCounterparty> again = logOnClient();
  const SequenceNumbers loggedOn = gatewayNumbers();
  EXPECT_EQ(loggedOn.nextSender, before.nextSender + 1);
  EXPECT_EQ(loggedOn.nextTarget, before.nextTarget + 1);
  syncWithGateway(*again, "AFTER-1");
  report.clOrdId = "AFTER-1";
  report.execId = "E-AFTER-1";
  ASSERT_TRUE(engine_->sendToClient(report));
  ASSERT_TRUE(again->waitForMessage("8", received));
  EXPECT_EQ(received.getField(FIX::FIELD::ClOrdID), "AFTER-1");
  for (const std::string& type : again->receivedTypes()) {
    EXPECT_TRUE(type != "2" && type != "3" && type != "4" && type != "5") << type;
  }
  disconnect(*again);
}

TEST_F(FixEngineClientTest, OrdersArriveExactlyAndBadOnesAreRejectedAtTheEdge) {
  std::unique_ptr<TestCounterparty> client = logOnClient();
  ASSERT_TRUE(client->send(testing::clientNewOrder("ORD-1", "101.25")));
  ASSERT_TRUE(inbox_->waitUntil(
      [](const InboxRecord& r) { return !r.newOrders.empty() && r.newOrders.back().clOrdId == "ORD-1"; }));
  const bridge::ClientNewOrder order = inbox_->snapshot().newOrders.back();
  EXPECT_EQ(order.session, 0u);
  EXPECT_EQ(order.account, "ACC-ALPHA");
  EXPECT_EQ(order.symbol, "ESZ6");
  EXPECT_EQ(order.side, '1');
  EXPECT_EQ(order.ordType, '2');
  EXPECT_EQ(order.timeInForce, '0');
  EXPECT_EQ(order.quantity, 300000000);
  EXPECT_TRUE(order.hasPrice);
  EXPECT_EQ(order.price, 10125000000);

  FIX::Message cancel;
  cancel.getHeader().setField(FIX::FIELD::MsgType, "F");
  cancel.setField(FIX::FIELD::OrigClOrdID, "ORD-1");
  cancel.setField(FIX::FIELD::ClOrdID, "ORD-1-C");
  cancel.setField(FIX::FIELD::Account, "ACC-ALPHA");
  cancel.setField(FIX::FIELD::Symbol, "ESZ6");
  cancel.setField(FIX::FIELD::Side, "1");
  cancel.setField(FIX::UtcTimeStampField(FIX::FIELD::TransactTime, FIX::UtcTimeStamp(), 3));
  ASSERT_TRUE(client->send(cancel));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) { return !r.cancels.empty(); }));
  const bridge::ClientCancel decodedCancel = inbox_->snapshot().cancels.back();
  EXPECT_EQ(decodedCancel.clOrdId, "ORD-1-C");
  EXPECT_EQ(decodedCancel.origClOrdId, "ORD-1");
  EXPECT_EQ(decodedCancel.account, "ACC-ALPHA");
  EXPECT_EQ(decodedCancel.side, '1');

  FIX::Message replace = testing::clientNewOrder("ORD-1-R", "0.00000001");
  replace.getHeader().setField(FIX::FIELD::MsgType, "G");
  replace.setField(FIX::FIELD::OrigClOrdID, "ORD-1");
  replace.setField(FIX::FIELD::OrderQty, "12.5");
  replace.setField(FIX::FIELD::TimeInForce, "1");
  ASSERT_TRUE(client->send(replace));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) { return !r.replaces.empty(); }));
  const bridge::ClientReplace decodedReplace = inbox_->snapshot().replaces.back();
  EXPECT_EQ(decodedReplace.clOrdId, "ORD-1-R");
  EXPECT_EQ(decodedReplace.origClOrdId, "ORD-1");
  EXPECT_EQ(decodedReplace.quantity, 1250000000);
  EXPECT_EQ(decodedReplace.price, 1);
  EXPECT_EQ(decodedReplace.timeInForce, '1');

  const std::size_t before = newOrderCount();
  struct Case {
    const char* price;
    const char* reason;  // SessionRejectReason 373
  };
  // Not a number at all: QuickFIX's dictionary check answers 6 (incorrect data format) before the
  // gateway sees the order. A number the gateway cannot hold exactly: the gateway answers 5.
  const Case cases[] = {{"abc", "6"}, {"1e3", "6"}, {"101.123456789", "5"}};
  for (const Case& c : cases) {
    FIX::Message order = testing::clientNewOrder(std::string("BAD-") + c.price, c.price);
    ASSERT_TRUE(client->send(order));
    FIX::Message reject;
    ASSERT_TRUE(client->waitForMessage("3", reject)) << c.price;
    EXPECT_EQ(reject.getField(FIX::FIELD::SessionRejectReason), c.reason) << c.price;
    EXPECT_EQ(reject.getField(FIX::FIELD::RefTagID), "44") << c.price;
    EXPECT_EQ(reject.getField(FIX::FIELD::RefMsgType), "D") << c.price;
  }
  syncWithGateway(*client, "GOOD-AFTER-BAD");
  EXPECT_EQ(newOrderCount(), before + 1);

  ASSERT_TRUE(client->send(testing::clientNewOrder("NO-PRICE", "")));
  FIX::Message reject;
  ASSERT_TRUE(client->waitForMessage("j", reject));
  EXPECT_EQ(reject.getField(FIX::FIELD::BusinessRejectReason), "5");  // conditionally required
  EXPECT_EQ(reject.getField(FIX::FIELD::RefMsgType), "D");
  EXPECT_NE(reject.getField(FIX::FIELD::Text).find("44"), std::string::npos);

  FIX::Message request;
  request.getHeader().setField(FIX::FIELD::MsgType, "V");
  request.setField(FIX::FIELD::MDReqID, "CLIENT-MD-1");
  request.setField(FIX::FIELD::SubscriptionRequestType, "1");
  request.setField(FIX::FIELD::MarketDepth, "1");
  FIX::Group entryType(FIX::FIELD::NoMDEntryTypes, FIX::FIELD::MDEntryType);
  entryType.setField(FIX::FIELD::MDEntryType, "0");
  request.addGroup(entryType);
  FIX::Group symbol(FIX::FIELD::NoRelatedSym, FIX::FIELD::Symbol);
  symbol.setField(FIX::FIELD::Symbol, "ESZ6");
  request.addGroup(symbol);
  ASSERT_TRUE(client->send(request));
  ASSERT_TRUE(client->waitForMessage("j", reject));
  EXPECT_EQ(reject.getField(FIX::FIELD::BusinessRejectReason), "3");  // unsupported type
  EXPECT_EQ(reject.getField(FIX::FIELD::RefMsgType), "V");

  syncWithGateway(*client, "GOOD-AFTER-J");
  EXPECT_EQ(newOrderCount(), before + 2);
  disconnect(*client);
}

// Identifiers are journaled as JSON and echoed in logs and reports: one that is not plain text
// (bytes that are not UTF-8, a control character) is refused with the reject for a bad value.
TEST_F(FixEngineClientTest, IdentifiersThatAreNotPlainTextAreRejectedAtTheEdge) {
  std::unique_ptr<TestCounterparty> client = logOnClient();
  const std::size_t before = newOrderCount();
  struct Case {
    int tag;
    const char* value;
  };
  const Case cases[] = {{FIX::FIELD::ClOrdID, "BAD-\xFF"},
                        {FIX::FIELD::ClOrdID, "BAD-\x02"},
                        {FIX::FIELD::Account, "ACC-\xE9"},
                        {FIX::FIELD::Symbol, "ES\xC3"}};
  for (const Case& c : cases) {
    FIX::Message order = testing::clientNewOrder("BAD-TEXT", "101.25");
    order.setField(c.tag, c.value);
    ASSERT_TRUE(client->send(order));
    FIX::Message reject;
    ASSERT_TRUE(client->waitForMessage("3", reject)) << c.tag;
    EXPECT_EQ(reject.getField(FIX::FIELD::SessionRejectReason), "5") << c.tag;
    EXPECT_EQ(reject.getField(FIX::FIELD::RefTagID), std::to_string(c.tag));
    EXPECT_EQ(reject.getField(FIX::FIELD::RefMsgType), "D");
  }
  FIX::Message accented = testing::clientNewOrder("ORD-Z\xC3\xBCrich", "101.25");  // UTF-8 is fine
  ASSERT_TRUE(client->send(accented));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
    return !r.newOrders.empty() && r.newOrders.back().clOrdId == "ORD-Z\xC3\xBCrich";
  }));
  EXPECT_EQ(newOrderCount(), before + 1);
  disconnect(*client);
}

// Admission control: while the core is too far behind, a new order is refused at the edge at once
// and never queued; a cancel still goes through; once the backlog is gone orders flow again.
TEST_F(FixEngineClientTest, NewOrdersAreRefusedWithGatewayBusyWhileTheCoreIsBehind) {
  std::unique_ptr<TestCounterparty> client = logOnClient();
  const std::size_t before = newOrderCount();
  struct NotWaitingAfterwards {
    ~NotWaitingAfterwards() { inbox_->waiting = 0; }
  } reset;
  inbox_->waiting = FakeInbox::kLimit;
  ASSERT_TRUE(client->send(testing::clientNewOrder("WHILE-BUSY-1", "101.25")));
  FIX::Message report;
  ASSERT_TRUE(client->waitForMessage("8", report));
  EXPECT_EQ(report.getField(FIX::FIELD::ClOrdID), "WHILE-BUSY-1");
  EXPECT_EQ(report.getField(FIX::FIELD::ExecType), "8");
  EXPECT_EQ(report.getField(FIX::FIELD::OrdStatus), "8");
  EXPECT_EQ(report.getField(FIX::FIELD::OrdRejReason), "99");
  EXPECT_EQ(report.getField(5006), "GATEWAY_BUSY");
  EXPECT_EQ(report.getField(FIX::FIELD::Text).rfind("GATEWAY_BUSY: 100 inputs wait for the risk engine (limit 100)", 0),
            0u)
      << report.getField(FIX::FIELD::Text);
  EXPECT_EQ(report.getField(FIX::FIELD::OrderID), "NONE");
  EXPECT_EQ(report.getField(FIX::FIELD::Account), "ACC-ALPHA");
  EXPECT_EQ(report.getField(FIX::FIELD::Symbol), "ESZ6");
  EXPECT_EQ(report.getField(FIX::FIELD::OrderQty), "3");
  EXPECT_EQ(report.getField(FIX::FIELD::LeavesQty), "0");
  EXPECT_EQ(report.getField(FIX::FIELD::CumQty), "0");
  const std::string firstExecId = report.getField(FIX::FIELD::ExecID);
  EXPECT_EQ(firstExecId.rfind("BUSY-", 0), 0u) << firstExecId;

  ASSERT_TRUE(client->send(testing::clientNewOrder("WHILE-BUSY-2", "101.25")));
  ASSERT_TRUE(client->waitForMessage("8", report));
  EXPECT_EQ(report.getField(FIX::FIELD::ClOrdID), "WHILE-BUSY-2");
  EXPECT_NE(report.getField(FIX::FIELD::ExecID), firstExecId);

  FIX::Message cancel;
  cancel.getHeader().setField(FIX::FIELD::MsgType, "F");
  cancel.setField(FIX::FIELD::OrigClOrdID, "EARLIER-1");
  cancel.setField(FIX::FIELD::ClOrdID, "EARLIER-1-C");
  cancel.setField(FIX::FIELD::Account, "ACC-ALPHA");
  cancel.setField(FIX::FIELD::Symbol, "ESZ6");
  cancel.setField(FIX::FIELD::Side, "1");
  cancel.setField(FIX::UtcTimeStampField(FIX::FIELD::TransactTime, FIX::UtcTimeStamp(), 3));
  ASSERT_TRUE(client->send(cancel));
  ASSERT_TRUE(inbox_->waitUntil([](const InboxRecord& r) {
    return !r.cancels.empty() && r.cancels.back().clOrdId == "EARLIER-1-C";
  }));
  EXPECT_EQ(newOrderCount(), before);  // neither refused order reached the core

  inbox_->waiting = FakeInbox::kLimit - 1;
  syncWithGateway(*client, "AFTER-BUSY");
  EXPECT_EQ(newOrderCount(), before + 1);
  disconnect(*client);
}

TEST_F(FixEngineClientTest, ReportsReachTheClientWithExactFields) {
  std::unique_ptr<TestCounterparty> client = logOnClient();

  bridge::ExecutionReportOut fill;
  fill.session = 0;
  fill.orderId = "V-77";
  fill.clOrdId = "ORD-9";
  fill.origClOrdId = "ORD-8";
  fill.execId = "E-9";
  fill.execType = 'F';
  fill.ordStatus = '1';
  fill.execRestatementReason = -1;
  fill.account = "ACC-ALPHA";
  fill.symbol = "ESZ6";
  fill.side = '2';
  fill.ordType = '2';
  fill.timeInForce = '1';
  fill.orderQty = 500000000;       // 5
  fill.price = 450025000000;       // 4500.25
  fill.hasPrice = true;
  fill.lastQty = 200000000;        // 2
  fill.lastPx = 450012500000;      // 4500.125
  fill.hasLast = true;
  fill.leavesQty = 300000000;      // 3
  fill.cumQty = 200000000;         // 2
  fill.avgPx = 450012500000;       // 4500.125
  fill.commission = 125000000;     // 1.25
  fill.hasCommission = true;
  fill.text = "partial fill";
  ASSERT_TRUE(engine_->sendToClient(fill));
  FIX::Message report;
  ASSERT_TRUE(client->waitForMessage("8", report));
  EXPECT_EQ(report.getField(FIX::FIELD::OrderID), "V-77");
  EXPECT_EQ(report.getField(FIX::FIELD::ClOrdID), "ORD-9");
  EXPECT_EQ(report.getField(FIX::FIELD::OrigClOrdID), "ORD-8");
  EXPECT_EQ(report.getField(FIX::FIELD::ExecID), "E-9");
  EXPECT_EQ(report.getField(FIX::FIELD::ExecType), "F");
  EXPECT_EQ(report.getField(FIX::FIELD::OrdStatus), "1");
  EXPECT_FALSE(report.isSetField(FIX::FIELD::OrdRejReason));
  EXPECT_FALSE(report.isSetField(FIX::FIELD::ExecRestatementReason));
  EXPECT_EQ(report.getField(FIX::FIELD::Account), "ACC-ALPHA");
  EXPECT_EQ(report.getField(FIX::FIELD::Symbol), "ESZ6");
  EXPECT_EQ(report.getField(FIX::FIELD::Side), "2");
  EXPECT_EQ(report.getField(FIX::FIELD::OrdType), "2");
  EXPECT_EQ(report.getField(FIX::FIELD::TimeInForce), "1");
  EXPECT_EQ(report.getField(FIX::FIELD::OrderQty), "5");
  EXPECT_EQ(report.getField(FIX::FIELD::Price), "4500.25");
  EXPECT_EQ(report.getField(FIX::FIELD::LastQty), "2");
  EXPECT_EQ(report.getField(FIX::FIELD::LastPx), "4500.125");
  EXPECT_EQ(report.getField(FIX::FIELD::LeavesQty), "3");
  EXPECT_EQ(report.getField(FIX::FIELD::CumQty), "2");
  EXPECT_EQ(report.getField(FIX::FIELD::AvgPx), "4500.125");
  EXPECT_EQ(report.getField(FIX::FIELD::Commission), "1.25");
  EXPECT_EQ(report.getField(FIX::FIELD::CommType), "3");
  EXPECT_EQ(report.getField(FIX::FIELD::Text), "partial fill");
  EXPECT_FALSE(report.isSetField(5006));
  EXPECT_TRUE(report.isSetField(FIX::FIELD::TransactTime));

  bridge::ExecutionReportOut riskReject;
  riskReject.session = 0;
  riskReject.orderId = "GW-REJ-1";
  riskReject.clOrdId = "ORD-10";
  riskReject.execId = "E-10";
  riskReject.execType = '8';
  riskReject.ordStatus = '8';
  riskReject.ordRejReason = 3;
  riskReject.account = "ACC-ALPHA";
  riskReject.symbol = "ESZ6";
  riskReject.orderQty = 100000000;
  riskReject.text = "initial margin 5000 exceeds free equity 1200.5";
  riskReject.riskCode = "INSUFFICIENT_MARGIN";
  ASSERT_TRUE(engine_->sendToClient(riskReject));
  ASSERT_TRUE(client->waitForMessage("8", report));
  EXPECT_EQ(report.getField(FIX::FIELD::ExecType), "8");
  EXPECT_EQ(report.getField(FIX::FIELD::OrdRejReason), "3");
  EXPECT_EQ(report.getField(5006), "INSUFFICIENT_MARGIN");
  EXPECT_FALSE(report.isSetField(FIX::FIELD::Price));
  EXPECT_FALSE(report.isSetField(FIX::FIELD::LastQty));
  EXPECT_FALSE(report.isSetField(FIX::FIELD::LastPx));
  EXPECT_FALSE(report.isSetField(FIX::FIELD::Commission));
  EXPECT_EQ(report.getField(FIX::FIELD::LeavesQty), "0");
  EXPECT_EQ(report.getField(FIX::FIELD::AvgPx), "0");

  bridge::OrderCancelRejectOut cancelReject;
  cancelReject.session = 0;
  cancelReject.orderId = "V-77";
  cancelReject.clOrdId = "ORD-9-R";
  cancelReject.origClOrdId = "ORD-9";
  cancelReject.account = "ACC-ALPHA";
  cancelReject.ordStatus = '1';
  cancelReject.responseTo = '2';
  cancelReject.reason = 2;
  cancelReject.text = "replace would breach the margin limit";
  cancelReject.riskCode = "INSUFFICIENT_MARGIN";
  ASSERT_TRUE(engine_->sendToClient(cancelReject));
  FIX::Message reject;
  ASSERT_TRUE(client->waitForMessage("9", reject));
  EXPECT_EQ(reject.getField(FIX::FIELD::OrderID), "V-77");
  EXPECT_EQ(reject.getField(FIX::FIELD::ClOrdID), "ORD-9-R");
  EXPECT_EQ(reject.getField(FIX::FIELD::OrigClOrdID), "ORD-9");
  EXPECT_EQ(reject.getField(FIX::FIELD::OrdStatus), "1");
  EXPECT_EQ(reject.getField(FIX::FIELD::CxlRejResponseTo), "2");
  EXPECT_EQ(reject.getField(FIX::FIELD::CxlRejReason), "2");
  EXPECT_EQ(reject.getField(5006), "INSUFFICIENT_MARGIN");

  // Nothing went wrong on the client's side: no session Reject of what the gateway sent.
  for (const std::string& type : client->receivedTypes()) EXPECT_NE(type, "3");

  // A report the client's dictionary would refuse is not sent at all.
  bridge::ExecutionReportOut withoutOrderId;
  withoutOrderId.session = 0;
  withoutOrderId.clOrdId = "ORD-X";
  withoutOrderId.execId = "E-X";
  withoutOrderId.symbol = "ESZ6";
  EXPECT_FALSE(engine_->sendToClient(withoutOrderId));
  disconnect(*client);
}

}  // namespace
}  // namespace fix
}  // namespace gateway
