// The write rules' view of what a PostgreSQL import session has written so far (its own
// transaction, so this import's uncommitted rows count), with caches: bulk vote imports ask about
// the same few documents and meetings a million times. Any put of a looked-up kind calls `forget`.
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "store/postgres/pg_connection.hpp"
#include "store/write_rules.hpp"

namespace stance::detail {

class PgWrittenEntities final : public WrittenEntities {
public:
    explicit PgWrittenEntities(PgConnection& db) : m_db(db) {}

    const std::optional<std::string>& document_text(const DocumentId& id) override;
    std::optional<TopicId> proposition_topic(const PropositionId& id) override;
    bool is_within(const TopicId& topic, const TopicId& ancestor) override;
    std::optional<ActorKind> actor_kind(const ActorId& id) override;
    std::vector<Role> roles_of(const ActorId& person) override;
    const std::optional<Meeting>& meeting(const MeetingId& id) override;
    std::vector<Referrers> referrers(const RecordKey& key) override;

    /// Drops every cached answer (after a write that may change one).
    void forget();

private:
    PgConnection& m_db;
    std::unordered_map<std::string, std::optional<std::string>> m_documents;
    std::unordered_map<std::string, std::optional<TopicId>> m_propositions;
    std::map<std::pair<std::string, std::string>, bool> m_within;
    std::unordered_map<std::string, std::optional<ActorKind>> m_actor_kinds;
    std::unordered_map<std::string, std::vector<Role>> m_roles;
    std::unordered_map<std::string, std::optional<Meeting>> m_meetings;
};

} // namespace stance::detail
