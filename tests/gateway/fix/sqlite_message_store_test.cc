// The SQLite session store on real files: every MessageStore method, what a reopen (a new
// factory on the same file, as after a restart or a crash) reads back, sessions sharing a file,
// the schema, and the files the factory refuses; write-behind: what a killed process leaves (a
// real child process ended with _exit, so nothing is flushed), and the numbers file.

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "gateway/fix/sqlite_message_store.h"
#include "gateway/fix/sqlite_message_store_factory.h"
#include "tests/gateway/fix/support/temp_folder.h"

namespace gateway {
namespace fix {
namespace {

const FIX::SessionID kClient1("FIX.4.4", "BROKER", "CLIENT1");
const FIX::SessionID kClient2("FIX.4.4", "BROKER", "CLIENT2");

// One row of a query on the file, read through a separate connection.
std::string queryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::string result = "<no row>";
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    result = text == nullptr ? "<null>" : reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

class SqliteMessageStoreTest : public ::testing::Test {
 protected:
  SqliteMessageStoreTest() : path_(folder_.file("data/sessions.db")) {}

  std::unique_ptr<SqliteMessageStoreFactory> openFactory(
      bool fullSync = false,
      std::chrono::milliseconds writeInterval = SqliteSessionDatabase::kDefaultWriteInterval) {
    SqliteStoreOptions options;
    options.path = path_;
    options.fullSync = fullSync;
    options.writeInterval = writeInterval;
    return std::unique_ptr<SqliteMessageStoreFactory>(new SqliteMessageStoreFactory(options));
  }

  // A store for `id` from a factory of its own: a second connection, as a restarted process
  // would open. The store is destroyed before its factory.
  struct Opened {
    std::unique_ptr<SqliteMessageStoreFactory> factory;
    std::unique_ptr<FIX::MessageStore> store;
  };
  Opened reopen(const FIX::SessionID& id) {
    Opened opened;
    opened.factory = openFactory();
    opened.store.reset(opened.factory->create(id));
    return opened;
  }

  static std::vector<std::string> messages(const FIX::MessageStore& store, int begin, int end) {
    std::vector<std::string> out;
    store.get(begin, end, out);
    return out;
  }

  void killAfterSettingNumbers(int nextSender, int nextTarget);

  testing::TempFolder folder_;
  const std::string path_;
};

TEST_F(SqliteMessageStoreTest, ANewSessionStartsAtOneAndCreatesTheFolderAndSchema) {
  Opened opened = reopen(kClient1);
  EXPECT_EQ(opened.store->getNextSenderMsgSeqNum(), 1);
  EXPECT_EQ(opened.store->getNextTargetMsgSeqNum(), 1);
  EXPECT_TRUE(messages(*opened.store, 1, 100).empty());
  EXPECT_EQ(queryText(path_, "SELECT MAX(version) FROM schema_migrations"), "1");
  EXPECT_EQ(queryText(path_, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(queryText(path_, "SELECT next_sender || '/' || next_target FROM fix_sessions "
                             "WHERE session_id='FIX.4.4:BROKER->CLIENT1'"),
            "1/1");
}

TEST_F(SqliteMessageStoreTest, SetStoresTheMessageAndTheNextSenderInOneStep) {
  Opened opened = reopen(kClient1);
  FIX::MessageStore& store = *opened.store;
  EXPECT_TRUE(store.set(1, "message-1"));
  // The crash point between set() and incr(): QuickFIX still says 1 in memory, the file says 2.
  EXPECT_EQ(store.getNextSenderMsgSeqNum(), 1);
  opened.factory->flush();  // the message itself is written behind (see the tests below)
  {
    Opened restarted = reopen(kClient1);
    EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 2);
    EXPECT_EQ(messages(*restarted.store, 1, 1), std::vector<std::string>{"message-1"});
  }
  store.incrNextSenderMsgSeqNum();
  EXPECT_EQ(store.getNextSenderMsgSeqNum(), 2);
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 2);  // not 3: the increment added nothing
}

TEST_F(SqliteMessageStoreTest, NumbersAndMessagesSurviveAReopen) {
  FIX::UtcTimeStamp created;
  {
    Opened opened = reopen(kClient1);
    FIX::MessageStore& store = *opened.store;
    created = store.getCreationTime();
    for (int seq = 1; seq <= 3; ++seq) {
      store.set(seq, "out-" + std::to_string(seq));
      store.incrNextSenderMsgSeqNum();
    }
    store.incrNextSenderMsgSeqNum();  // a message sent without being stored (PersistMessages=N)
    for (int i = 0; i < 6; ++i) store.incrNextTargetMsgSeqNum();
    // Expected: sender 1 + 3 + 1 = 5, target 1 + 6 = 7.
    EXPECT_EQ(store.getNextSenderMsgSeqNum(), 5);
    EXPECT_EQ(store.getNextTargetMsgSeqNum(), 7);
  }
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 5);
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 7);
  EXPECT_TRUE(restarted.store->getCreationTime() == created);
  EXPECT_EQ(messages(*restarted.store, 1, 10),
            (std::vector<std::string>{"out-1", "out-2", "out-3"}));
}

TEST_F(SqliteMessageStoreTest, SettersWriteThroughEvenWhenLowering) {
  {
    Opened opened = reopen(kClient1);
    opened.store->setNextSenderMsgSeqNum(40);
    opened.store->setNextTargetMsgSeqNum(30);
    opened.store->setNextSenderMsgSeqNum(20);  // lowered on purpose (an operator's choice)
    opened.store->incrNextSenderMsgSeqNum();   // 21: written, past the stored 20
  }
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 21);
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 30);
}

