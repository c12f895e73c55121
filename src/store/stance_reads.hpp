// Reading stances: the general table and the compact vote table (vote_rows.hpp) as one ordered
// list of ordinary `Stance` values. Internal to the SQLite backend.
#pragma once

#include <functional>
#include <string>

#include <SQLiteCpp/Statement.h>

#include "stance/store/store.hpp"
#include "store/key_names.hpp"
#include "store/statement_cache.hpp"

namespace stance::detail {

/// Every stance matching `filter`, from both tables, to `visit` in the order Store::stances promises
/// (effective date, meeting, id): the general table's rows and the vote table's, merged. `names`
/// must be fresh for the read transaction this runs in.
void read_stances(ReadStatements& statements, const KeyNames& names, const StanceFilter& filter,
                  const std::function<void(const Stance&)>& visit);

/// The same stances in stance-id order, for the export: the general table through its index on the
/// id, merged with the votes, read as integers roll call by roll call in the order of their id
/// prefixes and sorted within each (a vote's id is its roll call's prefix and its actor's id, and no
/// prefix starts another: vote_rows.hpp). Nothing of the whole result is sorted or held, so memory
/// does not grow with the number of stances. `names` must be fresh for the read transaction.
void read_stances_by_id(ReadStatements& statements, const KeyNames& names, const StanceFilter& filter,
                        const std::function<void(const Stance&)>& visit);
[[nodiscard]] std::string general_stances_by_id(const StanceFilter& filter);
void bind_filter(SQLite::Statement& query, const StanceFilter& filter);

/// The SELECT list and FROM clause of the general table alone (aliases s, a, t, m, ai, d), ending in
/// "WHERE 1 = 1", for callers that add their own conditions (the migration to version 4). Column 24
/// is the effective date.
extern const char* const general_stance_select;

/// The same for the vote table with its names joined in SQL (aliases v, rc, ai, m, a, t, d), for the
/// read of one stance by id; the queries over many votes read them as integers.
extern const char* const vote_stance_select;

/// " AND ..." conditions for `filter` on the general table (alias s) and on the vote table (aliases
/// v, ai for its agenda item, m for its meeting); bind with `bind_filter`.
[[nodiscard]] std::string general_conditions(const StanceFilter& filter);
[[nodiscard]] std::string vote_conditions(const StanceFilter& filter);

/// Whether `vote_conditions(filter)` tests the vote's agenda item or meeting, which a read of the
/// vote table then joins with `vote_meeting_join` (aliases ai, m). Without them, a read of many
/// votes is several times faster: the names behind a roll call come from KeyNames.
[[nodiscard]] bool vote_conditions_need_meeting(const StanceFilter& filter);
extern const char* const vote_meeting_join;

/// The stance in the current row of a query built from the strings above (columns 0 to 23).
[[nodiscard]] Stance read_stance(SQLite::Statement& row);

} // namespace stance::detail
