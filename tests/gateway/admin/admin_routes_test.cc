// Each route of the admin server reaches the right AdminService method with the right arguments,
// and the service's answer comes back unchanged. Real server on loopback, fake service.

#include <gtest/gtest.h>

#include "tests/gateway/admin/admin_server_fixture.h"

namespace gateway::testing {
namespace {

const std::string kAlice = "X-Admin-User: alice";

class AdminRoutesTest : public AdminServerFixture {
 protected:
  void SetUp() override { startServer(); }

  AdminCall onlyCall() const {
    const auto calls = service_.calls();
    EXPECT_EQ(calls.size(), 1u);
    return calls.empty() ? AdminCall{} : calls.front();
  }
};

TEST_F(AdminRoutesTest, ListAccountsReachesListAccountsAndPassesTheAnswerThrough) {
  service_.answerWith({200, R"({"ok":true,"accounts":[{"account":"ACC1","state":"NORMAL"}]})"});
  const HttpReply reply = client().send("GET", "/accounts");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, R"({"ok":true,"accounts":[{"account":"ACC1","state":"NORMAL"}]})");
  EXPECT_EQ(reply.headers.at("content-type"), "application/json");
  EXPECT_EQ(onlyCall().method, "listAccounts");
}

TEST_F(AdminRoutesTest, AccountStatusGetsTheDecodedAccount) {
  const HttpReply reply = client().send("GET", "/accounts/ACC%201");
  EXPECT_EQ(reply.status, 200);
  const AdminCall call = onlyCall();
  EXPECT_EQ(call.method, "accountStatus");
  EXPECT_EQ(call.account, "ACC 1");
}

TEST_F(AdminRoutesTest, DepositPassesAmountTextReferenceAndActor) {
  const HttpReply reply = client().send("POST", "/accounts/ACC1/deposits",
                                        R"({"amount":"12340.50","reference":"WIRE-1"})", {kAlice});
  EXPECT_EQ(reply.status, 200);
  const AdminCall call = onlyCall();
  EXPECT_EQ(call.method, "confirmDeposit");
  EXPECT_EQ(call.account, "ACC1");
  EXPECT_EQ(call.amount, "12340.50");  // the text as sent: the trailing zero stays
  EXPECT_EQ(call.reference, "WIRE-1");
  EXPECT_EQ(call.user, "alice");
}

TEST_F(AdminRoutesTest, DepositWithoutReferencePassesAnEmptyOne) {
  EXPECT_EQ(client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"5"})", {kAlice}).status, 200);
  EXPECT_EQ(onlyCall().reference, "");
}

TEST_F(AdminRoutesTest, WithdrawalPassesAmountReferenceAndActor) {
  const HttpReply reply = client().send("POST", "/accounts/ACC2/withdrawals",
                                        R"({"reference":"OUT-7","amount":"0.00000001"})", {kAlice});
  EXPECT_EQ(reply.status, 200);
  const AdminCall call = onlyCall();
  EXPECT_EQ(call.method, "withdraw");
  EXPECT_EQ(call.account, "ACC2");
  EXPECT_EQ(call.amount, "0.00000001");
  EXPECT_EQ(call.reference, "OUT-7");
  EXPECT_EQ(call.user, "alice");
}

TEST_F(AdminRoutesTest, HaltPassesReasonAndActor) {
  EXPECT_EQ(client().send("POST", "/accounts/ACC1/halt", R"({"reason":"KYC review"})", {kAlice}).status, 200);
  const AdminCall call = onlyCall();
  EXPECT_EQ(call.method, "halt");
  EXPECT_EQ(call.account, "ACC1");
  EXPECT_EQ(call.reason, "KYC review");
  EXPECT_EQ(call.user, "alice");
}

TEST_F(AdminRoutesTest, ResumeTakesAnEmptyBodyOrAnEmptyObject) {
  EXPECT_EQ(client().send("POST", "/accounts/ACC1/resume", "", {kAlice}).status, 200);
  EXPECT_EQ(client().send("POST", "/accounts/ACC1/resume", "{}", {kAlice}).status, 200);
  const auto calls = service_.calls();
  ASSERT_EQ(calls.size(), 2u);
  for (const AdminCall& call : calls) {
    EXPECT_EQ(call.method, "resume");
    EXPECT_EQ(call.account, "ACC1");
    EXPECT_EQ(call.user, "alice");
  }
}

TEST_F(AdminRoutesTest, ReloadReachesReloadConfigWithTheActor) {
  EXPECT_EQ(client().send("POST", "/config/reload", "", {"X-Admin-User: ops.bob"}).status, 200);
  const AdminCall call = onlyCall();
  EXPECT_EQ(call.method, "reloadConfig");
  EXPECT_EQ(call.user, "ops.bob");
}

TEST_F(AdminRoutesTest, ARefusalFromTheServiceComesBackUnchanged) {
  const std::string refusal =
      R"({"ok":false,"code":"WITHDRAWAL_EXCEEDS_AVAILABLE","message":"only 100.00 available","available":"100.00"})";
  service_.answerWith({409, refusal});
  const HttpReply reply = client().send("POST", "/accounts/ACC1/withdrawals", R"({"amount":"500"})", {kAlice});
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(reply.body, refusal);
}

TEST_F(AdminRoutesTest, AQueryStringIsIgnored) {
  EXPECT_EQ(client().send("GET", "/accounts/ACC1?verbose=1").status, 200);
  EXPECT_EQ(onlyCall().account, "ACC1");
}

TEST_F(AdminRoutesTest, EveryRequestIsLoggedOnOneLine) {
  client().send("GET", "/accounts");
  client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"1"})", {kAlice});
  service_.answerWith({409, R"({"ok":false,"code":"HALTED","message":"halted"})"});
  client().send("POST", "/accounts/ACC1/halt", "{}", {kAlice});
  client().send("GET", "/nowhere");
  const std::vector<std::string> expected = {
      "ADMIN - GET /accounts -> 200",
      "ADMIN alice POST /accounts/ACC1/deposits -> 200",
      "ADMIN alice POST /accounts/ACC1/halt -> 409",
      "ADMIN - GET /nowhere -> 404",
  };
  EXPECT_EQ(logLines(), expected);
}

}  // namespace
}  // namespace gateway::testing
