// The compact table of vote-shaped stances (model/vote.hpp): one row per (roll call, actor) with
// the vote as a small integer, instead of a row of the general stance table with a dozen text
// columns and five indexes. Internal to the SQLite backend; the import session and the migration
// that moves version-2 votes write through it, and readers see its rows as ordinary stances.
//
// A vote's stance id is not stored: it is the roll call's id prefix followed by the actor's id
// ("unga-3-" + "usa"). The first vote on a roll call fixes its prefix. Prefixes are kept free of
// one another (none starts another), so a stance id belongs to at most one (roll call, actor).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "stance/model/vote.hpp"
#include "store/statement_cache.hpp"
#include "store/vote_row.hpp"

namespace stance::detail {

class VoteRows {
public:
    explicit VoteRows(SQLite::Database& db) : m_statements(db) {}

    /// Whether votes on `agenda_item` may use the stance-id prefix `prefix`: yes when it is the roll
    /// call's prefix, or the roll call has none yet and `prefix` neither starts nor is started by
    /// another roll call's (then it becomes the roll call's prefix).
    bool accept_prefix(std::int64_t agenda_item, std::string_view prefix);

    /// Writes (or replaces) a vote whose stance id is `slug`; a general stance of that id, if any, goes.
    /// The vote is staged: it is in the table after `flush`, which every read and erase here calls.
    void write(const VoteRow& row, const std::string& slug);
    /// The same for a vote on a roll call whose prefix `accept_prefix` has just accepted, by its
    /// actor's id: the stance id is built only when a general stance may have it.
    void write_on_accepted(const VoteRow& row, const std::string& actor_slug);
    void flush();

    /// Removes every vote on `agenda_item` (the agenda item is being removed).
    void remove_roll_call(std::int64_t agenda_item);

    /// Removes the vote whose stance id is `slug`, if there is one (it is being replaced by a general stance).
    void erase(const std::string& slug);

    /// Whether a vote has stance id `slug`.
    [[nodiscard]] bool contains(const std::string& slug);

    /// Builds the by-actor index again if a bulk load set it aside (see flush). Called before the
    /// session commits, inside its transaction, so a failed or killed import leaves the index as it was.
    void finish();

    /// Finalizes the prepared statements, before the transaction they ran in commits.
    void release() noexcept { m_statements.clear(); }

private:
    struct RollCall {
        std::string prefix;
        bool general_may_hold_ids = true; // a general stance may have an id with this prefix
    };
    struct Found {
        std::int64_t agenda_item;
        std::string actor_slug;
    };
    std::optional<Found> find(const std::string& slug);
    void insert(const VoteRow& row);
    void insert_bulk(std::span<const VoteRow> rows);
    SQLite::Statement& statement(const char* sql);

    void set_index_aside_for_bulk_load();

    StatementCache m_statements;
    bool m_bulk_load_checked = false; // whether this session has looked for an empty table yet
    std::string m_index_aside;        // the by-actor index's CREATE statement while it is set aside
    std::vector<VoteRow> m_staged;    // written by the next flush, in order
    std::unordered_map<std::int64_t, RollCall> m_roll_calls; // read or written in this session
};

/// Schema version 4's data step: every stance of the general table that is vote-shaped, with its
/// meeting its agenda item's and its id prefix accepted, moves to the vote table (vote_migration.cpp).
void move_vote_shaped_stances(SQLite::Database& db);

/// The smallest string greater than every string that starts with `prefix` (for range scans).
[[nodiscard]] std::string prefix_upper_bound(std::string prefix);

} // namespace stance::detail
