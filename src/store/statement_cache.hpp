// Prepared statements kept for the length of a write (bulk imports run the same few hundred
// thousand times), and for the life of a store for reads (a query of a few milliseconds would
// otherwise spend a good part of them preparing its SQL). Internal to the SQLite backend.
#pragma once

#include <memory>
#include <string>
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

    [[nodiscard]] SQLite::Database& database() const noexcept { return m_db; }

private:
    SQLite::Database& m_db;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> m_statements;
};

/// Read statements by their SQL text. A lease resets its statement when it ends, so a read that is
/// done holds no read transaction open; a read begun while the same SQL is still being stepped (a
/// visitor that reads again) gets a statement of its own.
class ReadStatements {
public:
    explicit ReadStatements(SQLite::Database& db) : m_db(db) {}

    class Lease {
    public:
        Lease(SQLite::Statement& statement, std::unique_ptr<SQLite::Statement> own, bool* in_use)
            : m_statement(statement), m_own(std::move(own)), m_in_use(in_use) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() {
            try {
                m_statement.reset();
            } catch (...) { // NOLINT(bugprone-empty-catch): the error was reported by the step that failed
            }
            if (m_in_use != nullptr) {
                *m_in_use = false;
            }
        }
        SQLite::Statement& operator*() const noexcept { return m_statement; }
        SQLite::Statement* operator->() const noexcept { return &m_statement; }

    private:
        SQLite::Statement& m_statement;
        std::unique_ptr<SQLite::Statement> m_own;
        bool* m_in_use;
    };

    /// The statement for `sql`, reset and unbound.
    [[nodiscard]] Lease operator()(const std::string& sql) {
        Slot& slot = m_statements[sql];
        if (slot.in_use) {
            auto own = std::make_unique<SQLite::Statement>(m_db, sql);
            SQLite::Statement& statement = *own;
            return {statement, std::move(own), nullptr};
        }
        if (!slot.statement) {
            slot.statement = std::make_unique<SQLite::Statement>(m_db, sql);
        }
        slot.statement->reset();
        slot.statement->clearBindings();
        slot.in_use = true;
        return {*slot.statement, nullptr, &slot.in_use};
    }

private:
    struct Slot {
        std::unique_ptr<SQLite::Statement> statement;
        bool in_use = false;
    };
    SQLite::Database& m_db;
    std::unordered_map<std::string, Slot> m_statements;
};

} // namespace stance::detail
