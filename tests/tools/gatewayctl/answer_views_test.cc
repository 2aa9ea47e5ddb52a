// What gatewayctl prints for the gateway's answers, without a gateway.

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tools/gatewayctl/answer_views.h"

namespace gatewayctl {
namespace {

TEST(AnswerViewsTest, StatusShowsTheNumbersTheCallAndThePositions) {
  const auto answer = nlohmann::json::parse(R"({
    "ok": true, "account": "ACC1", "currency": "USD", "state": "CALL", "halted": true,
    "equity": "95000.00", "maintenance": "90000.00", "initial": "120000.00", "availableFunds": "-25000.00",
    "amountToCure": "25000.00", "deficitToMaintenance": "0.00", "health": "1.05555555",
    "call": {"callId": "CALL-7", "deadline": "2024-03-01T16:00:00Z"},
    "positions": [{"symbol": "ESH4", "quantity": "10", "averagePrice": "5000.25", "mark": "4990.00",
                   "unrealized": "-5125.00", "maintenance": "90000.00", "initial": "120000.00"},
                  {"symbol": "NQH4", "quantity": "-2", "averagePrice": "17000", "mark": null}]})");
  std::ostringstream out;
  printStatusView(out, answer);
  EXPECT_EQ(out.str(),
            "Account ACC1 (USD)\n"
            "  state           CALL, HALTED\n"
            "  equity          95000.00\n"
            "  maintenance     90000.00\n"
            "  initial         120000.00\n"
            "  available       -25000.00\n"
            "  amount to cure  25000.00\n"
            "  deficit         0.00\n"
            "  health          1.05555555\n"
            "  call            CALL-7\n"
            "  deadline        2024-03-01T16:00:00Z\n"
            "Positions\n"
            "  symbol  quantity  avg price     mark  unrealized  maintenance    initial\n"
            "  ESH4          10    5000.25  4990.00    -5125.00     90000.00  120000.00\n"
            "  NQH4          -2      17000        -           -            -          -\n");
}

TEST(AnswerViewsTest, StatusReadsSnakeCaseAndANestedSnapshot) {
  const auto answer = nlohmann::json::parse(R"({"ok": true, "account": {"account": "B", "state": "NORMAL",
    "snapshot": {"equity": "10", "available_funds": "4", "health_unbounded": true}, "call": null, "positions": []}})");
  std::ostringstream out;
  printStatusView(out, answer);
  const std::string text = out.str();
  EXPECT_NE(text.find("Account B\n"), std::string::npos) << text;
  EXPECT_NE(text.find("equity          10\n"), std::string::npos) << text;
  EXPECT_NE(text.find("available       4\n"), std::string::npos) << text;
  EXPECT_NE(text.find("health          unbounded"), std::string::npos) << text;
  EXPECT_NE(text.find("call            none\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Positions: none\n"), std::string::npos) << text;
}

TEST(AnswerViewsTest, StatusReadsNumbersGroupedUnderNumbersAndANullHealthAsUnbounded) {
  const auto answer = nlohmann::json::parse(R"({"ok": true, "account": "C", "state": "NORMAL", "halted": false,
    "numbers": {"equity": "250.00", "maintenance": "0.00", "initial": "0.00", "availableFunds": "250.00",
                "amountToCure": "0.00", "deficitToMaintenance": "0.00", "health": null},
    "positions": [], "call": null})");
  std::ostringstream out;
  printStatusView(out, answer);
  EXPECT_EQ(out.str(),
            "Account C\n"
            "  state           NORMAL\n"
            "  equity          250.00\n"
            "  maintenance     0.00\n"
            "  initial         0.00\n"
            "  available       250.00\n"
            "  amount to cure  0.00\n"
            "  deficit         0.00\n"
            "  health          unbounded (no maintenance)\n"
            "  call            none\n"
            "Positions: none\n");
}

TEST(AnswerViewsTest, AnOutcomeThatIsTheAccountReportIsShownLikeStatus) {
  const auto answer = nlohmann::json::parse(R"({"ok": true, "account": "C", "state": "NORMAL",
    "numbers": {"equity": "12590.50"}, "positions": [], "call": null,
    "action": "deposit", "amount": "12340.5", "reference": "WIRE-1"})");
  std::ostringstream out;
  printOutcomeView(out, "deposit", answer);
  const std::string text = out.str();
  EXPECT_EQ(text.rfind("deposit: done (amount 12340.5, reference WIRE-1)\nAccount C\n", 0), 0u) << text;
  EXPECT_NE(text.find("  equity          12590.50\n"), std::string::npos) << text;
}

TEST(AnswerViewsTest, AccountsIsATableOfTheColumnsPresent) {
  const auto answer = nlohmann::json::parse(
      R"({"ok":true,"accounts":[{"account":"ACC1","state":"NORMAL","equity":"100.00"},
                                {"account":"HEDGE-22","state":"CALL","equity":"-5.50"}]})");
  std::ostringstream out;
  printAccountsView(out, answer);
  EXPECT_EQ(out.str(),
            "account   state   equity\n"
            "ACC1      NORMAL  100.00\n"
            "HEDGE-22  CALL     -5.50\n");
}

TEST(AnswerViewsTest, AccountsAsPlainNames) {
  std::ostringstream out;
  printAccountsView(out, nlohmann::json::parse(R"({"ok":true,"accounts":["ACC1","ACC2"]})"));
  EXPECT_EQ(out.str(), "ACC1\nACC2\n");
}

TEST(AnswerViewsTest, OutcomeAndRefusal) {
  std::ostringstream out;
  printOutcomeView(out, "deposit", nlohmann::json::parse(R"({"ok":true,"message":"credited","cash":"5.00"})"));
  EXPECT_EQ(out.str(), "deposit: done: credited\n  cash: 5.00\n");
  std::ostringstream err;
  printRefusalView(err, 409,
                   nlohmann::json::parse(R"({"ok":false,"code":"HALTED","message":"account halted","since":"t"})"));
  EXPECT_EQ(err.str(), "gatewayctl: refused (HTTP 409): HALTED: account halted\n  since: t\n");
}

}  // namespace
}  // namespace gatewayctl
