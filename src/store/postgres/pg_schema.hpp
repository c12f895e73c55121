// The PostgreSQL schema and its forward migrations. Internal to the PostgreSQL backend.
#pragma once

#include <string>

#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

/// The advisory lock every writer of a stance database holds for its transaction: writers take
/// turns, as SQLite's one writer at a time, so a session validates against what no one else changes.
/// "STAN" in ASCII, the SQLite store's application id.
inline constexpr std::int64_t pg_writer_lock = 0x5354414E;

/// Version 9's data step (pg_vote_migration.cpp): every vote-shaped stance of the stance table whose
/// meeting is its agenda item's and whose id prefix its roll call can take moves to the vote table.
void pg_move_vote_shaped_stances(PgConnection& db);

/// The schema version recorded in the database (table stance_schema), 0 when it holds no stance
/// schema. Throws storage_error when it holds tables of another program.
[[nodiscard]] int pg_schema_version(PgConnection& db, const std::string& shown_address);

/// Brings the schema up to `target` in one transaction under the writer lock: a failed migration
/// leaves the database as it was. Throws schema_version_error when the database is newer.
void pg_migrate(PgConnection& db, int target, const std::string& shown_address);

} // namespace stance::detail
