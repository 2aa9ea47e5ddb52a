#include "gateway/fix/sqlite_session_database.h"

#include "gateway/fix/session_numbers_file.h"
#include "store/background_thread.h"

#include <errno.h>
#include <sqlite3.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <chrono>
#include <cstring>
#include <iostream>
#include <iterator>
#include <unordered_map>

namespace gateway {
namespace fix {
namespace {

constexpr int kBusyTimeoutMs = 5000;
// A session's incarnation in the numbers file: FNV-1a of its creation time in the table, which
// changes when the session is reset and when the database is made anew. Never 0 (unknown).
constexpr std::uint64_t kUnknownIncarnation = 0;

std::uint64_t incarnationOf(const std::string& creationTime) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : creationTime) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash == kUnknownIncarnation ? 1 : hash;
}

// Waiting messages that wake the thread before its interval is over.
constexpr std::size_t kWakeMessages = 4096;
// Waiting messages past which, while writes fail, storing another throws.
constexpr std::size_t kMaxWaitingWhileFailing = 200000;

const char kCreateMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations("
    "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";

const char kSchemaV1[] =
    "CREATE TABLE fix_sessions("
    "session_id TEXT PRIMARY KEY, next_sender INTEGER NOT NULL, next_target INTEGER NOT NULL, "
    "creation_time TEXT NOT NULL);"
    "CREATE TABLE fix_messages("
    "session_id TEXT, seq INTEGER, message TEXT, PRIMARY KEY(session_id, seq)) WITHOUT ROWID;"
    "INSERT INTO schema_migrations(version, applied_at) "
    "VALUES(1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";

// mkdir -p of the folder that holds `path` (nothing when it has no folder part).
bool makeParentFolders(const std::string& path, std::string& error) {
  const std::string::size_type slash = path.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return true;
  const std::string folder = path.substr(0, slash);
  for (std::string::size_type at = 1; at <= folder.size(); ++at) {
    if (at != folder.size() && folder[at] != '/') continue;
    const std::string prefix = folder.substr(0, at);
    if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) {
      error = "cannot create folder " + prefix + ": " + std::strerror(errno);
      return false;
    }
  }
  struct stat info;
  if (::stat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    error = folder + " is not a folder";
    return false;
  }
  return true;
}

}  // namespace

// A prepared statement, kept for the connection's life; Use binds and steps it and resets it
// when it goes out of scope.
class SqliteSessionDatabase::Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      throw FIX::ConfigError(std::string("cannot prepare \"") + sql + "\": " + sqlite3_errmsg(db));
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  class Use {
   public:
    explicit Use(Statement& statement) : stmt_(statement.stmt_) {}
    ~Use() {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

    Use& bind(int index, int value) {
      check(sqlite3_bind_int(stmt_, index, value));
      return *this;
    }
    Use& bind(int index, const std::string& value) {
      check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                              SQLITE_STATIC));
      return *this;
    }
    // True while there is a row; false when done. Throws on an error.
    bool step() {
      const int rc = sqlite3_step(stmt_);
      if (rc == SQLITE_ROW) return true;
      if (rc == SQLITE_DONE) return false;
      fail();
    }
    int intColumn(int column) const { return sqlite3_column_int(stmt_, column); }
    std::string textColumn(int column) const {
      const unsigned char* text = sqlite3_column_text(stmt_, column);
      const int size = sqlite3_column_bytes(stmt_, column);
      return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), size);
    }

   private:
    void check(int rc) {
      if (rc != SQLITE_OK) fail();
    }
    [[noreturn]] void fail() {
      throw FIX::IOException(std::string("session store: ") +
                             sqlite3_errmsg(sqlite3_db_handle(stmt_)));
    }

    sqlite3_stmt* stmt_;
  };

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

constexpr std::chrono::milliseconds SqliteSessionDatabase::kDefaultWriteInterval;

std::string SqliteSessionDatabase::numbersPath(const std::string& databasePath) {
  return databasePath + "-numbers";
}

