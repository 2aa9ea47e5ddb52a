#pragma once

// The SQLite database that holds the FIX sessions' stores: ONE connection for every session of
// the process (so no file is opened per session), guarded by one mutex, WAL journal,
// synchronous=NORMAL (or FULL), prepared statements. Every method is one committed transaction
// before it returns; a failure throws FIX::IOException carrying SQLite's message.
//
// Schema (version 1, recorded in schema_migrations):
//   fix_sessions(session_id TEXT PRIMARY KEY, next_sender INTEGER NOT NULL,
//                next_target INTEGER NOT NULL, creation_time TEXT NOT NULL)
//   fix_messages(session_id TEXT, seq INTEGER, message TEXT, PRIMARY KEY(session_id, seq))
//                WITHOUT ROWID
//   schema_migrations(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)
// creation_time is QuickFIX's UtcTimeStamp text to the nanosecond ("YYYYMMDD-HH:MM:SS.nnnnnnnnn").

#include <quickfix/Exceptions.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace gateway {
namespace fix {

struct SessionRow {
  int nextSender = 1;
  int nextTarget = 1;
  std::string creationTime;
};

class SqliteSessionDatabase {
 public:
  static constexpr int kSchemaVersion = 1;

  // Opens or creates `path` (and its folder), sets the pragmas, applies the migrations. Throws
  // FIX::ConfigError naming the file when it cannot be opened or is not a session database this
  // version can use.
  SqliteSessionDatabase(const std::string& path, bool fullSync);
  ~SqliteSessionDatabase();

  SqliteSessionDatabase(const SqliteSessionDatabase&) = delete;
  SqliteSessionDatabase& operator=(const SqliteSessionDatabase&) = delete;

  const std::string& path() const { return path_; }

  // The session's row, inserted with (1, 1, creationTime) when there is none.
  SessionRow openSession(const std::string& sessionId, const std::string& creationTime);
  // The session's row as stored.
  SessionRow loadSession(const std::string& sessionId);
  // Stores the message and raises next_sender to at least seq + 1, in one transaction.
  void storeMessage(const std::string& sessionId, int seq, const std::string& message);
  void setNextSender(const std::string& sessionId, int value);
  void setNextTarget(const std::string& sessionId, int value);
  // The messages seq in [begin, end], in order (holes are simply absent).
  void messages(const std::string& sessionId, int begin, int end,
                std::vector<std::string>& out);
  // Drops the session's messages and sets (1, 1, creationTime), in one transaction.
  void resetSession(const std::string& sessionId, const std::string& creationTime);

 private:
  class Statement;

  void close();
  void exec(const char* sql);
  template <typename Body>
  void inTransaction(Body body);
  void migrate();
  [[noreturn]] void fail(const std::string& what) const;
  void setNumber(Statement& statement, const std::string& sessionId, int value);

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
  std::mutex mutex_;
};

}  // namespace fix
}  // namespace gateway
