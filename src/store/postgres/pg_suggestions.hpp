// Stored suggestions in the PostgreSQL store: written and read, as the SQLite store's
// suggestion_rows.hpp. Internal.
#pragma once

#include <cstdint>
#include <vector>

#include "stance/model/suggestion.hpp"
#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

/// Inserts a suggestion (id 0: the next id) or replaces the one of its id; returns the id. Throws
/// invalid_input_error when its document is not in the store or its span lies outside the text.
std::int64_t pg_write_suggestion(PgConnection& db, const Suggestion& suggestion);

[[nodiscard]] std::vector<Suggestion> pg_read_suggestions(PgConnection& db, const SuggestionFilter& filter);

} // namespace stance::detail
