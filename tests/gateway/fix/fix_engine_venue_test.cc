// The FIX engine's venue side over loopback: a FixEngine with a fake Inbox connects to a plain
// QuickFIX acceptor playing the venue (VENUE -> GATEWAY) and, in the second fixture, to another
// playing a separate market-data feed (FEED -> GATEWAY).

#include <gtest/gtest.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/Group.h>

#include <memory>
#include <string>
#include <vector>

#include "gateway/fix/fix_engine.h"
#include "tests/gateway/fix/support/fake_inbox.h"
#include "tests/gateway/fix/support/settings_text.h"
#include "tests/gateway/fix/support/test_counterparty.h"
#include "tests/support/free_port.h"

namespace gateway {
namespace fix {
namespace {

using testing::CounterpartyOptions;
using testing::FakeInbox;
using testing::InboxRecord;
using testing::TestCounterparty;

// The gateway's settings: its venue session, and in the second fixture a market-data feed too.
std::string venueSettings() {
  return testing::defaultSection(GATEWAY_FIX_DICTIONARY, "ReconnectInterval=60\n") + testing::venueSession();
}

std::unique_ptr<TestCounterparty> startAcceptor(const std::string& senderCompId, int port) {
  CounterpartyOptions options;
  options.acceptor = true;
  options.senderCompId = senderCompId;
  options.targetCompId = "GATEWAY";
  options.port = port;
  std::unique_ptr<TestCounterparty> acceptor(new TestCounterparty(options));
  acceptor->start();
  return acceptor;
}

FIX::Message messageOfType(const char* msgType) {
  FIX::Message message;
  message.getHeader().setField(FIX::FIELD::MsgType, msgType);
  return message;
}

std::vector<std::string> groupValues(const FIX::Message& message, int group, int field) {
  std::vector<std::string> values;
  for (std::size_t i = 1; i <= message.groupCount(group); ++i) {
    values.push_back(message.getGroupRef(static_cast<int>(i), group).getField(field));
  }
  return values;
}

void expectSubscription(const FIX::Message& request, const std::vector<std::string>& symbols) {
  EXPECT_EQ(request.getField(FIX::FIELD::MDReqID).find("GW-MD-"), 0u);
  EXPECT_EQ(request.getField(FIX::FIELD::SubscriptionRequestType), "1");
  EXPECT_EQ(request.getField(FIX::FIELD::MarketDepth), "1");
  EXPECT_EQ(request.getField(FIX::FIELD::MDUpdateType), "1");
  EXPECT_EQ(groupValues(request, FIX::FIELD::NoMDEntryTypes, FIX::FIELD::MDEntryType),
            (std::vector<std::string>{"0", "1", "2"}));
  EXPECT_EQ(groupValues(request, FIX::FIELD::NoRelatedSym, FIX::FIELD::Symbol), symbols);
}

// A snapshot of ESZ6: bid 4500.25, offer 4500.5, last trade 4500.25.
FIX::Message snapshot() {
  FIX::Message message = messageOfType("W");
  message.setField(FIX::FIELD::Symbol, "ESZ6");
  const char* entries[][2] = {{"0", "4500.25"}, {"1", "4500.5"}, {"2", "4500.25"}};
  for (const auto& entry : entries) {
    FIX::Group group(FIX::FIELD::NoMDEntries, FIX::FIELD::MDEntryType);
    group.setField(FIX::FIELD::MDEntryType, entry[0]);
    group.setField(FIX::FIELD::MDEntryPx, entry[1]);
    group.setField(FIX::FIELD::MDEntrySize, "10");
    message.addGroup(group);
  }
  return message;
}

class FixEngineVenueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const int venuePort = test_support::findFreePort();
    venue_ = startAcceptor("VENUE", venuePort);
    FixEngineOptions options;
    options.settingsText = venueSettings();
    options.venuePort = venuePort;
    options.messageLogPath = ::testing::TempDir() + "fix_engine_venue_test.log";
    std::string error;
    engine_ = FixEngine::create(options, error);
    ASSERT_NE(engine_, nullptr) << error;
    EXPECT_TRUE(engine_->clientSessions().empty());
    // Stored before the venue is up; sent when it logs on.
    EXPECT_FALSE(engine_->subscribeMarketData({"ESZ6", "NQZ6"}));
    engine_->start(inbox_);
    ASSERT_TRUE(venue_->waitLoggedOn());
    ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) {
      return r.venueSessions == std::vector<bool>{true} &&
             r.marketDataSessions == std::vector<bool>{true};
    }));
  }

  void TearDown() override {
    if (engine_) engine_->stop();
    engine_.reset();
    venue_.reset();
  }

  // Sends `order` through the engine and returns it as the venue received it.
  template <typename Order>
  FIX::Message throughVenue(const Order& order, const char* msgType) {
    EXPECT_TRUE(engine_->sendToVenue(order));
    FIX::Message received;
    EXPECT_TRUE(venue_->waitForMessage(msgType, received));
    return received;
  }

  FakeInbox inbox_;
  std::unique_ptr<TestCounterparty> venue_;
  std::unique_ptr<FixEngine> engine_;
};

