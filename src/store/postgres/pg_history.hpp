// The history tables of the PostgreSQL store: one session's change set written, change sets read
// back. The same rows as the SQLite store's (history_rows.hpp). Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/store/history.hpp"
#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

/// One session's change set. The session holds the writer lock from its start, so the next id is
/// known then; changes are written as they happen, the change set row at `finish` (the reference
/// from change to change_set is deferred to commit).
class PgHistoryWriter {
public:
    PgHistoryWriter(PgConnection& db, std::string author);

    [[nodiscard]] std::int64_t id() const noexcept { return m_id; }
    void note(const ChangeNote& note) { m_note = note; }
    /// Records a change unless the state is the same before and after (an idempotent re-import).
    void record(const RecordKey& key, const std::optional<std::string>& before,
                const std::optional<std::string>& after);
    void count_bulk(std::uint64_t stances) { m_bulk += stances; }
    /// Writes the change set row, when anything was recorded or counted.
    void finish();

private:
    PgConnection& m_db;
    std::string m_author;
    std::int64_t m_id;
    ChangeNote m_note;
    std::uint64_t m_changes = 0;
    std::uint64_t m_bulk = 0;
};

[[nodiscard]] std::vector<ChangeSet> pg_read_change_sets(PgConnection& db, const HistoryFilter& filter);

} // namespace stance::detail