SqliteSessionDatabase::SqliteSessionDatabase(const std::string& path, bool fullSync,
                                             std::chrono::milliseconds writeInterval)
    : path_(path), writeBehind_(!fullSync), writeInterval_(writeInterval) {
  std::string error;
  if (path.empty()) throw FIX::ConfigError("session store: no file named");
  if (!makeParentFolders(path, error)) {
    throw FIX::ConfigError("session store " + path + ": " + error);
  }
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw FIX::ConfigError("session store " + path + ": cannot open: " + message);
  }
  try {
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db_, 1);
    {
      // journal_mode answers with the mode in force: anything but "wal" is a failure.
      Statement wal(db_, "PRAGMA journal_mode=WAL");
      Statement::Use use(wal);
      if (!use.step() || use.textColumn(0) != "wal") {
        throw FIX::ConfigError("cannot switch to WAL");
      }
    }
    exec(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    migrate();
    begin_.reset(new Statement(db_, "BEGIN IMMEDIATE"));
    commit_.reset(new Statement(db_, "COMMIT"));
    rollback_.reset(new Statement(db_, "ROLLBACK"));
    insertSession_.reset(new Statement(
        db_,
        "INSERT OR IGNORE INTO fix_sessions(session_id, next_sender, next_target, creation_time) "
        "VALUES(?1, 1, 1, ?2)"));
    selectSession_.reset(new Statement(
        db_, "SELECT next_sender, next_target, creation_time FROM fix_sessions WHERE session_id=?1"));
    upsertMessage_.reset(new Statement(
        db_, "INSERT OR REPLACE INTO fix_messages(session_id, seq, message) VALUES(?1, ?2, ?3)"));
    raiseSender_.reset(new Statement(
        db_, "UPDATE fix_sessions SET next_sender=MAX(next_sender, ?2) WHERE session_id=?1"));
    updateSender_.reset(
        new Statement(db_, "UPDATE fix_sessions SET next_sender=?2 WHERE session_id=?1"));
    updateTarget_.reset(
        new Statement(db_, "UPDATE fix_sessions SET next_target=?2 WHERE session_id=?1"));
    selectMessages_.reset(new Statement(
        db_,
        "SELECT message FROM fix_messages WHERE session_id=?1 AND seq BETWEEN ?2 AND ?3 "
        "ORDER BY seq"));
    deleteMessages_.reset(new Statement(db_, "DELETE FROM fix_messages WHERE session_id=?1"));
    resetNumbers_.reset(new Statement(
        db_,
        "UPDATE fix_sessions SET next_sender=1, next_target=1, creation_time=?2 "
        "WHERE session_id=?1"));
    writeNumbers_.reset(new Statement(
        db_, "UPDATE fix_sessions SET next_sender=?2, next_target=?3 WHERE session_id=?1"));
  } catch (const FIX::Exception& e) {
    close();
    throw FIX::ConfigError("session store " + path + ": " + e.detail);
  }
  try {
    numbers_.reset(new SessionNumbersFile(numbersPath(path)));
  } catch (...) {
    close();
    throw;
  }
  if (writeBehind_) writer_ = std::thread([this] { writerLoop(); });
}

SqliteSessionDatabase::~SqliteSessionDatabase() {
  if (writer_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(memoryMutex_);
      stop_ = true;
    }
    wake_.notify_one();
    writer_.join();
    try {
      flush();
    } catch (const FIX::IOException& e) {
      // Nothing is left to retry: say what is lost where the operator sees it.
      std::cerr << "session store " << path_ << ": " << waiting_.size()
                << " sent messages could not be written: " << e.detail << std::endl;
    }
  }
  close();
}

void SqliteSessionDatabase::close() {
  // The statements go before the connection.
  begin_.reset();
  commit_.reset();
  rollback_.reset();
  insertSession_.reset();
  selectSession_.reset();
  upsertMessage_.reset();
  raiseSender_.reset();
  updateSender_.reset();
  updateTarget_.reset();
  selectMessages_.reset();
  deleteMessages_.reset();
  resetNumbers_.reset();
  writeNumbers_.reset();
  sqlite3_close(db_);
  db_ = nullptr;
}

template <typename Body>
void SqliteSessionDatabase::inTransaction(Body body) {
  {
    Statement::Use begin(*begin_);
    begin.step();
  }
  try {
    body();
    Statement::Use commit(*commit_);
    commit.step();
  } catch (...) {
    Statement::Use rollback(*rollback_);
    try {
      rollback.step();
    } catch (const FIX::IOException&) {
      // SQLite may have rolled the transaction back itself.
    }
    throw;
  }
}

void SqliteSessionDatabase::fail(const std::string& what) const {
  throw FIX::IOException("session store: " + what + ": " + sqlite3_errmsg(db_));
}

void SqliteSessionDatabase::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw FIX::IOException(text);
  }
}

