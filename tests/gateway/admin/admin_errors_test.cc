// The admin server's own refusals: each is the right status and a JSON {"ok":false,"code","message"},
// and none reaches the service. Real server on loopback, fake service.

#include <gtest/gtest.h>

#include "tests/gateway/admin/admin_server_fixture.h"

namespace gateway::testing {
namespace {

const std::string kAlice = "X-Admin-User: alice";

class AdminErrorsTest : public AdminServerFixture {
 protected:
  void SetUp() override { startServer(); }

  // The reply is a JSON error with this status and code; returns its message.
  static std::string expectError(const HttpReply& reply, int status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.headers.count("content-type") ? reply.headers.at("content-type") : "", "application/json");
    const nlohmann::json body = reply.json();
    EXPECT_TRUE(body.is_object()) << reply.body;
    if (!body.is_object()) return "";
    EXPECT_EQ(body.value("ok", true), false);
    EXPECT_EQ(body.value("code", ""), code);
    EXPECT_TRUE(body.contains("message"));
    return body.value("message", "");
  }
};

TEST_F(AdminErrorsTest, UnknownRouteIs404) {
  expectError(client().send("GET", "/nowhere"), 404, "NOT_FOUND");
  expectError(client().send("GET", "/accounts/ACC1/positions"), 404, "NOT_FOUND");
  expectError(client().send("GET", "/accounts/"), 404, "NOT_FOUND");
  expectError(client().send("POST", "/accounts/ACC1/deposits/extra", "{}", {kAlice}), 404, "NOT_FOUND");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, WrongMethodIs405WithAllow) {
  HttpReply reply = client().send("POST", "/accounts", "{}", {kAlice});
  expectError(reply, 405, "METHOD_NOT_ALLOWED");
  EXPECT_EQ(reply.headers.at("allow"), "GET");
  reply = client().send("GET", "/accounts/ACC1/deposits");
  expectError(reply, 405, "METHOD_NOT_ALLOWED");
  EXPECT_EQ(reply.headers.at("allow"), "POST");
  expectError(client().send("DELETE", "/accounts/ACC1"), 405, "METHOD_NOT_ALLOWED");
  expectError(client().send("GET", "/config/reload"), 405, "METHOD_NOT_ALLOWED");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, AnAmountGivenAsAJsonNumberIsRefusedWithAdviceToQuoteIt) {
  const std::string message = expectError(
      client().send("POST", "/accounts/ACC1/deposits", R"({"amount":12340.50,"reference":"WIRE-1"})", {kAlice}), 400,
      "AMOUNT_NOT_STRING");
  EXPECT_NE(message.find("amount"), std::string::npos) << message;
  EXPECT_NE(message.find("quote"), std::string::npos) << message;
  expectError(client().send("POST", "/accounts/ACC1/withdrawals", R"({"amount":5})", {kAlice}), 400,
              "AMOUNT_NOT_STRING");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, AMissingFieldIsNamed) {
  const std::string message =
      expectError(client().send("POST", "/accounts/ACC1/deposits", R"({"reference":"WIRE-1"})", {kAlice}), 400,
                  "MISSING_FIELD");
  EXPECT_NE(message.find("'amount'"), std::string::npos) << message;
  expectError(client().send("POST", "/accounts/ACC1/deposits", "", {kAlice}), 400, "MISSING_FIELD");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, AnExtraFieldIsNamed) {
  const std::string message = expectError(
      client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"1","currency":"USD"})", {kAlice}), 400,
      "UNKNOWN_FIELD");
  EXPECT_NE(message.find("'currency'"), std::string::npos) << message;
  expectError(client().send("POST", "/accounts/ACC1/resume", R"({"reason":"x"})", {kAlice}), 400, "UNKNOWN_FIELD");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, ANonStringFieldIsNamed) {
  const std::string message =
      expectError(client().send("POST", "/accounts/ACC1/halt", R"({"reason":42})", {kAlice}), 400, "FIELD_NOT_STRING");
  EXPECT_NE(message.find("'reason'"), std::string::npos) << message;
}

