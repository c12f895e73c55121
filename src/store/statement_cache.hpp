// Prepared statements kept for the length of a write: bulk imports run the same few hundred
// thousand times. Internal to the SQLite backend.
#pragma once

#include <memory>
#include <unordered_map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace stance::detail {

class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db) : m_db(db) {}

    /// The statement for `sql` (a string literal: its address is the key), reset and unbound.
    SQLite::Statement& operator()(const char* sql) {
        auto& slot = m_statements[sql];
        if (!slot) {
            slot = std::make_unique<SQLite::Statement>(m_db, sql);
        }
        slot->reset();
        slot->clearBindings();
        return *slot;
    }

    /// Finalizes every statement, before the transaction they ran in commits.
    void clear() noexcept { m_statements.clear(); }

private:
    SQLite::Database& m_db;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
};

} // namespace stance::detail
