// The cached answers both stores give the write rules (cached_written.hpp), and what may refer to
// an entity, in the SQL both schemas share.
#include "store/cached_written.hpp"

#include <array>

#include <fmt/format.h>

#include "store/entity_tables.hpp"

namespace stance::detail {

namespace {

/// One kind of row that may refer to an entity: `rows` is a FROM … WHERE clause in which {0} is
/// the entity's row id; `id` the column that names a referring row (null when only counted);
/// `votes` marks the rows of the SQLite store's own vote table (elsewhere votes are stances).
/// The kind comes first because the table below reads by it; the padding that costs (8 bytes a
/// row of a constant table) does not matter.
struct ReferrerQuery { // NOLINT(clang-analyzer-optin.performance.Padding)
    RecordKind kind;
    const char* what;
    const char* rows;
    const char* id;
    bool votes = false;
};

constexpr auto referrer_queries = std::to_array<ReferrerQuery>({
    {RecordKind::document, "stances", "FROM stance WHERE document_id = {0}", "slug"},
    {RecordKind::document, "recorded votes", "FROM vote WHERE document_id = {0}", nullptr, true},
    {RecordKind::document, "stored suggestions", "FROM suggestion WHERE document_id = {0}", "id"},
    {RecordKind::actor, "stances", "FROM stance WHERE {0} IN (actor_id, speaker_id, reported_by_id)", "slug"},
    {RecordKind::actor, "stances naming it as a member",
     "FROM stance_include si JOIN stance s ON s.id = si.stance_id WHERE si.actor_id = {0}", "s.slug"},
    {RecordKind::actor, "recorded votes", "FROM vote WHERE actor_id = {0}", nullptr, true},
    {RecordKind::actor, "memberships", "FROM membership WHERE {0} IN (member_id, group_id)", nullptr},
    {RecordKind::actor, "roles", "FROM role WHERE {0} IN (person_id, represents_id)", nullptr},
    {RecordKind::actor, "participants", "FROM participant WHERE {0} IN (actor_id, person_id)", nullptr},
    {RecordKind::actor, "bodies", "FROM body WHERE organisation_id = {0}", "slug"},
    {RecordKind::topic, "stances", "FROM stance WHERE topic_id = {0}", "slug"},
    {RecordKind::topic, "recorded votes", "FROM vote WHERE topic_id = {0}", nullptr, true},
    {RecordKind::topic, "propositions", "FROM proposition WHERE topic_id = {0}", "slug"},
    {RecordKind::topic, "subtopics", "FROM topic_parent x JOIN topic t ON t.id = x.topic_id WHERE x.parent_id = {0}",
     "t.slug"},
    {RecordKind::topic, "agenda items",
     "FROM agenda_item_topic x JOIN agenda_item ai ON ai.id = x.agenda_item_id WHERE x.topic_id = {0}", "ai.slug"},
    {RecordKind::topic, "topics placed on its scale",
     "FROM topic_direction x JOIN topic t ON t.id = x.topic_id WHERE x.scale_id = {0}", "t.slug"},
    {RecordKind::topic, "propositions placed on its scale",
     "FROM proposition_direction x JOIN proposition p ON p.id = x.proposition_id WHERE x.scale_id = {0}", "p.slug"},
    {RecordKind::proposition, "stances", "FROM stance WHERE proposition_id = {0}", "slug"},
    {RecordKind::body, "meetings", "FROM meeting WHERE body_id = {0}", "slug"},
    {RecordKind::meeting, "stances", "FROM stance WHERE meeting_id = {0}", "slug"},
    {RecordKind::meeting, "agenda items", "FROM agenda_item WHERE meeting_id = {0}", "slug"},
    {RecordKind::meeting, "participants", "FROM participant WHERE meeting_id = {0}", nullptr},
    {RecordKind::meeting, "meetings held inside it", "FROM meeting WHERE parent_id = {0}", "slug"},
    {RecordKind::agenda_item, "stances", "FROM stance WHERE agenda_item_id = {0}", "slug"},
    {RecordKind::agenda_item, "recorded votes", "FROM vote WHERE agenda_item_id = {0}", nullptr, true},
});

/// The cached answer under `key`, asked for with `read` the first time.
template <class Cache, class Key, class Read> auto& cached(Cache& cache, Key&& key, Read read) {
    auto [slot, fresh] = cache.try_emplace(std::forward<Key>(key));
    if (fresh) {
        slot->second = read();
    }
    return slot->second;
}

} // namespace

void CachedWrittenEntities::forget() {
    m_documents.clear();
    m_propositions.clear();
    m_within.clear();
    m_actor_kinds.clear();
    m_roles.clear();
    m_meetings.clear();
}

const std::optional<std::string>& CachedWrittenEntities::document_text(const DocumentId& id) {
    return cached(m_documents, id.str(), [&] { return read_document_text(id); });
}

std::optional<TopicId> CachedWrittenEntities::proposition_topic(const PropositionId& id) {
    return cached(m_propositions, id.str(), [&] { return read_proposition_topic(id); });
}

bool CachedWrittenEntities::is_within(const TopicId& topic, const TopicId& ancestor) {
    if (topic == ancestor) {
        return true;
    }
    return cached(m_within, std::pair{topic.str(), ancestor.str()}, [&] { return read_is_below(topic, ancestor); });
}

std::optional<ActorKind> CachedWrittenEntities::actor_kind(const ActorId& id) {
    return cached(m_actor_kinds, id.str(), [&] { return read_actor_kind(id); });
}

std::vector<Role> CachedWrittenEntities::roles_of(const ActorId& person) {
    return cached(m_roles, person.str(), [&] { return read_roles_of(person); });
}

const std::optional<Meeting>& CachedWrittenEntities::meeting(const MeetingId& id) {
    return cached(m_meetings, id.str(), [&] { return read_meeting(id); });
}

std::vector<Referrers> CachedWrittenEntities::referrers(const RecordKey& key) {
    const char* table = referenced_table(key.kind);
    if (table == nullptr) {
        return {}; // nothing refers to stances, suggestions or the entities without an id of their own
    }
    const std::optional<std::int64_t> row = read_row_id(table, key.id);
    if (!row) {
        return {};
    }
    std::vector<Referrers> result;
    for (const ReferrerQuery& query : referrer_queries) {
        if (query.kind != key.kind || (query.votes && !m_vote_table)) {
            continue;
        }
        const std::string rows = fmt::format(fmt::runtime(query.rows), m_row_placeholder);
        Referrers referrers{query.what, read_count(fmt::format("SELECT count(*) {}", rows), *row), {}};
        if (referrers.count == 0) {
            continue;
        }
        if (query.id != nullptr) {
            referrers.ids = read_texts(fmt::format("SELECT {} {} ORDER BY 1 LIMIT 5", query.id, rows), *row);
        }
        result.push_back(std::move(referrers));
    }
    return result;
}

} // namespace stance::detail
