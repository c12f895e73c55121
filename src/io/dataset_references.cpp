// Whether every id a dataset refers to is defined, in the file or in the database, and unique in the
// file; and whether a stance's agenda item belongs to the stance's meeting.
#include <array>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "io/dataset_checks.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

namespace {

/// "$.stances[3].actor": where an entity's key is in the file.
std::string json_path(std::string_view list, std::size_t index, std::string_view key) {
    return fmt::format("$.{}[{}].{}", list, index, key);
}

/// The ids a dataset defines, by kind, with where each was defined; lookups fall back to the store.
class References {
public:
    References(const Dataset& dataset, const std::string& source, const Store* store)
        : m_source(source), m_store(store) {
        collect(dataset.documents, EntityKind::document, "documents");
        collect(dataset.actors, EntityKind::actor, "actors");
        collect(dataset.topics, EntityKind::topic, "topics");
        collect(dataset.propositions, EntityKind::proposition, "propositions");
        collect(dataset.bodies, EntityKind::body, "bodies");
        collect(dataset.meetings, EntityKind::meeting, "meetings");
        collect(dataset.agenda_items, EntityKind::agenda_item, "agenda_items");
        collect(dataset.stances, EntityKind::stance, "stances");
    }

    /// Throws unless `id` is defined in the dataset or the store.
    void require(EntityKind kind, const std::string& id, const std::string& path) const {
        if (m_defined[index(kind)].contains(id) || (m_store && m_store->exists(kind, id))) {
            return;
        }
        throw invalid_input_error(fmt::format("{}: {}", m_source, path),
                                  fmt::format("unknown {} \"{}\": not defined in this file{}; check the spelling or "
                                              "import the file that defines it first",
                                              kind_name(kind), id, m_store ? " or the database" : ""));
    }

    template <class IdType>
    void require(EntityKind kind, const std::optional<IdType>& id, const std::string& path) const {
        if (id) {
            require(kind, id->str(), path);
        }
    }

private:
    template <class T> void collect(const std::vector<T>& entities, EntityKind kind, std::string_view list) {
        std::unordered_map<std::string, std::size_t> first_seen;
        for (std::size_t i = 0; i < entities.size(); ++i) {
            auto [where, inserted] = first_seen.emplace(entities[i].id.str(), i);
            if (!inserted) {
                throw invalid_input_error(
                    fmt::format("{}: $.{}[{}].id", m_source, list, i),
                    fmt::format("duplicate id \"{}\", first defined at $.{}[{}]; ids must be unique within a file",
                                entities[i].id.str(), list, where->second));
            }
            m_defined[index(kind)].insert(entities[i].id.str());
        }
    }

    static std::size_t index(EntityKind kind) { return static_cast<std::size_t>(kind); }
    static std::string kind_name(EntityKind kind) {
        switch (kind) {
        case EntityKind::agenda_item: return "agenda item";
        default: break;
        }
        static constexpr std::array<const char*, 8> names = {"document", "actor",   "topic",       "proposition",
                                                             "body",     "meeting", "agenda item", "stance"};
        return names[index(kind)];
    }

    const std::string& m_source;
    const Store* m_store;
    std::array<std::unordered_set<std::string>, 8> m_defined;
};

/// Which meeting a stored agenda item belongs to, read one meeting at a time and remembered.
class StoredAgendaItems {
public:
    explicit StoredAgendaItems(const Store* store) : m_store(store) {}

