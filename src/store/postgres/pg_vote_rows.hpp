// The compact vote table of the PostgreSQL store (schema version 9, pg_schema.cpp): which roll call
// owns which stance-id prefix, and the writes of votes, one at a time or a batch through COPY.
// The rules are the SQLite store's (store/vote_rows.hpp): a vote's stance id is its roll call's
// prefix followed by its actor's id, the first vote on a roll call fixes the prefix, and no prefix
// starts another, so a stance id belongs to at most one (roll call, actor). Internal.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/postgres/pg_connection.hpp"
#include "store/vote_row.hpp"

namespace stance::detail {

/// One vote as the table holds it, and the stance id it is read back with.
struct PgVote : VoteRow {
    std::string slug; // empty when no general stance may exist (PgVoteRows::general_may_exist)
};

class PgVoteRows {
public:
    explicit PgVoteRows(PgConnection& db) : m_db(db) {}

    /// Whether votes on `agenda_item` may use the stance-id prefix `prefix`: yes when it is the roll
    /// call's prefix, or the roll call has none yet and `prefix` neither starts nor is started by
    /// another's (then it becomes the roll call's, written by the next write of votes).
    bool accept_prefix(std::int64_t agenda_item, std::string_view prefix);

    /// The roll call whose prefix starts `slug`, and the rest of it (an actor's id), if any.
    std::optional<std::pair<std::int64_t, std::string>> owner(const std::string& slug);

    /// Writes (or replaces) the votes; a general stance with one of their ids goes. No two of them
    /// may have one (roll call, actor).
    void write(std::span<const PgVote> votes);

    /// The same for one vote, in one statement (or two, when a general stance may have its id).
    void write_one(const PgVote& vote);

    /// Removes the vote whose stance id is `slug`, if there is one.
    void erase(const std::string& slug);

    /// Writes the roll calls accepted since the last write (the data step of the migration calls it).
    void write_new_roll_calls();

    /// The roll call of `agenda_item` went with it (ON DELETE CASCADE).
    void forget(std::int64_t agenda_item);

    /// A general stance was written: from now on one may hold an id a vote takes over.
    void general_written() noexcept { m_general_may_exist = true; }

    /// Whether the stance table may hold a row, whose id a vote would take over: only then does a
    /// vote's write need its stance id (PgVote::slug).
    bool general_may_exist();

    /// Builds the vote table's indexes again if a load into the empty table set them aside; the
    /// session calls it before it commits.
    void finish();

private:
    void load();
    void remove_general_stances(std::span<const PgVote> votes);
    void copy_into_table(std::span<const PgVote> votes);
    void upsert(std::span<const PgVote> votes);
    bool indexes_set_aside();
    [[nodiscard]] bool repeats_a_deferred_pair(std::span<const PgVote> votes) const;
    void remember_deferred_pairs(std::span<const PgVote> votes);
    void restore_indexes();

    PgConnection& m_db;
    bool m_loaded = false;
    std::optional<bool> m_general_may_exist;                      // whether the stance table may hold a row
    bool m_staging_ready = false;                                 // the temporary vote_staging table exists
    std::unordered_map<std::int64_t, std::string> m_prefix_of;    // agenda item row → prefix
    std::map<std::string, std::int64_t, std::less<>> m_by_prefix; // prefix → agenda item row
    std::vector<std::pair<std::int64_t, std::string>> m_new;      // accepted, not yet written
    std::unordered_set<std::int64_t> m_created; // roll calls this session created: no vote stored before it
    // A load into an empty vote table goes in without its indexes, which are built once at the end
    // (pg_vote_indexes.cpp): their definitions as the catalog gave them, and the (roll call, actor)
    // pairs loaded meanwhile, sorted, since no key refuses a second vote on one of them.
    bool m_set_aside_decided = false;
    std::vector<std::string> m_deferred_definitions;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_deferred_pairs;
};

} // namespace stance::detail
