#pragma once

// The database schema as an ordered list of migrations, and the code that brings a database up to
// the newest one. Each migration runs in its own transaction and is recorded in schema_migrations.

#include <optional>
#include <string>

#include "store/sqlite_handle.h"

namespace store {

// The newest schema version this code knows.
inline constexpr int kSchemaVersion = 1;

// Applies every migration newer than the database's version. Refuses (returns the error) a database
// whose version is newer than kSchemaVersion. `nowNs` is recorded as each migration's applied_ns.
std::optional<std::string> migrate(Connection& connection, std::int64_t nowNs);

// The database's schema version: 0 when it has no schema_migrations table. Null with `error` set
// when it cannot be read.
std::optional<int> schemaVersion(Connection& connection, std::string& error);

}  // namespace store
