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

std::vector<std::optional<std::string>> PgStore::agenda_item_states(std::span<const AgendaItem> items) const {
    std::vector<std::string> slugs;
    slugs.reserve(items.size());
    for (const AgendaItem& item : items) {
        slugs.push_back(item.id.str());
    }
    const std::vector<AgendaItem> stored =
        agenda_items_where({" WHERE ai.slug = ANY($1::text[])", {pg_text_array(slugs)}});
    std::unordered_map<std::string_view, const AgendaItem*> by_slug;
    for (const AgendaItem& item : stored) {
        by_slug.emplace(item.id.str(), &item);
    }
    std::vector<std::optional<std::string>> states;
    states.reserve(items.size());
    for (const AgendaItem& item : items) {
        const auto found = by_slug.find(item.id.str());
        states.push_back(found == by_slug.end() ? std::nullopt : std::optional{entity_json(*found->second)});
    }
    return states;
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
