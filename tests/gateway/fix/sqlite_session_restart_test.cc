// The FIX engine with its sessions kept in SQLite (FixEngineOptions::sessionStorePath), over
// loopback with plain QuickFIX clients: an engine stopped, destroyed and started again on the same
// file resumes every session without a reset, answers a ResendRequest for messages sent before
// the restart from the file, and 300 sessions cost no descriptor each.

#include <dirent.h>
#include <unistd.h>
#include <gtest/gtest.h>
#include <quickfix/FieldNumbers.h>
#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <sstream>
#include <thread>
#include <string>

#include "gateway/fix/client_message_encoder.h"
#include "gateway/fix/fix_engine.h"
#include "tests/gateway/fix/support/client_new_order.h"
#include "tests/gateway/fix/support/client_side_settings.h"
#include "tests/gateway/fix/support/fake_inbox.h"
#include "tests/gateway/fix/support/temp_folder.h"
#include "tests/gateway/fix/support/test_counterparty.h"
#include "tests/support/free_port.h"

namespace gateway {
namespace fix {
namespace {

using testing::CounterpartyOptions;
using testing::FakeInbox;
using testing::InboxRecord;
using testing::TestCounterparty;

constexpr char kRightPassword[] = "right-password";
const FIX::SessionID kGatewaySide("FIX.4.4", "BROKER", "CLIENT1");

// What /proc/self/fd lists: one line per descriptor, "<fd> -> <target>".
std::string openDescriptors(int& count) {
  count = 0;
  std::string listing;
  DIR* folder = ::opendir("/proc/self/fd");
  if (folder == nullptr) return listing;
  while (const dirent* entry = ::readdir(folder)) {
    if (entry->d_name[0] == '.') continue;
    ++count;
    char target[512] = {};
    const std::string link = std::string("/proc/self/fd/") + entry->d_name;
    const ssize_t size = ::readlink(link.c_str(), target, sizeof(target) - 1);
    listing += std::string(entry->d_name) + " -> " + (size > 0 ? target : "?") + "\n";
  }
  ::closedir(folder);
  return listing;
}

bridge::ExecutionReportOut report(const std::string& clOrdId) {
  bridge::ExecutionReportOut out;
  out.session = 0;
  out.orderId = "GW-" + clOrdId;
  out.clOrdId = clOrdId;
  out.execId = "E-" + clOrdId;
  out.symbol = "ESZ6";
  out.orderQty = 300000000;
  out.leavesQty = 300000000;
  return out;
}

bool isPossDup(const FIX::Message& message) {
  return message.getHeader().isSetField(FIX::FIELD::PossDupFlag) &&
         message.getHeader().getField(FIX::FIELD::PossDupFlag) == "Y";
}

int seqNum(const FIX::Message& message) {
  return std::stoi(message.getHeader().getField(FIX::FIELD::MsgSeqNum));
}

// One engine on the session file, with its fake inbox, started on a fresh client port.
struct RunningEngine {
  std::unique_ptr<FakeInbox> inbox{new FakeInbox()};
  std::unique_ptr<FixEngine> engine;
  int clientPort = 0;

  explicit RunningEngine(const std::string& storePath) {
    FixEngineOptions options;
    options.settingsText = testing::clientSideSettings();
    options.clientPort = test_support::findFreePort();
    options.venuePort = test_support::findFreePort();  // nobody listens: the venue stays down
    options.sessionStorePath = storePath;
    clientPort = options.clientPort;
    std::string error;
    engine = FixEngine::create(options, error);
    EXPECT_NE(engine, nullptr) << error;
    if (engine) engine->start(*inbox);
  }
  ~RunningEngine() {
    if (engine) engine->stop();
  }

  SequenceNumbers numbers() const {
    SequenceNumbers numbers;
    EXPECT_TRUE(engine->sequenceNumbers("BROKER", "CLIENT1", numbers));
    return numbers;
  }

