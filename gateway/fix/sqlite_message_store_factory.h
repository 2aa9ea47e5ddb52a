#pragma once

// Creates SqliteMessageStores: every session's store lives in ONE SQLite file opened once by the
// factory (one connection, shared by every store it creates), so a process with hundreds of
// sessions holds four descriptors for them (the database, its WAL, its shared-memory index and the
// memory-mapped sequence numbers). See SqliteSessionDatabase for write-behind and fullSync.

#include <quickfix/MessageStore.h>
#include <quickfix/SessionID.h>

#include <chrono>
#include <memory>
#include <string>

#include "gateway/fix/sqlite_session_database.h"

namespace gateway {
namespace fix {

struct SqliteStoreOptions {
  std::string path;        // the database file; its folder is created when missing
  bool fullSync = false;   // every write committed with an fsync before it returns
  // Without fullSync: how often sent messages are committed behind the session threads.
  std::chrono::milliseconds writeInterval{SqliteSessionDatabase::kDefaultWriteInterval};
};

class SqliteMessageStoreFactory : public FIX::MessageStoreFactory {
 public:
  // Opens or creates the database. Throws FIX::ConfigError, naming the file and SQLite's reason,
  // when it cannot be opened or is not a session database this version can use.
  explicit SqliteMessageStoreFactory(const SqliteStoreOptions& options);

  FIX::MessageStore* create(const FIX::SessionID& sessionID) override;
  void destroy(FIX::MessageStore* store) override;

  // Commits every message still waiting (write-behind) before it returns.
  void flush();

 private:
  std::shared_ptr<SqliteSessionDatabase> database_;
};

}  // namespace fix
}  // namespace gateway
