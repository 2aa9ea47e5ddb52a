// --reject-ord-type: a strict venue refusing an OrdType at session or business level.

#include <string>

#include <quickfix/FixFieldNumbers.h>

#include "tests/tools/venue_sim/venue_fixture.h"

namespace venue_sim_test {
namespace {

using RejectsTest = VenueFixture;

TEST_F(RejectsTest, SessionStyleAnswersWithSessionRejectOnOrdType) {
  venue_sim::VenueConfig config = baseConfig();
  config.rejectOrdType = '1';
  config.rejectStyle = venue_sim::RejectStyle::kSession;
  startVenue(config);
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields order;
  order.clOrdId = "rs-1";
  order.ordType = '1';
  const int seqNum = gateway_->send(newOrder(order));
  ASSERT_GT(seqNum, 0);

  const FIX::Message reject = waitType("3");
  EXPECT_EQ(field(reject, FIX::FIELD::RefSeqNum), std::to_string(seqNum));
  EXPECT_EQ(field(reject, FIX::FIELD::RefMsgType), "D");
  EXPECT_EQ(field(reject, FIX::FIELD::RefTagID), "40");
  EXPECT_EQ(field(reject, FIX::FIELD::SessionRejectReason), "5");

  OrderFields limit;  // other order types still trade
  limit.clOrdId = "rs-2";
  gateway_->send(newOrder(limit));
  waitReport("rs-2", '0');
  EXPECT_TRUE(reportsFor("rs-1").empty());
  EXPECT_EQ(venue_->orders().size(), 1u);
}

TEST_F(RejectsTest, BusinessStyleAnswersWithBusinessMessageRejectNamingTheClOrdId) {
  venue_sim::VenueConfig config = baseConfig();
  config.rejectOrdType = '1';
  config.rejectStyle = venue_sim::RejectStyle::kBusiness;
  startVenue(config);
  venue_->setMarket("AAPL", raw("99.90"), raw("100.10"), raw("100"));
  OrderFields order;
  order.clOrdId = "rb-1";
  order.ordType = '1';
  const int seqNum = gateway_->send(newOrder(order));

  const FIX::Message reject = waitType("j");
  EXPECT_EQ(field(reject, FIX::FIELD::RefSeqNum), std::to_string(seqNum));
  EXPECT_EQ(field(reject, FIX::FIELD::RefMsgType), "D");
  EXPECT_EQ(field(reject, FIX::FIELD::BusinessRejectRefID), "rb-1");
  EXPECT_EQ(field(reject, FIX::FIELD::BusinessRejectReason), "3");
  EXPECT_FALSE(field(reject, FIX::FIELD::Text).empty());
  EXPECT_TRUE(reportsFor("rb-1").empty());
  EXPECT_TRUE(venue_->orders().empty());
}

}  // namespace
}  // namespace venue_sim_test
