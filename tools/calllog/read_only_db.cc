#include "tools/calllog/read_only_db.h"

#include <filesystem>

namespace calllog {
namespace {

bool hasTable(sqlite3* db, const char* name) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1, &statement,
                         nullptr) != SQLITE_OK) {
    return false;
  }
  sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
  const bool found = sqlite3_step(statement) == SQLITE_ROW;
  sqlite3_finalize(statement);
  return found;
}

}  // namespace

std::string readOnlyUri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '%' || c == '?' || c == '#' || byte <= 0x20 || byte >= 0x7f) {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0x0f];
    } else {
      uri += c;
    }
  }
  return uri + "?mode=ro";
}

ReadOnlyDatabase::ReadOnlyDatabase(const std::string& path) : path_(path) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) throw DatabaseError("cannot open " + path + ": no such file");
  const int opened = sqlite3_open_v2(readOnlyUri(path).c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                                     nullptr);
  if (opened != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(opened);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError("cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMillis);
  // Reading the schema is the first real read: it fails here for a file that is not SQLite.
  sqlite3_stmt* probe = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT count(*) FROM sqlite_schema", -1, &probe, nullptr) != SQLITE_OK ||
      sqlite3_step(probe) != SQLITE_ROW) {
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_finalize(probe);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError("cannot read " + path + ": " + message);
  }
  sqlite3_finalize(probe);
  if (!hasTable(db_, "margin_calls") || !hasTable(db_, "audit_log")) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError(path + " is not a gateway database (it has no margin_calls and audit_log tables)");
  }
}

ReadOnlyDatabase::~ReadOnlyDatabase() { sqlite3_close(db_); }

void ReadOnlyDatabase::fail(const std::string& what) const {
  throw DatabaseError(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

ReadSnapshot::ReadSnapshot(ReadOnlyDatabase& db) : db_(db) {
  if (sqlite3_exec(db_.handle(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) db_.fail("cannot begin a read");
}

ReadSnapshot::~ReadSnapshot() { sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr); }

Statement::Statement(const ReadOnlyDatabase& db, const std::string& sql) : db_(db) {
  if (sqlite3_prepare_v2(db_.handle(), sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
    db_.fail("cannot prepare a query");
  }
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::bind(int index, const std::string& text) {
  if (sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) !=
      SQLITE_OK) {
    db_.fail("cannot bind a query parameter");
  }
}

void Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) db_.fail("cannot bind a query parameter");
}

bool Statement::step() {
  const int result = sqlite3_step(statement_);
  if (result == SQLITE_ROW) return true;
  if (result == SQLITE_DONE) return false;
  db_.fail("cannot read");
}

std::optional<std::string> Statement::text(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  const int size = sqlite3_column_bytes(statement_, column);
  return data == nullptr ? std::string() : std::string(data, static_cast<std::size_t>(size));
}

std::string Statement::textOr(int column, const std::string& whenNull) const {
  return text(column).value_or(whenNull);
}

std::optional<std::int64_t> Statement::integer(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(statement_, column);
}

store::SqlValue Statement::value(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::monostate{};
  const char* declared = sqlite3_column_decltype(statement_, column);
  if (declared != nullptr && sqlite3_stricmp(declared, "INTEGER") == 0) return sqlite3_column_int64(statement_, column);
  return textOr(column);
}

}  // namespace calllog
