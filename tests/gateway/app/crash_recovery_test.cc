// Issue 5's crash recovery: the real `risk-gateway` process, killed with SIGKILL in the middle of a
// scenario (positions open, a margin call outstanding, orders resting at the venue) and started again
// on the same data folder, comes back with every account as it was, resumes every FIX session without
// a reset, does not send the call twice, still routes the resting orders, and lets a deposit cure the
// call. A second test does the same through a clean stop (SIGTERM).
//
// The venue simulator and the two FIX clients run in this process and stay up across the restart; the
// clients reconnect by themselves (ReconnectInterval=1) and never reset their sequence numbers.
//
// FUT: multiplier 10, initial 10 %, maintenance 5 %. ACC-1 (CLIENT1) buys 80 at 100.01 and rests a
// sell of 5 at 105; at mark 92: E = 10,000 + 800 x (92 - 100.01) = 3,592 < MM = 80 x 10 x 92 x 5 % =
// 3,680: a CALL (the liquidation floor 0.80 x MM = 2,944 is far). ACC-2 (CLIENT2) buys 10 at 100.01
// and rests a buy of 2 at 90.5: E = 9,199, NORMAL.

#include <gtest/gtest.h>

#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <quickfix/FieldNumbers.h>
#include <quickfix/Message.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "tests/gateway/app/app_test_data.h"
#include "tests/gateway/app/gateway_process.h"
#include "tests/gateway/app/resuming_client.h"
#include "tests/support/child_process.h"
#include "tests/support/free_port.h"
#include "tools/venue_sim/venue_simulator.h"

namespace gateway {
namespace testing {
namespace {

using FIX::Message;
using nlohmann::json;

constexpr std::chrono::seconds kStartTimeout{60};  // a start-up with a journal to replay, under sanitizers

// FUT and the three accounts; a call lasts an hour, escalation by 500.
std::string riskToml() {
  return std::string("\n[defaults]\ncall_grace_seconds = 3600\nescalation_step = \"500\"\n") + kRiskToml;
}

// Two clients and the venue; nobody resets sequence numbers (the venue simulator stays up too).
std::string gatewaySettings() {
  using namespace fix::testing;
  return defaultSection("", "ReconnectInterval=1\nSocketNodelay=Y\nSocketReuseAddress=Y\n"
                            "ResetOnLogon=N\nResetOnLogout=N\nResetOnDisconnect=N\n") +
         twoClientSessions() + venueSession();
}

const char* const kAccounts[] = {"ACC-1", "ACC-2", "ACC-3"};

template <class Condition>
bool waitUntil(Condition condition, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling a condition, not a fixed wait
  }
  return condition();
}

std::string field(const Message& message, int tag) { return message.isSetField(tag) ? message.getField(tag) : ""; }

std::string headerField(const Message& message, int tag) {
  return message.getHeader().isSetField(tag) ? message.getHeader().getField(tag) : "";
}

std::string lastLines(const std::string& text, int count) {
  std::size_t at = text.size();
  for (int i = 0; i <= count && at != std::string::npos && at > 0; ++i) at = text.rfind('\n', at - 1);
  return at == std::string::npos ? text : text.substr(at + 1);
}

Message cancelRequest(const std::string& clOrdId, const std::string& origClOrdId, const std::string& account,
                      char side, const std::string& quantity) {
  Message cancel;
  cancel.getHeader().setField(FIX::FIELD::MsgType, "F");
  cancel.setField(FIX::FIELD::ClOrdID, clOrdId);
  cancel.setField(FIX::FIELD::OrigClOrdID, origClOrdId);
  cancel.setField(FIX::FIELD::Account, account);
  cancel.setField(FIX::FIELD::Symbol, "FUT");
  cancel.setField(FIX::FIELD::Side, std::string(1, side));
  cancel.setField(FIX::FIELD::TransactTime, "20261123-12:00:00.000");
  cancel.setField(FIX::FIELD::OrderQty, quantity);
  return cancel;
}

// The sequence numbers a client session holds.
struct Numbers {
  int nextSender = 0;
  int nextTarget = 0;
};

Numbers numbers(ResumingClient& client) { return Numbers{client.nextSenderSeqNum(), client.nextTargetSeqNum()}; }

Numbers numbersAtDisconnect(ResumingClient& client) {
  return Numbers{client.nextSenderAtDisconnect(), client.nextTargetAtDisconnect()};
}

class CrashRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "crash-recovery-XXXXXX";
    ASSERT_NE(::mkdtemp(&pattern[0]), nullptr);
    folder_ = pattern;
    std::ofstream(folder_ + "/gateway.cfg") << gatewaySettings();
    std::ofstream(folder_ + "/risk.toml") << riskToml();

