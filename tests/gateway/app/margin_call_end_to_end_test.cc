// Issue 4's acceptance: margin calls over FIX between real sessions, with every amount computed by hand.
//
// FUT: multiplier 10, initial 10 %, maintenance 5 %; escalation step 500. ACC-1 buys 80 at the ask
// 100.01: cost 80,008. At mark p: E = 10,000 + 800 x (p - 100.01), MM = 40p, IM = 80p.
//   warning below 1.10 x MM: 756p < 70,008, p < 92.603; call below MM: 760p < 70,008, p < 92.116;
//   liquidation floor 0.80 x MM: 768p < 70,008, p < 91.156.
#include <nlohmann/json.hpp>

#include "tests/gateway/app/end_to_end_fixture.h"

namespace gateway {
namespace testing {
namespace {

std::string field(const FIX::Message& message, int tag) { return message.getField(tag); }

class MarginCallEndToEndTest : public EndToEndTest {
 protected:
  void SetUp() override {
    riskToml_ = std::string("[defaults]\nescalation_step = \"500\"\n") + kRiskToml;
  }

  void market(const char* bid, const char* ask) {
    std::int64_t bidRaw = raw(bid), askRaw = raw(ask);
    venue_->setMarket("FUT", bidRaw, askRaw, (bidRaw + askRaw) / 2);
  }

  // The next message of `type` with tag = value.
  static bool next(TestCounterparty& client, const char* type, int tag, const std::string& value, Message& out) {
    return client.waitForMessageWhere(
        type, [&](const Message& m) { return m.isSetField(tag) && m.getField(tag) == value; }, out);
  }

