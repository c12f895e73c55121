// The history tables of the PostgreSQL store: one session's change set written, change sets read
// back. The same rows as the SQLite store's (history_rows.hpp). Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/store/history.hpp"
#include "store/change_set_writer.hpp"
#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

/// One session's change set (change_set_writer.hpp), written through the session's connection.
class PgHistoryWriter final : public ChangeSetWriter {
public:
    PgHistoryWriter(PgConnection& db, std::string author);

private:
    void insert_change(const RecordKey& key, const std::optional<std::string>& before,
                       const std::optional<std::string>& after) override;
    void insert_change_set(const ChangeSet& row) override;
    void write_pending_changes();

    PgConnection& m_db;
    // The changes not yet written, as COPY rows: an import of thousands of entities writes them in
    // a few COPYs rather than a round trip each. Nothing reads a session's changes before its change
    // set row, which finish() writes after them (and the reference is checked at commit).
    std::string m_pending;
};

[[nodiscard]] std::vector<ChangeSet> pg_read_change_sets(PgConnection& db, const HistoryFilter& filter);

} // namespace stance::detail