  // QuickFIX counts an inbound message after the application has it (after fromApp): wait
  // until the stored numbers are the expected ones.
  bool reachesNumbers(int nextSender, int nextTarget) {
    const auto deadline = std::chrono::steady_clock::now() + testing::kWaitTimeout;
    for (;;) {
      const SequenceNumbers now = numbers();
      if (now.nextSender == nextSender && now.nextTarget == nextTarget) return true;
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  bool sawClient1(bool loggedOn) {
    return inbox->waitUntil([&](const InboxRecord& r) {
      return !r.clientSessions.empty() && r.clientSessions.back() == std::make_pair(0u, loggedOn);
    });
  }

  bool sawOrder(const std::string& clOrdId) {
    return inbox->waitUntil([&](const InboxRecord& r) {
      return !r.newOrders.empty() && r.newOrders.back().clOrdId == clOrdId;
    });
  }
};

// A CLIENT1 initiator with the given numbers (0: start at 1), started.
std::unique_ptr<TestCounterparty> startClient(int port, const std::string& password, int nextSender,
                                              int nextTarget) {
  CounterpartyOptions options;
  options.senderCompId = "CLIENT1";
  options.targetCompId = "BROKER";
  options.port = port;
  options.password = password;
  options.nextSender = nextSender;
  options.nextTarget = nextTarget;
  std::unique_ptr<TestCounterparty> client(new TestCounterparty(options));
  client->start();
  return client;
}

class SqliteSessionRestartTest : public ::testing::Test {
 protected:
  testing::TempFolder folder_;
  const std::string storePath_ = folder_.file("data/sessions.db");
};

TEST_F(SqliteSessionRestartTest, ARestartedEngineResumesTheSessionAndResendsFromTheFile) {
  int clientSender = 0;
  int clientTarget = 0;
  int firstReportSeq = 0;
  SequenceNumbers beforeRestart;
  {
    RunningEngine first(storePath_);
    ASSERT_TRUE(first.engine);
    std::unique_ptr<TestCounterparty> client =
        startClient(first.clientPort, kRightPassword, 0, 0);
    ASSERT_TRUE(client->waitLoggedOn());
    ASSERT_TRUE(first.sawClient1(true));
    ASSERT_TRUE(client->send(testing::clientNewOrder("BEFORE-1", "100")));
    ASSERT_TRUE(first.sawOrder("BEFORE-1"));
    ASSERT_TRUE(first.engine->sendToClient(report("BEFORE-1")));
    FIX::Message received;
    ASSERT_TRUE(client->waitForMessage("8", received));
    firstReportSeq = seqNum(received);
    ASSERT_TRUE(client->logOut());
    ASSERT_TRUE(first.sawClient1(false));
    // A report for the logged-off client: QuickFIX stores it and numbers it (sendToTarget while
    // not logged on). FixEngine's own sendToClient refuses to do this (it checks isLoggedOn).
    FIX::Message away = encodeExecutionReport(report("AWAY-1"));
    ASSERT_TRUE(FIX::Session::sendToTarget(away, kGatewaySide));
    clientSender = client->session().getExpectedSenderNum();
    clientTarget = client->session().getExpectedTargetNum();
    client.reset();
    first.engine->stop();
    beforeRestart = first.numbers();
    // Logon, order, Logout in: 1 + 3 = 4. Logon, report, Logout, AWAY-1 out: 1 + 4 = 5.
    EXPECT_EQ(beforeRestart.nextTarget, 4);
    EXPECT_EQ(beforeRestart.nextSender, 5);
    EXPECT_EQ(clientSender, 4);
    EXPECT_EQ(clientTarget, 4);  // the client never saw AWAY-1 (4)
  }  // the engine is destroyed

  RunningEngine second(storePath_);
  ASSERT_TRUE(second.engine);
  const SequenceNumbers restored = second.numbers();
  EXPECT_EQ(restored.nextSender, beforeRestart.nextSender);
  EXPECT_EQ(restored.nextTarget, beforeRestart.nextTarget);

  // The client logs on WITHOUT a reset, with its own sender number, and claims to have lost
  // everything from the first report on: it expects firstReportSeq (2) next. The gateway's Logon
  // comes as 5, so the client sends a ResendRequest for 2..; the gateway answers from the file.
  std::unique_ptr<TestCounterparty> client =
      startClient(second.clientPort, kRightPassword, clientSender, firstReportSeq);
  ASSERT_TRUE(client->waitLoggedOn());
  ASSERT_TRUE(second.sawClient1(true));
  FIX::Message resent;
  ASSERT_TRUE(client->waitForMessage("8", resent));
  EXPECT_EQ(resent.getField(FIX::FIELD::ClOrdID), "BEFORE-1");
  EXPECT_EQ(seqNum(resent), firstReportSeq);
  EXPECT_TRUE(isPossDup(resent));
  ASSERT_TRUE(client->waitForMessage("8", resent));
  EXPECT_EQ(resent.getField(FIX::FIELD::ClOrdID), "AWAY-1");
  EXPECT_EQ(seqNum(resent), 4);
  EXPECT_TRUE(isPossDup(resent));

  // Both sides carry on: an order in, a report out.
  ASSERT_TRUE(client->send(testing::clientNewOrder("AFTER-1", "100")));
  ASSERT_TRUE(second.sawOrder("AFTER-1"));
  ASSERT_TRUE(second.engine->sendToClient(report("AFTER-1")));
  FIX::Message after;
  ASSERT_TRUE(client->waitForMessage("8", after));
  EXPECT_EQ(after.getField(FIX::FIELD::ClOrdID), "AFTER-1");
  EXPECT_FALSE(isPossDup(after));
  // The gateway's Logon 5, the report 6. The client's Logon 4, ResendRequest 5, order 6.
  EXPECT_EQ(seqNum(after), 6);
  EXPECT_TRUE(second.reachesNumbers(7, 7));
  const SequenceNumbers now = second.numbers();
  // The client's session counts a message after its application has seen it: wait for the count.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (client->session().getExpectedTargetNum() != now.nextSender && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(client->session().getExpectedTargetNum(), now.nextSender);
  EXPECT_EQ(client->session().getExpectedSenderNum(), now.nextTarget);
  for (const std::string& type : client->receivedTypes()) {
    EXPECT_TRUE(type != "3" && type != "5") << type;  // no Reject, no Logout
  }
  ASSERT_TRUE(client->logOut());
}

// The investigation's other half: after a refused Logon, the logon-guarded store keeps the
// throw-away copy that took the refusal's Logout until the next Logon, so a report queued for
// the logged-off client in between is written there and dropped. It never reaches the client.
TEST_F(SqliteSessionRestartTest, AReportQueuedAfterARefusedLogonIsLost) {
  RunningEngine engine(storePath_);
  ASSERT_TRUE(engine.engine);
  std::unique_ptr<TestCounterparty> client = startClient(engine.clientPort, kRightPassword, 0, 0);
  ASSERT_TRUE(client->waitLoggedOn());
  ASSERT_TRUE(client->logOut());
  ASSERT_TRUE(engine.sawClient1(false));
  const int clientSender = client->session().getExpectedSenderNum();
  const int clientTarget = client->session().getExpectedTargetNum();
  client.reset();
  const SequenceNumbers before = engine.numbers();

  std::unique_ptr<TestCounterparty> guesser =
      startClient(engine.clientPort, "wrong-password", clientSender, clientTarget);
  FIX::Message logout;
  ASSERT_TRUE(guesser->waitForMessage("5", logout));
  ASSERT_TRUE(guesser->waitDisconnected());
  guesser.reset();

  FIX::Message away = encodeExecutionReport(report("LOST-1"));
  ASSERT_TRUE(FIX::Session::sendToTarget(away, kGatewaySide));  // QuickFIX says it took it
  const SequenceNumbers afterQueue = engine.numbers();
  EXPECT_EQ(afterQueue.nextSender, before.nextSender);  // but nothing reached the file

  client = startClient(engine.clientPort, kRightPassword, clientSender, clientTarget);
  ASSERT_TRUE(client->waitLoggedOn());
  ASSERT_TRUE(engine.sawClient1(true));
  ASSERT_TRUE(engine.engine->sendToClient(report("AFTER-1")));
  FIX::Message received;
  ASSERT_TRUE(client->waitForMessage("8", received));
  EXPECT_EQ(received.getField(FIX::FIELD::ClOrdID), "AFTER-1");  // LOST-1 never came first
  for (const std::string& type : client->receivedTypes()) EXPECT_NE(type, "2");
  ASSERT_TRUE(client->logOut());
}

TEST_F(SqliteSessionRestartTest, ThreeHundredSessionsShareOneDatabase) {
  constexpr int kClients = 300;
  std::ostringstream settings;
  settings << "[DEFAULT]\nBeginString=FIX.4.4\nHeartBtInt=30\nStartTime=00:00:00\n"
              "EndTime=00:00:00\nUseDataDictionary=N\nReconnectInterval=60\n";
  for (int i = 1; i <= kClients; ++i) {
    settings << "[SESSION]\nGatewayRole=client\nConnectionType=acceptor\nSenderCompID=BROKER\n"
             << "TargetCompID=CLIENT" << i << "\nSocketAcceptPort=1\nPassword=p" << i
             << "\nAccounts=ACC-" << i << "\n";
  }
  settings << "[SESSION]\nGatewayRole=venue\nConnectionType=initiator\nSenderCompID=GATEWAY\n"
              "TargetCompID=VENUE\nSocketConnectHost=127.0.0.1\nSocketConnectPort=1\n";
  FixEngineOptions options;
  options.settingsText = settings.str();
  options.clientPort = test_support::findFreePort();
  options.venuePort = test_support::findFreePort();
  options.sessionStorePath = storePath_;

  // The same engine over memory stores opens the engine's own descriptors (QuickFIX's acceptor
  // and initiator each make a socket for their monitor): the baseline.
  int before = 0;
  int after = 0;
  std::string error;
  openDescriptors(before);
  {
    FixEngineOptions memory = options;
    memory.sessionStorePath.clear();
    std::unique_ptr<FixEngine> baseline = FixEngine::create(memory, error);
    ASSERT_NE(baseline, nullptr) << error;
    openDescriptors(after);
  }
  const int engineOwn = after - before;

  const std::string listingBefore = openDescriptors(before);
  std::unique_ptr<FixEngine> engine = FixEngine::create(options, error);
  ASSERT_NE(engine, nullptr) << error;
  const std::string listingAfter = openDescriptors(after);
  ASSERT_EQ(engine->clientSessions().size(), static_cast<std::size_t>(kClients));
  // 301 sessions over SQLite: the database, its WAL, its shared-memory index and the
  // memory-mapped numbers file beside it, 4 in all.
  EXPECT_EQ(after - before - engineOwn, 4)
      << "before:\n" << listingBefore << "after:\n" << listingAfter;
  std::size_t storeFiles = 0;
  for (std::string::size_type at = listingAfter.find(storePath_); at != std::string::npos;
       at = listingAfter.find(storePath_, at + 1)) {
    ++storeFiles;
  }
  EXPECT_EQ(storeFiles, 4u) << listingAfter;  // "-wal", "-shm" and "-numbers" contain the path

  SequenceNumbers numbers;
  ASSERT_TRUE(engine->sequenceNumbers("BROKER", "CLIENT300", numbers));
  EXPECT_EQ(numbers.nextSender, 1);
  EXPECT_EQ(numbers.nextTarget, 1);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(storePath_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM fix_sessions", -1, &count, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), kClients + 1);  // the clients and the venue
  sqlite3_finalize(count);
  sqlite3_close(db);
}

}  // namespace
}  // namespace fix
}  // namespace gateway
