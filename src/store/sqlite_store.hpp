// The embedded SQLite implementation of Store. Internal: users get it through Store::open.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "stance/store/store.hpp"
#include "store/entity_tables.hpp"
#include "store/key_names.hpp"
#include "store/statement_cache.hpp"

namespace stance::detail {

/// A WHERE clause (with its leading space) and the texts bound to its `?`s in order, for reading
/// one entity with the same code that reads them all.
struct RowCondition {
    std::string sql;
    std::vector<std::string> values;

    void bind(SQLite::Statement& query) const {
        for (std::size_t i = 0; i < values.size(); ++i) {
            query.bind(static_cast<int>(i + 1), values[i]);
        }
    }
};

class SqliteStore final : public Store {
public:
    SqliteStore(const std::string& path, const OpenOptions& options);

    [[nodiscard]] int schema_version() const override;
    [[nodiscard]] std::unique_ptr<ImportSession> begin_import() override;
    [[nodiscard]] bool exists(EntityKind kind, const std::string& id) const override;
    [[nodiscard]] std::unique_ptr<ReadSnapshot> read_snapshot() const override;
    [[nodiscard]] std::vector<std::string> integrity_problems(bool quick) const override;

    [[nodiscard]] std::vector<Actor> actors() const override;
    [[nodiscard]] std::vector<Membership> memberships() const override;
    [[nodiscard]] std::vector<Role> roles() const override;
    [[nodiscard]] std::vector<Topic> topics() const override;
    [[nodiscard]] std::vector<Proposition> propositions() const override;
    [[nodiscard]] std::vector<Body> bodies() const override;
    [[nodiscard]] std::vector<Meeting> meetings() const override;
    [[nodiscard]] std::vector<AgendaItem> agenda_items(const std::optional<MeetingId>& meeting) const override;
    [[nodiscard]] std::vector<Participant> participants(const std::optional<MeetingId>& meeting) const override;
    [[nodiscard]] std::vector<Document> documents() const override;
    [[nodiscard]] std::optional<Document> document(const DocumentId& id) const override;
    [[nodiscard]] std::vector<Stance> stances(const StanceFilter& filter) const override;
    void for_each_stance(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const override;
    void for_each_stance_by_id(const StanceFilter& filter,
                               const std::function<void(const Stance&)>& visit) const override;
    [[nodiscard]] RecordedVotes recorded_votes(const StanceFilter& filter) const override;
    [[nodiscard]] std::vector<VoteTally>
    for_each_stance_tallying_votes(const StanceFilter& filter,
                                   const std::function<void(const Stance&)>& visit) const override;
    [[nodiscard]] std::optional<Stance> stance(const StanceId& id) const override;
    [[nodiscard]] std::vector<ChangeSet> change_sets(const HistoryFilter& filter) const override;
    [[nodiscard]] std::vector<Suggestion> suggestions(const SuggestionFilter& filter) const override;

    /// Every entity of a kind that `condition` selects: one entity's record for recorded_state.hpp.
    [[nodiscard]] std::vector<Actor> actors_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Membership> memberships_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Role> roles_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Topic> topics_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Proposition> propositions_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Body> bodies_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Meeting> meetings_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<AgendaItem> agenda_items_where(const RowCondition& condition) const;
    [[nodiscard]] std::vector<Participant> participants_where(const RowCondition& condition) const;

    /// The entity's state as the history records it (sqlite_state.cpp); nothing when it does not exist.
    [[nodiscard]] std::optional<std::string> recorded_state(const RecordKey& key) const;
    /// Who the history records as the author of this connection's writes.
    [[nodiscard]] const std::string& author() const noexcept { return m_author; }

    /// The underlying connection, for the SQLite-specific tools (benchmarks, the UNGA bulk path).
    [[nodiscard]] SQLite::Database& database() const noexcept { return m_db; }

private:
    std::vector<Name> aliases(const char* table, const char* key_column, std::int64_t row_id) const;
    std::optional<Scale> scale_of(std::int64_t topic_row) const;
    std::vector<Direction> directions(const char* table, const char* key_column, std::int64_t row) const;

    std::string m_path;
    std::string m_author;
    mutable SQLite::Database m_db;
    mutable ReadStatements m_reads{m_db}; // after m_db: finalized before the connection closes
    mutable KeyNames m_names;
};

/// Translates a SQLite exception into the stance error a caller can act on (busy, storage).
[[noreturn]] void rethrow_as_stance_error(const SQLite::Exception& failure, const std::string& doing);

/// What to tell the user about an SQLite error code beyond SQLite's own words (a full disk, a
/// read-only location); empty when SQLite's message says enough.
[[nodiscard]] std::string_view storage_advice(int extended_code) noexcept;

} // namespace stance::detail