TEST_F(AdminErrorsTest, MalformedJsonIs400) {
  expectError(client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"1",)", {kAlice}), 400, "MALFORMED_JSON");
  expectError(client().send("POST", "/accounts/ACC1/deposits", R"(["amount","1"])", {kAlice}), 400,
              "BODY_NOT_OBJECT");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, APostWithoutXAdminUserIs400) {
  expectError(client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"1"})"), 400, "MISSING_ADMIN_USER");
  expectError(client().send("POST", "/config/reload"), 400, "MISSING_ADMIN_USER");
  expectError(client().send("POST", "/accounts/ACC1/halt", "{}", {"X-Admin-User: two words"}), 400,
              "BAD_ADMIN_USER");
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(AdminErrorsTest, ABodyOverTheLimitIs413AndOneAtTheLimitIsRead) {
  const std::size_t limit = 64 * 1024;
  // {"amount":"1","reference":"xxx..."} padded so that the whole body is exactly the limit.
  const std::string prefix = R"({"amount":"1","reference":")";
  const std::string suffix = R"("})";
  const std::string atLimit = prefix + std::string(limit - prefix.size() - suffix.size(), 'x') + suffix;
  ASSERT_EQ(atLimit.size(), limit);
  EXPECT_EQ(client().send("POST", "/accounts/ACC1/deposits", atLimit, {kAlice}).status, 200);
  ASSERT_EQ(service_.calls().size(), 1u);

  const std::string overLimit = prefix + std::string(limit - prefix.size() - suffix.size() + 1, 'x') + suffix;
  expectError(client().send("POST", "/accounts/ACC1/deposits", overLimit, {kAlice}), 413, "BODY_TOO_LARGE");
  EXPECT_EQ(service_.calls().size(), 1u);
}

TEST_F(AdminErrorsTest, MalformedHttpIs400Json) {
  const HttpExchange result = client().exchange("NOT HTTP AT ALL\r\n\r\n");
  ASSERT_TRUE(result.ok) << result.error;
  expectError(result.replies.front(), 400, "MALFORMED_HTTP");
}

TEST_F(AdminErrorsTest, ABadPercentEscapeIs400) {
  expectError(client().send("GET", "/accounts/ACC%2"), 400, "BAD_PATH");
}

TEST_F(AdminErrorsTest, AServiceThatThrowsGives500Json) {
  service_.failWith("risk thread gone");
  const std::string message = expectError(client().send("GET", "/accounts"), 500, "INTERNAL_ERROR");
  EXPECT_NE(message.find("risk thread gone"), std::string::npos) << message;
}

TEST_F(AdminErrorsTest, AnAbsurdStatusFromTheServiceGives500) {
  service_.answerWith({42, "{}"});
  expectError(client().send("GET", "/accounts"), 500, "BAD_SERVICE_RESULT");
}

class AdminTokenTest : public AdminServerFixture {
 protected:
  void SetUp() override { startServer("s3cret-token"); }
};

TEST_F(AdminTokenTest, WithATokenEveryRequestNeedsTheBearerHeader) {
  HttpReply reply = client().send("GET", "/accounts");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.json().value("code", ""), "UNAUTHORIZED");
  EXPECT_EQ(reply.headers.count("www-authenticate"), 1u);

  reply = client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"1"})",
                        {kAlice, "Authorization: Bearer wrong-token"});
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.json().value("code", ""), "UNAUTHORIZED");
  EXPECT_EQ(client().send("GET", "/nowhere").status, 401);  // nothing is revealed before the token
  EXPECT_TRUE(service_.calls().empty());

  EXPECT_EQ(client().send("GET", "/accounts", "", {"Authorization: Bearer s3cret-token"}).status, 200);
  EXPECT_EQ(client().send("POST", "/accounts/ACC1/deposits", R"({"amount":"1"})",
                          {kAlice, "Authorization: bearer s3cret-token"})
                .status,
            200);
  EXPECT_EQ(service_.calls().size(), 2u);
}

}  // namespace
}  // namespace gateway::testing
