// Stances a batch at a time (UN votes): the votes by one COPY into the vote table (pg_vote_rows.cpp),
// the others by one COPY into a temporary staging table and one upsert from it into the stance
// table, instead of a round trip to the server per stance. The same result as PgWriter::put for
// each stance in order.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "store/postgres/pg_writer.hpp"

namespace stance::detail {

namespace {

// The staging table has the stance table's written columns, in stance_columns' order.
constexpr const char* staging_table = R"sql(
CREATE TEMPORARY TABLE stance_staging (
    slug text, actor_id bigint, speaker_id bigint, topic_id bigint, proposition_id bigint, meeting_id bigint,
    agenda_item_id bigint, kind text, score double precision, breadth text, quote text, paraphrase text,
    document_id bigint, span_start bigint, span_end bigint, page integer, reported_by_id bigint,
    confidence double precision, coder text, coded_at text, stated_on text, effective_date text, note text,
    basis text) ON COMMIT DROP)sql";

/// Leaves one vote per (roll call, actor), the last: the result of writing them one by one, which
/// one COPY cannot do (the table's key refuses the second). A batch of an import in the order of
/// its CSV file has none, and then this is one sort of row positions.
void keep_last_of_each_pair(std::vector<PgVote>& votes) {
    std::vector<std::size_t> order(votes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto pair_of = [&](std::size_t i) { return std::pair{votes[i].agenda_item, votes[i].actor}; };
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return pair_of(a) < pair_of(b); });
    std::vector<bool> superseded(votes.size(), false);
    bool any = false;
    for (std::size_t i = 0; i + 1 < order.size(); ++i) {
        if (pair_of(order[i]) == pair_of(order[i + 1])) {
            superseded[order[i]] = true; // stable: the later row comes after it
            any = true;
        }
    }
    if (!any) {
        return;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < votes.size(); ++i) {
        if (!superseded[i]) {
            votes[kept++] = std::move(votes[i]);
        }
    }
    votes.resize(kept);
}

} // namespace

bool PgWriter::append_vote_rows(const RollCallVotes& roll_call, std::vector<PgVote>& rows) {
    const std::int64_t item = row_id(EntityKind::agenda_item, roll_call.agenda_item.str());
    if (meeting_of_item(item) != row_id(EntityKind::meeting, roll_call.meeting.str()) ||
        !m_votes.accept_prefix(item, roll_call.stance_prefix)) {
        return false;
    }
    PgVote row;
    row.agenda_item = item;
    row.topic = row_id(EntityKind::topic, roll_call.topic.str());
    row.document =
        roll_call.document ? std::optional{row_id(EntityKind::document, roll_call.document->str())} : std::nullopt;
    // A vote's stance id serves only to take over a general stance's; an import into a database
    // without any builds none of the 869,937.
    const bool with_slugs = m_votes.general_may_exist();
    for (const RollCallVotes::Cast& cast : roll_call.casts) {
        set_cast(row, row_id(EntityKind::actor, cast.actor.str()), cast);
        if (with_slugs) {
            row.slug = roll_call.stance_prefix + cast.actor.str();
        }
        rows.push_back(row);
    }
    return true;
}

void PgWriter::put_votes(std::span<const RollCallVotes> roll_calls) {
    std::vector<PgVote> rows;
    for (const RollCallVotes& roll_call : roll_calls) {
        if (roll_call.casts.empty() || append_vote_rows(roll_call, rows)) {
            continue;
        }
        // General stances: the votes before them are written first, so that whichever came later
        // in the batch holds a shared id, as when written one by one.
        keep_last_of_each_pair(rows);
        m_votes.write(rows);
        rows.clear();
        put_stances(vote_stances(roll_call));
    }
    keep_last_of_each_pair(rows);
    m_votes.write(rows);
}

void PgWriter::put_stances(std::span<const Stance> stances) {
    if (stances.empty()) {
        return;
    }
    if (repeats_an_id(stances)) { // one upsert cannot write a row twice: stance by stance, the later winning
        for (const Stance& stance : stances) {
            put(stance);
        }
        return;
    }
    // Votes go to the vote table through COPY (pg_vote_rows.cpp), the others to the stance table;
    // no id is in both, so the order between the two does not change the result.
    std::vector<PgVote> votes;
    std::vector<Stance> general;
    for (const Stance& stance : stances) {
        if (std::optional<PgVote> vote = as_vote(stance)) {
            votes.push_back(std::move(*vote));
        } else {
            general.push_back(stance);
        }
    }
    m_votes.write(votes);
    put_general_stances(general);
}

void PgWriter::put_general_stances(std::span<const Stance> stances) {
    if (stances.empty()) {
        return;
    }
    for (const Stance& stance : stances) {
        m_votes.erase(stance.id.str()); // a vote of this id, if any, becomes this stance
    }
    m_votes.general_written();
    if (!m_staging_ready) {
        m_db.script(staging_table);
        m_staging_ready = true;
    }
    std::string rows;
    for (const Stance& stance : stances) {
        append_copy_row(rows, stance_values(stance));
    }
    m_db.copy_in(fmt::format("COPY stance_staging ({}) FROM STDIN", stance_columns), rows);
    static const std::string upsert =
        fmt::format("INSERT INTO stance ({0}) SELECT {0} FROM stance_staging{1}", stance_columns, stance_upsert_tail);
    m_db.script(upsert);
    // Included members are replaced as put() does; when no stance anywhere has any, there is nothing to do.
    const bool any_stored = m_db.query("SELECT EXISTS (SELECT 1 FROM stance_include)").text(0, 0) == "t";
    if (any_stored) {
        m_db.script("DELETE FROM stance_include WHERE stance_id IN "
                    "(SELECT s.id FROM stance s JOIN stance_staging g ON g.slug = s.slug)");
    }
    for (const Stance& stance : stances) {
        if (!stance.includes.empty()) {
            put_includes(stance.id.str(), stance.includes);
        }
    }
    m_db.script("TRUNCATE stance_staging");
}

} // namespace stance::detail
