// Market data over FIX: snapshot then incremental refreshes on step(), unsubscribe, rejects, and
// the separate market data acceptor.

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <quickfix/FixFieldNumbers.h>

#include "tests/tools/venue_sim/free_port.h"
#include "tests/tools/venue_sim/venue_fixture.h"

namespace venue_sim_test {
namespace {

using MarketDataTest = VenueFixture;

struct Entry {
  std::string action;
  std::string px;
  std::string size;
  std::string symbol;
};

// MDEntryType -> entry, read from the NoMDEntries groups.
std::map<std::string, Entry> entriesOf(const FIX::Message& message) {
  std::map<std::string, Entry> entries;
  const int count = static_cast<int>(message.groupCount(FIX::FIELD::NoMDEntries));
  for (int i = 1; i <= count; ++i) {
    const FIX::FieldMap& group = message.getGroupRef(i, FIX::FIELD::NoMDEntries);
    Entry entry;
    entry.action = group.isSetField(FIX::FIELD::MDUpdateAction) ? group.getField(FIX::FIELD::MDUpdateAction) : "";
    entry.px = group.getField(FIX::FIELD::MDEntryPx);
    entry.size = group.getField(FIX::FIELD::MDEntrySize);
    entry.symbol = group.isSetField(FIX::FIELD::Symbol) ? group.getField(FIX::FIELD::Symbol) : "";
    entries[group.getField(FIX::FIELD::MDEntryType)] = entry;
  }
  return entries;
}

venue_sim::VenueConfig scenarioConfig() {
  venue_sim::VenueConfig config = VenueFixture::baseConfig();
  std::istringstream csv(
      "offset_ms,symbol,bid,ask,last\n"
      "0,EURUSD,1.0850,1.0852,1.0851\n"
      "100,EURUSD,1.0853,1.0855,\n");
  config.scenario = venue_sim::parseScenario(csv, "inline");
  return config;
}

TEST_F(MarketDataTest, SubscribeGetsSnapshotThenIncrementalRefreshAfterStep) {
  startVenue(scenarioConfig());
  ASSERT_TRUE(venue_->step());  // first row: the opening market
  gateway_->send(marketDataRequest("md-1", '1', {"EURUSD"}));

  const FIX::Message snapshot = waitType("W");
  EXPECT_EQ(field(snapshot, FIX::FIELD::MDReqID), "md-1");
  EXPECT_EQ(field(snapshot, FIX::FIELD::Symbol), "EURUSD");
  std::map<std::string, Entry> entries = entriesOf(snapshot);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries["0"].px, "1.085");
  EXPECT_EQ(entries["1"].px, "1.0852");
  EXPECT_EQ(entries["2"].px, "1.0851");
  EXPECT_EQ(entries["0"].size, "100");
  EXPECT_EQ(venue_->subscriptionCount(), 1u);

  ASSERT_TRUE(venue_->step());  // bid and ask move, last unchanged
  const FIX::Message refresh = waitType("X");
  EXPECT_EQ(field(refresh, FIX::FIELD::MDReqID), "md-1");
  entries = entriesOf(refresh);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries["0"].px, "1.0853");
  EXPECT_EQ(entries["1"].px, "1.0855");
  EXPECT_EQ(entries["2"].px, "1.0851");
  EXPECT_EQ(entries["0"].action, "1");
  EXPECT_EQ(entries["1"].symbol, "EURUSD");
  EXPECT_FALSE(venue_->step());  // the scenario is played out
}

TEST_F(MarketDataTest, UnsubscribeStopsUpdatesAndUnknownSymbolIsRejected) {
  startVenue(baseConfig());
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  gateway_->send(marketDataRequest("md-a", '1', {"AAPL"}));
  waitType("W");
  gateway_->send(marketDataRequest("md-a", '2', {"AAPL"}));
  gateway_->send(marketDataRequest("md-bad", '1', {"NOPE"}));
  const FIX::Message reject = waitType("Y");  // the unsubscribe has been processed before this
  EXPECT_EQ(field(reject, FIX::FIELD::MDReqID), "md-bad");
  EXPECT_EQ(field(reject, FIX::FIELD::MDReqRejReason), "0");
  EXPECT_EQ(venue_->subscriptionCount(), 0u);

  venue_->setMarket("AAPL", raw("99.80"), raw("100.00"), raw("99.9"));
  gateway_->send(marketDataRequest("md-b", '0', {"AAPL"}));  // a snapshot only, after the step
  FIX::Message second;
  ASSERT_TRUE(gateway_->waitFor(
      [](const FIX::Message& message) { return field(message, FIX::FIELD::MDReqID) == "md-b"; }, second));
  for (const FIX::Message& message : gateway_->received()) EXPECT_NE(msgType(message), "X");
  EXPECT_EQ(entriesOf(second)["1"].px, "100");
  EXPECT_EQ(venue_->subscriptionCount(), 0u);
}

TEST_F(MarketDataTest, SeparateMarketDataSessionServesPricesAndRefusesOrders) {
  venue_sim::VenueConfig config = baseConfig();
  config.marketDataPort = findFreePort();
  config.marketDataClientCompId = "GATEWAY-MD";
  config.randomWalks = {venue_sim::parseRandomWalkSpec("BTCUSD:50000:0.5")};
  startVenue(config);
  TestGateway feed(config.marketDataPort, "GATEWAY-MD", "VENUE", VENUE_SIM_DICTIONARY);
  feed.start();
  ASSERT_TRUE(feed.waitForLogon());

  feed.send(marketDataRequest("feed-1", '1', {"BTCUSD"}));
  FIX::Message snapshot;
  ASSERT_TRUE(feed.waitFor([](const FIX::Message& message) { return msgType(message) == "W"; }, snapshot));
  EXPECT_EQ(entriesOf(snapshot)["2"].px, "50000");
  EXPECT_EQ(entriesOf(snapshot)["0"].px, "49999.5");
  ASSERT_TRUE(venue_->step());
  FIX::Message refresh;
  ASSERT_TRUE(feed.waitFor([](const FIX::Message& message) { return msgType(message) == "X"; }, refresh));
  const std::string mid = entriesOf(refresh)["2"].px;
  EXPECT_TRUE(mid == "49999.5" || mid == "50000" || mid == "50000.5") << mid;

  OrderFields order;
  order.clOrdId = "md-order";
  order.symbol = "BTCUSD";
  feed.send(newOrder(order));
  FIX::Message reject;
  ASSERT_TRUE(feed.waitFor([](const FIX::Message& message) { return msgType(message) == "j"; }, reject));
  EXPECT_EQ(field(reject, FIX::FIELD::BusinessRejectReason), "3");
  feed.stop();
}

}  // namespace
}  // namespace venue_sim_test
