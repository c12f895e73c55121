// What the history sees of the PostgreSQL store: one entity's state as its dataset JSON (read as
// recorded_state.hpp reads it, in PostgreSQL's placeholders), the change sets and the stored
// suggestions.
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/postgres/pg_history.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/pg_suggestions.hpp"
#include "store/recorded_state.hpp"

namespace stance::detail {

namespace {

constexpr StateConditions pg_conditions{
    .actor = " WHERE a.slug = $1",
    .membership = " WHERE m.slug = $1 AND g.slug = $2 AND ms.date_from = $3",
    .role = " WHERE p.slug = $1 AND r.slug = $2 AND ro.date_from = $3",
    .topic = " WHERE t.slug = $1",
    .proposition = " WHERE p.slug = $1",
    .body = " WHERE b.slug = $1",
    .meeting = " WHERE m.slug = $1",
    .agenda_item = " WHERE ai.slug = $1",
    .participant = " WHERE m.slug = $1 AND a.slug = $2 AND coalesce(p.slug, '') = $3",
};

} // namespace

std::optional<std::string> PgStore::recorded_state(const RecordKey& key) const {
    return read_recorded_state<PgCondition>(*this, key, pg_conditions);
}

namespace {

/// The states of `batch`'s stored namesakes, in its order, from `read` of " WHERE {alias}.slug = ANY(…)".
template <class Entity, class Read>
std::vector<std::optional<std::string>> states_by_slug(std::span<const Entity> batch, const char* alias, Read read) {
    std::vector<std::string> slugs;
    slugs.reserve(batch.size());
    for (const Entity& entity : batch) {
        slugs.push_back(entity.id.str());
    }
    const std::vector<Entity> stored =
        read(PgCondition{fmt::format(" WHERE {}.slug = ANY($1::text[])", alias), {pg_text_array(slugs)}});
    std::unordered_map<std::string_view, const Entity*> by_slug;
    for (const Entity& entity : stored) {
        by_slug.emplace(entity.id.str(), &entity);
    }
    std::vector<std::optional<std::string>> states;
    states.reserve(batch.size());
    for (const Entity& entity : batch) {
        const auto found = by_slug.find(entity.id.str());
        states.push_back(found == by_slug.end() ? std::nullopt : std::optional{entity_json(*found->second)});
    }
    return states;
}

} // namespace

std::vector<std::optional<std::string>> PgStore::recorded_states(std::span<const Meeting> meetings) const {
    return states_by_slug(meetings, "m", [&](const PgCondition& condition) { return meetings_where(condition); });
}

std::vector<std::optional<std::string>> PgStore::recorded_states(std::span<const AgendaItem> items) const {
    return states_by_slug(items, "ai", [&](const PgCondition& condition) { return agenda_items_where(condition); });
}

std::vector<ChangeSet> PgStore::change_sets(const HistoryFilter& filter) const try {
    const PgReadScope scope(*m_db);
    return pg_read_change_sets(*m_db, filter);
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading the history of {}", m_shown));
}

std::vector<Suggestion> PgStore::suggestions(const SuggestionFilter& filter) const try {
    return pg_read_suggestions(*m_db, filter);
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading suggestions from {}", m_shown));
}

} // namespace stance::detail
