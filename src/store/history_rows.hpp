// The history tables of the SQLite store (schema version 6): writing one session's change set and
// reading change sets back. Internal to the SQLite backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "stance/store/history.hpp"
#include "store/statement_cache.hpp"

namespace stance::detail {

/// One session's change set. The session holds the write lock from its start, so the next id is
/// known then; the changes are written as they happen and the change set row at `finish`, when
/// the bulk count and the last note are known (the schema checks the reference at commit).
class HistoryWriter {
public:
    HistoryWriter(SQLite::Database& db, std::string author);

    [[nodiscard]] std::int64_t id() const noexcept { return m_id; }
    void note(const ChangeNote& note) { m_note = note; }
    /// Records a change unless the state is the same before and after (an idempotent re-import).
    void record(const RecordKey& key, const std::optional<std::string>& before,
                const std::optional<std::string>& after);
    void count_bulk(std::uint64_t stances) { m_bulk += stances; }
    /// Writes the change set row, when anything was recorded or counted.
    void finish();
    void release() noexcept { m_statements.clear(); }

private:
    StatementCache m_statements;
    std::string m_author;
    std::int64_t m_id;
    ChangeNote m_note;
    std::uint64_t m_changes = 0;
    std::uint64_t m_bulk = 0;
};

[[nodiscard]] std::vector<ChangeSet> read_change_sets(SQLite::Database& db, const HistoryFilter& filter);

} // namespace stance::detail