void SqliteSessionDatabase::migrate() {
  exec("BEGIN IMMEDIATE");
  try {
    exec(kCreateMigrations);
    int version = 0;
    {
      Statement current(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      Statement::Use use(current);
      if (use.step()) version = use.intColumn(0);
    }
    if (version > kSchemaVersion) {
      throw FIX::ConfigError("schema version " + std::to_string(version) +
                             " is newer than this program's (" +
                             std::to_string(kSchemaVersion) + ")");
    }
    if (version < 1) exec(kSchemaV1);
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

SessionRow SqliteSessionDatabase::openSession(const std::string& sessionId,
                                              const std::string& creationTime) {
  SessionRow row;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    {
      Statement::Use insert(*insertSession_);
      insert.bind(1, sessionId).bind(2, creationTime).step();
    }
    row = selectRow(sessionId);
  }
  return reconcile(sessionId, row);
}

SessionRow SqliteSessionDatabase::loadSession(const std::string& sessionId) {
  SessionRow row;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    row = selectRow(sessionId);
  }
  return reconcile(sessionId, row);
}

SessionRow SqliteSessionDatabase::selectRow(const std::string& sessionId) {
  Statement::Use use(*selectSession_);
  use.bind(1, sessionId);
  if (!use.step()) fail("no row for session " + sessionId);
  SessionRow row;
  row.nextSender = use.intColumn(0);
  row.nextTarget = use.intColumn(1);
  row.creationTime = use.textColumn(2);
  return row;
}

SessionRow SqliteSessionDatabase::reconcile(const std::string& sessionId, SessionRow row) {
  std::unique_lock<std::mutex> lock(memoryMutex_);
  const std::uint64_t incarnation = incarnationOf(row.creationTime);
  const int slot = numbers_->find(sessionId);
  if (slot < 0) {
    numbers_->add(sessionId, row.nextSender, row.nextTarget, incarnation);
    return row;
  }
  if (numbers_->incarnation(slot) != incarnation) {
    // Numbers of another life of the session (the database was deleted or the session reset
    // since): the table's are the session's.
    numbers_->setNextSender(slot, row.nextSender);
    numbers_->setNextTarget(slot, row.nextTarget);
    numbers_->setIncarnation(slot, incarnation);
    return row;
  }
  const bool databaseBehind = numbers_->nextSender(slot) > row.nextSender ||
                              numbers_->nextTarget(slot) > row.nextTarget;
  row.nextSender = std::max(row.nextSender, numbers_->nextSender(slot));
  row.nextTarget = std::max(row.nextTarget, numbers_->nextTarget(slot));
  numbers_->setNextSender(slot, row.nextSender);
  numbers_->setNextTarget(slot, row.nextTarget);
  if (databaseBehind) {
    markDirty(slot);  // written behind: the table catches up with the thread's next commit
    if (!writeBehind_) {
      lock.unlock();
      flush();  // fullSync: the table catches up now
    }
  }
  return row;
}

int SqliteSessionDatabase::slotOf(const std::string& sessionId) {
  const int slot = numbers_->find(sessionId);
  // Every store opens its session first; a session without a slot still gets one.
  return slot >= 0 ? slot : numbers_->add(sessionId, 1, 1, kUnknownIncarnation);
}

void SqliteSessionDatabase::markDirty(int slot) {
  if (static_cast<std::size_t>(slot) >= isDirty_.size()) isDirty_.resize(slot + 1, false);
  if (isDirty_[slot]) return;
  isDirty_[slot] = true;
  dirty_.push_back(slot);
}

void SqliteSessionDatabase::storeMessage(const std::string& sessionId, int seq,
                                         const std::string& message) {
  if (!writeBehind_) {
    std::lock_guard<std::mutex> lock(mutex_);
    inTransaction([&] {
      Statement::Use upsert(*upsertMessage_);
      upsert.bind(1, sessionId).bind(2, seq).bind(3, message).step();
      Statement::Use raise(*raiseSender_);
      raise.bind(1, sessionId).bind(2, seq + 1).step();
    });
  }
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(memoryMutex_);
    if (writeBehind_ && !failure_.empty() && waiting_.size() >= kMaxWaitingWhileFailing) {
      throw FIX::IOException("session store: " + std::to_string(waiting_.size()) +
                             " sent messages wait to be written: " + failure_);
    }
    const int slot = slotOf(sessionId);
    if (numbers_->nextSender(slot) < seq + 1) numbers_->setNextSender(slot, seq + 1);
    if (writeBehind_) {
      waiting_.push_back(WaitingMessage{slot, seq, message});
      markDirty(slot);
      wake = waiting_.size() == kWakeMessages;
    }
  }
  if (wake) wake_.notify_one();
}

void SqliteSessionDatabase::setNumber(Statement& statement,
                                      void (SessionNumbersFile::*setInFile)(int, int),
                                      const std::string& sessionId, int value) {
  if (!writeBehind_) {
    std::lock_guard<std::mutex> lock(mutex_);
    Statement::Use use(statement);
    use.bind(1, sessionId).bind(2, value).step();
  }
  std::lock_guard<std::mutex> lock(memoryMutex_);
  const int slot = slotOf(sessionId);
  (numbers_.get()->*setInFile)(slot, value);
  if (writeBehind_) markDirty(slot);
}

void SqliteSessionDatabase::setNextSender(const std::string& sessionId, int value) {
  setNumber(*updateSender_, &SessionNumbersFile::setNextSender, sessionId, value);
}

