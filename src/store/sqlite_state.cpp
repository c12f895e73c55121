// What the history sees of the SQLite store: one entity's state as its dataset JSON, the change
// sets and the stored suggestions. Single entities are read with the same code that reads all.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "store/history_rows.hpp"
#include "store/recorded_state.hpp"
#include "store/sqlite_store.hpp"
#include "store/suggestion_json.hpp"
#include "store/suggestion_rows.hpp"

namespace stance::detail {

std::optional<std::string> SqliteStore::recorded_state(const RecordKey& key) const {
    const RowCondition by_slug{"", {key.id}};
    auto where = [&](const char* sql) { return RowCondition{sql, by_slug.values}; };
    auto where_parts = [&](const char* sql, std::size_t count) -> std::optional<RowCondition> {
        if (auto parts = key_parts(key.id, count)) {
            return RowCondition{sql, *parts};
        }
        return std::nullopt;
    };
    switch (key.kind) {
    case RecordKind::document: {
        const std::optional<Document> found = document(DocumentId{key.id});
        return found ? std::optional{entity_json(*found)} : std::nullopt;
    }
    case RecordKind::actor: return first_json(actors_where(where(" WHERE slug = ?")));
    case RecordKind::membership: {
        const auto condition = where_parts(" WHERE m.slug = ? AND g.slug = ? AND ms.date_from = ?", 3);
        return condition ? first_json(memberships_where(*condition)) : std::nullopt;
    }
    case RecordKind::role: {
        const auto condition = where_parts(" WHERE p.slug = ? AND r.slug = ? AND ro.date_from = ?", 3);
        return condition ? first_json(roles_where(*condition)) : std::nullopt;
    }
    case RecordKind::topic: return first_json(topics_where(where(" WHERE t.slug = ?")));
    case RecordKind::proposition: return first_json(propositions_where(where(" WHERE p.slug = ?")));
    case RecordKind::body: return first_json(bodies_where(where(" WHERE b.slug = ?")));
    case RecordKind::meeting: return first_json(meetings_where(where(" WHERE m.slug = ?")));
    case RecordKind::agenda_item: return first_json(agenda_items_where(where(" WHERE ai.slug = ?")));
    case RecordKind::participant: {
        const auto condition = where_parts(" WHERE m.slug = ? AND a.slug = ? AND coalesce(p.slug, '') = ?", 3);
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

std::vector<ChangeSet> SqliteStore::change_sets(const HistoryFilter& filter) const try {
    return read_change_sets(m_db, filter);
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading the history of {}", m_path));
}

std::vector<Suggestion> SqliteStore::suggestions(const SuggestionFilter& filter) const try {
    return read_suggestions(m_db, filter);
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading suggestions from {}", m_path));
}

} // namespace stance::detail
