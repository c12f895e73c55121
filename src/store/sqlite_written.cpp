// The SQLite store's answers to the write rules' questions (sqlite_written.hpp).
#include "store/sqlite_written.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace stance::detail {

namespace {

std::optional<Date> date_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : Date::parse(text);
}

} // namespace

std::optional<std::string> SqliteWrittenEntities::read_document_text(const DocumentId& id) {
    SQLite::Statement query(m_db, "SELECT text FROM document WHERE slug = ?");
    query.bind(1, id.str());
    return query.executeStep() ? std::optional{query.getColumn(0).getString()} : std::nullopt;
}

std::optional<TopicId> SqliteWrittenEntities::read_proposition_topic(const PropositionId& id) {
    SQLite::Statement query(m_db,
                            "SELECT t.slug FROM proposition p JOIN topic t ON t.id = p.topic_id WHERE p.slug = ?");
    query.bind(1, id.str());
    return query.executeStep() ? std::optional{TopicId{query.getColumn(0).getString()}} : std::nullopt;
}

bool SqliteWrittenEntities::read_is_below(const TopicId& topic, const TopicId& ancestor) {
    // UNION (not UNION ALL) stops at topics already seen, so even a damaged graph ends.
    SQLite::Statement query(m_db, R"sql(
WITH RECURSIVE up(id) AS (
    SELECT id FROM topic WHERE slug = ?1
    UNION SELECT tp.parent_id FROM topic_parent tp JOIN up ON tp.topic_id = up.id)
SELECT EXISTS (SELECT 1 FROM up JOIN topic t ON t.id = up.id WHERE t.slug = ?2))sql");
    query.bind(1, topic.str());
    query.bind(2, ancestor.str());
    return query.executeStep() && query.getColumn(0).getInt() != 0;
}

std::optional<ActorKind> SqliteWrittenEntities::read_actor_kind(const ActorId& id) {
    SQLite::Statement query(m_db, "SELECT kind FROM actor WHERE slug = ?");
    query.bind(1, id.str());
    return query.executeStep() ? parse_actor_kind(query.getColumn(0).getString()) : std::nullopt;
}

std::vector<Role> SqliteWrittenEntities::read_roles_of(const ActorId& person) {
    SQLite::Statement query(m_db, "SELECT r.slug, ro.title, ro.date_from, ro.date_to FROM role ro "
                                  "JOIN actor p ON p.id = ro.person_id JOIN actor r ON r.id = ro.represents_id "
                                  "WHERE p.slug = ?");
    query.bind(1, person.str());
    std::vector<Role> roles;
    while (query.executeStep()) {
        roles.push_back(Role{person, ActorId{query.getColumn(0).getString()}, query.getColumn(1).getString(),
                             date_or_none(query.getColumn(2).getString()),
                             date_or_none(query.getColumn(3).getString())});
    }
    return roles;
}

std::optional<Meeting> SqliteWrittenEntities::read_meeting(const MeetingId& id) {
    SQLite::Statement query(m_db, "SELECT m.date, m.end_date, p.slug FROM meeting m "
                                  "LEFT JOIN meeting p ON p.id = m.parent_id WHERE m.slug = ?");
    query.bind(1, id.str());
    if (!query.executeStep()) {
        return std::nullopt;
    }
    Meeting meeting;
    meeting.id = id;
    meeting.date = Date::parse(query.getColumn(0).getString()).value_or(Date{});
    meeting.end_date = date_or_none(query.getColumn(1).getString());
    if (!query.getColumn(2).isNull()) {
        meeting.parent = MeetingId{query.getColumn(2).getString()};
    }
    return meeting;
}

std::optional<std::int64_t> SqliteWrittenEntities::read_row_id(const char* table, const std::string& slug) {
    SQLite::Statement find(m_db, fmt::format("SELECT id FROM {} WHERE slug = ?", table));
    find.bind(1, slug);
    return find.executeStep() ? std::optional{find.getColumn(0).getInt64()} : std::nullopt;
}

std::int64_t SqliteWrittenEntities::read_count(const std::string& sql, std::int64_t row) {
    SQLite::Statement count(m_db, sql);
    count.bind(1, row);
    count.executeStep();
    return count.getColumn(0).getInt64();
}

std::vector<std::string> SqliteWrittenEntities::read_texts(const std::string& sql, std::int64_t row) {
    SQLite::Statement query(m_db, sql);
    query.bind(1, row);
    std::vector<std::string> texts;
    while (query.executeStep()) {
        texts.push_back(query.getColumn(0).getString());
    }
    return texts;
}

} // namespace stance::detail
