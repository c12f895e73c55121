#include "store/sqlite_written.hpp"

#include <SQLiteCpp/Statement.h>

namespace stance::detail {

namespace {

std::optional<Date> date_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : Date::parse(text);
}

} // namespace

void SqliteWrittenEntities::forget() {
    m_documents.clear();
    m_propositions.clear();
    m_within.clear();
    m_actor_kinds.clear();
    m_roles.clear();
    m_meetings.clear();
}

const std::optional<std::string>& SqliteWrittenEntities::document_text(const DocumentId& id) {
    auto [slot, fresh] = m_documents.try_emplace(id.str());
    if (fresh) {
        SQLite::Statement query(m_db, "SELECT text FROM document WHERE slug = ?");
        query.bind(1, id.str());
        if (query.executeStep()) {
            slot->second = query.getColumn(0).getString();
        }
    }
    return slot->second;
}

std::optional<TopicId> SqliteWrittenEntities::proposition_topic(const PropositionId& id) {
    auto [slot, fresh] = m_propositions.try_emplace(id.str());
    if (fresh) {
        SQLite::Statement query(m_db,
                                "SELECT t.slug FROM proposition p JOIN topic t ON t.id = p.topic_id WHERE p.slug = ?");
        query.bind(1, id.str());
        if (query.executeStep()) {
            slot->second = TopicId{query.getColumn(0).getString()};
        }
    }
    return slot->second;
}

bool SqliteWrittenEntities::is_within(const TopicId& topic, const TopicId& ancestor) {
    if (topic == ancestor) {
        return true;
    }
    auto [slot, fresh] = m_within.try_emplace({topic.str(), ancestor.str()}, false);
    if (fresh) {
        // UNION (not UNION ALL) stops at topics already seen, so even a damaged graph ends.
        SQLite::Statement query(m_db, R"sql(
WITH RECURSIVE up(id) AS (
    SELECT id FROM topic WHERE slug = ?1
    UNION SELECT tp.parent_id FROM topic_parent tp JOIN up ON tp.topic_id = up.id)
SELECT EXISTS (SELECT 1 FROM up JOIN topic t ON t.id = up.id WHERE t.slug = ?2))sql");
        query.bind(1, topic.str());
        query.bind(2, ancestor.str());
        slot->second = query.executeStep() && query.getColumn(0).getInt() != 0;
    }
    return slot->second;
}

std::optional<ActorKind> SqliteWrittenEntities::actor_kind(const ActorId& id) {
    auto [slot, fresh] = m_actor_kinds.try_emplace(id.str());
    if (fresh) {
        SQLite::Statement query(m_db, "SELECT kind FROM actor WHERE slug = ?");
        query.bind(1, id.str());
        if (query.executeStep()) {
            slot->second = parse_actor_kind(query.getColumn(0).getString());
        }
    }
    return slot->second;
}

std::vector<Role> SqliteWrittenEntities::roles_of(const ActorId& person) {
    auto [slot, fresh] = m_roles.try_emplace(person.str());
    if (fresh) {
        SQLite::Statement query(m_db, "SELECT r.slug, ro.title, ro.date_from, ro.date_to FROM role ro "
                                      "JOIN actor p ON p.id = ro.person_id JOIN actor r ON r.id = ro.represents_id "
                                      "WHERE p.slug = ?");
        query.bind(1, person.str());
        while (query.executeStep()) {
            slot->second.push_back(Role{person, ActorId{query.getColumn(0).getString()}, query.getColumn(1).getString(),
                                        date_or_none(query.getColumn(2).getString()),
                                        date_or_none(query.getColumn(3).getString())});
        }
    }
    return slot->second;
}

const std::optional<Meeting>& SqliteWrittenEntities::meeting(const MeetingId& id) {
    auto [slot, fresh] = m_meetings.try_emplace(id.str());
    if (fresh) {
        SQLite::Statement query(m_db, "SELECT m.date, m.end_date, p.slug FROM meeting m "
                                      "LEFT JOIN meeting p ON p.id = m.parent_id WHERE m.slug = ?");
        query.bind(1, id.str());
        if (query.executeStep()) {
            Meeting meeting;
            meeting.id = id;
            meeting.date = Date::parse(query.getColumn(0).getString()).value_or(Date{});
            meeting.end_date = date_or_none(query.getColumn(1).getString());
            if (!query.getColumn(2).isNull()) {
                meeting.parent = MeetingId{query.getColumn(2).getString()};
            }
            slot->second = std::move(meeting);
        }
    }
    return slot->second;
}

} // namespace stance::detail
