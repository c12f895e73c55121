// What the history sees of the SQLite store: one entity's state as its dataset JSON (read as
// recorded_state.hpp reads it, in SQLite's placeholders), the change sets and the stored suggestions.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/history_rows.hpp"
#include "store/recorded_state.hpp"
#include "store/sqlite_store.hpp"
#include "store/suggestion_rows.hpp"

namespace stance::detail {

namespace {

constexpr StateConditions sqlite_conditions{
    .actor = " WHERE slug = ?",
    .membership = " WHERE m.slug = ? AND g.slug = ? AND ms.date_from = ?",
    .role = " WHERE p.slug = ? AND r.slug = ? AND ro.date_from = ?",
    .topic = " WHERE t.slug = ?",
    .proposition = " WHERE p.slug = ?",
    .body = " WHERE b.slug = ?",
    .meeting = " WHERE m.slug = ?",
    .agenda_item = " WHERE ai.slug = ?",
    .participant = " WHERE m.slug = ? AND a.slug = ? AND coalesce(p.slug, '') = ?",
};

} // namespace

std::optional<std::string> SqliteStore::recorded_state(const RecordKey& key) const {
    return read_recorded_state<RowCondition>(*this, key, sqlite_conditions);
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
