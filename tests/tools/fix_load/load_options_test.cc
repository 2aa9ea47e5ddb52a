#include "tools/fix_load/load_options.h"

#include <gtest/gtest.h>

namespace fix_load {
namespace {

ParsedOptions parse(std::vector<std::string> args) { return parseOptions(args); }

TEST(LoadOptionsTest, DefaultsAndRequiredFlags) {
  const ParsedOptions p = parse({"--port", "9000", "--symbol", "AAPL"});
  ASSERT_EQ(p.outcome, ParsedOptions::Outcome::kRun) << p.message;
  EXPECT_EQ(p.config.host, "127.0.0.1");
  EXPECT_EQ(p.config.sessions, 1);
  EXPECT_EQ(p.config.senderCompIdFormat, "LOAD{n}");
  EXPECT_EQ(p.config.targetCompId, "BROKER");
  EXPECT_TRUE(p.config.resetOnLogon);
  EXPECT_EQ(p.config.mode, OrderMode::kIoc);
  EXPECT_EQ(p.config.side, '1');
  EXPECT_EQ(p.config.count, 100000);
  EXPECT_EQ(p.config.warmup, 20000);
  EXPECT_FALSE(p.config.findMax);
}

TEST(LoadOptionsTest, ReadsEveryFlag) {
  const ParsedOptions p = parse({"--port", "9000", "--sessions", "3", "--symbol", "A", "--symbol", "B",
                                 "--password-format", "load-{n}", "--reset-on-logon", "no", "--order-mode",
                                 "cross-alternate", "--cross-buy-price", "101", "--cross-sell-price", "99",
                                 "--find-max", "--rates", "1k,2k", "--p99-limit-us", "500", "--json", "x.json"});
  ASSERT_EQ(p.outcome, ParsedOptions::Outcome::kRun) << p.message;
  EXPECT_EQ(p.config.symbols, (std::vector<std::string>{"A", "B"}));
  EXPECT_FALSE(p.config.resetOnLogon);
  EXPECT_EQ(p.config.mode, OrderMode::kCrossAlternate);
  EXPECT_EQ(p.config.rates, (std::vector<double>{1000, 2000}));
  EXPECT_EQ(p.config.p99LimitUs, 500);
  EXPECT_EQ(p.config.jsonPath, "x.json");
  EXPECT_EQ(p.config.passwordFormat, "load-{n}");
}

TEST(LoadOptionsTest, RefusesBadUsage) {
  EXPECT_EQ(parse({"--symbol", "A"}).outcome, ParsedOptions::Outcome::kError);             // no port
  EXPECT_EQ(parse({"--port", "9000"}).outcome, ParsedOptions::Outcome::kError);            // no symbol
  EXPECT_EQ(parse({"--port", "9000", "--symbol", "A", "--sessions", "2", "--sender-comp-id-format", "X"}).outcome,
            ParsedOptions::Outcome::kError);                                              // no {n}
  EXPECT_EQ(parse({"--port", "9000", "--symbol", "A", "--order-mode", "market"}).outcome,
            ParsedOptions::Outcome::kError);
  EXPECT_EQ(parse({"--port", "9000", "--symbol", "A", "--order-mode", "cross-alternate"}).outcome,
            ParsedOptions::Outcome::kError);                                              // no cross prices
  EXPECT_EQ(parse({"--port", "9000", "--symbol", "A", "--price", "-1"}).outcome, ParsedOptions::Outcome::kError);
  EXPECT_EQ(parse({"--port", "9000", "--symbol", "A", "--rates", "1000"}).outcome,
            ParsedOptions::Outcome::kError);                                              // --rates without --find-max
  EXPECT_EQ(parse({"--port", "9000", "--symbol", "A", "--bogus"}).outcome, ParsedOptions::Outcome::kError);
  const ParsedOptions rate = parse({"--port", "9000", "--symbol", "A", "--rate", "0"});
  EXPECT_EQ(rate.outcome, ParsedOptions::Outcome::kError);
  EXPECT_NE(rate.message.find("--rate"), std::string::npos);
}

TEST(LoadOptionsTest, Help) {
  const ParsedOptions p = parse({"--help"});
  EXPECT_EQ(p.outcome, ParsedOptions::Outcome::kHelp);
  EXPECT_NE(p.message.find("--find-max"), std::string::npos);
}

}  // namespace
}  // namespace fix_load