    /// The meeting of stored item `item`, when it is not `expected` (the usual case costs one read of
    /// `expected`'s items); nothing when the item is `expected`'s or is not in the database.
    std::optional<MeetingId> meeting_of(const AgendaItemId& item, const MeetingId& expected) {
        auto [items, inserted] = m_items_of.try_emplace(expected.str());
        if (inserted) {
            for (const AgendaItem& stored : m_store->agenda_items(expected)) {
                items->second.insert(stored.id.str());
            }
        }
        if (items->second.contains(item.str())) {
            return std::nullopt;
        }
        for (const AgendaItem& stored : m_store->agenda_items()) {
            if (stored.id == item) {
                return stored.meeting;
            }
        }
        return std::nullopt;
    }

private:
    const Store* m_store;
    std::unordered_map<std::string, std::unordered_set<std::string>> m_items_of;
};

void check_stance_references(const Dataset& dataset, const References& refs, const std::string& source,
                             const Store* store) {
    std::unordered_map<std::string, const AgendaItem*> items;
    for (const AgendaItem& item : dataset.agenda_items) {
        items.emplace(item.id.str(), &item);
    }
    StoredAgendaItems stored_items(store);
    for (std::size_t i = 0; i < dataset.stances.size(); ++i) {
        const Stance& s = dataset.stances[i];
        refs.require(EntityKind::actor, s.actor.str(), json_path("stances", i, "actor"));
        for (std::size_t k = 0; k < s.includes.size(); ++k) {
            refs.require(EntityKind::actor, s.includes[k].str(), fmt::format("$.stances[{}].includes[{}]", i, k));
        }
        refs.require(EntityKind::actor, s.speaker, json_path("stances", i, "speaker"));
        refs.require(EntityKind::actor, s.reported_by, json_path("stances", i, "reported_by"));
        refs.require(EntityKind::topic, s.topic.str(), json_path("stances", i, "topic"));
        refs.require(EntityKind::proposition, s.proposition, json_path("stances", i, "proposition"));
        refs.require(EntityKind::meeting, s.meeting.str(), json_path("stances", i, "meeting"));
        refs.require(EntityKind::agenda_item, s.agenda_item, json_path("stances", i, "agenda_item"));
        if (s.agenda_item) {
            std::optional<MeetingId> owner;
            if (auto item = items.find(s.agenda_item->str()); item != items.end()) {
                owner = item->second->meeting;
            } else if (store) {
                owner = stored_items.meeting_of(*s.agenda_item, s.meeting);
            }
            if (owner && *owner != s.meeting) {
                throw invalid_input_error(
                    fmt::format("{}: {}", source, json_path("stances", i, "agenda_item")),
                    fmt::format(R"(agenda item "{}" belongs to meeting "{}", not to the stance's meeting "{}")",
                                s.agenda_item->str(), owner->str(), s.meeting.str()));
            }
        }
        if (s.source) {
            refs.require(EntityKind::document, s.source->document.str(), json_path("stances", i, "source.document"));
        }
    }
}

/// The topics that define a scale, in the dataset and, when asked about, in the store (read once).
class ScaleTopics {
public:
    ScaleTopics(const Dataset& dataset, const Store* store) : m_store(store) {
        for (const Topic& topic : dataset.topics) {
            (topic.scale ? m_with_scale : m_without_scale).insert(topic.id.str());
        }
    }

