// The compact vote table of the PostgreSQL store: see pg_vote_rows.hpp.
#include "store/postgres/pg_vote_rows.hpp"

#include <fmt/format.h>

namespace stance::detail {

namespace {

// The staging table of a batch of votes that may replace stored ones: the vote table's columns.
constexpr const char* staging_table = R"sql(
CREATE TEMPORARY TABLE vote_staging (
    agenda_item_id bigint, actor_id bigint, vote smallint, topic_id bigint, document_id bigint,
    span_start bigint, span_length bigint) ON COMMIT DROP)sql";

constexpr const char* vote_columns = "agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length";

constexpr const char* unique_violation = "23505";

void append_integer(std::string& rows, std::int64_t value) {
    rows += std::to_string(value);
}

/// The votes as COPY text-format rows in `vote_columns` order.
std::string copy_rows(std::span<const PgVote> votes) {
    std::string rows;
    rows.reserve(votes.size() * 40);
    for (const PgVote& vote : votes) {
        append_integer(rows, vote.agenda_item);
        rows += '\t';
        append_integer(rows, vote.actor);
        rows += '\t';
        append_integer(rows, static_cast<int>(vote.vote));
        rows += '\t';
        append_integer(rows, vote.topic);
        if (vote.document) {
            rows += '\t';
            append_integer(rows, *vote.document);
            rows += '\t';
            append_integer(rows, vote.span_start);
            rows += '\t';
            append_integer(rows, vote.span_length);
            rows += '\n';
        } else {
            rows += "\t\\N\t\\N\t\\N\n";
        }
    }
    return rows;
}

} // namespace

void PgVoteRows::load() {
    if (m_loaded) {
        return;
    }
    const PgResult rows = m_db.query("SELECT agenda_item_id, stance_prefix FROM roll_call");
    for (int row = 0; row < rows.rows(); ++row) {
        const std::int64_t item = rows.integer(row, 0);
        std::string prefix = rows.text(row, 1);
        m_by_prefix.emplace(prefix, item);
        m_prefix_of.emplace(item, std::move(prefix));
    }
    m_loaded = true;
}

bool PgVoteRows::accept_prefix(std::int64_t agenda_item, std::string_view prefix) {
    load();
    if (auto known = m_prefix_of.find(agenda_item); known != m_prefix_of.end()) {
        return known->second == prefix;
    }
    // Prefixes stay free of one another: the greatest one below may start this one, the least one
    // above may be started by it.
    auto above = m_by_prefix.lower_bound(prefix);
    if (above != m_by_prefix.end() && std::string_view(above->first).starts_with(prefix)) {
        return false;
    }
    if (above != m_by_prefix.begin() && prefix.starts_with(std::prev(above)->first)) {
        return false;
    }
    std::string owned(prefix);
    m_by_prefix.emplace(owned, agenda_item);
    m_prefix_of.emplace(agenda_item, owned);
    m_new.emplace_back(agenda_item, std::move(owned));
    m_created.insert(agenda_item);
    return true;
}

std::optional<std::pair<std::int64_t, std::string>> PgVoteRows::owner(const std::string& slug) {
    load();
    // In a set of prefixes none of which starts another, the only candidate is the greatest one <= slug.
    auto after = m_by_prefix.upper_bound(slug);
    if (after == m_by_prefix.begin()) {
        return std::nullopt;
    }
    const auto& [prefix, item] = *std::prev(after);
    if (!slug.starts_with(prefix) || slug.size() == prefix.size()) {
        return std::nullopt;
    }
    return std::pair{item, slug.substr(prefix.size())};
}

void PgVoteRows::forget(std::int64_t agenda_item) {
    if (auto known = m_prefix_of.find(agenda_item); known != m_prefix_of.end()) {
        m_by_prefix.erase(known->second);
        m_prefix_of.erase(known);
    }
    std::erase_if(m_new, [&](const auto& call) { return call.first == agenda_item; });
}

void PgVoteRows::write_new_roll_calls() {
    if (m_new.empty()) {
        return;
    }
    std::string rows;
    for (const auto& [item, prefix] : m_new) {
        append_integer(rows, item);
        rows += '\t';
        append_copy_field(rows, prefix);
        rows += '\n';
    }
    m_db.copy_in("COPY roll_call (agenda_item_id, stance_prefix) FROM STDIN", rows);
    m_new.clear();
}

bool PgVoteRows::general_may_exist() {
    if (!m_general_may_exist) {
        m_general_may_exist = m_db.query("SELECT EXISTS (SELECT 1 FROM stance)").text(0, 0) == "t";
    }
    return *m_general_may_exist;
}

