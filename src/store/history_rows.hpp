// The history tables of the SQLite store (schema version 6): writing one session's change set and
// reading change sets back. Internal to the SQLite backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "stance/store/history.hpp"
#include "store/change_set_writer.hpp"
#include "store/statement_cache.hpp"

namespace stance::detail {

/// One session's change set (change_set_writer.hpp), written through the session's connection.
class HistoryWriter final : public ChangeSetWriter {
public:
    HistoryWriter(SQLite::Database& db, std::string author);

    void release() noexcept { m_statements.clear(); }

private:
    void insert_change(const RecordKey& key, const std::optional<std::string>& before,
                       const std::optional<std::string>& after) override;
    void insert_change_set(const ChangeSet& row) override;

    StatementCache m_statements;
};

[[nodiscard]] std::vector<ChangeSet> read_change_sets(SQLite::Database& db, const HistoryFilter& filter);

} // namespace stance::detail