TEST_F(FixEngineVenueTest, OrdersGoOutExactlyAndWhatTheVenueSaysComesBackDecoded) {
  bridge::VenueNewOrderOut order;
  order.clOrdId = "GW-100";
  order.account = "ACC-ALPHA";
  order.symbol = "ESZ6";
  order.side = '2';
  order.ordType = '2';
  order.timeInForce = '3';
  order.quantity = 300000000;  // 3
  order.price = 10125000000;   // 101.25
  order.hasPrice = true;
  const FIX::Message sentOrder = throughVenue(order, "D");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::ClOrdID), "GW-100");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::Account), "ACC-ALPHA");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::Symbol), "ESZ6");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::Side), "2");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::OrdType), "2");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::TimeInForce), "3");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::OrderQty), "3");
  EXPECT_EQ(sentOrder.getField(FIX::FIELD::Price), "101.25");
  EXPECT_TRUE(sentOrder.isSetField(FIX::FIELD::TransactTime));

  // A fill.
  FIX::Message fill = messageOfType("8");
  fill.setField(FIX::FIELD::OrderID, "V-1");
  fill.setField(FIX::FIELD::ClOrdID, "GW-100");
  fill.setField(FIX::FIELD::ExecID, "VE-1");
  fill.setField(FIX::FIELD::ExecType, "F");
  fill.setField(FIX::FIELD::OrdStatus, "1");
  fill.setField(FIX::FIELD::Symbol, "ESZ6");
  fill.setField(FIX::FIELD::Side, "2");
  fill.setField(FIX::FIELD::OrderQty, "3");
  fill.setField(FIX::FIELD::Price, "101.25");
  fill.setField(FIX::FIELD::LastQty, "1");
  fill.setField(FIX::FIELD::LastPx, "101.2");
  fill.setField(FIX::FIELD::LeavesQty, "2");
  fill.setField(FIX::FIELD::CumQty, "1");
  fill.setField(FIX::FIELD::AvgPx, "101.2");
  fill.setField(FIX::FIELD::Commission, "0.35");
  fill.setField(FIX::FIELD::Text, "partial");
  ASSERT_TRUE(venue_->send(fill));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return !r.executions.empty(); }));
  const bridge::VenueExecution execution = inbox_.snapshot().executions.back();
  EXPECT_EQ(execution.clOrdId, "GW-100");
  EXPECT_EQ(execution.orderId, "V-1");
  EXPECT_EQ(execution.execId, "VE-1");
  EXPECT_EQ(execution.execType, 'F');
  EXPECT_EQ(execution.ordStatus, '1');
  EXPECT_TRUE(execution.hasOrderQty);
  EXPECT_EQ(execution.orderQty, 300000000);
  EXPECT_TRUE(execution.hasPrice);
  EXPECT_EQ(execution.price, 10125000000);
  EXPECT_EQ(execution.lastQty, 100000000);
  EXPECT_EQ(execution.lastPx, 10120000000);
  EXPECT_EQ(execution.leavesQty, 200000000);
  EXPECT_EQ(execution.cumQty, 100000000);
  EXPECT_EQ(execution.avgPx, 10120000000);
  EXPECT_TRUE(execution.hasCommission);
  EXPECT_EQ(execution.commission, 35000000);
  EXPECT_EQ(execution.ordRejReason, -1);
  EXPECT_EQ(execution.text, "partial");

  // Bytes that are not UTF-8 (a Latin-1 Text, a stray byte in ExecID) cost the venue's report
  // nothing: it is taken, with U+FFFD where the bytes were.
  fill.setField(FIX::FIELD::ExecID, "VE-2\xFF");
  fill.setField(FIX::FIELD::Text, "r\xE9" "duit");
  ASSERT_TRUE(venue_->send(fill));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return r.executions.size() == 2; }));
  const bridge::VenueExecution latin1 = inbox_.snapshot().executions.back();
  EXPECT_EQ(latin1.execId, "VE-2\xEF\xBF\xBD");
  EXPECT_EQ(latin1.text, "r\xEF\xBF\xBD" "duit");

  // A session-level Reject of the order: only RefSeqNum names it.
  FIX::Message reject = messageOfType("3");
  reject.setField(FIX::FIELD::RefSeqNum, sentOrder.getHeader().getField(FIX::FIELD::MsgSeqNum));
  reject.setField(FIX::FIELD::SessionRejectReason, "5");
  reject.setField(FIX::FIELD::RefTagID, "44");
  reject.setField(FIX::FIELD::Text, "price out of band");
  ASSERT_TRUE(venue_->send(reject));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return !r.messageRejects.empty(); }));
  bridge::VenueMessageReject decoded = inbox_.snapshot().messageRejects.back();
  EXPECT_TRUE(decoded.sessionLevel);
  EXPECT_EQ(decoded.clOrdId, "GW-100");
  EXPECT_EQ(decoded.refMsgType, "D");
  EXPECT_EQ(decoded.reason, 5);
  EXPECT_EQ(decoded.text, "price out of band");

  // A cancel and a replace go out exactly.
  bridge::VenueCancelOut cancel;
  cancel.clOrdId = "GW-101";
  cancel.origClOrdId = "GW-100";
  cancel.account = "ACC-ALPHA";
  cancel.symbol = "ESZ6";
  cancel.side = '2';
  cancel.quantity = 300000000;
  const FIX::Message sentCancel = throughVenue(cancel, "F");
  EXPECT_EQ(sentCancel.getField(FIX::FIELD::ClOrdID), "GW-101");
  EXPECT_EQ(sentCancel.getField(FIX::FIELD::OrigClOrdID), "GW-100");
  EXPECT_EQ(sentCancel.getField(FIX::FIELD::Side), "2");
  EXPECT_EQ(sentCancel.getField(FIX::FIELD::OrderQty), "3");

  bridge::VenueReplaceOut replace;
  replace.clOrdId = "GW-102";
  replace.origClOrdId = "GW-100";
  replace.account = "ACC-ALPHA";
  replace.symbol = "ESZ6";
  replace.side = '2';
  replace.ordType = '2';
  replace.timeInForce = '0';
  replace.quantity = 250000000;
  replace.price = 10050000000;
  replace.hasPrice = true;
  const FIX::Message sentReplace = throughVenue(replace, "G");
  EXPECT_EQ(sentReplace.getField(FIX::FIELD::ClOrdID), "GW-102");
  EXPECT_EQ(sentReplace.getField(FIX::FIELD::OrigClOrdID), "GW-100");
  EXPECT_EQ(sentReplace.getField(FIX::FIELD::OrderQty), "2.5");
  EXPECT_EQ(sentReplace.getField(FIX::FIELD::Price), "100.5");

  // OrderCancelReject of the cancel.
  FIX::Message cancelReject = messageOfType("9");
  cancelReject.setField(FIX::FIELD::OrderID, "V-1");
  cancelReject.setField(FIX::FIELD::ClOrdID, "GW-101");
  cancelReject.setField(FIX::FIELD::OrigClOrdID, "GW-100");
  cancelReject.setField(FIX::FIELD::OrdStatus, "1");
  cancelReject.setField(FIX::FIELD::CxlRejResponseTo, "1");
  cancelReject.setField(FIX::FIELD::CxlRejReason, "0");
  cancelReject.setField(FIX::FIELD::Text, "too late");
  ASSERT_TRUE(venue_->send(cancelReject));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return !r.cancelRejects.empty(); }));
  const bridge::VenueCancelReject decodedCancelReject = inbox_.snapshot().cancelRejects.back();
  EXPECT_EQ(decodedCancelReject.clOrdId, "GW-101");
  EXPECT_EQ(decodedCancelReject.origClOrdId, "GW-100");
  EXPECT_EQ(decodedCancelReject.orderId, "V-1");
  EXPECT_EQ(decodedCancelReject.ordStatus, '1');
  EXPECT_EQ(decodedCancelReject.responseTo, '1');
  EXPECT_EQ(decodedCancelReject.reason, 0);
  EXPECT_EQ(decodedCancelReject.text, "too late");

  // BusinessMessageRejects: one names the order (379), one only its MsgSeqNum (45).
  FIX::Message named = messageOfType("j");
  named.setField(FIX::FIELD::RefMsgType, "G");
  named.setField(FIX::FIELD::BusinessRejectRefID, "GW-102");
  named.setField(FIX::FIELD::BusinessRejectReason, "0");
  named.setField(FIX::FIELD::Text, "replace not allowed");
  ASSERT_TRUE(venue_->send(named));
  FIX::Message numbered = messageOfType("j");
  numbered.setField(FIX::FIELD::RefSeqNum, sentCancel.getHeader().getField(FIX::FIELD::MsgSeqNum));
  numbered.setField(FIX::FIELD::RefMsgType, "F");
  numbered.setField(FIX::FIELD::BusinessRejectReason, "4");
  ASSERT_TRUE(venue_->send(numbered));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return r.messageRejects.size() == 3; }));
  const InboxRecord record = inbox_.snapshot();
  decoded = record.messageRejects[1];
  EXPECT_FALSE(decoded.sessionLevel);
  EXPECT_EQ(decoded.clOrdId, "GW-102");
  EXPECT_EQ(decoded.refMsgType, "G");
  EXPECT_EQ(decoded.reason, 0);
  EXPECT_EQ(decoded.text, "replace not allowed");
  decoded = record.messageRejects[2];
  EXPECT_FALSE(decoded.sessionLevel);
  EXPECT_EQ(decoded.clOrdId, "GW-101");
  EXPECT_EQ(decoded.refMsgType, "F");
  EXPECT_EQ(decoded.reason, 4);

  // Nothing the gateway received was refused: no session Reject went back to the venue.
  for (const std::string& type : venue_->receivedTypes()) EXPECT_NE(type, "3");
}

