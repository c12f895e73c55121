// The PostgreSQL store's answers to the write rules' questions (pg_written.hpp).
#include "store/postgres/pg_written.hpp"

#include <fmt/format.h>

#include "store/postgres/pg_rows.hpp"

namespace stance::detail {

std::optional<std::string> PgWrittenEntities::read_document_text(const DocumentId& id) {
    const PgResult rows = m_db.prepared("SELECT text FROM document WHERE slug = $1", PgParams().text(id.str()));
    return rows.rows() > 0 ? std::optional{rows.text(0, 0)} : std::nullopt;
}

std::optional<TopicId> PgWrittenEntities::read_proposition_topic(const PropositionId& id) {
    const PgResult rows =
        m_db.prepared("SELECT t.slug FROM proposition p JOIN topic t ON t.id = p.topic_id WHERE p.slug = $1",
                      PgParams().text(id.str()));
    return rows.rows() > 0 ? std::optional{TopicId{rows.text(0, 0)}} : std::nullopt;
}

bool PgWrittenEntities::read_is_below(const TopicId& topic, const TopicId& ancestor) {
    // UNION (not UNION ALL) stops at topics already seen, so even a damaged graph ends.
    const PgResult rows = m_db.prepared(R"sql(
WITH RECURSIVE up(id) AS (
    SELECT id FROM topic WHERE slug = $1
    UNION SELECT tp.parent_id FROM topic_parent tp JOIN up ON tp.topic_id = up.id)
SELECT EXISTS (SELECT 1 FROM up JOIN topic t ON t.id = up.id WHERE t.slug = $2))sql",
                                        PgParams().text(topic.str()).text(ancestor.str()));
    return rows.rows() > 0 && rows.text(0, 0) == "t";
}

std::optional<ActorKind> PgWrittenEntities::read_actor_kind(const ActorId& id) {
    const PgResult rows = m_db.prepared("SELECT kind FROM actor WHERE slug = $1", PgParams().text(id.str()));
    return rows.rows() > 0 ? parse_actor_kind(rows.text(0, 0)) : std::nullopt;
}

std::vector<Role> PgWrittenEntities::read_roles_of(const ActorId& person) {
    const PgResult rows =
        m_db.prepared("SELECT r.slug, ro.title, ro.date_from, ro.date_to FROM role ro "
                      "JOIN actor p ON p.id = ro.person_id JOIN actor r ON r.id = ro.represents_id WHERE p.slug = $1",
                      PgParams().text(person.str()));
    std::vector<Role> roles;
    roles.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        roles.push_back(Role{person, ActorId{rows.text(row, 0)}, rows.text(row, 1), pg_date_or_none(rows.text(row, 2)),
                             pg_date_or_none(rows.text(row, 3))});
    }
    return roles;
}

std::optional<Meeting> PgWrittenEntities::read_meeting(const MeetingId& id) {
    const PgResult rows = m_db.prepared("SELECT m.date, m.end_date, p.slug FROM meeting m "
                                        "LEFT JOIN meeting p ON p.id = m.parent_id WHERE m.slug = $1",
                                        PgParams().text(id.str()));
    if (rows.rows() == 0) {
        return std::nullopt;
    }
    Meeting meeting;
    meeting.id = id;
    meeting.date = Date::parse(rows.text(0, 0)).value_or(Date{});
    meeting.end_date = pg_date_or_none(rows.text(0, 1));
    if (!rows.null(0, 2)) {
        meeting.parent = MeetingId{rows.text(0, 2)};
    }
    return meeting;
}

std::optional<std::int64_t> PgWrittenEntities::read_row_id(const char* table, const std::string& slug) {
    const PgResult found =
        m_db.prepared(fmt::format("SELECT id FROM {} WHERE slug = $1", table), PgParams().text(slug));
    return found.rows() > 0 ? std::optional{found.integer(0, 0)} : std::nullopt;
}

std::int64_t PgWrittenEntities::read_count(const std::string& sql, std::int64_t row) {
    return m_db.prepared(sql, PgParams().integer(row)).integer(0, 0);
}

std::vector<std::string> PgWrittenEntities::read_texts(const std::string& sql, std::int64_t row) {
    const PgResult rows = m_db.prepared(sql, PgParams().integer(row));
    std::vector<std::string> texts;
    texts.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i) {
        texts.push_back(rows.text(i, 0));
    }
    return texts;
}

} // namespace stance::detail