    clientPort_ = test_support::findFreePort();
    venuePort_ = test_support::findFreePort();

    venue_sim::VenueConfig config;
    config.port = venuePort_;
    config.dictionaryPath = GATEWAY_FIX_DICTIONARY;
    venue_.reset(new venue_sim::VenueSimulator(config));
    venue_->start();
    // The venue lists FUT (bid 99.99, ask 100.01, last 100: mark 100) before the gateway subscribes.
    venue_->setMarket("FUT", raw("99.99"), raw("100.01"), raw("100"));

    gateway_.reset(new GatewayProcess(
        RISK_GATEWAY_BINARY,
        {"--fix-settings", folder_ + "/gateway.cfg", "--risk-config", folder_ + "/risk.toml", "--dictionary",
         GATEWAY_FIX_DICTIONARY, "--log-dir", folder_ + "/logs", "--data-dir", folder_ + "/data", "--client-port",
         std::to_string(clientPort_), "--venue-port", std::to_string(venuePort_), "--admin-port", "0",
         "--timer-ms", "50"},
        folder_ + "/gateway.out"));
    startGateway();
    if (HasFatalFailure()) return;

    client1_.reset(new ResumingClient("CLIENT1", "secret-1", clientPort_, GATEWAY_FIX_DICTIONARY));
    client2_.reset(new ResumingClient("CLIENT2", "secret-2", clientPort_, GATEWAY_FIX_DICTIONARY));
    client1_->start();
    client2_->start();
    ASSERT_TRUE(client1_->waitLogons(1));
    ASSERT_TRUE(client2_->waitLogons(1));
  }

  void TearDown() override {
    if (client1_) client1_->stop();
    if (client2_) client2_->stop();
    gateway_.reset();  // kills the child if it still runs
    if (venue_) venue_->stop(true);
    if (folder_.empty()) return;
    if (HasFailure()) {
      std::cerr << "kept " << folder_ << " (logs/gateway.log, logs/fix-messages.log, gateway.out); "
                << "the end of logs/gateway.log:\n"
                << lastLines(test_support::readFile(folder_ + "/logs/gateway.log"), 40) << "gateway.out:\n"
                << lastLines(test_support::readFile(folder_ + "/gateway.out"), 20);
      return;
    }
    ::nftw(folder_.c_str(), [](const char* file, const struct stat*, int, struct FTW*) { return ::remove(file); },
           16, FTW_DEPTH | FTW_PHYS);
  }

  // The admin port the gateway started last says it listens on ("admin on 127.0.0.1:<port>;" in its
  // output, appended at every start); 0 until it says so. The gateway picks a free port itself
  // (--admin-port 0), so no other test can take it between a choice and a bind.
  int announcedAdminPort() {
    const std::string output = test_support::readFile(folder_ + "/gateway.out");
    const std::string marker = "admin on 127.0.0.1:";
    const std::size_t at = output.rfind(marker);
    if (at == std::string::npos || at < outputSeen_) return 0;
    return std::atoi(output.c_str() + at + marker.size());
  }

  // Starts the binary and waits until it serves its admin interface and is logged on to the venue.
  void startGateway() {
    std::string error;
    outputSeen_ = test_support::readFile(folder_ + "/gateway.out").size();
    ASSERT_TRUE(gateway_->start(error)) << error;
    ASSERT_TRUE(waitUntil(
        [&] {
          adminPort_ = announcedAdminPort();
          return (adminPort_ != 0 && adminGet(adminPort_, "/accounts").status == 200) || !gateway_->running();
        },
        kStartTimeout));
    ASSERT_TRUE(gateway_->running()) << "risk-gateway exited: " << lastLines(test_support::readFile(folder_ + "/gateway.out"), 20);
    ASSERT_TRUE(venue_->waitForLogon("GATEWAY", kStartTimeout));
  }