  void buyEighty(TestCounterparty& client, const std::string& account) {
    ASSERT_TRUE(probeUntil(client, account, "equity=10000"));
    ASSERT_TRUE(client.send(newOrder("B-" + account, account, '1', "80", "100.01")));
    Message fill;
    ASSERT_TRUE(execution(client, "B-" + account, 'F', fill));
  }
};

TEST_F(MarginCallEndToEndTest, WarningCallEscalationOrdersCollateralPositionsAndCureByDeposit) {
  startAll();
  TestCounterparty& client = connect("CLIENT1", "secret-1");
  ASSERT_TRUE(client.waitLoggedOn());
  buyEighty(client, "ACC-1");
  Message m;

  // 92.5: E = 10,000 - 800 x 7.51 = 3,992; MM = 3,700; 1.10 x MM = 4,070: WARNING, pushed as BA.
  market("92.49", "92.51");
  ASSERT_TRUE(next(client, "BA", 5005, "WARNING", m));
  EXPECT_EQ(field(m, 900), "3992");
  EXPECT_EQ(field(m, 5001), "3700");

  // 92: E = 3,592; MM = 3,680; IM = 7,360: CALL. Cure 3,768; now 88; health 3,592 / 3,680 = 0.97608695.
  market("91.99", "92.01");
  ASSERT_TRUE(next(client, "AX", 894, "MC-1", m));
  EXPECT_EQ(field(m, 895), "3");
  EXPECT_EQ(field(m, 1), "ACC-1");
  EXPECT_EQ(field(m, 15), "USD");
  EXPECT_EQ(field(m, 899), "-3768");
  EXPECT_EQ(field(m, 900), "3592");
  EXPECT_EQ(field(m, 5001), "3680");
  EXPECT_EQ(field(m, 5002), "7360");
  EXPECT_EQ(field(m, 5003), "88");
  EXPECT_EQ(field(m, 5004), "0.97608695");
  EXPECT_EQ(field(m, 5008), "3768");
  EXPECT_TRUE(m.isSetField(126));  // ExpireTime: the deadline
  EXPECT_NE(field(m, 58).find("deposit 3,768.00 USD by "), std::string::npos);
  EXPECT_NE(field(m, 58).find("88.00 USD now to avoid liquidation"), std::string::npos);
  ASSERT_TRUE(next(client, "BA", 5005, "CALL", m));

  // Oscillating: 92.2 (cure 7,376 - 3,752 = 3,624) and 91.9 (cure 7,352 - 3,512 = 3,840, +72): nothing new.
  market("92.19", "92.21");
  market("91.89", "91.91");
  // 91.3: E = 3,032; IM = 7,304; cure 4,272 (+504 > 500): an escalation of MC-1.
  market("91.29", "91.31");
  ASSERT_TRUE(next(client, "AX", 5008, "4272", m));
  EXPECT_EQ(field(m, 894), "MC-1");
  EXPECT_NE(field(m, 58).find("escalated (AMOUNT_GREW)"), std::string::npos);
  Message extra;
  EXPECT_FALSE(client.waitForMessageWhere(
      "AX", [](const Message& x) { return x.getField(5008) != "4272"; }, extra, std::chrono::milliseconds(200)));

  // In the call: a risk-increasing order is refused, a risk-reducing one is filled (at the bid 91.29).
  ASSERT_TRUE(client.send(newOrder("C-1", "ACC-1", '1', "1", "91.3")));
  ASSERT_TRUE(execution(client, "C-1", '8', m));
  EXPECT_EQ(field(m, 5006), "MAINTENANCE_BREACH");
  ASSERT_TRUE(client.send(newOrder("C-2", "ACC-1", '2', "5", "91.29")));
  ASSERT_TRUE(execution(client, "C-2", 'F', m));
  // Long 75: E = 3,032 - 5 x 10 x 0.01 = 3,031.5; IM = 75 x 10 x 91.3 x 10 % = 6,847.5; cure 3,816.

  // Status on inquiry: BG, then a BA with the numbers.
  Message inquiry;
  inquiry.getHeader().setField(FIX::FIELD::MsgType, "BB");
  inquiry.setField(909, "INQ-1");
  inquiry.setField(263, "0");
  inquiry.setField(1, "ACC-1");
  ASSERT_TRUE(client.send(inquiry));
  ASSERT_TRUE(next(client, "BG", 909, "INQ-1", m));
  EXPECT_EQ(field(m, 945), "0");
  ASSERT_TRUE(next(client, "BA", 909, "INQ-1", m));
  EXPECT_EQ(field(m, 900), "3031.5");
  EXPECT_EQ(field(m, 5002), "6847.5");
  EXPECT_EQ(field(m, 901), "3816");

  // Positions: AO, then one AP with the mark as settlement price.
  Message positions;
  positions.getHeader().setField(FIX::FIELD::MsgType, "AN");
  positions.setField(710, "POS-1");
  positions.setField(724, "0");
  positions.setField(1, "ACC-1");
  positions.setField(581, "1");
  positions.setField(715, "20261123");
  positions.setField(60, "20261123-12:00:00.000");
  FIX::Group party(453, 448);
  party.setField(448, "ACC-1");
  party.setField(447, "D");
  party.setField(452, "24");
  positions.addGroup(party);
  ASSERT_TRUE(client.send(positions));
  ASSERT_TRUE(next(client, "AO", 710, "POS-1", m));
  EXPECT_EQ(field(m, 727), "1");
  ASSERT_TRUE(next(client, "AP", 710, "POS-1", m));
  EXPECT_EQ(field(m, 55), "FUT");
  EXPECT_EQ(field(m, 730), "91.3");

  // A deposit notice is received, not yet money.
  Message notice;
  notice.getHeader().setField(FIX::FIELD::MsgType, "AY");
  notice.setField(902, "AY-1");
  notice.setField(894, "MC-1");
  notice.setField(895, "3");
  notice.setField(903, "0");
  notice.setField(60, "20261123-12:00:00.000");
  notice.setField(1, "ACC-1");
  ASSERT_TRUE(client.send(notice));
  ASSERT_TRUE(next(client, "AZ", 902, "AY-1", m));
  EXPECT_EQ(field(m, 905), "0");

  // A late session of the same account receives the open call at logon.
  TestCounterparty& late = connect("CLIENT3", "secret-3");
  ASSERT_TRUE(late.waitLoggedOn());
  ASSERT_TRUE(next(late, "AX", 894, "MC-1", m));
  EXPECT_EQ(field(m, 5008), "3816");

  // The broker confirms 3,816: equity 6,847.5 = IM: cured. AZ accepted, BA NORMAL.
  const core::AdminResult result = gateway_->admin().confirmDeposit("ACC-1", "3816", "WIRE-1", {"ops"});
  EXPECT_EQ(result.status, 200) << result.json;
  ASSERT_TRUE(next(client, "AZ", 905, "1", m));
  EXPECT_EQ(field(m, 902), "AY-1");
  ASSERT_TRUE(next(client, "BA", 5005, "NORMAL", m));
  const auto status = nlohmann::json::parse(gateway_->admin().accountStatus("ACC-1").json);
  EXPECT_EQ(status["state"], "NORMAL");
  EXPECT_TRUE(status["call"].is_null());
  EXPECT_EQ(status["numbers"]["equity"], "6847.5");
}

TEST_F(MarginCallEndToEndTest, ADeadlinePassesIntoLiquidationAtTheVenueThatBringsTheAccountBack) {
  riskToml_ += "\n[account.thresholds]\ncall_grace_seconds = 1\n";  // ACC-3, the last account
  startAll();
  TestCounterparty& client = connect("CLIENT2", "secret-2");
  ASSERT_TRUE(client.waitLoggedOn());
  buyEighty(client, "ACC-3");
  Message m;
  // 92: E = 3,592, IM = 7,360: CALL, deadline one second later.
  market("91.99", "92.01");
  ASSERT_TRUE(next(client, "AX", 894, "MC-1", m));
  // The deadline passes: escalation to LIQUIDATION, then IOC sells at the venue. Keep k lots with
  // 10 x 92 x 10 % x k <= 3,592: k = 39, sell 41 (limit 92 - 10 % = 82.8), filled at the bid 91.99.
  ASSERT_TRUE(next(client, "AX", 5005, "LIQUIDATION", m));
  EXPECT_NE(field(m, 58).find("DEADLINE_PASSED"), std::string::npos);
  ASSERT_TRUE(client.waitForMessageWhere(
      "8", [](const Message& x) { return x.getField(11).rfind("LIQ-MC-1-", 0) == 0 && x.getField(150) == "F"; }, m));
  EXPECT_EQ(field(m, 1), "ACC-3");
  EXPECT_EQ(field(m, 54), "2");
  EXPECT_EQ(field(m, 32), "41");
  EXPECT_EQ(field(m, 44), "82.8");
  // Sold 0.01 under the mark: cash 10,000 + 41 x 10 x (91.99 - 100.01) = 6,711.8; the 39 left are worth
  // 39 x 10 x (92 - 100.01) = -3,123.9: E = 3,587.9, just short of IM 39 x 92 = 3,588. A second plan
  // sells one more (38 x 92 = 3,496 <= 3,587.8) and the account is back.
  ASSERT_TRUE(client.waitForMessageWhere(
      "8", [](const Message& x) { return x.getField(11) == "LIQ-MC-1-2" && x.getField(150) == "F"; }, m));
  EXPECT_EQ(field(m, 32), "1");
  ASSERT_TRUE(next(client, "BA", 5005, "NORMAL", m));
  const auto status = nlohmann::json::parse(gateway_->admin().accountStatus("ACC-3").json);
  EXPECT_EQ(status["state"], "NORMAL");
  EXPECT_EQ(status["positions"][0]["quantity"], "38");
  bool sawVenueOrder = false;
  for (const venue_sim::VenueOrder& order : venue_->orders()) {
    sawVenueOrder = sawVenueOrder || order.clOrdId == "LIQ-MC-1-1";
  }
  EXPECT_TRUE(sawVenueOrder);

  // The liquidation's ExecutionReports to the client are in the audit trail as raw FIX, under the call
  // (the buys before the call are not: no call's).
  gateway_->stop();  // its store is written behind: stopping writes everything
  EXPECT_EQ(queryStore("SELECT group_concat(order_id) FROM (SELECT order_id FROM audit_log WHERE kind = "
                       "'fix_message' AND call_id = 'MC-1' AND fix_message LIKE '%' || char(1) || '35=8' || "
                       "char(1) || '%' ORDER BY seq)"),
            "LIQ-MC-1-1,LIQ-MC-1-1,LIQ-MC-1-2,LIQ-MC-1-2");  // each order's New, then its fill
  EXPECT_EQ(queryStore("SELECT count(*) FROM audit_log WHERE kind = 'fix_message' AND call_id = '' AND "
                       "json_extract(detail, '$.msg_type') = '8'"),
            "0");
}

}  // namespace
}  // namespace testing
}  // namespace gateway
