// The journal's encoding: every kind of input comes back exactly as it was written.
#include "gateway/core/journal_codec.h"

#include <gtest/gtest.h>

namespace gateway::core {
namespace {

JournaledInput roundTrip(const JournaledInput& input) {
  std::string error;
  const auto decoded = decodeJournal(journalKind(input), encodeJournalPayload(input), error);
  EXPECT_TRUE(decoded) << error;
  EXPECT_EQ(decoded->index(), input.index());
  return *decoded;
}

TEST(JournalCodecTest, AClientOrderComesBackFieldForField) {
  bridge::ClientNewOrder order;
  order.session = 3;
  order.clOrdId = "A-1 \"quoted\"";
  order.account = "ACC-ALPHA";
  order.symbol = "ESZ6";
  order.side = '2';
  order.ordType = '1';
  order.timeInForce = '3';
  order.quantity = 123456789012;
  order.price = -5;
  order.hasPrice = true;
  const auto back = std::get<bridge::ClientNewOrder>(roundTrip(order));
  EXPECT_EQ(back.session, 3u);
  EXPECT_EQ(back.clOrdId, order.clOrdId);
  EXPECT_EQ(back.account, "ACC-ALPHA");
  EXPECT_EQ(back.side, '2');
  EXPECT_EQ(back.ordType, '1');
  EXPECT_EQ(back.timeInForce, '3');
  EXPECT_EQ(back.quantity, 123456789012);
  EXPECT_EQ(back.price, -5);
  EXPECT_TRUE(back.hasPrice);
}

TEST(JournalCodecTest, VenueReportsMarketDataAndAdminActionsComeBack) {
  bridge::VenueExecution report;
  report.clOrdId = "GW-7";
  report.execId = "X-1";
  report.execType = 'F';
  report.ordStatus = '1';
  report.lastQty = 100000000;
  report.lastPx = 500025000000;
  report.commission = 12;
  report.hasCommission = true;
  report.ordRejReason = -1;
  const auto fill = std::get<bridge::VenueExecution>(roundTrip(report));
  EXPECT_EQ(fill.lastPx, 500025000000);
  EXPECT_EQ(fill.execType, 'F');
  EXPECT_EQ(fill.ordRejReason, -1);
  EXPECT_TRUE(fill.hasCommission);

  bridge::MarketDataUpdate update;
  update.symbol = "AAPL";
  update.bid = 1;
  update.hasBid = true;
  const auto mark = std::get<bridge::MarketDataUpdate>(roundTrip(update));
  EXPECT_EQ(mark.symbol, "AAPL");
  EXPECT_TRUE(mark.hasBid);
  EXPECT_FALSE(mark.hasAsk);

  AdminInput reload{"reload", "", 0, "", "", "alice", "[defaults]\nx = 1\n"};
  const auto admin = std::get<AdminInput>(roundTrip(reload));
  EXPECT_EQ(admin.user, "alice");
  EXPECT_EQ(admin.configText, reload.configText);

  GenesisInput genesis{"text", {"BROKER->CLIENT1", "BROKER->CLIENT2"}};
  EXPECT_EQ(std::get<GenesisInput>(roundTrip(genesis)).sessions, genesis.sessions);
  EXPECT_TRUE(std::holds_alternative<TimerInput>(roundTrip(TimerInput{})));
  EXPECT_FALSE(std::get<StoreStatusInput>(roundTrip(StoreStatusInput{false})).available);
  EXPECT_TRUE(std::get<ClientSessionEvent>(roundTrip(ClientSessionEvent{2, true})).loggedOn);
}

TEST(JournalCodecTest, AnUnknownKindOrABrokenPayloadIsAnErrorNotASkip) {
  std::string error;
  EXPECT_FALSE(decodeJournal("teleport", "{}", error));
  EXPECT_NE(error.find("unknown journal kind \"teleport\""), std::string::npos);
  EXPECT_FALSE(decodeJournal("client_new_order", "{\"session\":", error));
  EXPECT_NE(error.find("client_new_order"), std::string::npos);
  EXPECT_FALSE(decodeJournal("client_new_order", "{\"session\":1}", error));  // fields missing
}

TEST(JournalCodecTest, APayloadThatIsNotAnObjectIsAnError) {
  std::string error;
  EXPECT_FALSE(decodeJournal("timer", "[]", error));
  EXPECT_NE(error.find("timer"), std::string::npos);
  EXPECT_FALSE(decodeJournal("venue_session", "true", error));
}

// Journals written before the encoder wrote fields in member order (nlohmann::json::dump(), keys
// sorted) read back the same.
TEST(JournalCodecTest, PayloadsInTheEarlierKeyOrderStillDecode) {
  std::string error;
  const auto order = decodeJournal("client_new_order",
                                   "{\"account\":\"ACC-1\",\"clOrdId\":\"A-1\",\"hasPrice\":true,\"ordType\":50,"
                                   "\"price\":10025000000,\"quantity\":100000000,\"session\":1,\"side\":49,"
                                   "\"symbol\":\"ESZ6\",\"timeInForce\":48}",
                                   error);
  ASSERT_TRUE(order) << error;
  const auto& typed = std::get<bridge::ClientNewOrder>(*order);
  EXPECT_EQ(typed.clOrdId, "A-1");
  EXPECT_EQ(typed.side, '1');
  EXPECT_EQ(typed.ordType, '2');
  EXPECT_EQ(typed.price, 10025000000);
  EXPECT_TRUE(typed.hasPrice);
  ASSERT_TRUE(decodeJournal("timer", "{}", error)) << error;
}

TEST(JournalCodecTest, TextOfAnyKindComesBackByteForByte) {
  bridge::VenueExecution report;
  report.clOrdId = "GW-1";
  report.execId = std::string("E\0\x01\x1F\x7F", 5);
  report.orderId = "quote \" backslash \\ slash /";
  report.text = "Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x92\xB6\n\ttab";
  const auto back = std::get<bridge::VenueExecution>(roundTrip(report));
  EXPECT_EQ(back.execId, report.execId);
  EXPECT_EQ(back.orderId, report.orderId);
  EXPECT_EQ(back.text, report.text);
}

// The FIX side lets no such bytes through (gateway/bridge/utf8_text.h); if any came, the journal
// still gets JSON it can read back, with U+FFFD where the bytes were.
TEST(JournalCodecTest, BytesThatAreNotUtf8AreJournaledAsReplacementCharacters) {
  bridge::MarketDataUpdate update;
  update.symbol = "\xE9t\xE9";
  const auto back = std::get<bridge::MarketDataUpdate>(roundTrip(update));
  EXPECT_EQ(back.symbol, "\xEF\xBF\xBDt\xEF\xBF\xBD");
}

}  // namespace
}  // namespace gateway::core