TEST_F(SqliteMessageStoreTest, GetReturnsARangeInOrderSkippingHoles) {
  Opened opened = reopen(kClient1);
  FIX::MessageStore& store = *opened.store;
  store.set(7, "m7");
  store.set(2, "m2");
  store.set(4, "m4");
  store.set(1, "m1");
  EXPECT_EQ(messages(store, 2, 6), (std::vector<std::string>{"m2", "m4"}));
  EXPECT_EQ(messages(store, 1, 7), (std::vector<std::string>{"m1", "m2", "m4", "m7"}));
  EXPECT_TRUE(messages(store, 8, 20).empty());
  EXPECT_TRUE(messages(store, 5, 6).empty());
  store.set(4, "m4-again");  // the same number again replaces the message
  EXPECT_EQ(messages(store, 4, 4), std::vector<std::string>{"m4-again"});
  // The highest number stored decides the stored next sender: 7 + 1.
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 8);
}

TEST_F(SqliteMessageStoreTest, TwoSessionsInOneFileAreIndependent) {
  auto factory = openFactory();
  std::unique_ptr<FIX::MessageStore> one(factory->create(kClient1));
  std::unique_ptr<FIX::MessageStore> two(factory->create(kClient2));
  one->set(1, "to-client1");
  one->incrNextSenderMsgSeqNum();
  one->incrNextTargetMsgSeqNum();
  two->setNextTargetMsgSeqNum(9);
  two->set(1, "to-client2");
  two->incrNextSenderMsgSeqNum();
  two->set(2, "to-client2-b");
  two->incrNextSenderMsgSeqNum();
  one->reset();
  EXPECT_EQ(one->getNextSenderMsgSeqNum(), 1);
  EXPECT_EQ(two->getNextSenderMsgSeqNum(), 3);
  EXPECT_EQ(two->getNextTargetMsgSeqNum(), 9);
  EXPECT_TRUE(messages(*one, 1, 10).empty());
  EXPECT_EQ(messages(*two, 1, 10), (std::vector<std::string>{"to-client2", "to-client2-b"}));
  one.reset();
  two.reset();
  Opened restarted = reopen(kClient2);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 3);
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 9);
}

TEST_F(SqliteMessageStoreTest, ResetClearsTheSessionAndRenewsItsCreationTime) {
  Opened opened = reopen(kClient1);
  FIX::MessageStore& store = *opened.store;
  store.set(1, "m1");
  store.incrNextSenderMsgSeqNum();
  store.setNextTargetMsgSeqNum(12);
  const FIX::UtcTimeStamp before = store.getCreationTime();
  store.reset();
  EXPECT_EQ(store.getNextSenderMsgSeqNum(), 1);
  EXPECT_EQ(store.getNextTargetMsgSeqNum(), 1);
  EXPECT_TRUE(messages(store, 1, 10).empty());
  const FIX::UtcTimeStamp after = store.getCreationTime();
  EXPECT_TRUE(before <= after);
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 1);
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 1);
  EXPECT_TRUE(restarted.store->getCreationTime() == after);
  EXPECT_TRUE(messages(*restarted.store, 1, 10).empty());
}

