// Schema version 4's data step: vote-shaped stances of version 3 move to the vote table, by the
// same rule the import session applies (model/vote.hpp, vote_rows.hpp).
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "stance/model/vote.hpp"
#include "store/stance_reads.hpp"
#include "store/vote_rows.hpp"

namespace stance::detail {

void move_vote_shaped_stances(SQLite::Database& db) {
    // Candidates only (on an agenda item, with a vote kind), in id order so that the first vote on a
    // roll call fixes its prefix, as the first import did.
    const std::string sql =
        std::string(general_stance_select) +
        " AND s.basis = 'vote' AND s.agenda_item_id IS NOT NULL AND s.kind IN ('support', 'abstain', 'oppose', "
        "'absent', 'not_member') AND s.meeting_id = ai.meeting_id"
        " ORDER BY s.id";
    SQLite::Statement candidates(db, sql);
    std::vector<std::pair<VoteRow, std::string>> moves;
    {
        SQLite::Statement ids(db, "SELECT s.agenda_item_id, s.actor_id, s.topic_id, s.document_id FROM stance s "
                                  "JOIN agenda_item ai ON ai.id = s.agenda_item_id WHERE s.slug = ?");
        VoteRows votes(db);
        while (candidates.executeStep()) {
            const Stance stance = read_stance(candidates);
            if (!is_vote_shaped(stance)) {
                continue;
            }
            ids.reset();
            ids.bind(1, stance.id.str());
            if (!ids.executeStep()) {
                continue;
            }
            VoteRow row;
            row.agenda_item = ids.getColumn(0).getInt64();
            row.actor = ids.getColumn(1).getInt64();
            row.vote = *vote_code(stance.kind);
            row.topic = ids.getColumn(2).getInt64();
            if (!ids.getColumn(3).isNull()) {
                row.document = ids.getColumn(3).getInt64();
                row.span_start = static_cast<std::int64_t>(stance.source->start);
                row.span_length = static_cast<std::int64_t>(stance.source->end - stance.source->start);
            }
            const std::string& id = stance.id.str();
            if (votes.accept_prefix(row.agenda_item, id.substr(0, id.size() - stance.actor.str().size()))) {
                moves.emplace_back(row, id);
            }
        }
        // Written after the read, so the rows deleted from the general table are not the ones being read.
        for (const auto& [row, slug] : moves) {
            votes.write(row, slug);
        }
        votes.finish();
    }
}

} // namespace stance::detail
