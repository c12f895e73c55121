// The import session of the PostgreSQL store: one transaction under the writer lock, the write rules
// before each put (write_rules.hpp, the same as the SQLite store's), the history recorded in the same
// transaction, and after any failed write only the rollback. See ImportSession in stance/store/store.hpp.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/checked_writes.hpp"
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

template <class Entity> void write(PgWriter& writer, const Entity& entity) {
    writer.put(entity);
}
void write(PgWriter& writer, std::span<const Stance> stances) {
    writer.put_stances(stances);
}
void write(PgWriter& writer, const ActorAlias& alias) {
    writer.remove(alias);
}
void write(PgWriter& writer, const RecordKey& key) {
    writer.remove(key);
}

class PgImportSession final : public ImportSession {
public:
    explicit PgImportSession(const PgStore& store)
        : m_store(store), m_transaction(store.connection()), m_writer(store.connection()),
          m_written(store.connection()), m_history(store.connection(), store.author()) {}

    void put(const Document& document) override { guarded("document", document); }
    void put(const Actor& actor) override { guarded("actor", actor); }
    void put(const Membership& membership) override { guarded("membership", membership); }
    void put(const Role& role) override { guarded("role", role); }
    void put(const Topic& topic) override { guarded("topic", topic); }
    void put(const Proposition& proposition) override { guarded("proposition", proposition); }
    void put(const Body& body) override { guarded("body", body); }
    void put(const Meeting& meeting) override { guarded("meeting", meeting); }
    void put(const AgendaItem& item) override { guarded("agenda item", item); }
    void put(const Participant& participant) override { guarded("participant", participant); }
    void put(const Stance& stance) override { guarded("stance", stance); }
    void put_stances(std::span<const Stance> stances) override { guarded("stances", stances); }
    void remove(const ActorAlias& alias) override { guarded("alias", alias); }
    std::int64_t put(const Suggestion& suggestion) override {
        guarded("suggestion", suggestion);
        return m_last_suggestion;
    }
    void remove(const RecordKey& key) override {
        if (!recorded_state(key)) {
            throw not_found_error(
                fmt::format("there is no {} \"{}\" in {}", to_string(key.kind), key.id, m_store.shown()));
        }
        guarded("removal", key);
    }
    std::optional<std::string> recorded_state(const RecordKey& key) override {
        try {
            return m_store.recorded_state(key);
        } catch (const PgFailure& failure) {
            m_failed = true;
            rethrow_as_stance_error(
                failure, fmt::format("reading {} \"{}\" from {}", to_string(key.kind), key.id, m_store.shown()));
        }
    }
    void note(const ChangeNote& note) override { m_history.note(note); }
    [[nodiscard]] std::int64_t change_set_id() const override { return m_history.id(); }

    void commit() override {
        if (m_failed) {
            throw storage_error(fmt::format("importing into {}: an earlier write of this import failed, so it cannot "
                                            "be committed; nothing of it was saved",
                                            m_store.shown()));
        }
        m_failed = true; // whatever happens below, this session is over
        try {
            m_writer.finish();
            m_history.finish();
            m_transaction.commit();
        } catch (const PgFailure& failure) {
            rethrow_as_stance_error(
                failure, fmt::format("committing the import into {} (nothing of it was saved)", m_store.shown()));
        }
    }

private:
    template <class Entity> void guarded(std::string_view kind, const Entity& entity) {
        if (m_failed) {
            throw storage_error(fmt::format("importing into {}: an earlier write of this import failed; discard "
                                            "this import and start a new one",
                                            m_store.shown()));
        }
        try {
            check_rules(entity, m_written);
        } catch (const PgFailure& failure) {
            m_failed = true;
            rethrow_as_stance_error(
                failure, fmt::format("checking {} before writing it into {}", describe(kind, entity), m_store.shown()));
        }
        try {
            const std::optional<RecordKey> key = key_before(entity);
            const std::optional<std::string> before = key ? m_store.recorded_state(*key) : std::nullopt;
            write_and_record(entity, key, before);
            if constexpr (changes_lookups<Entity>) {
                m_written.forget();
            }
        } catch (const PgFailure& failure) {
            m_failed = true; // PostgreSQL has aborted the transaction: only the rollback is left
            rethrow_as_stance_error(failure, fmt::format("writing {} into {} (the import is rolled back)",
                                                         describe(kind, entity), m_store.shown()));
        } catch (...) {
            m_failed = true;
            throw;
        }
    }

    // The write, then what the history keeps of it: the state before and after, or for bulk stances their number.
    template <class Entity>
    void write_and_record(const Entity& entity, const std::optional<RecordKey>& key,
                          const std::optional<std::string>& before) {
        if constexpr (std::is_same_v<Entity, std::span<const Stance>>) {
            write(m_writer, entity);
            m_history.count_bulk(entity.size());
        } else if constexpr (std::is_same_v<Entity, Suggestion>) {
            m_last_suggestion = m_writer.put(entity);
            const RecordKey written{RecordKind::suggestion, std::to_string(m_last_suggestion)};
            m_history.record(written, before, m_store.recorded_state(written));
        } else {
            write(m_writer, entity);
            m_history.record(*key, before, m_store.recorded_state(*key));
        }
    }

    const PgStore& m_store;
    PgTransaction m_transaction;
    PgWriter m_writer;
    PgWrittenEntities m_written;
    PgHistoryWriter m_history;
    std::int64_t m_last_suggestion = 0;
    bool m_failed = false;
};

} // namespace

std::unique_ptr<ImportSession> PgStore::begin_import() {
    if (m_db->in_transaction()) {
        throw storage_error(fmt::format("importing into {}: a read snapshot or another import is open on this "
                                        "connection; end it first",
                                        m_shown));
    }
    try {
        return std::make_unique<PgImportSession>(*this);
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("starting an import into {}", m_shown));
    }
}

} // namespace stance::detail