TEST_F(SqliteMessageStoreTest, RefreshReadsWhatTheFileHolds) {
  Opened first = reopen(kClient1);
  Opened second = reopen(kClient1);  // another connection to the same session's rows
  second.store->set(1, "m1");
  second.store->incrNextSenderMsgSeqNum();
  second.store->setNextTargetMsgSeqNum(4);
  EXPECT_EQ(first.store->getNextSenderMsgSeqNum(), 1);  // served from memory until...
  first.store->refresh();                               // ...refresh reloads
  EXPECT_EQ(first.store->getNextSenderMsgSeqNum(), 2);
  EXPECT_EQ(first.store->getNextTargetMsgSeqNum(), 4);
  EXPECT_TRUE(first.store->getCreationTime() == second.store->getCreationTime());
}

TEST_F(SqliteMessageStoreTest, FullSyncStoresTheSameWay) {
  auto factory = openFactory(true);
  std::unique_ptr<FIX::MessageStore> store(factory->create(kClient1));
  store->set(1, "m1");
  store->incrNextSenderMsgSeqNum();
  store->incrNextTargetMsgSeqNum();
  EXPECT_EQ(queryText(path_, "SELECT next_sender || '/' || next_target FROM fix_sessions"), "2/2");
}

TEST_F(SqliteMessageStoreTest, RefusesAFileThatIsNotASessionDatabase) {
  const std::string text = folder_.file("not-a-database.db");
  std::ofstream(text) << "this is a text file, long enough to have a first page of nonsense\n";
  SqliteStoreOptions options;
  options.path = text;
  try {
    SqliteMessageStoreFactory factory(options);
    FAIL() << "opened a text file";
  } catch (const FIX::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a database"), std::string::npos) << e.what();
  }

  options.path = folder_.path();  // a folder
  EXPECT_THROW(SqliteMessageStoreFactory factory(options), FIX::ConfigError);

  options.path = text + "/below-a-file.db";  // its folder would have to be a file
  EXPECT_THROW(SqliteMessageStoreFactory factory(options), FIX::ConfigError);
}

TEST_F(SqliteMessageStoreTest, RefusesASchemaNewerThanItKnows) {
  openFactory();  // creates version 1
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES(2, 'later')", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  try {
    openFactory();
    FAIL() << "opened a version 2 schema";
  } catch (const FIX::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 2"), std::string::npos) << e.what();
  }
}

// Runs `body` in a child process. The body ends with die(): _exit, so no destructor runs and
// nothing waiting is flushed, as when the gateway is killed. Returns when the child has ended.
[[noreturn]] void die() { ::_exit(0); }

template <typename Body>
void inKilledProcess(Body body) {
  std::fflush(nullptr);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    body();
    ::_exit(1);  // the body did not die()
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST_F(SqliteMessageStoreTest, AKilledProcessKeepsEveryNumberButMayLoseWaitingMessages) {
  inKilledProcess([this] {
    auto factory = openFactory(false, std::chrono::hours(1));  // the writer never gets to run
    std::unique_ptr<FIX::MessageStore> store(factory->create(kClient1));
    for (int seq = 1; seq <= 3; ++seq) {
      store->set(seq, "out-" + std::to_string(seq));
      store->incrNextSenderMsgSeqNum();
    }
    for (int i = 0; i < 6; ++i) store->incrNextTargetMsgSeqNum();
    die();
  });
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 4);  // from the memory-mapped file
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 7);
  // The messages waited in the killed process's memory: a resend of them would be a gap fill.
  EXPECT_TRUE(messages(*restarted.store, 1, 10).empty());
}

TEST_F(SqliteMessageStoreTest, AKilledProcessKeepsWhatWasCommittedBeforeTheKill) {
  inKilledProcess([this] {
    auto factory = openFactory(false, std::chrono::hours(1));
    std::unique_ptr<FIX::MessageStore> store(factory->create(kClient1));
    store->set(1, "out-1");
    store->incrNextSenderMsgSeqNum();
    factory->flush();  // what the writer thread does every interval
    store->set(2, "out-2");
    store->incrNextSenderMsgSeqNum();
    die();
  });
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 3);
  EXPECT_EQ(messages(*restarted.store, 1, 10), std::vector<std::string>{"out-1"});
}

