// One row of the compact vote table, as both backends hold it (schema version 9: SQLite's
// store/vote_rows.hpp, PostgreSQL's store/postgres/pg_vote_rows.hpp). Internal.
#pragma once

#include <cstdint>
#include <optional>

#include "stance/model/vote.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

/// One vote as the table holds it: row ids of the store's tables.
struct VoteRow {
    std::int64_t agenda_item = 0;
    std::int64_t actor = 0;
    VoteCode vote = VoteCode::yes;
    std::int64_t topic = 0;
    std::optional<std::int64_t> document;
    std::int64_t span_start = 0;
    std::int64_t span_length = 0;
};

/// Makes `row`, whose roll call, topic and document are set, the vote of `cast` by the actor of
/// row id `actor`: its code, and its source row's span when the roll call has a document.
inline void set_cast(VoteRow& row, std::int64_t actor, const RollCallVotes::Cast& cast) {
    row.actor = actor;
    row.vote = cast.code;
    if (row.document) {
        row.span_start = static_cast<std::int64_t>(cast.start);
        row.span_length = static_cast<std::int64_t>(cast.end - cast.start);
    }
}

} // namespace stance::detail
