// Recorded votes read where they are (schema version 9's vote table, through the view vote_row):
// the casts as integers with the names of their roll calls and actors read once each, and the
// tallies of an evolution's periods counted by the server (GROUP BY), so that neither read builds a
// stance per vote. The few vote-shaped rows of the stance table (another id prefix on their roll
// call, say) are read as stances and counted alike, as the SQLite store does (vote_reads.cpp).
#include <unordered_map>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/model/vote.hpp"
#include "store/postgres/pg_stance_reads.hpp"
#include "store/postgres/pg_store.hpp"
#include "store/stance_votes.hpp"
#include "store/vote_tally_index.hpp"

namespace stance::detail {

namespace {

std::optional<bool> flag(const PgResult& rows, int row, int column) {
    const std::optional<std::int64_t> value = rows.optional_integer(row, column);
    return value ? std::optional{*value != 0} : std::nullopt;
}

/// Row ids in the order of their first appearance: the indexes of RecordedVotes' lists.
class RowIndex {
public:
    std::uint32_t operator()(std::int64_t row) {
        auto [found, added] = m_index.try_emplace(row, static_cast<std::uint32_t>(m_rows.size()));
        if (added) {
            m_rows.push_back(std::to_string(row));
        }
        return found->second;
    }
    [[nodiscard]] const std::vector<std::string>& rows() const noexcept { return m_rows; }
    [[nodiscard]] std::uint32_t at(std::int64_t row) const { return m_index.at(row); }

private:
    std::unordered_map<std::int64_t, std::uint32_t> m_index;
    std::vector<std::string> m_rows; // as text, for a text[] parameter
};

void read_casts(PgConnection& db, const StanceFilter& filter, RowIndex& roll_calls, RowIndex& actors,
                RecordedVotes& votes) {
    PgParams params;
    const std::string sql = fmt::format("SELECT s.agenda_item_id, s.actor_id, s.vote FROM {} s WHERE true{}",
                                        pg_votes_only, pg_filter_conditions(filter, params));
    PgCursor cursor(db, "vote_casts", sql, params);
    for (PgResult rows = cursor.fetch(); rows.rows() > 0; rows = cursor.fetch()) {
        for (int row = 0; row < rows.rows(); ++row) {
            const std::uint32_t call = roll_calls(rows.integer(row, 0));
            const std::uint32_t actor = actors(rows.integer(row, 1));
            votes.casts.push_back(RecordedVotes::Cast{call, actor, static_cast<VoteCode>(rows.integer(row, 2))});
        }
    }
}

void name_roll_calls(PgConnection& db, const RowIndex& roll_calls, RecordedVotes& votes) {
    votes.roll_calls.resize(roll_calls.rows().size());
    const PgResult rows = db.query("SELECT ai.id, ai.slug, m.slug, m.date, ai.important, ai.amendment, ai.paragraph "
                                   "FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id "
                                   "WHERE ai.id = ANY($1::text[]::bigint[])",
                                   PgParams().text_array(roll_calls.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        RecordedVotes::RollCall& call = votes.roll_calls[roll_calls.at(rows.integer(row, 0))];
        call.id = AgendaItemId{rows.text(row, 1)};
        call.meeting = MeetingId{rows.text(row, 2)};
        call.date = Date::parse(rows.text(row, 3)).value_or(Date{});
        call.flags = RollCallFlags{flag(rows, row, 4), flag(rows, row, 5), flag(rows, row, 6)};
    }
    if (static_cast<std::size_t>(rows.rows()) != votes.roll_calls.size()) {
        throw storage_error("a vote refers to an agenda item the database does not hold: it is damaged");
    }
}

void name_actors(PgConnection& db, const RowIndex& actors, RecordedVotes& votes) {
    votes.actors.resize(actors.rows().size());
    const PgResult rows = db.query("SELECT id, slug FROM actor WHERE id = ANY($1::text[]::bigint[])",
                                   PgParams().text_array(actors.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        votes.actors[actors.at(rows.integer(row, 0))] = ActorId{rows.text(row, 1)};
    }
    if (static_cast<std::size_t>(rows.rows()) != votes.actors.size()) {
        throw storage_error("a vote refers to an actor the database does not hold: it is damaged");
    }
}

/// The vote-shaped stances of the stance table that `filter` selects, added to `votes`.
void add_general_votes(const PgStore& store, const StanceFilter& filter, RecordedVotes& votes) {
    StanceVotes added(votes);
    store.for_each_general_stance(filter, [&](const Stance& stance) {
        added.add(stance, [&] {
            const PgResult date = store.connection().query("SELECT date FROM meeting WHERE slug = $1",
                                                           PgParams().text(stance.meeting.str()));
            return Date::parse(date.text(0, 0)).value_or(Date{});
        });
    });
}

/// The vote table's votes that `filter` selects, counted per (actor, meeting, topic, vote) by the server.
void tally_vote_table(PgConnection& db, const StanceFilter& filter, VoteTallyIndex& tallies) {
    PgParams params;
    const std::string sql = fmt::format(
        "SELECT a.slug, m.slug, t.slug, g.vote, g.n FROM (SELECT s.actor_id, s.meeting_id, s.topic_id, s.vote, "
        "count(*) AS n FROM {} s WHERE true{} GROUP BY 1, 2, 3, 4) g JOIN actor a ON a.id = g.actor_id "
        "JOIN meeting m ON m.id = g.meeting_id JOIN topic t ON t.id = g.topic_id "
        "ORDER BY g.actor_id, g.meeting_id, g.topic_id, g.vote",
        pg_votes_only, pg_filter_conditions(filter, params));
    PgCursor cursor(db, "vote_tallies", sql, params);
    for (PgResult rows = cursor.fetch(); rows.rows() > 0; rows = cursor.fetch()) {
        for (int row = 0; row < rows.rows(); ++row) {
            tallies.add(ActorId{rows.text(row, 0)}, MeetingId{rows.text(row, 1)}, TopicId{rows.text(row, 2)},
                        static_cast<VoteCode>(rows.integer(row, 3)), static_cast<std::size_t>(rows.integer(row, 4)));
        }
    }
}

} // namespace

void PgStore::for_each_general_stance(const StanceFilter& filter,
                                      const std::function<void(const Stance&)>& visit) const {
    stream_stances(filter, "stance", pg_stance_order, visit);
}

RecordedVotes PgStore::recorded_votes(const StanceFilter& filter) const {
    StanceFilter votes_filter = filter;
    votes_filter.text.clear();
    votes_filter.include_named_members = false;
    votes_filter.positions_only = true;
    try {
        const PgReadScope scope(*m_db); // the casts and their names from one state
        RecordedVotes votes;
        RowIndex roll_calls;
        RowIndex actors;
        read_casts(*m_db, votes_filter, roll_calls, actors, votes);
        name_roll_calls(*m_db, roll_calls, votes);
        name_actors(*m_db, actors, votes);
        add_general_votes(*this, votes_filter, votes);
        return votes;
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("reading votes from {}", m_shown));
    }
}

std::vector<VoteTally> PgStore::for_each_stance_tallying_votes(const StanceFilter& filter,
                                                               const std::function<void(const Stance&)>& visit) const {
    try {
        const PgReadScope scope(*m_db);
        VoteTallyIndex tallies;
        for_each_general_stance(filter, [&](const Stance& stance) {
            if (is_vote_shaped(stance)) {
                tallies.add(stance.actor, stance.meeting, stance.topic, *vote_code(stance.kind));
            } else {
                visit(stance);
            }
        });
        if (filter.text.empty()) { // votes have no quote to search
            tally_vote_table(*m_db, filter, tallies);
        }
        return std::move(tallies).release();
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("reading stances from {}", m_shown));
    }
}

} // namespace stance::detail
