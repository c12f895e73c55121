// Reading stances: the general table and the compact vote table (vote_rows.hpp) as one ordered
// list of ordinary `Stance` values. Internal to the SQLite backend.
#pragma once

#include <string>

#include <SQLiteCpp/Statement.h>

#include "stance/store/store.hpp"

namespace stance::detail {

/// The SELECT of every stance matching `filter`, from both tables, in the order Store::stances
/// promises (effective date, meeting, id). Bind its parameters with `bind_filter`.
[[nodiscard]] std::string stance_query(const StanceFilter& filter);
void bind_filter(SQLite::Statement& query, const StanceFilter& filter);

/// The SELECT list and FROM clause of the general table alone, ending in "WHERE 1 = 1", for callers
/// that add their own conditions and columns after column 23 (the migration to version 3).
extern const char* const general_stance_select;

/// The stance in the current row of a query built from the strings above (columns 0 to 22).
[[nodiscard]] Stance read_stance(SQLite::Statement& row);

} // namespace stance::detail
