// fix-load end to end: the real executable against an in-process venue simulator on a free
// loopback port (three sessions LOAD1..3 to BROKER). Checks counts and the JSON's shape, never
// timings.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/tools/fix_load/load_process.h"
#include "tools/venue_sim/venue_simulator.h"

namespace fix_load_test {
namespace {

constexpr std::chrono::seconds kRunTimeout(60);
constexpr std::int64_t kScale = 100000000;  // 1e-8 fixed point

class FixLoadIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = makeTempDir();
    venue_sim::VenueConfig config;
    config.port = findFreePort();
    config.senderCompId = "BROKER";
    config.clientCompIds = {"LOAD1", "LOAD2", "LOAD3"};
    config.dictionaryPath = FIX_LOAD_DICTIONARY;
    venue_ = std::make_unique<venue_sim::VenueSimulator>(config);
    venue_->start();
    // Bid 99.99, ask 100.01: a buy at 1 never crosses, a buy at 101 / a sell at 99 always do.
    venue_->setMarket("SYM", 9999 * kScale / 100, 10001 * kScale / 100, 100 * kScale);
  }

  void TearDown() override {
    if (venue_) venue_->stop(true);
    std::filesystem::remove_all(dir_);
  }

  // Three sessions (the venue knows LOAD1..3) unless `sessions` says otherwise.
  std::vector<std::string> baseArgs(const std::string& sessions, const std::string& logonTimeout) const {
    return {"--port", std::to_string(venue_->config().port), "--sessions", sessions, "--target-comp-id", "BROKER",
            "--password-format", "load-{n}", "--dictionary", FIX_LOAD_DICTIONARY, "--symbol", "SYM",
            "--json", dir_ + "/out.json", "--logon-timeout", logonTimeout};
  }

  ProcessResult run(std::vector<std::string> extra, const std::string& sessions = "3",
                    const std::string& logonTimeout = "20") {
    std::vector<std::string> args = baseArgs(sessions, logonTimeout);
    args.insert(args.end(), extra.begin(), extra.end());
    return runProcess(FIX_LOAD_EXECUTABLE, args, dir_, kRunTimeout);
  }

  nlohmann::json json() const { return nlohmann::json::parse(readFile(dir_ + "/out.json")); }

  static void expectOrdered(const nlohmann::json& step) {
    const nlohmann::json& latency = step["latency_us"];
    EXPECT_LE(latency["min"].get<double>(), latency["p50"].get<double>());
    EXPECT_LE(latency["p50"].get<double>(), latency["p90"].get<double>());
    EXPECT_LE(latency["p90"].get<double>(), latency["p99"].get<double>());
    EXPECT_LE(latency["p99"].get<double>(), latency["p99_9"].get<double>());
    EXPECT_LE(latency["p99_9"].get<double>(), latency["max"].get<double>());
    EXPECT_GT(latency["min"].get<double>(), 0);
  }

  std::string dir_;
  std::unique_ptr<venue_sim::VenueSimulator> venue_;
};

TEST_F(FixLoadIntegrationTest, IocOrdersAreAllAnsweredAndMeasured) {
  const ProcessResult result = run({"--rate", "200", "--count", "400", "--warmup", "50"});
  ASSERT_TRUE(result.finished);
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const nlohmann::json doc = json();
  EXPECT_EQ(doc["tool"], "fix-load");
  EXPECT_EQ(doc["config"]["sessions"], 3);
  EXPECT_EQ(doc["config"]["order_mode"], "ioc");
  ASSERT_EQ(doc["steps"].size(), 1u);
  const nlohmann::json& step = doc["result"];
  EXPECT_EQ(step["sent"], 450);  // 400 measured + 50 warm-up
  EXPECT_EQ(step["answered"], 450);
  EXPECT_EQ(step["lost"], 0);
  EXPECT_EQ(step["rejected"], 0);
  EXPECT_EQ(step["measured"], 400);
  EXPECT_EQ(step["latency_us"]["samples"], 400);
  expectOrdered(step);
  EXPECT_NE(result.out.find("offered/s"), std::string::npos);  // the table

  // Every order reached the venue, round robin over the three sessions, with its session's account,
  // and none is left resting (IOC away from the market: New, then Canceled).
  const std::vector<venue_sim::VenueOrder> orders = venue_->orders();
  ASSERT_EQ(orders.size(), 450u);
  int perSession[3] = {0, 0, 0};
  for (const venue_sim::VenueOrder& order : orders) {
    const int n = order.account.back() - '0';
    ASSERT_TRUE(n >= 1 && n <= 3) << order.account;
    EXPECT_EQ(order.account, "ACC-" + std::to_string(n));
    ++perSession[n - 1];
  }
  EXPECT_EQ(perSession[0], 150);
  EXPECT_EQ(perSession[1], 150);
  EXPECT_EQ(perSession[2], 150);
  EXPECT_TRUE(venue_->restingOrders().empty());
}