  // Stops the gateway with `signal` and waits until it is gone and both clients saw it go.
  void stopGateway(int signal, int& status) {
    gateway_->signal(signal);
    ASSERT_TRUE(gateway_->waitExit(std::chrono::seconds(30), status));
    ASSERT_TRUE(client1_->waitDisconnected());
    ASSERT_TRUE(client2_->waitDisconnected());
    ASSERT_TRUE(waitUntil([&] { return !venue_->isLoggedOn("GATEWAY"); }));
  }

  // Starts the gateway again on the same folder and ports and waits for both clients to log on again.
  void restartGateway() {
    startGateway();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(client1_->waitLogons(2, kStartTimeout));
    ASSERT_TRUE(client2_->waitLogons(2, kStartTimeout));
  }

  json account(const std::string& id) {
    const AdminAnswer answer = adminGet(adminPort_, "/accounts/" + id);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return json::parse(answer.body, nullptr, false);
  }

  // The next ExecutionReport for `clOrdId` with `execType`.
  static bool execution(ResumingClient& client, const std::string& clOrdId, char execType, Message& report) {
    return client.waitFor(
        "8",
        [&](const Message& m) {
          return field(m, FIX::FIELD::ClOrdID) == clOrdId && field(m, FIX::FIELD::ExecType) == std::string(1, execType);
        },
        report);
  }

  // Cancels a resting order through `client`, which placed it before the restart: the cancel's
  // report must come back to it under its own ClOrdIDs. False (the test stops there) when the cancel
  // cannot be sent or its report does not come.
  static bool cancelResting(ResumingClient& client, const std::string& clOrdId, const std::string& origClOrdId,
                            const std::string& account, char side, const std::string& quantity) {
    Message m;
    const bool sent = client.send(cancelRequest(clOrdId, origClOrdId, account, side, quantity));
    EXPECT_TRUE(sent) << "cannot send the cancel " << clOrdId;
    if (!sent) return false;
    const bool answered = execution(client, clOrdId, '4', m);
    EXPECT_TRUE(answered) << "no cancel report for " << clOrdId;
    if (!answered) return false;
    EXPECT_EQ(field(m, FIX::FIELD::OrigClOrdID), origClOrdId);
    return true;
  }

  // Sends an order that the risk core must refuse for its size and returns the refusal's Text, which
  // carries the account's equity: how a test sees the first mark arrive.
  std::string probe(ResumingClient& client, const std::string& account) {
    const std::string id = "PROBE-" + std::to_string(++probes_);
    EXPECT_TRUE(client.send(newOrder(id, account, '1', "1000", "", '1')));
    Message report;
    if (!execution(client, id, '8', report)) return "no answer";
    return field(report, FIX::FIELD::Text);
  }

  // Positions, resting orders at the venue, and ACC-1 in a margin call that CLIENT1 has been told of.
  void buildScenario() {
    ASSERT_TRUE(waitUntil([&] { return probe(*client1_, "ACC-1").find("equity=10000") != std::string::npos; }));
    Message m;
    ASSERT_TRUE(client1_->send(newOrder("B-1", "ACC-1", '1', "80", "100.01")));
    ASSERT_TRUE(execution(*client1_, "B-1", 'F', m));
    ASSERT_TRUE(client1_->send(newOrder("R-1", "ACC-1", '2', "5", "105")));  // rests above the market
    ASSERT_TRUE(execution(*client1_, "R-1", '0', m));
    ASSERT_TRUE(client2_->send(newOrder("B-2", "ACC-2", '1', "10", "100.01")));
    ASSERT_TRUE(execution(*client2_, "B-2", 'F', m));
    ASSERT_TRUE(client2_->send(newOrder("R-2", "ACC-2", '1', "2", "90.5")));  // rests below the market
    ASSERT_TRUE(execution(*client2_, "R-2", '0', m));
    ASSERT_EQ(venue_->restingOrders().size(), 2u);

    venue_->setMarket("FUT", raw("91.99"), raw("92.01"), raw("92"));
    ASSERT_TRUE(client1_->waitFor("AX", [](const Message&) { return true; }, m));
    callId_ = field(m, 894);
    EXPECT_FALSE(callId_.empty());
    EXPECT_EQ(field(m, FIX::FIELD::Account), "ACC-1");
    ASSERT_TRUE(client1_->waitFor("BA", [](const Message& x) { return field(x, 5005) == "CALL"; }, m));
    ASSERT_TRUE(waitUntil([&] { return account("ACC-1")["state"] == "CALL"; }));

    const json one = account("ACC-1");
    ASSERT_TRUE(one["call"].is_object()) << one.dump(2);
    EXPECT_EQ(one["call"]["callId"], callId_);
    EXPECT_EQ(one["openOrders"], 1);
    EXPECT_EQ(one["positions"][0]["quantity"], "80");
    const json two = account("ACC-2");
    EXPECT_EQ(two["state"], "NORMAL");
    EXPECT_EQ(two["openOrders"], 1);
    EXPECT_EQ(two["positions"][0]["quantity"], "10");
  }