    [[nodiscard]] bool has_scale(const std::string& id) {
        if (m_with_scale.contains(id) || m_without_scale.contains(id)) {
            return m_with_scale.contains(id);
        }
        if (m_store != nullptr && !m_store_read) {
            m_store_read = true;
            for (const Topic& topic : m_store->topics()) {
                (topic.scale ? m_with_scale : m_without_scale).insert(topic.id.str());
            }
        }
        return m_with_scale.contains(id);
    }

private:
    const Store* m_store;
    bool m_store_read = false;
    std::unordered_set<std::string> m_with_scale;
    std::unordered_set<std::string> m_without_scale;
};

// A direction places a claim on a topic's scale: the topic must exist and define its two poles, or
// the claim would silently lie on no scale (docs/position-scale.md).
void check_directions(const std::vector<Direction>& directions, const References& refs, ScaleTopics& scales,
                      const std::string& source, std::string_view list, std::size_t index) {
    for (const Direction& direction : directions) {
        const std::string path = fmt::format("$.{}[{}].directions.{}", list, index, direction.scale.str());
        refs.require(EntityKind::topic, direction.scale.str(), path);
        if (!scales.has_scale(direction.scale.str())) {
            throw invalid_input_error(fmt::format("{}: {}", source, path),
                                      fmt::format("topic \"{}\" defines no scale, so a direction on it places the "
                                                  "claim nowhere; give that topic a \"scale\" with its \"minus\" and "
                                                  "\"plus\" poles, or name a topic that has one",
                                                  direction.scale.str()));
        }
    }
}

void check_direction_scales(const Dataset& d, const References& refs, const std::string& source, const Store* store) {
    ScaleTopics scales(d, store);
    for (std::size_t i = 0; i < d.topics.size(); ++i) {
        check_directions(d.topics[i].directions, refs, scales, source, "topics", i);
    }
    for (std::size_t i = 0; i < d.propositions.size(); ++i) {
        check_directions(d.propositions[i].directions, refs, scales, source, "propositions", i);
    }
}

void check_other_references(const Dataset& d, const References& refs) {
    for (std::size_t i = 0; i < d.memberships.size(); ++i) {
        refs.require(EntityKind::actor, d.memberships[i].member.str(), json_path("memberships", i, "member"));
        refs.require(EntityKind::actor, d.memberships[i].group.str(), json_path("memberships", i, "group"));
    }
    for (std::size_t i = 0; i < d.roles.size(); ++i) {
        refs.require(EntityKind::actor, d.roles[i].person.str(), json_path("roles", i, "person"));
        refs.require(EntityKind::actor, d.roles[i].represents.str(), json_path("roles", i, "represents"));
    }
    for (std::size_t i = 0; i < d.topics.size(); ++i) {
        for (std::size_t k = 0; k < d.topics[i].parents.size(); ++k) {
            refs.require(EntityKind::topic, d.topics[i].parents[k].str(),
                         fmt::format("$.topics[{}].parents[{}]", i, k));
        }
    }
    for (std::size_t i = 0; i < d.propositions.size(); ++i) {
        refs.require(EntityKind::topic, d.propositions[i].topic.str(), json_path("propositions", i, "topic"));
    }
    for (std::size_t i = 0; i < d.bodies.size(); ++i) {
        refs.require(EntityKind::actor, d.bodies[i].organisation, json_path("bodies", i, "organisation"));
    }
    for (std::size_t i = 0; i < d.meetings.size(); ++i) {
        refs.require(EntityKind::body, d.meetings[i].body.str(), json_path("meetings", i, "body"));
        refs.require(EntityKind::meeting, d.meetings[i].parent, json_path("meetings", i, "parent"));
    }
    for (std::size_t i = 0; i < d.agenda_items.size(); ++i) {
        refs.require(EntityKind::meeting, d.agenda_items[i].meeting.str(), json_path("agenda_items", i, "meeting"));
        for (std::size_t k = 0; k < d.agenda_items[i].topics.size(); ++k) {
            refs.require(EntityKind::topic, d.agenda_items[i].topics[k].str(),
                         fmt::format("$.agenda_items[{}].topics[{}]", i, k));
        }
    }
    for (std::size_t i = 0; i < d.participants.size(); ++i) {
        refs.require(EntityKind::meeting, d.participants[i].meeting.str(), json_path("participants", i, "meeting"));
        refs.require(EntityKind::actor, d.participants[i].actor.str(), json_path("participants", i, "actor"));
        refs.require(EntityKind::actor, d.participants[i].person, json_path("participants", i, "person"));
    }
}

} // namespace

void check_references(const Dataset& dataset, const std::string& source, const Store* store) {
    const References refs(dataset, source, store);
    check_other_references(dataset, refs);
    check_direction_scales(dataset, refs, source, store);
    check_stance_references(dataset, refs, source, store);
}

} // namespace stance::detail
