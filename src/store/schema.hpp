// The SQLite schema and its forward migrations. Internal to the SQLite backend.
#pragma once

#include <SQLiteCpp/Database.h>

namespace stance::detail {

/// Reads PRAGMA user_version (0 for a new, empty database).
[[nodiscard]] int read_schema_version(SQLite::Database& db);

/// Brings the schema from its current version up to `target` in one IMMEDIATE transaction: a failed
/// migration rolls back and leaves the database as it was. Throws schema_version_error when the
/// database is newer than `target`.
void migrate(SQLite::Database& db, int target);

} // namespace stance::detail
