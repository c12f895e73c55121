// Loading the catalog: one read per entity list, then hash indexes by id.
#include "stance/query/catalog.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

template <class IdType, class Entity>
std::unordered_map<IdType, std::size_t> index_by_id(const std::vector<Entity>& entities) {
    std::unordered_map<IdType, std::size_t> index;
    index.reserve(entities.size());
    for (std::size_t i = 0; i < entities.size(); ++i) {
        index.emplace(entities[i].id, i);
    }
    return index;
}

template <class Entity, class IdType>
const Entity* lookup(const std::vector<Entity>& entities, const std::unordered_map<IdType, std::size_t>& index,
                     const IdType& id) {
    auto found = index.find(id);
    return found == index.end() ? nullptr : &entities[found->second];
}

template <class Entity> const Entity& required(const Entity* entity, std::string_view kind, const std::string& id) {
    if (entity == nullptr) {
        throw not_found_error(fmt::format("unknown {} id \"{}\": it is not in the database", kind, id));
    }
    return *entity;
}

template <class Key, class Value>
const std::vector<Value>& list_or_empty(const std::unordered_map<Key, std::vector<Value>>& map, const Key& key) {
    static const std::vector<Value> empty;
    auto found = map.find(key);
    return found == map.end() ? empty : found->second;
}

} // namespace

Catalog::Catalog(const Store& store)
    : m_snapshot(store.read_snapshot()), m_store(&store), m_actors(store.actors()), m_topics(store.topics()),
      m_meetings(store.meetings()), m_agenda_items(store.agenda_items()), m_propositions(store.propositions()),
      m_memberships(store.memberships()), m_roles(store.roles()) {
    m_actor_index = index_by_id<ActorId>(m_actors);
    m_topic_index = index_by_id<TopicId>(m_topics);
    m_meeting_index = index_by_id<MeetingId>(m_meetings);
    m_agenda_item_index = index_by_id<AgendaItemId>(m_agenda_items);
    m_proposition_index = index_by_id<PropositionId>(m_propositions);
    for (const Topic& topic : m_topics) {
        for (const TopicId& parent : topic.parents) {
            m_topic_children[parent].push_back(topic.id);
        }
    }
    for (const Meeting& meeting : m_meetings) {
        if (meeting.parent) {
            m_meeting_children[*meeting.parent].push_back(meeting.id);
        }
    }
    // The store returns topics by id but meetings by date; children lists are kept in id order for both.
    for (auto& [parent, children] : m_meeting_children) {
        std::sort(children.begin(), children.end());
    }
    for (const Membership& membership : m_memberships) {
        m_memberships_by_member[membership.member].push_back(membership);
    }
    for (const Role& role : m_roles) {
        m_roles_by_person[role.person].push_back(role);
        auto& persons = m_representatives[role.represents];
        if (std::find(persons.begin(), persons.end(), role.person) == persons.end()) {
            persons.push_back(role.person);
        }
    }
}

Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;
Catalog::~Catalog() = default;

void Catalog::check_built_from(const Store& store) const {
    if (m_store != &store) {
        throw error("a query was given a catalog built from another store; build the catalog from the store "
                    "the query reads (Catalog catalog{store}), so both read one snapshot");
    }
}

const Actor* Catalog::find(const ActorId& id) const {
    return lookup(m_actors, m_actor_index, id);
}
const Topic* Catalog::find(const TopicId& id) const {
    return lookup(m_topics, m_topic_index, id);
}
const Meeting* Catalog::find(const MeetingId& id) const {
    return lookup(m_meetings, m_meeting_index, id);
}
const AgendaItem* Catalog::find(const AgendaItemId& id) const {
    return lookup(m_agenda_items, m_agenda_item_index, id);
}
const Proposition* Catalog::find(const PropositionId& id) const {
    return lookup(m_propositions, m_proposition_index, id);
}

const Actor& Catalog::actor(const ActorId& id) const {
    return required(find(id), "actor", id.str());
}
const Topic& Catalog::topic(const TopicId& id) const {
    return required(find(id), "topic", id.str());
}
const Meeting& Catalog::meeting(const MeetingId& id) const {
    return required(find(id), "meeting", id.str());
}

std::string Catalog::actor_name(const ActorId& id) const {
    const Actor* actor = find(id);
    return actor && !actor->name.empty() ? actor->name : id.str();
}

std::string Catalog::topic_label(const TopicId& id) const {
    const Topic* topic = find(id);
    return topic && !topic->label.empty() ? topic->label : id.str();
}

std::string Catalog::meeting_title(const MeetingId& id) const {
    const Meeting* meeting = find(id);
    return meeting && !meeting->title.empty() ? meeting->title : id.str();
}

const std::vector<TopicId>& Catalog::children(const TopicId& id) const {
    return list_or_empty(m_topic_children, id);
}
const std::vector<MeetingId>& Catalog::children(const MeetingId& id) const {
    return list_or_empty(m_meeting_children, id);
}

const std::vector<Membership>& Catalog::memberships_of(const ActorId& member) const {
    return list_or_empty(m_memberships_by_member, member);
}

const std::vector<Role>& Catalog::roles_of(const ActorId& person) const {
    return list_or_empty(m_roles_by_person, person);
}

const std::vector<ActorId>& Catalog::representatives_of(const ActorId& actor) const {
    return list_or_empty(m_representatives, actor);
}

Date Catalog::effective_date(const Stance& stance) const {
    if (stance.stated_on) {
        return *stance.stated_on;
    }
    const Meeting* meeting = find(stance.meeting);
    return meeting ? meeting->date : Date{};
}

} // namespace stance