TEST_F(FixLoadIntegrationTest, CrossAlternateFillsBothWays) {
  const ProcessResult result = run({"--rate", "300", "--count", "60", "--warmup", "0", "--order-mode",
                                    "cross-alternate", "--cross-buy-price", "101", "--cross-sell-price", "99"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(json()["result"]["answered"], 60);
  // Each session sent 20 orders: buy, sell, buy, ... so every account ends flat.
  int buys = 0, sells = 0, filled = 0;
  for (const venue_sim::VenueOrder& order : venue_->orders()) {
    (order.side == venue_sim::Side::kBuy ? buys : sells)++;
    if (order.cumQty == order.orderQty) ++filled;
  }
  EXPECT_EQ(buys, 30);
  EXPECT_EQ(sells, 30);
  EXPECT_EQ(filled, 60);
}

TEST_F(FixLoadIntegrationTest, CountsRejects) {
  // The venue does not know this symbol: every order's first report is a reject (OrdStatus 8).
  const ProcessResult result = run({"--symbol", "NOPE", "--rate", "300", "--count", "30", "--warmup", "0"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  // --symbol is repeatable: SYM and NOPE alternate per session, so half of each session's orders.
  const nlohmann::json step = json()["result"];
  EXPECT_EQ(step["answered"], 30);
  EXPECT_EQ(step["rejected"], 15);
}

TEST_F(FixLoadIntegrationTest, FindMaxRecordsEveryStep) {
  const ProcessResult result = run({"--find-max", "--rates", "100,200", "--count", "50", "--warmup", "10"});
  ASSERT_TRUE(result.finished);
  ASSERT_TRUE(result.exitCode == 0 || result.exitCode == 1) << result.err;  // pass or not is timing
  const nlohmann::json doc = json();
  ASSERT_EQ(doc["steps"].size(), 2u);
  EXPECT_EQ(doc["steps"][0]["offered_rate"], 100);
  EXPECT_EQ(doc["steps"][1]["offered_rate"], 200);
  for (const nlohmann::json& step : doc["steps"]) {
    EXPECT_EQ(step["sent"], 60);
    EXPECT_EQ(step["answered"], 60);
    expectOrdered(step);
  }
  EXPECT_TRUE(doc.contains("max_sustainable_rate"));
  // "highest sustainable rate: ..." or "no rate was sustained": which one depends on the machine.
  EXPECT_NE(result.out.find("sustain"), std::string::npos) << result.out;
}

TEST_F(FixLoadIntegrationTest, NamesSessionsThatDidNotLogOn) {
  // LOAD4 is not configured at the venue: it is never logged on.
  const ProcessResult result = run({"--count", "1"}, "4", "2");
  ASSERT_TRUE(result.finished);
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("1 of 4 sessions did not log on"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("LOAD4"), std::string::npos) << result.err;
}

TEST_F(FixLoadIntegrationTest, BadUsageExitsTwo) {
  const ProcessResult result = runProcess(FIX_LOAD_EXECUTABLE, {"--port", "1"}, dir_, kRunTimeout);
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("--symbol"), std::string::npos);
}

}  // namespace
}  // namespace fix_load_test
