// Stored suggestions in the SQLite store (schema version 6): writing and reading. Internal to the
// SQLite backend.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "stance/model/suggestion.hpp"

namespace stance::detail {

/// Inserts a suggestion (id 0: a new id) or replaces the one of its id; returns the id. Throws
/// invalid_input_error when its document is not in the store or its span lies outside the text.
std::int64_t write_suggestion(SQLite::Database& db, const Suggestion& suggestion);

[[nodiscard]] std::vector<Suggestion> read_suggestions(SQLite::Database& db, const SuggestionFilter& filter);

} // namespace stance::detail