TEST_F(FixEngineVenueTest, MarketDataIsRequestedOnLogonAndReachesTheInbox) {
  FIX::Message request;
  // One request per symbol, so that a feed that does not know one symbol refuses only that one.
  ASSERT_TRUE(venue_->waitForMessage("V", request));
  expectSubscription(request, {"ESZ6"});
  ASSERT_TRUE(venue_->waitForMessage("V", request));
  expectSubscription(request, {"NQZ6"});
  const std::string firstRequestId = request.getField(FIX::FIELD::MDReqID);

  ASSERT_TRUE(venue_->send(snapshot()));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return !r.marketData.empty(); }));
  bridge::MarketDataUpdate update = inbox_.snapshot().marketData.back();
  EXPECT_EQ(update.symbol, "ESZ6");
  EXPECT_TRUE(update.hasBid);
  EXPECT_EQ(update.bid, 450025000000);
  EXPECT_TRUE(update.hasAsk);
  EXPECT_EQ(update.ask, 450050000000);
  EXPECT_TRUE(update.hasLast);
  EXPECT_EQ(update.last, 450025000000);

  FIX::Message incremental = messageOfType("X");
  struct Entry {
    const char* action;
    const char* type;
    const char* symbol;  // null: none in the entry
    const char* price;
  };
  const Entry entries[] = {{"0", "0", "ESZ6", "4501"},
                           {"1", "1", nullptr, "4501.75"},   // ESZ6 again
                           {"0", "2", "NQZ6", "15800.5"},
                           {"2", "0", "NQZ6", "15790"}};     // a delete: ignored
  for (const Entry& entry : entries) {
    FIX::Group group(FIX::FIELD::NoMDEntries, FIX::FIELD::MDUpdateAction);
    group.setField(FIX::FIELD::MDUpdateAction, entry.action);
    group.setField(FIX::FIELD::MDEntryType, entry.type);
    if (entry.symbol != nullptr) group.setField(FIX::FIELD::Symbol, entry.symbol);
    group.setField(FIX::FIELD::MDEntryPx, entry.price);
    incremental.addGroup(group);
  }
  ASSERT_TRUE(venue_->send(incremental));
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return r.marketData.size() == 3; }));
  const InboxRecord record = inbox_.snapshot();
  update = record.marketData[1];
  EXPECT_EQ(update.symbol, "ESZ6");
  EXPECT_TRUE(update.hasBid);
  EXPECT_EQ(update.bid, 450100000000);
  EXPECT_TRUE(update.hasAsk);
  EXPECT_EQ(update.ask, 450175000000);
  EXPECT_FALSE(update.hasLast);
  update = record.marketData[2];
  EXPECT_EQ(update.symbol, "NQZ6");
  EXPECT_FALSE(update.hasBid);
  EXPECT_FALSE(update.hasAsk);
  EXPECT_TRUE(update.hasLast);
  EXPECT_EQ(update.last, 1580050000000);

  // A new list while logged on is requested at once, under a new MDReqID.
  EXPECT_TRUE(engine_->subscribeMarketData({"CLZ6"}));
  ASSERT_TRUE(venue_->waitForMessage("V", request));
  expectSubscription(request, {"CLZ6"});
  EXPECT_NE(request.getField(FIX::FIELD::MDReqID), firstRequestId);

  // A refused request is only logged.
  FIX::Message refused = messageOfType("Y");
  refused.setField(FIX::FIELD::MDReqID, request.getField(FIX::FIELD::MDReqID));
  refused.setField(FIX::FIELD::MDReqRejReason, "0");
  refused.setField(FIX::FIELD::Text, "unknown symbol");
  ASSERT_TRUE(venue_->send(refused));
  ASSERT_TRUE(venue_->send(snapshot()));  // still processed in order after the Y
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) { return r.marketData.size() == 4; }));
  for (const std::string& type : venue_->receivedTypes()) EXPECT_NE(type, "3");
  for (const std::string& type : venue_->receivedTypes()) EXPECT_NE(type, "j");

  // The venue goes away: the core hears it and nothing can be sent any more.
  venue_->stop();
  ASSERT_TRUE(inbox_.waitUntil([](const InboxRecord& r) {
    return r.venueSessions == std::vector<bool>({true, false}) &&
           r.marketDataSessions == std::vector<bool>({true, false});
  }));
  bridge::VenueNewOrderOut order;
  order.clOrdId = "GW-200";
  order.symbol = "ESZ6";
  order.quantity = 100000000;
  EXPECT_FALSE(engine_->sendToVenue(order));
  EXPECT_FALSE(engine_->subscribeMarketData({"ESZ6"}));
}

