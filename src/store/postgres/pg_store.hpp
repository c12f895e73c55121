// The PostgreSQL implementation of Store. Internal: users get it through Store::open with a
// PostgreSQL address (docs/postgresql.md).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "stance/store/store.hpp"
#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

/// A WHERE clause (with its leading space) whose `$1`, `$2`… are `values`, for reading one entity
/// with the same code that reads them all.
struct PgCondition {
    std::string sql;
    std::vector<std::string> values;

    [[nodiscard]] PgParams params() const {
        PgParams params;
        for (const std::string& value : values) {
            params.text(value);
        }
        return params;
    }
};

/// Reads in one snapshot: opens a REPEATABLE READ, READ ONLY transaction unless one is open on the
/// connection already (an import, or an outer snapshot), and ends it when destroyed.
class PgReadScope {
public:
    explicit PgReadScope(PgConnection& db);
    PgReadScope(const PgReadScope&) = delete;
    PgReadScope& operator=(const PgReadScope&) = delete;
    ~PgReadScope();

private:
    PgConnection& m_db;
    bool m_owns;
};

class PgStore final : public Store {
public:
    PgStore(const std::string& address, const OpenOptions& options);

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
    [[nodiscard]] std::optional<Stance> stance(const StanceId& id) const override;
    [[nodiscard]] RecordedVotes recorded_votes(const StanceFilter& filter) const override;
    [[nodiscard]] std::vector<VoteTally>
    for_each_stance_tallying_votes(const StanceFilter& filter,
                                   const std::function<void(const Stance&)>& visit) const override;
    [[nodiscard]] std::vector<ChangeSet> change_sets(const HistoryFilter& filter) const override;
    [[nodiscard]] std::vector<Suggestion> suggestions(const SuggestionFilter& filter) const override;

    /// The recorded state (recorded_state's) of each entity's stored namesake, read at once: the
    /// history's view of a batch just written.
    [[nodiscard]] std::vector<std::optional<std::string>> recorded_states(std::span<const Meeting> meetings) const;
    [[nodiscard]] std::vector<std::optional<std::string>> recorded_states(std::span<const AgendaItem> items) const;

    /// Every entity of a kind that `condition` selects: one entity's record for recorded_state.hpp.
    [[nodiscard]] std::vector<Actor> actors_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Membership> memberships_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Role> roles_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Topic> topics_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Proposition> propositions_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Body> bodies_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Meeting> meetings_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<AgendaItem> agenda_items_where(const PgCondition& condition) const;
    [[nodiscard]] std::vector<Participant> participants_where(const PgCondition& condition) const;

    /// The entity's state as the history records it (pg_state.cpp); nothing when it does not exist.
    [[nodiscard]] std::optional<std::string> recorded_state(const RecordKey& key) const;
    [[nodiscard]] const std::string& author() const noexcept { return m_author; }
    /// The address as messages show it: without a password.
    [[nodiscard]] const std::string& shown() const noexcept { return m_shown; }
    [[nodiscard]] PgConnection& connection() const noexcept { return *m_db; }
    /// The stances of the stance table alone (not the vote table's) that `filter` selects, in
    /// for_each_stance's order (pg_vote_reads.cpp).
    void for_each_general_stance(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const;

private:
    /// The stances of `source` (pg_stance_reads.hpp) that `filter` selects, in `order`.
    void stream_stances(const StanceFilter& filter, const char* source, const char* order,
                        const std::function<void(const Stance&)>& visit) const;

    std::string m_shown;
    std::string m_author;
    bool m_read_only;
    std::unique_ptr<PgConnection> m_db;
};

/// Translates a PostgreSQL failure into the stance error a caller can act on (busy, storage),
/// saying what stance was `doing` and the SQLSTATE, never the server's own text.
[[noreturn]] void rethrow_as_stance_error(const PgFailure& failure, const std::string& doing);

} // namespace stance::detail
