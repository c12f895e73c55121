// stance's search syntax (stance/query/search_text.hpp) as PostgreSQL tsquery text for
// to_tsquery('stance_search', $n). Every term is split into words where the SQLite store's FTS5
// tokenizer splits it (at every ASCII character that is not a letter or digit), each word one quoted
// operand, a phrase's words joined by <->; a word holds no quote or backslash, so nothing a user
// types is tsquery syntax or an error. Internal to the PostgreSQL backend.
#pragma once

#include <string>

#include "stance/query/search_text.hpp"

namespace stance::detail {

/// `query.all_of`: groups joined by &, the terms of a group by |. Empty when there is nothing to find.
[[nodiscard]] std::string tsquery_all(const SearchQuery& query);
/// Any term of `query.none_of`, for a NOT; empty when there is none.
[[nodiscard]] std::string tsquery_any_excluded(const SearchQuery& query);

} // namespace stance::detail
