#pragma once

// The whole gateway in-process (GatewayApp) between a real venue simulator and real FIX clients,
// all over loopback on free ports. What the tests know of the gateway, they learn through FIX.

#include <gtest/gtest.h>

#include <quickfix/Message.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "gateway/app/gateway_app.h"
#include "tests/gateway/app/app_test_data.h"
#include "tests/gateway/fix/support/test_counterparty.h"
#include "tests/support/free_port.h"
#include "tools/venue_sim/venue_simulator.h"

namespace gateway {
namespace testing {

using fix::testing::CounterpartyOptions;
using fix::testing::TestCounterparty;

// Three clients (CLIENT1 and CLIENT3 trade ACC-1; CLIENT2 trades ACC-2 and ACC-3) and the venue.
inline std::string gatewaySettings() {
  using namespace fix::testing;
  return defaultSection("", "ReconnectInterval=1\nSocketNodelay=Y\n") + twoClientSessions() +
         clientSession("CLIENT3", "secret-3", "ACC-1") +
         // The simulator keeps no sequence numbers across a restart: reset on each logon.
         venueSession() + "ResetOnLogon=Y\n";
}

class EndToEndTest : public ::testing::Test {
 protected:
  using Message = FIX::Message;

  void TearDown() override {
    for (auto& client : clients_) client->stop();
    if (gateway_) gateway_->stop();
    if (venue_) venue_->stop(true);
  }

  // Venue first, with its market at 100 (so that the gateway finds both), then the gateway.
  void startAll(const venue_sim::VenueConfig& venueTweaks = venue_sim::VenueConfig()) {
    venuePort_ = test_support::findFreePort();
    clientPort_ = test_support::findFreePort();
    startVenue(venueTweaks);
    const std::string dir = ::testing::TempDir() + "end_to_end_" + std::to_string(clientPort_);
    const std::string riskPath = dir + "-risk.toml";
    std::ofstream(riskPath) << riskToml_;
    app::GatewayAppOptions options;
    options.fix.settingsText = gatewaySettings();
    options.fix.clientPort = clientPort_;
    options.fix.venuePort = venuePort_;
    options.fix.dictionaryPath = GATEWAY_FIX_DICTIONARY;
    options.riskConfigPath = riskPath;
    options.logDir = dir + "-logs";
    // A fresh gateway: a data folder no earlier run used (no journal to recover).
    options.dataDir = dir + "-data-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    dataDir_ = options.dataDir;
    options.adminPort = 0;
    std::string error;
    gateway_ = app::GatewayApp::create(options, error);
    ASSERT_NE(gateway_, nullptr) << error;
    gateway_->start();
    ASSERT_TRUE(venue_->waitForLogon("GATEWAY", std::chrono::seconds(10)));
    ASSERT_TRUE(waitFor([&] { return venue_->subscriptionCount() > 0; }));
  }

  // Starts everything and logs CLIENT1 on once ACC-1's marks are in (equity 10,000, flat); null (with
  // the failure recorded) if any of that does not happen.
  TestCounterparty* startWithClient1() {
    startAll();
    if (HasFatalFailure()) return nullptr;
    TestCounterparty& client = connect("CLIENT1", "secret-1");
    if (!client.waitLoggedOn()) {
      ADD_FAILURE() << "CLIENT1 did not log on";
      return nullptr;
    }
    if (!probeUntil(client, "ACC-1", "equity=10000")) {
      ADD_FAILURE() << "ACC-1's marks did not arrive";
      return nullptr;
    }
    return &client;
  }

  void startVenue(const venue_sim::VenueConfig& tweaks) {
    venue_sim::VenueConfig config = tweaks;
    config.port = venuePort_;
    config.dictionaryPath = GATEWAY_FIX_DICTIONARY;
    venue_.reset(new venue_sim::VenueSimulator(config));
    venue_->start();
    // The venue lists FUT (bid 99.99, ask 100.01, last 100: mark 100) before anyone subscribes.
    venue_->setMarket("FUT", raw("99.99"), raw("100.01"), raw("100"));
  }

  TestCounterparty& connect(const std::string& compId, const std::string& password) {
    CounterpartyOptions options;
    options.senderCompId = compId;
    options.targetCompId = "BROKER";
    options.port = clientPort_;
    options.password = password;
    clients_.emplace_back(new TestCounterparty(options));
    clients_.back()->start();
    return *clients_.back();
  }

  // The next ExecutionReport for `clOrdId` with `execType`.
  static bool execution(TestCounterparty& client, const std::string& clOrdId, char execType, Message& report,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    return client.waitForMessageWhere(
        "8",
        [&](const Message& m) {
          return m.getField(FIX::FIELD::ClOrdID) == clOrdId &&
                 m.getField(FIX::FIELD::ExecType) == std::string(1, execType);
        },
        report, timeout);
  }

  // Sends an order that the risk core must refuse for its size, and returns the refusal's Text:
  // it carries the account's equity and margins, which is how a test sees marks arrive.
  std::string probe(TestCounterparty& client, const std::string& account) {
    const std::string id = "PROBE-" + std::to_string(++probes_);
    // A market order: no collar, valued at the mark (1,000 x 10 x mark needs far more than 10,000).
    EXPECT_TRUE(client.send(newOrder(id, account, '1', "1000", "", '1')));
    Message report;
    if (!execution(client, id, '8', report)) return "no answer";
    return report.getField(FIX::FIELD::Text);
  }

  // Probes until the refusal's Text contains `expected` (a mark has been applied).
  bool probeUntil(TestCounterparty& client, const std::string& account, const std::string& expected) {
    return waitFor([&] { return probe(client, account).find(expected) != std::string::npos; });
  }

  // The first column of the first row of `sql` on the gateway's database, as text ("<none>" when no
  // row). Stop the gateway first: its store thread writes behind.
  std::string queryStore(const std::string& sql) const {
    sqlite3* db = nullptr;
    std::string out = "<none>";
    if (sqlite3_open_v2((dataDir_ + "/gateway.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* statement = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        out = std::string("error: ") + sqlite3_errmsg(db);
      } else if (sqlite3_step(statement) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(statement, 0);
        out = text != nullptr ? reinterpret_cast<const char*>(text) : "";
      }
      sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return out;
  }

  template <class Condition>
  static bool waitFor(Condition condition, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (condition()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling a condition, not a fixed wait
    }
    return condition();
  }

  std::string riskToml_ = kRiskToml;  // a test may change it before startAll()
  int venuePort_ = 0;
  int clientPort_ = 0;
  std::string dataDir_;
  std::unique_ptr<venue_sim::VenueSimulator> venue_;
  std::unique_ptr<app::GatewayApp> gateway_;
  std::vector<std::unique_ptr<TestCounterparty>> clients_;
  int probes_ = 0;
};

}  // namespace testing
}  // namespace gateway