  std::vector<json> accounts() {
    std::vector<json> all;
    for (const char* id : kAccounts) all.push_back(account(id));
    return all;
  }

  // The session resumed: the gateway's Logon on the second connection continued its numbers exactly
  // where `before` left them (no reset, no gap), the gateway remembered every message the client had
  // sent, and the client's own numbers carried on.
  //
  // A ResendRequest from the gateway is allowed only above what it had received: QuickFIX's initiator
  // writes a Logon (and spends a sequence number) on each connection attempt, also on those the kernel
  // refuses while the gateway is down; the client fills that gap (SequenceReset-GapFill) as FIX says.
  void expectResumed(ResumingClient& client, const Numbers& before, const std::string& name) {
    SCOPED_TRACE(name);
    const std::vector<Message> logons = client.received("A", 2);
    ASSERT_EQ(logons.size(), 1u);
    EXPECT_EQ(headerField(logons[0], FIX::FIELD::MsgSeqNum), std::to_string(before.nextTarget));
    EXPECT_NE(field(logons[0], FIX::FIELD::ResetSeqNumFlag), "Y");
    for (const Message& resend : client.received("2", 2)) {
      EXPECT_GE(std::stoi(field(resend, FIX::FIELD::BeginSeqNo)), before.nextSender)
          << "the gateway lost messages the client had sent before the restart";
    }
    EXPECT_TRUE(client.received("4", 2).empty()) << "the gateway sent a SequenceReset";
    EXPECT_TRUE(client.received("5", 2).empty()) << "the gateway logged the client out";
    const Numbers after = numbers(client);
    EXPECT_GT(after.nextSender, before.nextSender);
    EXPECT_GT(after.nextTarget, before.nextTarget);
  }

  // Restarts the gateway, checks that both clients resumed their sessions from `one` and `two` and
  // that every account is as in `before`, and gives the accounts in `after`. False when the gateway
  // did not start again.
  bool restartAndCompare(const Numbers& one, const Numbers& two, const std::vector<json>& before,
                         std::vector<json>& after) {
    restartGateway();
    if (HasFatalFailure()) return false;
    expectResumed(*client1_, one, "CLIENT1");
    expectResumed(*client2_, two, "CLIENT2");
    after = accounts();
    for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(after[i].dump(2), before[i].dump(2)) << kAccounts[i];
    return true;
  }

  int callAxCount(int logon) {
    return client1_->count("AX", logon, [&](const Message& m) { return field(m, 894) == callId_; });
  }

  std::string folder_;
  int clientPort_ = 0;
  int venuePort_ = 0;
  int adminPort_ = 0;
  std::size_t outputSeen_ = 0;  // gateway.out's size before the last start
  std::unique_ptr<venue_sim::VenueSimulator> venue_;
  std::unique_ptr<GatewayProcess> gateway_;
  std::unique_ptr<ResumingClient> client1_;
  std::unique_ptr<ResumingClient> client2_;
  std::string callId_;
  int probes_ = 0;
};

