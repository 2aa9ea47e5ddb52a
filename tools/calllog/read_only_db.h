#pragma once

// A read-only SQLite connection to the gateway's database (URI "file:<path>?mode=ro"), and its
// prepared statements. Never writes. In WAL mode its reads do not block the gateway's writer; a
// busy timeout covers the short moments (WAL recovery) when a reader must wait. Failures throw
// DatabaseError with a message naming the file.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "store/sqlite_handle.h"

namespace calllog {

struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr int kBusyTimeoutMillis = 5000;

// "file:<path>?mode=ro" with the characters a URI path cannot hold percent-encoded.
std::string readOnlyUri(const std::string& path);

class ReadOnlyDatabase {
 public:
  // Opens `path` read-only and checks that it holds the gateway's margin_calls and audit_log.
  explicit ReadOnlyDatabase(const std::string& path);
  ~ReadOnlyDatabase();
  ReadOnlyDatabase(const ReadOnlyDatabase&) = delete;
  ReadOnlyDatabase& operator=(const ReadOnlyDatabase&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // "<path>: <SQLite's message>"
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
};

// One read snapshot: every query inside sees the same state of the database (BEGIN ... COMMIT).
class ReadSnapshot {
 public:
  explicit ReadSnapshot(ReadOnlyDatabase& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  ReadOnlyDatabase& db_;
};

class Statement {
 public:
  Statement(const ReadOnlyDatabase& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1.
  void bind(int index, const std::string& text);
  void bind(int index, std::int64_t value);

  // true: a row is ready to read.
  bool step();

  // Columns are numbered from 0.
  std::optional<std::string> text(int column) const;
  std::string textOr(int column, const std::string& whenNull = "") const;
  std::optional<std::int64_t> integer(int column) const;
  // NULL, or the value as the column's declared type: INTEGER columns as integers, the others as
  // text (what integer() and text() give).
  store::SqlValue value(int column) const;

 private:
  const ReadOnlyDatabase& db_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace calllog
