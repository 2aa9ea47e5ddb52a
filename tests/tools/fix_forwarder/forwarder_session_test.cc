// The forwarder over loopback: an in-process venue simulator, the forwarder configured like the
// gateway (two client sessions with passwords, one venue session) and plain QuickFIX clients.
// Orders reach the venue with ids unique across sessions; reports come back to the right client
// with the client's own ClOrdID and OrigClOrdID.

#include <gtest/gtest.h>
#include <quickfix/FieldNumbers.h>
#include <quickfix/FieldTypes.h>

#include <cstdio>
#include <memory>
#include <string>

#include "gateway/bridge/fix_decimal.h"
#include "tests/gateway/fix/support/settings_text.h"
#include "tests/gateway/fix/support/test_counterparty.h"
#include "tests/support/free_port.h"
#include "tools/fix_forwarder/forwarder.h"
#include "tools/venue_sim/venue_simulator.h"

namespace fix_forwarder {
namespace {

using gateway::fix::testing::CounterpartyOptions;
using gateway::fix::testing::TestCounterparty;
using test_support::findFreePort;

// Configured like the gateway: two client sessions with passwords, one venue session.
std::string forwarderSettings() {
  using namespace gateway::fix::testing;
  return defaultSection(GATEWAY_FIX_DICTIONARY, "ValidateUserDefinedFields=Y\nReconnectInterval=1\n") +
         clientSession("LOAD1", "load-1", "ACC-1") + clientSession("LOAD2", "load-2", "ACC-2") + venueSession();
}

std::int64_t raw(const std::string& decimal) {
  std::int64_t value = 0;
  EXPECT_TRUE(gateway::bridge::parseFixDecimal(decimal, value)) << decimal;
  return value;
}

std::string field(const FIX::Message& message, int tag) {
  return message.isSetField(tag) ? message.getField(tag) : std::string();
}

FIX::Message newOrder(const std::string& clOrdId, const std::string& account) {
  FIX::Message order;
  order.getHeader().setField(FIX::FIELD::MsgType, "D");
  order.setField(FIX::FIELD::ClOrdID, clOrdId);
  order.setField(FIX::FIELD::Account, account);
  order.setField(FIX::FIELD::Symbol, "ESZ6");
  order.setField(FIX::FIELD::Side, "1");
  order.setField(FIX::UtcTimeStampField(FIX::FIELD::TransactTime, FIX::UtcTimeStamp(), 3));
  order.setField(FIX::FIELD::OrderQty, "2");
  order.setField(FIX::FIELD::OrdType, "2");
  order.setField(FIX::FIELD::Price, "99");  // below the ask: the order rests
  order.setField(FIX::FIELD::TimeInForce, "0");
  return order;
}

FIX::Message cancel(const std::string& clOrdId, const std::string& origClOrdId) {
  FIX::Message request;
  request.getHeader().setField(FIX::FIELD::MsgType, "F");
  request.setField(FIX::FIELD::ClOrdID, clOrdId);
  request.setField(FIX::FIELD::OrigClOrdID, origClOrdId);
  request.setField(FIX::FIELD::Symbol, "ESZ6");
  request.setField(FIX::FIELD::Side, "1");
  request.setField(FIX::UtcTimeStampField(FIX::FIELD::TransactTime, FIX::UtcTimeStamp(), 3));
  request.setField(FIX::FIELD::OrderQty, "2");
  return request;
}

class ForwarderSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    venue_sim::VenueConfig venueConfig;
    venueConfig.port = findFreePort();
    venueConfig.senderCompId = "VENUE";
    venueConfig.clientCompIds = {"GATEWAY"};
    venueConfig.dictionaryPath = GATEWAY_FIX_DICTIONARY;
    venue_.reset(new venue_sim::VenueSimulator(venueConfig));
    venue_->start();
    venue_->setMarket("ESZ6", raw("100"), raw("100.25"), raw("100.125"));

    gateway::fix::FixEngineOptions options;
    options.settingsText = forwarderSettings();
    options.clientPort = findFreePort();
    options.venuePort = venueConfig.port;
    options.messageLogPath = ::testing::TempDir() + "forwarder_session_test.log";
    options.sessionStorePath = sessionStorePath();
    clientPort_ = options.clientPort;
    std::string error;
    forwarder_ = Forwarder::create(options, handOver(), error);
    ASSERT_NE(forwarder_, nullptr) << error;
    forwarder_->start();
    ASSERT_TRUE(forwarder_->waitVenueLoggedOn(gateway::fix::testing::kWaitTimeout));
  }

  // Empty: memory stores.
  virtual std::string sessionStorePath() const { return std::string(); }
  virtual bool handOver() const { return false; }

  void TearDown() override {
    clients_.clear();
    if (forwarder_) forwarder_->stop();
    forwarder_.reset();
    if (venue_) venue_->stop(true);
    venue_.reset();
  }

  TestCounterparty& connect(const std::string& compId, const std::string& password) {
    CounterpartyOptions options;
    options.senderCompId = compId;
    options.targetCompId = "BROKER";
    options.port = clientPort_;
    options.password = password;
    options.resetOnLogon = true;
    clients_.emplace_back(new TestCounterparty(options));
    clients_.back()->start();
    return *clients_.back();
  }

  FIX::Message report(TestCounterparty& client, const std::string& clOrdId, const std::string& execType) {
    FIX::Message found;
    EXPECT_TRUE(client.waitForMessageWhere(
        "8",
        [&](const FIX::Message& m) {
          return field(m, FIX::FIELD::ClOrdID) == clOrdId && field(m, FIX::FIELD::ExecType) == execType;
        },
        found))
        << "no ExecutionReport 150=" << execType << " for " << clOrdId;
    return found;
  }