TEST_F(CrashRecoveryTest, SigkillMidScenarioLosesNothingAndSendsNothingTwice) {
  buildScenario();
  if (HasFatalFailure()) return;
  const std::vector<json> before = accounts();
  const Numbers one = numbers(*client1_);
  const Numbers two = numbers(*client2_);
  ASSERT_EQ(callAxCount(1), 1);

  int status = 0;
  stopGateway(SIGKILL, status);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "wait status " << status;
  // Nothing moved on the clients' side while the gateway died.
  EXPECT_EQ(numbersAtDisconnect(*client1_).nextSender, one.nextSender);
  EXPECT_EQ(numbersAtDisconnect(*client1_).nextTarget, one.nextTarget);
  EXPECT_EQ(numbersAtDisconnect(*client2_).nextSender, two.nextSender);
  EXPECT_EQ(numbersAtDisconnect(*client2_).nextTarget, two.nextTarget);

  // Every account as it was: positions, cash, open orders, state, the same call and deadline.
  std::vector<json> after;
  if (!restartAndCompare(one, two, before, after)) return;
  ASSERT_TRUE(after[0]["call"].is_object()) << "the call was lost";
  EXPECT_EQ(after[0]["call"]["callId"], callId_);
  EXPECT_EQ(after[0]["call"]["deadline"], before[0]["call"]["deadline"]);

  // The resting orders' routing survived: each client cancels its own, under its own ClOrdIDs.
  if (!cancelResting(*client1_, "R-1-C", "R-1", "ACC-1", '2', "5")) return;
  if (!cancelResting(*client2_, "R-2-C", "R-2", "ACC-2", '1', "2")) return;
  EXPECT_TRUE(venue_->restingOrders().empty());
  EXPECT_EQ(account("ACC-1")["openOrders"], 0);

  // CLIENT1 was told of the call before the crash: the logon after the restart did not tell it again
  // (the cancel's report came after the logon, on the same session, so a resent AX would be here).
  EXPECT_EQ(callAxCount(2), 0);
  json status1 = account("ACC-1");
  ASSERT_TRUE(status1["call"].is_object()) << status1.dump(2);
  EXPECT_EQ(status1["state"], "CALL");
  EXPECT_EQ(status1["call"]["callId"], callId_);
  EXPECT_EQ(status1["call"]["deadline"], before[0]["call"]["deadline"]);

  // Still at mark 92: E = 3,592, IM = 80 x 10 x 92 x 10 % = 7,360: the amount to cure is 3,768.
  EXPECT_EQ(status1["numbers"]["amountToCure"], "3768");

  // The broker confirms 3,768: E = 7,360 = IM, the same call is cured, and CLIENT1 hears of it.
  const AdminAnswer deposit = adminPost(adminPort_, "/accounts/ACC-1/deposits",
                                        json{{"amount", "3768"}, {"reference", "WIRE-1"}}.dump(), "ops");
  ASSERT_EQ(deposit.status, 200) << deposit.body;
  ASSERT_TRUE(waitUntil([&] {
    return client1_->count("BA", 2, [](const Message& x) { return field(x, 5005) == "NORMAL"; }) > 0;
  }));
  status1 = account("ACC-1");
  EXPECT_EQ(status1["state"], "NORMAL");
  EXPECT_TRUE(status1["call"].is_null());
  EXPECT_EQ(status1["numbers"]["equity"], "7360");
  EXPECT_EQ(callAxCount(2), 0);
}

TEST_F(CrashRecoveryTest, CleanStopAndRestartKeepTheSameState) {
  buildScenario();
  if (HasFatalFailure()) return;
  const std::vector<json> before = accounts();

  int status = 0;
  stopGateway(SIGTERM, status);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "wait status " << status;
  // After the Logout exchange: the numbers the sessions must resume from.
  const Numbers one = numbersAtDisconnect(*client1_);
  const Numbers two = numbersAtDisconnect(*client2_);

  std::vector<json> after;
  if (!restartAndCompare(one, two, before, after)) return;

  if (!cancelResting(*client1_, "R-1-C", "R-1", "ACC-1", '2', "5")) return;
  EXPECT_EQ(callAxCount(2), 0);
}

}  // namespace
}  // namespace testing
}  // namespace gateway
