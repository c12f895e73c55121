// One entity's recorded state, as both stores read it (sqlite_state.cpp, postgres/pg_state.cpp):
// each kind read with the code that reads them all, narrowed by a WHERE clause that each backend
// words in its own placeholders, and written as the history records it. Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/io/dataset_json.hpp"
#include "stance/store/history.hpp"
#include "store/suggestion_json.hpp"

namespace stance::detail {

/// A key of several parts ("member/group/from") as its parts; nothing when it has another number.
inline std::optional<std::vector<std::string>> key_parts(const std::string& id, std::size_t count) {
    std::vector<std::string> parts = split_record_id(id);
    return parts.size() == count ? std::optional{std::move(parts)} : std::nullopt;
}

template <class Entity> std::optional<std::string> first_json(const std::vector<Entity>& found) {
    return found.empty() ? std::nullopt : std::optional{entity_json(found.front())};
}

/// A suggestion's id as its number; nothing when it is not one.
inline std::optional<std::int64_t> suggestion_number(const std::string& id) {
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return std::stoll(id);
}

/// The WHERE clauses (with their leading space) that narrow each kind's read to one key: a slug,
/// or the three parts of a membership's, role's or participant's key, in the backend's placeholders.
struct StateConditions {
    const char* actor;
    const char* membership;
    const char* role;
    const char* topic;
    const char* proposition;
    const char* body;
    const char* meeting;
    const char* agenda_item;
    const char* participant;
};

/// The state of `key` in `store` as its JSON; nothing when it does not exist. `Condition` is the
/// backend's clause with its values ({sql, values}), which its `*_where` reads take.
template <class Condition, class Reads>
std::optional<std::string> read_recorded_state(const Reads& store, const RecordKey& key, const StateConditions& where) {
    auto by_slug = [&](const char* sql) { return Condition{sql, {key.id}}; };
    auto by_parts = [&](const char* sql) -> std::optional<Condition> {
        if (auto parts = key_parts(key.id, 3)) {
            return Condition{sql, *parts};
        }
        return std::nullopt;
    };
    auto first_json_of = [](const auto& condition, auto read) -> std::optional<std::string> {
        return condition ? first_json(read(*condition)) : std::nullopt;
    };
    switch (key.kind) {
    case RecordKind::document: {
        const std::optional<Document> found = store.document(DocumentId{key.id});
        return found ? std::optional{entity_json(*found)} : std::nullopt;
    }
    case RecordKind::actor: return first_json(store.actors_where(by_slug(where.actor)));
    case RecordKind::membership:
        return first_json_of(by_parts(where.membership),
                             [&](const Condition& c) { return store.memberships_where(c); });
    case RecordKind::role:
        return first_json_of(by_parts(where.role), [&](const Condition& c) { return store.roles_where(c); });
    case RecordKind::topic: return first_json(store.topics_where(by_slug(where.topic)));
    case RecordKind::proposition: return first_json(store.propositions_where(by_slug(where.proposition)));
    case RecordKind::body: return first_json(store.bodies_where(by_slug(where.body)));
    case RecordKind::meeting: return first_json(store.meetings_where(by_slug(where.meeting)));
    case RecordKind::agenda_item: return first_json(store.agenda_items_where(by_slug(where.agenda_item)));
    case RecordKind::participant:
        return first_json_of(by_parts(where.participant),
                             [&](const Condition& c) { return store.participants_where(c); });
    case RecordKind::stance: {
        const std::optional<Stance> found = store.stance(StanceId{key.id});
        return found ? std::optional{entity_json(*found)} : std::nullopt;
    }
    case RecordKind::suggestion: {
        SuggestionFilter filter;
        filter.id = suggestion_number(key.id);
        if (!filter.id) {
            return std::nullopt;
        }
        const std::vector<Suggestion> found = store.suggestions(filter);
        return found.empty() ? std::nullopt : std::optional{suggestion_json(found.front())};
    }
    }
    return std::nullopt;
}

} // namespace stance::detail