TEST_F(SqliteMessageStoreTest, TheWriterThreadCommitsWithoutBeingAsked) {
  Opened writer;
  writer.factory = openFactory(false, std::chrono::milliseconds(1));
  writer.store.reset(writer.factory->create(kClient1));
  writer.store->set(1, "out-1");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (queryText(path_, "SELECT message FROM fix_messages") == "<no row>" &&
         std::chrono::steady_clock::now() < deadline) {
    usleep(1000);
  }
  EXPECT_EQ(queryText(path_, "SELECT message FROM fix_messages"), "out-1");
  EXPECT_EQ(queryText(path_, "SELECT next_sender FROM fix_sessions"), "2");
}

// Captures what the process logs (spdlog's default logger) while it lives; the sink is read under
// its own lock, so reading while the writer thread logs is safe.
class CapturedLog {
 public:
  CapturedLog()
      : previous_(spdlog::default_logger()), lines_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(1000)) {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", lines_));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }

  // Waits up to 30 s for `text` to be logged.
  bool waitFor(const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      if (text().find(needle) != std::string::npos) return true;
      usleep(1000);
    }
    return false;
  }
  std::string text() const {
    std::string all;
    for (const std::string& line : lines_->last_formatted()) all += line;
    return all;
  }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> lines_;
};

TEST_F(SqliteMessageStoreTest, WritesThatFailRaiseOneAlarmAndTheRecoveryIsLoggedWithNothingLost) {
  CapturedLog log;
  Opened writer;
  writer.factory = openFactory(false, std::chrono::milliseconds(1));
  writer.store.reset(writer.factory->create(kClient1));

  // Another connection holds the write lock (as a sqlite3 shell with a transaction open would):
  // the writer's commits fail once its busy timeout has passed.
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &holder), SQLITE_OK);
  sqlite3_busy_timeout(holder, 30000);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(holder);
  writer.store->set(1, "out-1");
  writer.store->set(2, "out-2");
  EXPECT_TRUE(log.waitFor("ALARM SESSION_STORE_UNAVAILABLE " + path_)) << log.text();
  EXPECT_NE(log.text().find("locked"), std::string::npos) << log.text();
  writer.store->set(3, "out-3");  // taken while the writes fail
  usleep(50 * 1000);

  ASSERT_EQ(sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(holder);
  EXPECT_TRUE(log.waitFor("SESSION_STORE_RECOVERED " + path_)) << log.text();
  const std::string text = log.text();
  EXPECT_EQ(text.find("ALARM"), text.rfind("ALARM")) << "one alarm for the whole outage:\n" << text;
  EXPECT_EQ(messages(*writer.store, 1, 10), (std::vector<std::string>{"out-1", "out-2", "out-3"}));
  EXPECT_EQ(queryText(path_, "SELECT group_concat(message, ',') FROM (SELECT message FROM fix_messages ORDER BY seq)"),
            "out-1,out-2,out-3");
}

TEST_F(SqliteMessageStoreTest, GetAnswersWithMessagesStillWaiting) {
  auto factory = openFactory(false, std::chrono::hours(1));
  std::unique_ptr<FIX::MessageStore> store(factory->create(kClient1));
  store->set(1, "out-1");
  store->set(2, "out-2");
  EXPECT_EQ(messages(*store, 1, 2), (std::vector<std::string>{"out-1", "out-2"}));
  EXPECT_EQ(queryText(path_, "SELECT COUNT(*) FROM fix_messages"), "2");  // committed by the get
}

// A write-behind process sets CLIENT1's numbers and is killed before its thread commits them: the
// file has them, the table does not.
void SqliteMessageStoreTest::killAfterSettingNumbers(int nextSender, int nextTarget) {
  inKilledProcess([&] {
    auto factory = openFactory(false, std::chrono::hours(1));
    std::unique_ptr<FIX::MessageStore> store(factory->create(kClient1));
    store->setNextSenderMsgSeqNum(nextSender);
    store->setNextTargetMsgSeqNum(nextTarget);
    die();
  });
}

