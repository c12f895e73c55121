#include "store/postgres/pg_written.hpp"

#include <fmt/format.h>

#include "store/entity_tables.hpp"
#include "store/postgres/pg_rows.hpp"

namespace stance::detail {

namespace {

/// One kind of row that may refer to an entity: `rows` is a FROM … WHERE clause with $1 the
/// entity's row id; `id` the column that names a referring row (null when only counted). The
/// SQLite store's list (sqlite_written.cpp) less its vote table: here votes are stances.
struct ReferrerQuery {
    RecordKind kind;
    const char* what;
    const char* rows;
    const char* id;
};

constexpr ReferrerQuery referrer_queries[] = {
    {RecordKind::document, "stances", "FROM stance WHERE document_id = $1", "slug"},
    {RecordKind::document, "stored suggestions", "FROM suggestion WHERE document_id = $1", "id"},
    {RecordKind::actor, "stances", "FROM stance WHERE $1 IN (actor_id, speaker_id, reported_by_id)", "slug"},
    {RecordKind::actor, "stances naming it as a member",
     "FROM stance_include si JOIN stance s ON s.id = si.stance_id WHERE si.actor_id = $1", "s.slug"},
    {RecordKind::actor, "memberships", "FROM membership WHERE $1 IN (member_id, group_id)", nullptr},
    {RecordKind::actor, "roles", "FROM role WHERE $1 IN (person_id, represents_id)", nullptr},
    {RecordKind::actor, "participants", "FROM participant WHERE $1 IN (actor_id, person_id)", nullptr},
    {RecordKind::actor, "bodies", "FROM body WHERE organisation_id = $1", "slug"},
    {RecordKind::topic, "stances", "FROM stance WHERE topic_id = $1", "slug"},
    {RecordKind::topic, "propositions", "FROM proposition WHERE topic_id = $1", "slug"},
    {RecordKind::topic, "subtopics", "FROM topic_parent x JOIN topic t ON t.id = x.topic_id WHERE x.parent_id = $1",
     "t.slug"},
    {RecordKind::topic, "agenda items",
     "FROM agenda_item_topic x JOIN agenda_item ai ON ai.id = x.agenda_item_id WHERE x.topic_id = $1", "ai.slug"},
    {RecordKind::topic, "topics placed on its scale",
     "FROM topic_direction x JOIN topic t ON t.id = x.topic_id WHERE x.scale_id = $1", "t.slug"},
    {RecordKind::topic, "propositions placed on its scale",
     "FROM proposition_direction x JOIN proposition p ON p.id = x.proposition_id WHERE x.scale_id = $1", "p.slug"},
    {RecordKind::proposition, "stances", "FROM stance WHERE proposition_id = $1", "slug"},
    {RecordKind::body, "meetings", "FROM meeting WHERE body_id = $1", "slug"},
    {RecordKind::meeting, "stances", "FROM stance WHERE meeting_id = $1", "slug"},
    {RecordKind::meeting, "agenda items", "FROM agenda_item WHERE meeting_id = $1", "slug"},
    {RecordKind::meeting, "participants", "FROM participant WHERE meeting_id = $1", nullptr},
    {RecordKind::meeting, "meetings held inside it", "FROM meeting WHERE parent_id = $1", "slug"},
    {RecordKind::agenda_item, "stances", "FROM stance WHERE agenda_item_id = $1", "slug"},
};

} // namespace

void PgWrittenEntities::forget() {
    m_documents.clear();
    m_propositions.clear();
    m_within.clear();
    m_actor_kinds.clear();
    m_roles.clear();
    m_meetings.clear();
}

const std::optional<std::string>& PgWrittenEntities::document_text(const DocumentId& id) {
    auto [slot, fresh] = m_documents.try_emplace(id.str());
    if (fresh) {
        const PgResult rows = m_db.query("SELECT text FROM document WHERE slug = $1", PgParams().text(id.str()));
        if (rows.rows() > 0) {
            slot->second = rows.text(0, 0);
        }
    }
    return slot->second;
}

std::optional<TopicId> PgWrittenEntities::proposition_topic(const PropositionId& id) {
    auto [slot, fresh] = m_propositions.try_emplace(id.str());
    if (fresh) {
        const PgResult rows =
            m_db.query("SELECT t.slug FROM proposition p JOIN topic t ON t.id = p.topic_id WHERE p.slug = $1",
                       PgParams().text(id.str()));
        if (rows.rows() > 0) {
            slot->second = TopicId{rows.text(0, 0)};
        }
    }
    return slot->second;
}

bool PgWrittenEntities::is_within(const TopicId& topic, const TopicId& ancestor) {
    if (topic == ancestor) {
        return true;
    }
    auto [slot, fresh] = m_within.try_emplace({topic.str(), ancestor.str()}, false);
    if (fresh) {
        // UNION (not UNION ALL) stops at topics already seen, so even a damaged graph ends.
        const PgResult rows = m_db.query(R"sql(
WITH RECURSIVE up(id) AS (
    SELECT id FROM topic WHERE slug = $1
    UNION SELECT tp.parent_id FROM topic_parent tp JOIN up ON tp.topic_id = up.id)
SELECT EXISTS (SELECT 1 FROM up JOIN topic t ON t.id = up.id WHERE t.slug = $2))sql",
                                         PgParams().text(topic.str()).text(ancestor.str()));
        slot->second = rows.rows() > 0 && rows.text(0, 0) == "t";
    }
    return slot->second;
}

