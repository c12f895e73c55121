// stance's search syntax (stance/query/search_text.hpp) as SQLite FTS5 MATCH expressions. Every
// term becomes a quoted FTS5 string, so nothing a user types can be read as FTS5 syntax (a column
// filter, NEAR, a bracket) or make a syntax error. Internal to the SQLite backend.
#pragma once

#include <string>

#include "stance/query/search_text.hpp"

namespace stance::detail {

/// The expression for `query.all_of`: groups joined by AND, the terms of a group by OR. Empty when
/// there is nothing to find.
[[nodiscard]] std::string fts5_match_all(const SearchQuery& query);
/// The expression matching any term of `query.none_of`, for a NOT IN; empty when there is none.
[[nodiscard]] std::string fts5_match_any_excluded(const SearchQuery& query);

} // namespace stance::detail