void PgVoteRows::remove_general_stances(std::span<const PgVote> votes) {
    if (!general_may_exist()) {
        return; // a bulk load into an empty stance table: nothing to replace, nothing to look up
    }
    std::vector<std::string> slugs;
    slugs.reserve(votes.size());
    for (const PgVote& vote : votes) {
        slugs.push_back(vote.slug);
    }
    m_db.query("DELETE FROM stance WHERE slug = ANY($1::text[])", PgParams().text_array(slugs));
}

// A batch whose roll calls are all new in this session goes straight into the vote table: there is
// no stored vote for it to replace. Straight, unless an earlier batch of this session already gave
// one of these (roll call, actor) a vote: then the COPY fails on the key, and the savepoint lets
// the batch go through the upsert instead. Into an empty table the load goes without the table's
// indexes (pg_vote_indexes.cpp), and the session itself checks the pairs the key would.
void PgVoteRows::copy_into_table(std::span<const PgVote> votes) {
    static const std::string copy = fmt::format("COPY vote ({}) FROM STDIN", vote_columns);
    if (indexes_set_aside()) {
        if (!repeats_a_deferred_pair(votes)) {
            m_db.copy_in(copy, copy_rows(votes));
            remember_deferred_pairs(votes);
            return;
        }
        restore_indexes(); // a second vote on a pair: from here on the key decides
    }
    m_db.script("SAVEPOINT vote_copy");
    try {
        m_db.copy_in(copy, copy_rows(votes));
    } catch (const PgFailure& failure) {
        if (failure.sqlstate() != unique_violation) {
            throw;
        }
        m_db.script("ROLLBACK TO SAVEPOINT vote_copy; RELEASE SAVEPOINT vote_copy");
        upsert(votes);
        return;
    }
    m_db.script("RELEASE SAVEPOINT vote_copy");
}

void PgVoteRows::upsert(std::span<const PgVote> votes) {
    restore_indexes(); // ON CONFLICT needs the primary key
    if (!m_staging_ready) {
        m_db.script(staging_table);
        m_staging_ready = true;
    }
    m_db.copy_in(fmt::format("COPY vote_staging ({}) FROM STDIN", vote_columns), copy_rows(votes));
    static const std::string sql = fmt::format(
        "INSERT INTO vote ({0}) SELECT {0} FROM vote_staging ON CONFLICT (agenda_item_id, actor_id) DO UPDATE SET "
        "vote = excluded.vote, topic_id = excluded.topic_id, document_id = excluded.document_id, "
        "span_start = excluded.span_start, span_length = excluded.span_length",
        vote_columns);
    m_db.script(sql);
    m_db.script("TRUNCATE vote_staging");
}

void PgVoteRows::write_one(const PgVote& vote) {
    write_new_roll_calls();
    restore_indexes(); // ON CONFLICT needs the primary key
    if (general_may_exist()) {
        m_db.prepared("DELETE FROM stance WHERE slug = $1", PgParams().text(vote.slug));
    }
    static const std::string sql = fmt::format(
        "INSERT INTO vote ({}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (agenda_item_id, actor_id) DO UPDATE "
        "SET vote = excluded.vote, topic_id = excluded.topic_id, document_id = excluded.document_id, "
        "span_start = excluded.span_start, span_length = excluded.span_length",
        vote_columns);
    PgParams params;
    params.integer(vote.agenda_item).integer(vote.actor).integer(static_cast<int>(vote.vote)).integer(vote.topic);
    if (vote.document) {
        params.integer(*vote.document).integer(vote.span_start).integer(vote.span_length);
    } else {
        params.null().null().null();
    }
    m_db.prepared(sql, params);
}

void PgVoteRows::write(std::span<const PgVote> votes) {
    if (votes.empty()) {
        return;
    }
    write_new_roll_calls();
    remove_general_stances(votes);
    const bool all_new =
        std::ranges::all_of(votes, [&](const PgVote& vote) { return m_created.contains(vote.agenda_item); });
    if (all_new) {
        copy_into_table(votes);
    } else {
        upsert(votes);
    }
}

void PgVoteRows::erase(const std::string& slug) {
    const auto found = owner(slug);
    if (!found) {
        return;
    }
    m_db.prepared("DELETE FROM vote WHERE agenda_item_id = $1 AND actor_id = (SELECT id FROM actor WHERE slug = $2)",
                  PgParams().integer(found->first).text(found->second));
}

} // namespace stance::detail
