#pragma once

// Thin RAII owners for SQLite's C API: a connection and a prepared statement with typed binds and
// reads. Used only inside store/. Every error text names the database file.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace store {

// A column value as SQLite holds it: NULL, INTEGER or TEXT (the store uses no REAL or BLOB).
using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;

// Renders a value for messages: NULL, 42, 'text'.
std::string describeValue(const SqlValue& value);

class Connection {
 public:
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  ~Connection();

  // Opens read-write, creating the file if it does not exist.
  static std::optional<Connection> openReadWrite(const std::string& path, std::string& error);
  // Opens read-only through a `file:...?mode=ro` URI; never creates or writes the file.
  static std::optional<Connection> openReadOnly(const std::string& path, std::string& error);

  sqlite3* get() const { return db_; }
  // How long a statement waits for another connection's lock before failing with "database is locked".
  void setBusyTimeout(int millis);
  const std::string& path() const { return path_; }

  // Runs one or more statements without results. Returns the error ("<path>: <message>") or null.
  std::optional<std::string> exec(const char* sql);
  // "<path>: <SQLite's last message on this connection>".
  std::string lastError() const;

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // Prepares `sql` (meant to be kept and reused). Returns null with `error` set on failure.
  static std::optional<Statement> prepare(Connection& connection, const char* sql, std::string& error);

  // Binds are 1-based, as in SQLite.
  void bind(int index, std::int64_t value);
  void bind(int index, std::string_view text);
  void bind(int index, const SqlValue& value);
  void bindNull(int index);

  // Steps once: true when a row is ready, false when done. On an error returns false and sets
  // `failed()`; the message is the connection's lastError().
  bool step();
  bool failed() const { return failed_; }
  // Resets for reuse and clears the binds.
  void reset();

  // Columns are 0-based, as in SQLite.
  std::int64_t columnInt(int column) const;
  std::string columnText(int column) const;
  bool columnIsNull(int column) const;
  SqlValue columnValue(int column) const;

 private:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  sqlite3_stmt* stmt_ = nullptr;
  bool failed_ = false;
};

// Turns a file path into a read-only SQLite URI, escaping the characters URIs reserve.
std::string readOnlyUri(const std::string& path);

}  // namespace store
