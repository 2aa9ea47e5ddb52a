#include "store/schema.h"

#include <array>

namespace store {

namespace {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// Append only: a released migration never changes. store/README.md documents every column.
constexpr std::array kMigrations = {
    Migration{1, "journal, audit_log with its hash chain, chain_head, margin_calls", R"sql(
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  time_ns INTEGER NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  time_ns INTEGER NOT NULL,
  kind TEXT NOT NULL,
  account TEXT NOT NULL,
  call_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  fix_message TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_call_id ON audit_log (call_id) WHERE call_id <> '';
CREATE INDEX audit_log_account_time ON audit_log (account, time_ns);
CREATE TABLE chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO chain_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TABLE margin_calls (
  call_id TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  currency TEXT NOT NULL,
  issued_ns INTEGER NOT NULL,
  issued_seq INTEGER NOT NULL,
  deadline_ns INTEGER NOT NULL,
  last_deadline_ns INTEGER NOT NULL,
  equity TEXT NOT NULL,
  maintenance TEXT NOT NULL,
  initial TEXT NOT NULL,
  deficit_to_maintenance TEXT NOT NULL,
  amount_to_cure TEXT NOT NULL,
  health TEXT,
  trigger_kind TEXT,
  trigger_reference TEXT,
  trigger_price TEXT,
  trigger_quantity TEXT,
  trigger_journal_seq INTEGER,
  sessions TEXT NOT NULL,
  first_sent_ns INTEGER,
  escalations INTEGER NOT NULL,
  last_amount_to_cure TEXT NOT NULL,
  acknowledged_ns INTEGER,
  liquidation_orders INTEGER NOT NULL,
  liquidation_fills INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'liquidating', 'closed')),
  outcome TEXT,
  closed_ns INTEGER,
  manner_met TEXT
);
CREATE INDEX margin_calls_account_issued ON margin_calls (account, issued_ns);
CREATE INDEX margin_calls_issued ON margin_calls (issued_ns);
)sql"},
};

static_assert(kMigrations.back().version == kSchemaVersion, "kSchemaVersion must name the last migration");

}  // namespace

std::optional<int> schemaVersion(Connection& connection, std::string& error) {
  auto exists = Statement::prepare(
      connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", error);
  if (!exists) return std::nullopt;
  if (!exists->step()) {
    error = connection.lastError();
    return std::nullopt;
  }
  if (exists->columnInt(0) == 0) return 0;
  auto version = Statement::prepare(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations", error);
  if (!version) return std::nullopt;
  if (!version->step()) {
    error = connection.lastError();
    return std::nullopt;
  }
  return static_cast<int>(version->columnInt(0));
}

std::optional<std::string> migrate(Connection& connection, std::int64_t nowNs) {
  if (auto error = connection.exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
          " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_ns INTEGER NOT NULL)")) {
    return error;
  }
  for (const Migration& migration : kMigrations) {
    // Read the version inside the write transaction: another process may be migrating too.
    if (auto error = connection.exec("BEGIN IMMEDIATE")) return error;
    std::string error;
    auto failed = [&](std::string message) {
      connection.exec("ROLLBACK");
      return message;
    };
    const std::optional<int> current = schemaVersion(connection, error);
    if (!current) return failed(error);
    if (*current > kSchemaVersion) {
      return failed(connection.path() + ": schema version " + std::to_string(*current) +
                    " is newer than this program knows (" + std::to_string(kSchemaVersion) + ")");
    }
    if (*current >= migration.version) {
      connection.exec("ROLLBACK");
      continue;
    }
    if (auto sqlError = connection.exec(migration.sql)) {
      return failed(*sqlError + " (migration " + std::to_string(migration.version) + ")");
    }
    auto record = Statement::prepare(
        connection, "INSERT INTO schema_migrations (version, description, applied_ns) VALUES (?, ?, ?)", error);
    if (!record) return failed(error);
    record->bind(1, static_cast<std::int64_t>(migration.version));
    record->bind(2, std::string_view(migration.description));
    record->bind(3, nowNs);
    record->step();
    if (record->failed()) return failed(connection.lastError());
    record = std::nullopt;
    if (auto commitError = connection.exec("COMMIT")) return failed(*commitError);
  }
  // A database newer than the code with no migration left to apply above is refused here too.
  std::string error;
  const std::optional<int> current = schemaVersion(connection, error);
  if (!current) return error;
  if (*current > kSchemaVersion) {
    return connection.path() + ": schema version " + std::to_string(*current) + " is newer than this program knows (" +
           std::to_string(kSchemaVersion) + ")";
  }
  return std::nullopt;
}

}  // namespace store