// With a marketdata session, market data is requested from and comes over that session only.
TEST(FixEngineFeedTest, MarketDataUsesTheSeparateFeedSession) {
  const int venuePort = test_support::findFreePort();
  const int feedPort = test_support::findFreePort();
  std::unique_ptr<TestCounterparty> venue = startAcceptor("VENUE", venuePort);
  std::unique_ptr<TestCounterparty> feed = startAcceptor("FEED", feedPort);
  FixEngineOptions options;
  options.settingsText = venueSettings() + testing::upstreamSession("marketdata", "FEED");
  options.venuePort = venuePort;
  options.marketDataPort = feedPort;
  std::string error;
  std::unique_ptr<FixEngine> engine = FixEngine::create(options, error);
  ASSERT_NE(engine, nullptr) << error;
  EXPECT_FALSE(engine->subscribeMarketData({"ESZ6"}));
  FakeInbox inbox;
  engine->start(inbox);
  ASSERT_TRUE(venue->waitLoggedOn());
  ASSERT_TRUE(feed->waitLoggedOn());
  ASSERT_TRUE(inbox.waitUntil([](const InboxRecord& r) {
    return r.venueSessions == std::vector<bool>{true} &&
           r.marketDataSessions == std::vector<bool>{true};
  }));

  FIX::Message request;
  ASSERT_TRUE(feed->waitForMessage("V", request));
  expectSubscription(request, {"ESZ6"});
  ASSERT_TRUE(feed->send(snapshot()));
  ASSERT_TRUE(inbox.waitUntil([](const InboxRecord& r) { return r.marketData.size() == 1; }));
  EXPECT_EQ(inbox.snapshot().marketData[0].ask, 450050000000);

  // Orders still go to the venue, which never saw a MarketDataRequest.
  bridge::VenueNewOrderOut order;
  order.clOrdId = "GW-300";
  order.symbol = "ESZ6";
  order.ordType = '1';
  order.quantity = 100000000;
  EXPECT_TRUE(engine->sendToVenue(order));
  FIX::Message sent;
  ASSERT_TRUE(venue->waitForMessage("D", sent));
  EXPECT_FALSE(sent.isSetField(FIX::FIELD::Price));
  for (const std::string& type : venue->receivedTypes()) EXPECT_NE(type, "V");

  SequenceNumbers numbers;
  EXPECT_TRUE(engine->sequenceNumbers("GATEWAY", "VENUE", numbers));
  EXPECT_EQ(numbers.nextSender, 3);  // Logon, NewOrderSingle
  EXPECT_TRUE(engine->sequenceNumbers("GATEWAY", "FEED", numbers));
  engine->stop();
  engine->stop();  // idempotent
}

}  // namespace
}  // namespace fix
}  // namespace gateway
