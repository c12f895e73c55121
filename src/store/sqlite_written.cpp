#include "store/sqlite_written.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "store/entity_tables.hpp"

namespace stance::detail {

namespace {

std::optional<Date> date_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : Date::parse(text);
}

/// One kind of row that may refer to an entity: `rows` is a FROM ... WHERE clause with ?1 the
/// entity's row id; `id` the column that names a referring row (null when only counted).
struct ReferrerQuery {
    RecordKind kind;
    const char* what;
    const char* rows;
    const char* id;
};

constexpr ReferrerQuery referrer_queries[] = {
    {RecordKind::document, "stances", "FROM stance WHERE document_id = ?1", "slug"},
    {RecordKind::document, "recorded votes", "FROM vote WHERE document_id = ?1", nullptr},
    {RecordKind::document, "stored suggestions", "FROM suggestion WHERE document_id = ?1", "id"},
    {RecordKind::actor, "stances", "FROM stance WHERE ?1 IN (actor_id, speaker_id, reported_by_id)", "slug"},
    {RecordKind::actor, "stances naming it as a member",
     "FROM stance_include si JOIN stance s ON s.id = si.stance_id WHERE si.actor_id = ?1", "s.slug"},
    {RecordKind::actor, "recorded votes", "FROM vote WHERE actor_id = ?1", nullptr},
    {RecordKind::actor, "memberships", "FROM membership WHERE ?1 IN (member_id, group_id)", nullptr},
    {RecordKind::actor, "roles", "FROM role WHERE ?1 IN (person_id, represents_id)", nullptr},
    {RecordKind::actor, "participants", "FROM participant WHERE ?1 IN (actor_id, person_id)", nullptr},
    {RecordKind::actor, "bodies", "FROM body WHERE organisation_id = ?1", "slug"},
    {RecordKind::topic, "stances", "FROM stance WHERE topic_id = ?1", "slug"},
    {RecordKind::topic, "recorded votes", "FROM vote WHERE topic_id = ?1", nullptr},
    {RecordKind::topic, "propositions", "FROM proposition WHERE topic_id = ?1", "slug"},
    {RecordKind::topic, "subtopics", "FROM topic_parent x JOIN topic t ON t.id = x.topic_id WHERE x.parent_id = ?1",
     "t.slug"},
    {RecordKind::topic, "agenda items",
     "FROM agenda_item_topic x JOIN agenda_item ai ON ai.id = x.agenda_item_id WHERE x.topic_id = ?1", "ai.slug"},
    {RecordKind::topic, "topics placed on its scale",
     "FROM topic_direction x JOIN topic t ON t.id = x.topic_id WHERE x.scale_id = ?1", "t.slug"},
    {RecordKind::topic, "propositions placed on its scale",
     "FROM proposition_direction x JOIN proposition p ON p.id = x.proposition_id WHERE x.scale_id = ?1", "p.slug"},
    {RecordKind::proposition, "stances", "FROM stance WHERE proposition_id = ?1", "slug"},
    {RecordKind::body, "meetings", "FROM meeting WHERE body_id = ?1", "slug"},
    {RecordKind::meeting, "stances", "FROM stance WHERE meeting_id = ?1", "slug"},
    {RecordKind::meeting, "agenda items", "FROM agenda_item WHERE meeting_id = ?1", "slug"},
    {RecordKind::meeting, "participants", "FROM participant WHERE meeting_id = ?1", nullptr},
    {RecordKind::meeting, "meetings held inside it", "FROM meeting WHERE parent_id = ?1", "slug"},
    {RecordKind::agenda_item, "stances", "FROM stance WHERE agenda_item_id = ?1", "slug"},
    {RecordKind::agenda_item, "recorded votes", "FROM vote WHERE agenda_item_id = ?1", nullptr},
};

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

namespace stance::detail {

std::vector<Referrers> SqliteWrittenEntities::referrers(const RecordKey& key) {
    const char* table = referenced_table(key.kind);
    if (table == nullptr) {
        return {}; // nothing refers to stances, suggestions or the entities without an id of their own
    }
    SQLite::Statement find(m_db, fmt::format("SELECT id FROM {} WHERE slug = ?", table));
    find.bind(1, key.id);
    if (!find.executeStep()) {
        return {};
    }
    const std::int64_t row = find.getColumn(0).getInt64();
    std::vector<Referrers> result;
    for (const ReferrerQuery& query : referrer_queries) {
        if (query.kind != key.kind) {
            continue;
        }
        SQLite::Statement count(m_db, fmt::format("SELECT count(*) {}", query.rows));
        count.bind(1, row);
        count.executeStep();
        Referrers referrers{query.what, count.getColumn(0).getInt64(), {}};
        if (referrers.count == 0) {
            continue;
        }
        if (query.id != nullptr) {
            SQLite::Statement ids(m_db, fmt::format("SELECT {} {} ORDER BY 1 LIMIT 5", query.id, query.rows));
            ids.bind(1, row);
            while (ids.executeStep()) {
                referrers.ids.push_back(ids.getColumn(0).getString());
            }
        }
        result.push_back(std::move(referrers));
    }
    return result;
}

} // namespace stance::detail
