// A load into the empty vote table without its indexes: the PostgreSQL session sets the primary key
// and the by-actor index aside before its first COPY of votes and builds them once before it
// commits. Keeping two B-trees up row by row costs a bulk load several times what building them
// from the loaded rows costs (docs/benchmarks.md, PostgreSQL). See pg_vote_rows.hpp.
#include <algorithm>

#include "store/postgres/pg_vote_rows.hpp"

namespace stance::detail {

namespace {

constexpr const char* lock_not_available = "55P03";

// Each index of the vote table: the statement that drops it and the one that builds it again, as
// the catalog words them (a primary key as the constraint it belongs to), so that what is built is
// what the schema's migrations made.
constexpr const char* vote_index_statements = R"sql(
SELECT CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
            ELSE format('ALTER TABLE vote DROP CONSTRAINT %I', c.conname) END,
       CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
            ELSE format('ALTER TABLE vote ADD CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid)) END
FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
WHERE i.indrelid = 'vote'::regclass ORDER BY c.oid IS NULL, i.indexrelid)sql";

using Pair = std::pair<std::int64_t, std::int64_t>;

Pair pair_of(const PgVote& vote) {
    return {vote.agenda_item, vote.actor};
}

} // namespace

// Only into an empty table, whose rows are then all this session's, and only when no one else is
// reading it this moment: the table's exclusive lock is taken without waiting, so that an open read
// elsewhere is never waited for (the load then keeps the indexes up as it goes). Readers who come
// later wait for the commit, as they would for the rows. Decided at the session's first COPY.
bool PgVoteRows::indexes_set_aside() {
    if (m_set_aside_decided) {
        return !m_deferred_definitions.empty();
    }
    m_set_aside_decided = true;
    if (m_db.query("SELECT EXISTS (SELECT 1 FROM vote)").text(0, 0) == "t") {
        return false;
    }
    m_db.script("SAVEPOINT vote_lock");
    try {
        m_db.script("LOCK TABLE vote IN ACCESS EXCLUSIVE MODE NOWAIT");
    } catch (const PgFailure& failure) {
        if (failure.sqlstate() != lock_not_available) {
            throw;
        }
        m_db.script("ROLLBACK TO SAVEPOINT vote_lock; RELEASE SAVEPOINT vote_lock");
        return false;
    }
    m_db.script("RELEASE SAVEPOINT vote_lock");
    const PgResult indexes = m_db.query(vote_index_statements);
    for (int row = 0; row < indexes.rows(); ++row) {
        m_db.script(indexes.text(row, 0));
        m_deferred_definitions.push_back(indexes.text(row, 1));
    }
    return !m_deferred_definitions.empty();
}

// The primary key is set aside, so the check it made falls to the session: a pair that an earlier
// batch of the load already gave a vote. The batch's own pairs are distinct (keep_last_of_each_pair).
bool PgVoteRows::repeats_a_deferred_pair(std::span<const PgVote> votes) const {
    return std::ranges::any_of(
        votes, [&](const PgVote& vote) { return std::ranges::binary_search(m_deferred_pairs, pair_of(vote)); });
}

void PgVoteRows::remember_deferred_pairs(std::span<const PgVote> votes) {
    const auto loaded = static_cast<std::ptrdiff_t>(m_deferred_pairs.size());
    for (const PgVote& vote : votes) {
        m_deferred_pairs.push_back(pair_of(vote));
    }
    std::sort(m_deferred_pairs.begin() + loaded, m_deferred_pairs.end());
    std::inplace_merge(m_deferred_pairs.begin(), m_deferred_pairs.begin() + loaded, m_deferred_pairs.end());
}

void PgVoteRows::restore_indexes() {
    for (const std::string& definition : m_deferred_definitions) {
        m_db.script(definition);
    }
    m_deferred_definitions.clear();
    std::vector<Pair>().swap(m_deferred_pairs);
}

void PgVoteRows::finish() {
    restore_indexes();
}

} // namespace stance::detail
