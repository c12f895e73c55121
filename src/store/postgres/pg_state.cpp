// What the history sees of the PostgreSQL store: one entity's state as its dataset JSON, the change
// sets and the stored suggestions. Single entities are read with the same code that reads all.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "store/postgres/pg_history.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/postgres/pg_suggestions.hpp"
#include "store/recorded_state.hpp"
#include "store/suggestion_json.hpp"

namespace stance::detail {

std::optional<std::string> PgStore::recorded_state(const RecordKey& key) const {
    auto where = [&](const char* sql) { return PgCondition{sql, {key.id}}; };
    auto where_parts = [&](const char* sql, std::size_t count) -> std::optional<PgCondition> {
        if (auto parts = key_parts(key.id, count)) {
            return PgCondition{sql, *parts};
        }
        return std::nullopt;
    };
    switch (key.kind) {
    case RecordKind::document: {
        const std::optional<Document> found = document(DocumentId{key.id});
        return found ? std::optional{entity_json(*found)} : std::nullopt;
    }
    case RecordKind::actor: return first_json(actors_where(where(" WHERE a.slug = $1")));
    case RecordKind::membership: {
        const auto condition = where_parts(" WHERE m.slug = $1 AND g.slug = $2 AND ms.date_from = $3", 3);
        return condition ? first_json(memberships_where(*condition)) : std::nullopt;
    }
    case RecordKind::role: {
        const auto condition = where_parts(" WHERE p.slug = $1 AND r.slug = $2 AND ro.date_from = $3", 3);
        return condition ? first_json(roles_where(*condition)) : std::nullopt;
    }
    case RecordKind::topic: return first_json(topics_where(where(" WHERE t.slug = $1")));
    case RecordKind::proposition: return first_json(propositions_where(where(" WHERE p.slug = $1")));
    case RecordKind::body: return first_json(bodies_where(where(" WHERE b.slug = $1")));
    case RecordKind::meeting: return first_json(meetings_where(where(" WHERE m.slug = $1")));
    case RecordKind::agenda_item: return first_json(agenda_items_where(where(" WHERE ai.slug = $1")));
    case RecordKind::participant: {
        const auto condition = where_parts(" WHERE m.slug = $1 AND a.slug = $2 AND coalesce(p.slug, '') = $3", 3);
        return condition ? first_json(participants_where(*condition)) : std::nullopt;
    }
    case RecordKind::stance: {
        const std::optional<Stance> found = stance(StanceId{key.id});
        return found ? std::optional{entity_json(*found)} : std::nullopt;
    }
    case RecordKind::suggestion: {
        const std::optional<std::int64_t> number = suggestion_number(key.id);
        if (!number) {
            return std::nullopt;
        }
        SuggestionFilter filter;
        filter.id = number;
        const std::vector<Suggestion> found = suggestions(filter);
        return found.empty() ? std::nullopt : std::optional{suggestion_json(found.front())};
    }
    }
    return std::nullopt;
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
