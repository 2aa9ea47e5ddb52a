#pragma once

// The SQLite database that holds the FIX sessions' stores: ONE connection for every session of
// the process (so no file is opened per session), WAL journal, prepared statements.
//
// Two ways of writing, chosen by `fullSync`:
// - write-behind (the default): the sequence numbers live in a memory-mapped file beside the
//   database (`<path>-numbers`, SessionNumbersFile), so raising one is a store to memory that
//   survives the process being killed. Sent messages are kept in memory and committed by the
//   database's own thread every 10 ms, in one transaction for all sessions (a group commit), with
//   the numbers; so no session thread waits for a write. If the process is killed, the messages of
//   the last few milliseconds may be missing: a ResendRequest for them is answered with a gap fill
//   (QuickFIX's answer for a message it does not have). A resend first commits what is waiting.
// - fullSync: every message and number is committed with an fsync (synchronous=FULL) before the
//   call returns; the numbers file is kept equal (a session whose table row lags the file, as after
//   a kill in write-behind mode, has its row brought up to date when it is opened).
// At start, a session's numbers are the larger of the file's and the database's, so either may be
// behind (the database after a kill, the file after a power loss) without a number being reused;
// unless the file's are of another life of the session (each slot records a hash of the session's
// creation time): a database deleted or a session reset since then starts from the table's.
// A failing write-behind keeps the messages in memory and retries every 10 ms; past 200,000
// waiting messages storing one throws FIX::IOException carrying SQLite's message. Other failures
// throw FIX::IOException at once.
//
// Schema (version 1, recorded in schema_migrations):
//   fix_sessions(session_id TEXT PRIMARY KEY, next_sender INTEGER NOT NULL,
//                next_target INTEGER NOT NULL, creation_time TEXT NOT NULL)
//   fix_messages(session_id TEXT, seq INTEGER, message TEXT, PRIMARY KEY(session_id, seq))
//                WITHOUT ROWID
//   schema_migrations(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)
// creation_time is QuickFIX's UtcTimeStamp text to the nanosecond ("YYYYMMDD-HH:MM:SS.nnnnnnnnn").

#include <quickfix/Exceptions.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gateway {
namespace fix {

class SessionNumbersFile;

struct SessionRow {
  int nextSender = 1;
  int nextTarget = 1;
  std::string creationTime;
};

class SqliteSessionDatabase {
 public:
  static constexpr int kSchemaVersion = 1;

  static constexpr std::chrono::milliseconds kDefaultWriteInterval{10};

  // Opens or creates `path` (and its folder) and its numbers file, sets the pragmas, applies the
  // migrations; without fullSync, starts the thread that commits every `writeInterval`. Throws
  // FIX::ConfigError naming the file when it cannot be opened or is not a session database (or
  // numbers file) this version can use.
  SqliteSessionDatabase(const std::string& path, bool fullSync,
                        std::chrono::milliseconds writeInterval = kDefaultWriteInterval);
  ~SqliteSessionDatabase();

  SqliteSessionDatabase(const SqliteSessionDatabase&) = delete;
  SqliteSessionDatabase& operator=(const SqliteSessionDatabase&) = delete;

  const std::string& path() const { return path_; }

  // Where the sequence numbers are kept beside `databasePath`.
  static std::string numbersPath(const std::string& databasePath);

  // The session's row, inserted with (1, 1, creationTime) when there is none.
  SessionRow openSession(const std::string& sessionId, const std::string& creationTime);
  // The session's row as stored.
  SessionRow loadSession(const std::string& sessionId);
  // Stores the message and raises next_sender to at least seq + 1 (in one transaction, or behind).
  void storeMessage(const std::string& sessionId, int seq, const std::string& message);
  void setNextSender(const std::string& sessionId, int value);
  void setNextTarget(const std::string& sessionId, int value);
  // The messages seq in [begin, end], in order (holes are simply absent); commits what waits first.
  void messages(const std::string& sessionId, int begin, int end,
                std::vector<std::string>& out);
  // Drops the session's messages and sets (1, 1, creationTime), in one transaction.
  void resetSession(const std::string& sessionId, const std::string& creationTime);
  // Commits every waiting message and number now. With fullSync nothing waits, except numbers the
  // table lags behind the file by when a session is opened (after a kill in write-behind mode):
  // opening commits those at once.
  void flush();

 private:
  class Statement;
  struct WaitingMessage {
    int slot;
    int seq;
    std::string message;
  };

  void close();
  void exec(const char* sql);
  template <typename Body>
  void inTransaction(Body body);
  void migrate();
  [[noreturn]] void fail(const std::string& what) const;
  SessionRow selectRow(const std::string& sessionId);  // mutex_ held
  // Sets one of the session's numbers: the file always, the table at once with fullSync.
  void setNumber(Statement& statement, void (SessionNumbersFile::*setInFile)(int, int),
                 const std::string& sessionId, int value);
  // The row's numbers and the file's reconciled (the larger of each), written to both places.
  SessionRow reconcile(const std::string& sessionId, SessionRow row);
  int slotOf(const std::string& sessionId);  // memoryMutex_ held
  void markDirty(int slot);                   // memoryMutex_ held
  void writerLoop();

  const std::string path_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statement> begin_;
  std::unique_ptr<Statement> commit_;
  std::unique_ptr<Statement> rollback_;
  std::unique_ptr<Statement> insertSession_;
  std::unique_ptr<Statement> selectSession_;
  std::unique_ptr<Statement> upsertMessage_;
  std::unique_ptr<Statement> raiseSender_;
  std::unique_ptr<Statement> updateSender_;
  std::unique_ptr<Statement> updateTarget_;
  std::unique_ptr<Statement> selectMessages_;
  std::unique_ptr<Statement> deleteMessages_;
  std::unique_ptr<Statement> resetNumbers_;
  std::unique_ptr<Statement> writeNumbers_;
  std::mutex mutex_;  // guards the connection and its statements; taken before memoryMutex_

  const bool writeBehind_;
  const std::chrono::milliseconds writeInterval_;
  std::unique_ptr<SessionNumbersFile> numbers_;
  std::mutex memoryMutex_;  // guards numbers_ and everything below
  std::condition_variable wake_;
  std::vector<WaitingMessage> waiting_;
  std::vector<int> dirty_;         // slots whose numbers the database has not caught up with
  std::vector<bool> isDirty_;      // by slot
  std::string failure_;            // why the last write-behind failed; empty after a success
  bool stop_ = false;
  std::thread writer_;
};

}  // namespace fix
}  // namespace gateway