std::optional<ActorKind> PgWrittenEntities::actor_kind(const ActorId& id) {
    auto [slot, fresh] = m_actor_kinds.try_emplace(id.str());
    if (fresh) {
        const PgResult rows = m_db.query("SELECT kind FROM actor WHERE slug = $1", PgParams().text(id.str()));
        if (rows.rows() > 0) {
            slot->second = parse_actor_kind(rows.text(0, 0));
        }
    }
    return slot->second;
}

std::vector<Role> PgWrittenEntities::roles_of(const ActorId& person) {
    auto [slot, fresh] = m_roles.try_emplace(person.str());
    if (fresh) {
        const PgResult rows =
            m_db.query("SELECT r.slug, ro.title, ro.date_from, ro.date_to FROM role ro "
                       "JOIN actor p ON p.id = ro.person_id JOIN actor r ON r.id = ro.represents_id WHERE p.slug = $1",
                       PgParams().text(person.str()));
        for (int row = 0; row < rows.rows(); ++row) {
            slot->second.push_back(Role{person, ActorId{rows.text(row, 0)}, rows.text(row, 1),
                                        pg_date_or_none(rows.text(row, 2)), pg_date_or_none(rows.text(row, 3))});
        }
    }
    return slot->second;
}

const std::optional<Meeting>& PgWrittenEntities::meeting(const MeetingId& id) {
    auto [slot, fresh] = m_meetings.try_emplace(id.str());
    if (fresh) {
        const PgResult rows = m_db.query("SELECT m.date, m.end_date, p.slug FROM meeting m "
                                         "LEFT JOIN meeting p ON p.id = m.parent_id WHERE m.slug = $1",
                                         PgParams().text(id.str()));
        if (rows.rows() > 0) {
            Meeting meeting;
            meeting.id = id;
            meeting.date = Date::parse(rows.text(0, 0)).value_or(Date{});
            meeting.end_date = pg_date_or_none(rows.text(0, 1));
            if (!rows.null(0, 2)) {
                meeting.parent = MeetingId{rows.text(0, 2)};
            }
            slot->second = std::move(meeting);
        }
    }
    return slot->second;
}

std::vector<Referrers> PgWrittenEntities::referrers(const RecordKey& key) {
    const char* table = referenced_table(key.kind);
    if (table == nullptr) {
        return {}; // nothing refers to stances, suggestions or the entities without an id of their own
    }
    const PgResult found = m_db.query(fmt::format("SELECT id FROM {} WHERE slug = $1", table), PgParams().text(key.id));
    if (found.rows() == 0) {
        return {};
    }
    const std::int64_t row = found.integer(0, 0);
    std::vector<Referrers> result;
    for (const ReferrerQuery& query : referrer_queries) {
        if (query.kind != key.kind) {
            continue;
        }
        Referrers referrers{
            query.what,
            m_db.query(fmt::format("SELECT count(*) {}", query.rows), PgParams().integer(row)).integer(0, 0),
            {}};
        if (referrers.count == 0) {
            continue;
        }
        if (query.id != nullptr) {
            const PgResult ids = m_db.query(fmt::format("SELECT {} {} ORDER BY 1 LIMIT 5", query.id, query.rows),
                                            PgParams().integer(row));
            for (int i = 0; i < ids.rows(); ++i) {
                referrers.ids.push_back(ids.text(i, 0));
            }
        }
        result.push_back(std::move(referrers));
    }
    return result;
}

} // namespace stance::detail