  // Two sessions send an order with the same ClOrdID; the second cancels its own. Each report comes
  // back to its session with the client's ids, and only the second order leaves the venue's book.
  void sameClOrdIdFromTwoSessionsThenOneCancelled() {
    TestCounterparty& first = connect("LOAD1", "load-1");
    TestCounterparty& second = connect("LOAD2", "load-2");
    ASSERT_TRUE(first.waitLoggedOn());
    ASSERT_TRUE(second.waitLoggedOn());

    ASSERT_TRUE(first.send(newOrder("SAME", "ACC-1")));
    ASSERT_TRUE(second.send(newOrder("SAME", "ACC-2")));
    EXPECT_EQ(field(report(first, "SAME", "0"), FIX::FIELD::Account), "ACC-1");
    EXPECT_EQ(field(report(second, "SAME", "0"), FIX::FIELD::Account), "ACC-2");

    ASSERT_TRUE(second.send(cancel("SAME-CXL", "SAME")));
    const FIX::Message cancelled = report(second, "SAME-CXL", "4");
    EXPECT_EQ(field(cancelled, FIX::FIELD::OrigClOrdID), "SAME");
    EXPECT_EQ(field(cancelled, FIX::FIELD::Account), "ACC-2");
    ASSERT_EQ(venue_->restingOrders().size(), 1u);
    EXPECT_EQ(venue_->restingOrders()[0].clOrdId, "0:SAME");
  }

  std::unique_ptr<venue_sim::VenueSimulator> venue_;
  std::unique_ptr<Forwarder> forwarder_;
  std::vector<std::unique_ptr<TestCounterparty>> clients_;
  int clientPort_ = 0;
};

TEST_F(ForwarderSessionTest, AnOrderReachesTheVenueAndItsReportComesBackWithTheClientsClOrdId) {
  TestCounterparty& client = connect("LOAD1", "load-1");
  ASSERT_TRUE(client.waitLoggedOn());
  ASSERT_TRUE(client.send(newOrder("ORD-1", "ACC-1")));

  const FIX::Message ack = report(client, "ORD-1", "0");
  EXPECT_EQ(field(ack, FIX::FIELD::Account), "ACC-1");
  EXPECT_EQ(field(ack, FIX::FIELD::OrdStatus), "0");
  EXPECT_EQ(ack.getHeader().getField(FIX::FIELD::SenderCompID), "BROKER");
  ASSERT_EQ(venue_->orders().size(), 1u);
  EXPECT_EQ(venue_->orders()[0].clOrdId, "0:ORD-1");
  EXPECT_EQ(forwarder_->relayedMessages(), 0u);  // sent from the QuickFIX callbacks
}

TEST_F(ForwarderSessionTest, TheSameClOrdIdFromTwoSessionsStaysApartAndCancelsRestoreOrigClOrdId) {
  sameClOrdIdFromTwoSessionsThenOneCancelled();
}

// The gateway keeps its sessions in SQLite (risk-gateway --data-dir); the forwarder can do the same.
class ForwarderWithSqliteStoreTest : public ForwarderSessionTest {
 protected:
  std::string sessionStorePath() const override {
    const std::string path = ::testing::TempDir() + "forwarder_session_test_sessions.db";
    std::remove(path.c_str());
    return path;
  }
};

TEST_F(ForwarderWithSqliteStoreTest, AnOrderGoesThroughWithSessionsStoredInSqlite) {
  TestCounterparty& client = connect("LOAD2", "load-2");
  ASSERT_TRUE(client.waitLoggedOn());
  ASSERT_TRUE(client.send(newOrder("ORD-9", "ACC-2")));
  const FIX::Message ack = report(client, "ORD-9", "0");
  EXPECT_EQ(field(ack, FIX::FIELD::Account), "ACC-2");
  ASSERT_EQ(venue_->orders().size(), 1u);
  EXPECT_EQ(venue_->orders()[0].clOrdId, "1:ORD-9");
}

// --hand-over: every message is sent by the relay thread, the gateway's hand-over without its logic.
class ForwarderWithHandOverTest : public ForwarderSessionTest {
 protected:
  bool handOver() const override { return true; }
};

TEST_F(ForwarderWithHandOverTest, OrdersCancelsAndReportsGoThroughTheRelayThread) {
  sameClOrdIdFromTwoSessionsThenOneCancelled();
  // The relay counts a message once QuickFIX has sent it, so a client can read the last report before
  // it is counted: stopping joins the relay thread, after which the counts are final.
  forwarder_->stop();
  // Two orders and a cancel to the venue, their three reports back: all six by the relay thread.
  EXPECT_EQ(forwarder_->relayedMessages(), 6u);
  EXPECT_EQ(forwarder_->droppedOrders(), 0u);
  EXPECT_EQ(forwarder_->unroutedReports(), 0u);
}

TEST_F(ForwarderSessionTest, AWrongPasswordIsRefused) {
  TestCounterparty& client = connect("LOAD1", "not-the-password");
  EXPECT_TRUE(client.waitDisconnected());
  EXPECT_FALSE(client.isLoggedOn());
  FIX::Message logout;
  ASSERT_TRUE(client.waitForMessage("5", logout));
  EXPECT_NE(field(logout, FIX::FIELD::Text).find("invalid password"), std::string::npos);
}

}  // namespace
}  // namespace fix_forwarder
