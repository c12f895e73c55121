// The SQLite schema and its forward migrations. Internal to the SQLite backend.
#pragma once

#include <SQLiteCpp/Database.h>

namespace stance::detail {

/// What stance writes into `PRAGMA application_id` of every database it creates or migrates, so that
/// it can tell its own files from other SQLite databases: "STAN" in ASCII (docs/reliability.md).
inline constexpr int stance_application_id = 0x5354414E;

/// What an opened SQLite file holds, judged before anything in it is changed.
enum class DatabaseKind : unsigned char {
    empty,  ///< No tables and no version: a new file, or a 0-byte one.
    stance, ///< Ours: our application_id, or (written before stance set one) a version and a `stance` table.
    foreign ///< Anything else: another program's database, which stance must not touch.
};
[[nodiscard]] DatabaseKind classify_database(SQLite::Database& db);

/// Reads PRAGMA user_version (0 for a new, empty database).
[[nodiscard]] int read_schema_version(SQLite::Database& db);

/// Brings the schema from its current version up to `target` in one IMMEDIATE transaction: a failed
/// migration rolls back and leaves the database as it was. Throws schema_version_error when the
/// database is newer than `target`.
void migrate(SQLite::Database& db, int target);

} // namespace stance::detail
