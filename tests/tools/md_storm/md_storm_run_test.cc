// tools/md_storm/run end to end: the real risk-gateway and md-storm on free loopback ports with
// generated configuration in a temporary folder, at a low rate; checks the JSON it leaves.
// Correctness only: no timing assertions.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

fs::path makeTempFolder() {
  std::string pattern = (fs::temp_directory_path() / "md-storm-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::string readText(const fs::path& path) {
  std::ifstream file(path);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

// Runs tools/md_storm/run into `out` with `arguments` (its output in `out`/run.out, returned in
// `printed`), checks that it exited 0 and left an md-storm.json of a completed run, parsed into
// `json`. Call under ASSERT_NO_FATAL_FAILURE.
void runStorm(const fs::path& out, const std::string& arguments, nlohmann::json& json, std::string& printed) {
  const std::string command = std::string(MD_STORM_RUN) + " --build " + MD_STORM_BUILD_DIR + " --out " +
                              out.string() + " " + arguments + " > " + (out / "run.out").string() + " 2>&1";
  const int status = std::system(command.c_str());
  printed = readText(out / "run.out");
  ASSERT_EQ(status, 0) << printed;

  std::ifstream file(out / "md-storm.json");
  ASSERT_TRUE(file.good()) << printed;
  json = nlohmann::json::parse(file);
  EXPECT_TRUE(json.at("completed").get<bool>()) << json.at("stopReason").get<std::string>();
}

TEST(MdStormRunTest, FiveBreachesAtALowRateAllAnswered) {
  const fs::path out = makeTempFolder();
  nlohmann::json json;
  std::string printed;
  ASSERT_NO_FATAL_FAILURE(
      runStorm(out, "--symbols 4 -- --rate 2000 --breaches 5 --warmup 1 --breach-every-ms 50", json, printed));
  const nlohmann::json& calls = json.at("breachToCall");
  EXPECT_EQ(calls.at("breaches").get<int>(), 5);
  EXPECT_EQ(calls.at("breachesRun").get<int>(), 5);
  EXPECT_EQ(calls.at("samples").get<int>(), 5);
  EXPECT_EQ(calls.at("misses").get<int>(), 0);
  EXPECT_EQ(calls.at("warmupMisses").get<int>(), 0);
  EXPECT_EQ(calls.at("settleTimeouts").get<int>(), 0);
  EXPECT_EQ(calls.at("strayCalls").get<int>(), 0);
  EXPECT_EQ(calls.at("samplesMicros").size(), 5u);
  const double minimum = calls.at("minMicros").get<double>();
  const double p50 = calls.at("p50Micros").get<double>();
  const double p90 = calls.at("p90Micros").get<double>();
  const double p99 = calls.at("p99Micros").get<double>();
  const double maximum = calls.at("maxMicros").get<double>();
  EXPECT_GT(minimum, 0);
  EXPECT_LE(minimum, p50);
  EXPECT_LE(p50, p90);
  EXPECT_LE(p90, p99);
  EXPECT_LE(p99, maximum);

  const nlohmann::json& marketData = json.at("marketData");
  EXPECT_GT(marketData.at("updatesSent").get<long>(), 0);
  EXPECT_EQ(marketData.at("sendFailures").get<long>(), 0);
  EXPECT_TRUE(marketData.at("sentinelAnswered").get<bool>());
  EXPECT_GT(marketData.at("sentRate").get<double>(), 0);
  EXPECT_EQ(json.at("settings").at("rate").get<int>(), 2000);
  EXPECT_EQ(json.at("settings").at("symbols").get<int>(), 4);
  EXPECT_EQ(json.at("prices").at("breach").get<std::string>(), "83.76");

  // The gateway really issued the calls and cured them by prices (its business log).
  const std::string logText = readText(out / "logs" / "gateway.log");
  EXPECT_NE(logText.find("CALL_ISSUED MC-7 "), std::string::npos) << "6 breaches and the sentinel: 7 calls";
  EXPECT_EQ(logText.find("CALL_ISSUED MC-8 "), std::string::npos);
  EXPECT_NE(logText.find("CALL_CLOSED MC-7 account=ACC-STORM outcome=CURED_BY_PRICES"), std::string::npos);
  EXPECT_EQ(logText.find("CALL_ESCALATED"), std::string::npos);
  EXPECT_EQ(logText.find("LIQUIDATION_PLAN"), std::string::npos);
  fs::remove_all(out);
}

// With --order-rate, a second client's orders flow during the storm: every one is answered, none
// lost or refused, and the breaches are still measured.
TEST(MdStormRunTest, OrdersFlowDuringTheStormAllAnswered) {
  const fs::path out = makeTempFolder();
  nlohmann::json json;
  std::string printed;
  ASSERT_NO_FATAL_FAILURE(runStorm(
      out, "--symbols 4 --order-rate 200 -- --rate 2000 --breaches 3 --warmup 1 --breach-every-ms 100", json, printed));
  EXPECT_EQ(json.at("settings").at("orderRate").get<int>(), 200);
  const nlohmann::json& calls = json.at("breachToCall");
  EXPECT_EQ(calls.at("breachesRun").get<int>(), 3);
  EXPECT_EQ(calls.at("samples").get<int>(), 3);
  EXPECT_EQ(calls.at("misses").get<int>(), 0);

  ASSERT_TRUE(json.contains("orders")) << printed;
  const nlohmann::json& orders = json.at("orders");
  EXPECT_EQ(orders.at("offeredRate").get<int>(), 200);
  const long sent = orders.at("sent").get<long>();
  EXPECT_GT(sent, 0);
  EXPECT_EQ(orders.at("answered").get<long>(), sent);
  EXPECT_EQ(orders.at("lost").get<long>(), 0);
  EXPECT_EQ(orders.at("rejected").get<long>(), 0);
  EXPECT_EQ(orders.at("sendFailures").get<long>(), 0);
  EXPECT_EQ(orders.at("strayReports").get<long>(), 0);
  EXPECT_GT(orders.at("minMicros").get<double>(), 0);
  EXPECT_LE(orders.at("p50Micros").get<double>(), orders.at("p99Micros").get<double>());
  EXPECT_LE(orders.at("p99Micros").get<double>(), orders.at("p999Micros").get<double>());
  EXPECT_LE(orders.at("p999Micros").get<double>(), orders.at("maxMicros").get<double>());

  // The configuration carried the flow's session and account, and the gateway accepted the orders.
  const std::string settingsText = readText(out / "config" / "gateway.cfg");
  EXPECT_NE(settingsText.find("Accounts=ACC-FLOW"), std::string::npos);
  const std::string logText = readText(out / "logs" / "gateway.log");
  EXPECT_NE(logText.find(":FLOW-0 account=ACC-FLOW"), std::string::npos);
  EXPECT_EQ(logText.find("ORDER_DENIED"), std::string::npos);
  EXPECT_EQ(logText.find("LIQUIDATION_PLAN"), std::string::npos);
  fs::remove_all(out);
}

}  // namespace