void SqliteSessionDatabase::setNextTarget(const std::string& sessionId, int value) {
  setNumber(*updateTarget_, &SessionNumbersFile::setNextTarget, sessionId, value);
}

void SqliteSessionDatabase::messages(const std::string& sessionId, int begin, int end,
                                     std::vector<std::string>& out) {
  flush();
  std::lock_guard<std::mutex> lock(mutex_);
  out.clear();
  Statement::Use use(*selectMessages_);
  use.bind(1, sessionId).bind(2, begin).bind(3, end);
  while (use.step()) out.push_back(use.textColumn(0));
}

void SqliteSessionDatabase::resetSession(const std::string& sessionId,
                                         const std::string& creationTime) {
  flush();
  std::lock_guard<std::mutex> lock(mutex_);
  inTransaction([&] {
    Statement::Use drop(*deleteMessages_);
    drop.bind(1, sessionId).step();
    Statement::Use numbers(*resetNumbers_);
    numbers.bind(1, sessionId).bind(2, creationTime).step();
  });
  std::lock_guard<std::mutex> memory(memoryMutex_);
  const int slot = slotOf(sessionId);
  numbers_->setNextSender(slot, 1);
  numbers_->setNextTarget(slot, 1);
  numbers_->setIncarnation(slot, incarnationOf(creationTime));
}

void SqliteSessionDatabase::flush() {
  struct Numbers {
    std::string sessionId;
    int nextSender;
    int nextTarget;
  };
  std::lock_guard<std::mutex> lock(mutex_);  // one commit at a time, in the order taken
  std::vector<WaitingMessage> batch;
  std::vector<Numbers> numbers;
  std::unordered_map<int, std::string> ids;
  std::vector<int> dirtySlots;
  {
    std::lock_guard<std::mutex> memory(memoryMutex_);
    if (waiting_.empty() && dirty_.empty()) return;
    batch.swap(waiting_);
    for (const WaitingMessage& waiting : batch) {
      if (ids.count(waiting.slot) == 0) ids[waiting.slot] = numbers_->sessionId(waiting.slot);
    }
    dirtySlots.swap(dirty_);
    for (int slot : dirtySlots) {
      numbers.push_back(Numbers{numbers_->sessionId(slot), numbers_->nextSender(slot),
                                numbers_->nextTarget(slot)});
      isDirty_[slot] = false;
    }
  }
  try {
    inTransaction([&] {
      for (const WaitingMessage& waiting : batch) {
        Statement::Use upsert(*upsertMessage_);
        upsert.bind(1, ids[waiting.slot]).bind(2, waiting.seq).bind(3, waiting.message).step();
      }
      for (const Numbers& session : numbers) {
        Statement::Use write(*writeNumbers_);
        write.bind(1, session.sessionId)
            .bind(2, session.nextSender)
            .bind(3, session.nextTarget)
            .step();
      }
    });
  } catch (const FIX::IOException& e) {
    // Nothing is lost: the batch goes back in front of what arrived meanwhile, and is retried.
    std::lock_guard<std::mutex> memory(memoryMutex_);
    batch.insert(batch.end(), std::make_move_iterator(waiting_.begin()),
                 std::make_move_iterator(waiting_.end()));
    waiting_.swap(batch);
    for (int slot : dirtySlots) markDirty(slot);
    failure_ = e.detail;
    throw;
  }
  std::lock_guard<std::mutex> memory(memoryMutex_);
  failure_.clear();
}

void SqliteSessionDatabase::writerLoop() {
  store::becomeBackgroundThread("session-store");
  bool alarmed = false;  // the log says the writes fail, and has not yet said they recovered
  std::unique_lock<std::mutex> lock(memoryMutex_);
  while (!stop_) {
    wake_.wait_for(lock, writeInterval_);
    if (stop_) break;
    const std::size_t waiting = waiting_.size();
    lock.unlock();
    try {
      flush();
      if (alarmed) {
        spdlog::info("SESSION_STORE_RECOVERED {}: writing again; {} sent messages that were waiting are written",
                     path_, waiting);
        alarmed = false;
      }
    } catch (const FIX::IOException& e) {
      // Kept in memory and retried on the next round; failure_ says why meanwhile.
      if (!alarmed) {
        spdlog::error(
            "ALARM SESSION_STORE_UNAVAILABLE {}: {}; sent messages are kept in memory and retried every {} ms "
            "(past {} waiting, sending fails); sequence numbers are unaffected (numbers file)",
            path_, e.detail, writeInterval_.count(), kMaxWaitingWhileFailing);
        alarmed = true;
      }
    }
    lock.lock();
  }
}

}  // namespace fix
}  // namespace gateway
