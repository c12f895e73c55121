// The write rules' view of what an SQLite import session has written so far: the queries behind
// cached_written.hpp's answers, in the session's own transaction.
#pragma once

#include <SQLiteCpp/Database.h>

#include "store/cached_written.hpp"

namespace stance::detail {

class SqliteWrittenEntities final : public CachedWrittenEntities {
public:
    explicit SqliteWrittenEntities(SQLite::Database& db) : CachedWrittenEntities("?1", true), m_db(db) {}

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
    SQLite::Database& m_db;
};

} // namespace stance::detail
