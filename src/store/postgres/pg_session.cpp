// The import session of the PostgreSQL store: one transaction under the writer lock, in the checked
// session both stores share (checked_session.hpp: the write rules before each put, the history
// recorded in the same transaction, and after any failed write only the rollback).
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/checked_session.hpp"
#include "store/postgres/pg_history.hpp"
#include "store/postgres/pg_schema.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/pg_writer.hpp"
#include "store/postgres/pg_written.hpp"

namespace stance::detail {

namespace {

/// BEGIN and the writer lock in the constructor, COMMIT only when asked, ROLLBACK in a destructor
/// that never throws (the SQLiteCpp Transaction's shape).
class PgTransaction {
public:
    explicit PgTransaction(PgConnection& db) : m_db(db) {
        m_db.script("BEGIN ISOLATION LEVEL READ COMMITTED");
        try {
            // Writers take turns, as in SQLite: what a session reads and checks, no one else changes.
            m_db.query("SELECT pg_advisory_xact_lock($1)", PgParams().integer(pg_writer_lock));
        } catch (...) {
            rollback();
            throw;
        }
    }
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    ~PgTransaction() {
        if (!m_done) {
            rollback();
        }
    }
    void commit() {
        m_db.script("COMMIT");
        m_done = true;
    }

private:
    void rollback() noexcept {
        try {
            m_db.script("ROLLBACK");
        } catch (...) { // NOLINT(bugprone-empty-catch): a lost connection rolls back on the server anyway
        }
        m_done = true;
    }

    PgConnection& m_db;
    bool m_done = false;
};

/// What the PostgreSQL store brings to the checked session (checked_session.hpp): the transaction
/// under the writer lock, the writer, and the history and rule look-ups on the same connection.
struct PgSessionParts {
    using Failure = PgFailure;
    [[noreturn]] static void rethrow(const Failure& failure, const std::string& doing) {
        rethrow_as_stance_error(failure, doing);
    }
    static constexpr bool failed_read_aborts = true; // PostgreSQL aborts the transaction: only the rollback is left
    static constexpr bool native_votes = true;       // PgWriter::put_votes
    static constexpr bool bulk_puts = true;          // PgWriter::put_meetings and put_agenda_items

    explicit PgSessionParts(const PgStore& of)
        : store(of), transaction(of.connection()), writer(of.connection()), written(of.connection()),
          history(of.connection(), of.author()) {}

    [[nodiscard]] const std::string& shown() const noexcept { return store.shown(); }
    void commit() {
        writer.finish();
        history.finish();
        transaction.commit();
    }

    const PgStore& store;
    PgTransaction transaction;
    PgWriter writer;
    PgWrittenEntities written;
    PgHistoryWriter history;
};

} // namespace

std::unique_ptr<ImportSession> PgStore::begin_import() {
    if (m_db->in_transaction()) {
        throw storage_error(fmt::format("importing into {}: a read snapshot or another import is open on this "
                                        "connection; end it first",
                                        m_shown));
    }
    try {
        return std::make_unique<CheckedSession<PgSessionParts>>(*this);
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("starting an import into {}", m_shown));
    }
}

} // namespace stance::detail
