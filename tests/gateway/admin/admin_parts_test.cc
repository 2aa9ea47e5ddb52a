// The admin server's parts without sockets: paths, routes, bodies, the token and the log line.

#include <gtest/gtest.h>

#include "gateway/admin/admin_auth.h"
#include "gateway/admin/admin_body.h"
#include "gateway/admin/admin_path.h"
#include "gateway/admin/admin_request_log.h"
#include "gateway/admin/admin_routes.h"
#include "gateway/admin/admin_router.h"
#include "tests/gateway/admin/fake_admin_service.h"

namespace gateway::testing {
namespace {

using admin::AdminRoute;

TEST(AdminPathTest, SplitsAndDecodesSegmentsAndDropsTheQuery) {
  std::string error;
  const auto segments = admin::splitPath("/accounts/ACC%201%2Fx?verbose=1", error);
  ASSERT_TRUE(segments);
  const std::vector<std::string> expected = {"accounts", "ACC 1/x"};
  EXPECT_EQ(*segments, expected);
  EXPECT_EQ(admin::pathOf("/accounts?x=1"), "/accounts");
}

TEST(AdminPathTest, RefusesBadEscapesAndRelativeTargets) {
  std::string error;
  EXPECT_FALSE(admin::splitPath("/accounts/%zz", error));
  EXPECT_FALSE(admin::splitPath("/accounts/%4", error));
  EXPECT_FALSE(admin::splitPath("/accounts/%00", error));
  EXPECT_FALSE(admin::splitPath("accounts", error));
  EXPECT_FALSE(admin::splitPath("http://host/accounts", error));
}

TEST(AdminRoutesTableTest, MatchesEachRouteAndNothingElse) {
  const auto route = [](std::vector<std::string> segments) { return admin::matchRoute(segments); };
  EXPECT_EQ(route({"accounts"})->route, AdminRoute::kListAccounts);
  EXPECT_EQ(route({"accounts", "A"})->route, AdminRoute::kAccountStatus);
  EXPECT_EQ(route({"accounts", "A", "deposits"})->route, AdminRoute::kDeposit);
  EXPECT_EQ(route({"accounts", "A", "withdrawals"})->route, AdminRoute::kWithdrawal);
  EXPECT_EQ(route({"accounts", "A", "halt"})->route, AdminRoute::kHalt);
  EXPECT_EQ(route({"accounts", "A", "resume"})->route, AdminRoute::kResume);
  EXPECT_EQ(route({"config", "reload"})->route, AdminRoute::kReloadConfig);
  EXPECT_EQ(route({"accounts", "A", "deposits"})->account, "A");
  EXPECT_EQ(route({"accounts", "A", "deposits"})->method, "POST");
  EXPECT_FALSE(route({""}));
  EXPECT_FALSE(route({"accounts", ""}));
  EXPECT_FALSE(route({"accounts", "", "halt"}));
  EXPECT_FALSE(route({"accounts", "A", "deposit"}));
  EXPECT_FALSE(route({"config"}));
  EXPECT_FALSE(route({"config", "reload", "now"}));
}

TEST(AdminBodyTest, ReadsTheFieldsInOrderAndAbsentOptionalOnesAsEmpty) {
  std::vector<std::string> values;
  EXPECT_FALSE(admin::readBodyFields(R"({"reference":"W-1","amount":"1.10"})",
                                     admin::bodyFieldsOf(AdminRoute::kDeposit), values));
  EXPECT_EQ(values, (std::vector<std::string>{"1.10", "W-1"}));
  EXPECT_FALSE(admin::readBodyFields(" \r\n", admin::bodyFieldsOf(AdminRoute::kHalt), values));
  EXPECT_EQ(values, (std::vector<std::string>{""}));
}

TEST(AdminBodyTest, NamesTheProblem) {
  std::vector<std::string> values;
  const auto fields = admin::bodyFieldsOf(AdminRoute::kWithdrawal);
  EXPECT_NE(admin::readBodyFields(R"({"amount":1e3})", fields, values)->json.find("AMOUNT_NOT_STRING"),
            std::string::npos);
  EXPECT_NE(admin::readBodyFields(R"({"amount":null})", fields, values)->json.find("FIELD_NOT_STRING"),
            std::string::npos);
  EXPECT_NE(admin::readBodyFields(R"({"amount":"1","reference":7})", fields, values)->json.find("'reference'"),
            std::string::npos);
  EXPECT_NE(admin::readBodyFields(R"({"amount":"1","x":"y"})", fields, values)->json.find("'x'"), std::string::npos);
  EXPECT_NE(admin::readBodyFields(R"({})", fields, values)->json.find("'amount'"), std::string::npos);
  EXPECT_NE(admin::readBodyFields("\"1\"", fields, values)->json.find("BODY_NOT_OBJECT"), std::string::npos);
  EXPECT_EQ(admin::readBodyFields("{", fields, values)->status, 400);
}

TEST(AdminAuthTest, AcceptsOnlyTheExactBearerToken) {
  EXPECT_TRUE(admin::bearerTokenMatches("Bearer abc", "abc"));
  EXPECT_TRUE(admin::bearerTokenMatches("bearer abc", "abc"));
  EXPECT_FALSE(admin::bearerTokenMatches("Bearer abcd", "abc"));
  EXPECT_FALSE(admin::bearerTokenMatches("Bearer ab", "abc"));
  EXPECT_FALSE(admin::bearerTokenMatches("Basic abc", "abc"));
  EXPECT_FALSE(admin::bearerTokenMatches("Bearerabc", "abc"));
  EXPECT_FALSE(admin::bearerTokenMatches("", "abc"));
  EXPECT_FALSE(admin::bearerTokenMatches("Bearer ", ""));
}

TEST(AdminRequestLogTest, OneLineWithSafeWords) {
  EXPECT_EQ(admin::requestLogLine("alice", "POST", "/accounts/A/halt", 200), "ADMIN alice POST /accounts/A/halt -> 200");
  EXPECT_EQ(admin::requestLogLine("", "GET", "/accounts", 404), "ADMIN - GET /accounts -> 404");
  EXPECT_EQ(admin::requestLogLine("a b\nc", "GET", "/x y", 400), "ADMIN a?b?c GET /x?y -> 400");
}

TEST(AdminRouterTest, AnswersWithoutSockets) {
  FakeAdminService service;
  const admin::AdminRouter router(service, "");
  admin::AdminHttpRequest request;
  request.method = "POST";
  request.target = "/accounts/ACC1/deposits";
  request.adminUser = "alice";
  request.body = R"({"amount":"12340.50","reference":"WIRE-1"})";
  EXPECT_EQ(router.handle(request).status, 200);
  ASSERT_EQ(service.calls().size(), 1u);
  EXPECT_EQ(service.calls()[0].amount, "12340.50");
}

}  // namespace
}  // namespace gateway::testing