TEST_F(SqliteMessageStoreTest, TheLargerNumberWinsWhicheverPlaceIsBehind) {
  killAfterSettingNumbers(10, 20);
  // The database is behind (the kill): the file's numbers win.
  EXPECT_EQ(queryText(path_, "SELECT next_sender || '/' || next_target FROM fix_sessions"), "1/1");
  {
    Opened restarted = reopen(kClient1);
    EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 10);
    EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 20);
  }  // a clean close brings the database up to date
  EXPECT_EQ(queryText(path_, "SELECT next_sender || '/' || next_target FROM fix_sessions"),
            "10/20");
  // The file is lost (or behind, as after a power loss): the database's numbers are used.
  ASSERT_EQ(std::remove(SqliteSessionDatabase::numbersPath(path_).c_str()), 0);
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 10);
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 20);
}

TEST_F(SqliteMessageStoreTest, FullSyncBringsATableLeftBehindByAKillUpToDateWhenOpened) {
  killAfterSettingNumbers(10, 20);
  EXPECT_EQ(queryText(path_, "SELECT next_sender || '/' || next_target FROM fix_sessions"), "1/1");
  auto factory = openFactory(true);
  std::unique_ptr<FIX::MessageStore> store(factory->create(kClient1));
  EXPECT_EQ(store->getNextSenderMsgSeqNum(), 10);
  EXPECT_EQ(store->getNextTargetMsgSeqNum(), 20);
  // Committed on opening, not at some later write: a power loss now loses neither number.
  EXPECT_EQ(queryText(path_, "SELECT next_sender || '/' || next_target FROM fix_sessions"),
            "10/20");
}

TEST_F(SqliteMessageStoreTest, DeletingTheDatabaseStartsTheSessionsAfreshDespiteTheNumbersFile) {
  {
    Opened opened = reopen(kClient1);
    opened.store->setNextSenderMsgSeqNum(10);
    opened.store->setNextTargetMsgSeqNum(20);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  Opened restarted = reopen(kClient1);  // the numbers file is still there, from the old database
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 1);
  EXPECT_EQ(restarted.store->getNextTargetMsgSeqNum(), 1);
  Opened again = reopen(kClient1);  // and the file now agrees with the new database
  EXPECT_EQ(again.store->getNextSenderMsgSeqNum(), 1);
}

TEST_F(SqliteMessageStoreTest, AResetSeenByTheTableButNotTheFileStartsFromOne) {
  {
    Opened opened = reopen(kClient1);
    opened.store->setNextSenderMsgSeqNum(10);
  }
  // A reset committed to the table by another connection, as when the process dies between the
  // table's reset and the file's: the file's 10 belongs to the session's previous life.
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "UPDATE fix_sessions SET next_sender=1, next_target=1, "
                           "creation_time='20990101-00:00:00.000000000'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  Opened restarted = reopen(kClient1);
  EXPECT_EQ(restarted.store->getNextSenderMsgSeqNum(), 1);
}

TEST_F(SqliteMessageStoreTest, TheNumbersFileGrowsPastItsFirstThousandSessions) {
  constexpr int kSessions = 1500;
  {
    auto factory = openFactory();
    for (int n = 1; n <= kSessions; ++n) {
      std::unique_ptr<FIX::MessageStore> store(
          factory->create(FIX::SessionID("FIX.4.4", "BROKER", "C" + std::to_string(n))));
      store->setNextSenderMsgSeqNum(n + 1);
    }
  }
  auto factory = openFactory();
  for (int n : {1, 1024, 1025, kSessions}) {
    std::unique_ptr<FIX::MessageStore> store(
        factory->create(FIX::SessionID("FIX.4.4", "BROKER", "C" + std::to_string(n))));
    EXPECT_EQ(store->getNextSenderMsgSeqNum(), n + 1) << n;
  }
}

TEST_F(SqliteMessageStoreTest, RefusesANumbersFileThatIsNotOne) {
  openFactory();
  const std::string numbers = SqliteSessionDatabase::numbersPath(path_);
  std::ofstream(numbers, std::ios::trunc) << "not a numbers file, but long enough to have a header "
                                             "of the right size, or nearly\n";
  try {
    openFactory();
    FAIL() << "opened a numbers file that is not one";
  } catch (const FIX::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(numbers), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a session numbers file"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace fix
}  // namespace gateway
