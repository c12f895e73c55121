// Schema version 9's data step: the vote-shaped stances of the stance table move to the vote table,
// as SQLite's version 4 moved them (store/vote_migration.cpp). What is_vote_shaped (stance/model/vote.hpp)
// says of a Stance, `vote_shaped` says of a row; the id prefixes are accepted as the writer accepts
// them (pg_vote_rows.cpp), roll call by roll call, a stance whose prefix its roll call cannot take
// staying where it is.
#include <fmt/format.h>

#include "store/postgres/pg_schema.hpp"
#include "store/postgres/pg_vote_rows.hpp"

namespace stance::detail {

namespace {

// Rows of stance s (its actor a, its agenda item ai) that is_vote_shaped would accept, with their
// meeting their agenda item's. Every vote kind has its default score (position.hpp).
constexpr const char* vote_shaped = R"sql(
s.basis = 'vote' AND s.meeting_id = ai.meeting_id
AND ((s.kind = 'support' AND s.score = 1) OR (s.kind = 'oppose' AND s.score = -1)
     OR (s.kind IN ('abstain', 'absent', 'not_member') AND s.score = 0))
AND s.breadth = 'single' AND s.confidence = 1 AND s.quote = '' AND s.paraphrase = '' AND s.note = ''
AND s.coder = '' AND s.coded_at = '' AND s.stated_on = '' AND s.speaker_id IS NULL
AND s.proposition_id IS NULL AND s.reported_by_id IS NULL AND s.page IS NULL
AND (s.document_id IS NULL OR s.span_end >= s.span_start)
AND length(s.slug) > length(a.slug) AND right(s.slug, length(a.slug)) = a.slug
AND NOT EXISTS (SELECT 1 FROM stance_include si WHERE si.stance_id = s.id))sql";

constexpr const char* stance_joins =
    "FROM stance s JOIN actor a ON a.id = s.actor_id JOIN agenda_item ai ON ai.id = s.agenda_item_id";

// The moved rows: those whose id is their roll call's prefix and their actor's id.
constexpr const char* owned =
    "JOIN roll_call rc ON rc.agenda_item_id = s.agenda_item_id AND s.slug = rc.stance_prefix || a.slug";

} // namespace

void pg_move_vote_shaped_stances(PgConnection& db) {
    // Each roll call's candidate prefixes, the most used first, so that a roll call keeps the
    // prefix most of its votes have.
    const PgResult candidates = db.query(fmt::format(
        "SELECT s.agenda_item_id, left(s.slug, length(s.slug) - length(a.slug)) AS prefix, count(*) {} WHERE {} "
        "GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
        stance_joins, vote_shaped));
    PgVoteRows roll_calls(db);
    for (int row = 0; row < candidates.rows(); ++row) {
        (void)roll_calls.accept_prefix(candidates.integer(row, 0), candidates.text(row, 1));
    }
    roll_calls.write_new_roll_calls();
    db.script(
        fmt::format("INSERT INTO vote (agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length) "
                    "SELECT s.agenda_item_id, s.actor_id, CASE s.kind WHEN 'support' THEN 1 WHEN 'abstain' THEN 2 "
                    "WHEN 'oppose' THEN 3 WHEN 'absent' THEN 8 ELSE 9 END, s.topic_id, s.document_id, s.span_start, "
                    "s.span_end - s.span_start {} {} WHERE {} ORDER BY s.agenda_item_id, s.actor_id",
                    stance_joins, owned, vote_shaped));
    db.script(
        fmt::format("DELETE FROM stance WHERE id IN (SELECT s.id {} {} WHERE {})", stance_joins, owned, vote_shaped));
}

} // namespace stance::detail
