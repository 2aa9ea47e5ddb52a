// The gatewayctl executable against a real admin server (fake service behind it): what it sends,
// what it prints, and its exit codes.

#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>

#include "tests/gateway/admin/admin_server_fixture.h"
#include "tests/gateway/admin/process_runner.h"

namespace gateway::testing {
namespace {

const char* const kStatusJson = R"({
  "ok": true, "account": "ACC1", "currency": "USD", "state": "CALL", "halted": false,
  "numbers": {"equity": "95000.00", "maintenance": "90000.00", "initial": "120000.00",
              "availableFunds": "-25000.00", "amountToCure": "25000.00", "deficitToMaintenance": "0.00",
              "health": "1.05555555"},
  "call": {"callId": "CALL-7", "deadline": "2024-03-01T16:00:00Z", "notifiedAmountToCure": "25000.00"},
  "positions": [{"symbol": "ESH4", "quantity": "10", "averagePrice": "5000.25", "mark": "4990.00",
                 "unrealized": "-5125.00", "maintenance": "90000.00", "initial": "120000.00"}]
})";

class GatewayctlCliTest : public AdminServerFixture {
 protected:
  void SetUp() override { startServer(); }

  ProcessResult gatewayctl(std::vector<std::string> arguments) const {
    arguments.insert(arguments.begin(),
                     {GATEWAYCTL_PATH, "--port", std::to_string(port()), "--user", "carol", "--timeout", "20"});
    return runProcess(arguments);
  }
};

TEST_F(GatewayctlCliTest, StatusPrintsTheAccountReadably) {
  service_.answerWith({200, kStatusJson});
  const ProcessResult result = gatewayctl({"status", "ACC1"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  const auto calls = service_.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "accountStatus");
  EXPECT_EQ(calls[0].account, "ACC1");
  for (const char* expected : {"Account ACC1 (USD)", "state           CALL", "equity          95000.00",
                               "maintenance     90000.00", "initial         120000.00", "available       -25000.00",
                               "amount to cure  25000.00", "deficit         0.00", "health          1.05555555",
                               "call            CALL-7", "deadline        2024-03-01T16:00:00Z", "ESH4", "5000.25",
                               "-5125.00"}) {
    EXPECT_NE(result.out.find(expected), std::string::npos) << "missing '" << expected << "' in\n" << result.out;
  }
}

TEST_F(GatewayctlCliTest, StatusWithJsonPrintsTheAnswerAsItCame) {
  service_.answerWith({200, kStatusJson});
  const ProcessResult result = gatewayctl({"--json", "status", "ACC1"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, std::string(kStatusJson) + "\n");
}

TEST_F(GatewayctlCliTest, DepositSendsTheAmountTextAndTheReference) {
  service_.answerWith({200, R"({"ok":true,"message":"deposit confirmed","cash":"112340.50"})"});
  const ProcessResult result = gatewayctl({"deposit", "ACC1", "12340.50", "--reference", "WIRE-1"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  const auto calls = service_.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "confirmDeposit");
  EXPECT_EQ(calls[0].account, "ACC1");
  EXPECT_EQ(calls[0].amount, "12340.50");
  EXPECT_EQ(calls[0].reference, "WIRE-1");
  EXPECT_EQ(calls[0].user, "carol");
  EXPECT_NE(result.out.find("deposit: done: deposit confirmed"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("cash: 112340.50"), std::string::npos) << result.out;
}

TEST_F(GatewayctlCliTest, EachCommandReachesItsMethod) {
  EXPECT_EQ(gatewayctl({"accounts"}).exitCode, 0);
  EXPECT_EQ(gatewayctl({"withdraw", "ACC 2", "10", "--reference", "OUT-1"}).exitCode, 0);
  EXPECT_EQ(gatewayctl({"halt", "ACC1", "--reason", "KYC review"}).exitCode, 0);
  EXPECT_EQ(gatewayctl({"resume", "ACC1"}).exitCode, 0);
  EXPECT_EQ(gatewayctl({"reload"}).exitCode, 0);
  const auto calls = service_.calls();
  ASSERT_EQ(calls.size(), 5u);
  EXPECT_EQ(calls[0].method, "listAccounts");
  EXPECT_EQ(calls[1].method, "withdraw");
  EXPECT_EQ(calls[1].account, "ACC 2");  // percent-encoded on the way, decoded by the server
  EXPECT_EQ(calls[1].amount, "10");
  EXPECT_EQ(calls[2].method, "halt");
  EXPECT_EQ(calls[2].reason, "KYC review");
  EXPECT_EQ(calls[3].method, "resume");
  EXPECT_EQ(calls[4].method, "reloadConfig");
  EXPECT_EQ(calls[4].user, "carol");
}

TEST_F(GatewayctlCliTest, ARefusalExits1AndSaysWhy) {
  service_.answerWith({409, R"({"ok":false,"code":"WITHDRAWAL_EXCEEDS_AVAILABLE","message":"only 100.00 available"})"});
  const ProcessResult result = gatewayctl({"withdraw", "ACC1", "500"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("refused (HTTP 409): WITHDRAWAL_EXCEEDS_AVAILABLE: only 100.00 available"),
            std::string::npos)
      << result.err;
}

TEST_F(GatewayctlCliTest, AnUnknownAccountExits1) {
  service_.answerWith({404, R"({"ok":false,"code":"UNKNOWN_ACCOUNT","message":"no account NOPE"})"});
  EXPECT_EQ(gatewayctl({"status", "NOPE"}).exitCode, 1);
}

TEST_F(GatewayctlCliTest, BadUsageExits2WithoutCallingTheGateway) {
  EXPECT_EQ(gatewayctl({"deposit", "ACC1"}).exitCode, 2);
  EXPECT_EQ(gatewayctl({"frobnicate"}).exitCode, 2);
  EXPECT_EQ(gatewayctl({"halt", "ACC1", "--reference", "x"}).exitCode, 2);
  EXPECT_EQ(gatewayctl({}).exitCode, 2);
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(GatewayctlCliTest, NoServerExits3NamingHostAndPort) {
  // A socket bound but not listening: connecting to its port is refused, and nobody else can take it.
  boost::asio::io_context context;
  boost::asio::ip::tcp::acceptor bound(context);
  bound.open(boost::asio::ip::tcp::v4());
  bound.bind({boost::asio::ip::address_v4::loopback(), 0});
  const std::string closedPort = std::to_string(bound.local_endpoint().port());
  const ProcessResult result = runProcess({GATEWAYCTL_PATH, "--port", closedPort, "status", "ACC1"});
  EXPECT_EQ(result.exitCode, 3);
  EXPECT_NE(result.err.find("127.0.0.1:" + closedPort), std::string::npos) << result.err;
}

class GatewayctlTokenTest : public AdminServerFixture {
 protected:
  void SetUp() override { startServer("t0ken"); }
};

TEST_F(GatewayctlTokenTest, TheTokenOptionIsSentAndAMissingOneExits1) {
  const std::string portText = std::to_string(port());
  EXPECT_EQ(runProcess({GATEWAYCTL_PATH, "--port", portText, "accounts"}).exitCode, 1);
  EXPECT_EQ(runProcess({GATEWAYCTL_PATH, "--port", portText, "--token", "t0ken", "accounts"}).exitCode, 0);
}

}  // namespace
}  // namespace gateway::testing
