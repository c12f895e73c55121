// The write rules' view of what a PostgreSQL import session has written so far: the queries behind
// cached_written.hpp's answers, in the session's own transaction.
#pragma once

#include "store/cached_written.hpp"
#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

class PgWrittenEntities final : public CachedWrittenEntities {
public:
    // Recorded votes have a table of their own (schema version 9), which refers to actors, topics,
    // documents and agenda items without foreign keys: the write rules' look-ups are what keeps it whole.
    explicit PgWrittenEntities(PgConnection& db) : CachedWrittenEntities("$1", true), m_db(db) {}

protected:
    std::optional<std::string> read_document_text(const DocumentId& id) override;
    std::optional<TopicId> read_proposition_topic(const PropositionId& id) override;
    bool read_is_below(const TopicId& topic, const TopicId& ancestor) override;
    std::optional<ActorKind> read_actor_kind(const ActorId& id) override;
    std::vector<Role> read_roles_of(const ActorId& person) override;
    std::optional<Meeting> read_meeting(const MeetingId& id) override;
    std::optional<std::int64_t> read_row_id(const char* table, const std::string& slug) override;
    std::int64_t read_count(const std::string& sql, std::int64_t row) override;
    std::vector<std::string> read_texts(const std::string& sql, std::int64_t row) override;

private:
    PgConnection& m_db;
};

} // namespace stance::detail
