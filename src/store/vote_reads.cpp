// Recorded votes straight from the vote table, as integers: the read the vote matrix needs for a
// whole history in a fraction of a second (Store::recorded_votes builds full stances instead).
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "store/columns.hpp"
#include "store/sqlite_store.hpp"
#include "store/stance_reads.hpp"

namespace stance::detail {

namespace {

struct Index {
    std::unordered_map<std::int64_t, std::uint32_t> roll_calls; // agenda item row → index
    std::unordered_map<std::int64_t, std::uint32_t> actors;     // actor row → index
};

// Vote-shaped stances that sit in the general table (another id prefix on their roll call, say)
// are recorded votes too; there are few or none, so they are read as stances.
void add_general_votes(SQLite::Database& db, const StanceFilter& filter, RecordedVotes& votes) {
    SQLite::Statement query(db, std::string(general_stance_select) + general_conditions(filter) +
                                    " AND s.agenda_item_id IS NOT NULL AND s.quote = '' AND s.note = ''");
    bind_filter(query, filter);
    std::unordered_map<AgendaItemId, std::uint32_t> roll_calls;
    std::unordered_map<ActorId, std::uint32_t> actors;
    bool indexed = false;
    while (query.executeStep()) {
        const Stance stance = read_stance(query);
        if (!is_vote_shaped(stance)) {
            continue;
        }
        if (!indexed) {
            for (std::uint32_t i = 0; i < votes.roll_calls.size(); ++i) {
                roll_calls.emplace(votes.roll_calls[i].id, i);
            }
            for (std::uint32_t i = 0; i < votes.actors.size(); ++i) {
                actors.emplace(votes.actors[i], i);
            }
            indexed = true;
        }
        auto [call, new_call] = roll_calls.try_emplace(*stance.agenda_item, votes.roll_calls.size());
        if (new_call) {
            const Date date = Date::parse(query.getColumn(24).getString()).value_or(Date{});
            votes.roll_calls.push_back(RecordedVotes::RollCall{*stance.agenda_item, stance.meeting, date, {}});
        }
        auto [actor, new_actor] = actors.try_emplace(stance.actor, votes.actors.size());
        if (new_actor) {
            votes.actors.push_back(stance.actor);
        }
        votes.casts.push_back(RecordedVotes::Cast{call->second, actor->second, *vote_code(stance.kind)});
    }
}

} // namespace

RecordedVotes SqliteStore::recorded_votes(const StanceFilter& filter) const try {
    StanceFilter votes_filter = filter;
    votes_filter.text.clear();
    votes_filter.include_named_members = false;
    votes_filter.positions_only = true;

    RecordedVotes votes;
    Index index;
    std::unordered_map<std::int64_t, RecordedVotes::RollCall> roll_calls;
    {
        SQLite::Statement query(m_db, "SELECT ai.id, ai.slug, m.slug, m.date, ai.important, ai.amendment, "
                                      "ai.paragraph FROM roll_call rc "
                                      "JOIN agenda_item ai ON ai.id = rc.agenda_item_id "
                                      "JOIN meeting m ON m.id = ai.meeting_id");
        while (query.executeStep()) {
            roll_calls.emplace(query.getColumn(0).getInt64(),
                               RecordedVotes::RollCall{AgendaItemId{query.getColumn(1).getString()},
                                                       MeetingId{query.getColumn(2).getString()},
                                                       Date::parse(query.getColumn(3).getString()).value_or(Date{}),
                                                       RollCallFlags{optional_flag(query.getColumn(4)),
                                                                     optional_flag(query.getColumn(5)),
                                                                     optional_flag(query.getColumn(6))}});
        }
    }
    std::unordered_map<std::int64_t, ActorId> actor_slugs;
    {
        SQLite::Statement query(m_db, "SELECT id, slug FROM actor");
        while (query.executeStep()) {
            actor_slugs.emplace(query.getColumn(0).getInt64(), ActorId{query.getColumn(1).getString()});
        }
    }
    // The agenda item and meeting are joined only when a condition needs them: for a whole
    // history, that join is most of the read.
    const bool by_meeting = !votes_filter.meetings.empty() || votes_filter.from || votes_filter.to;
    SQLite::Statement casts(m_db, std::string("SELECT v.agenda_item_id, v.actor_id, v.vote FROM vote v ") +
                                      (by_meeting ? "JOIN agenda_item ai ON ai.id = v.agenda_item_id "
                                                    "JOIN meeting m ON m.id = ai.meeting_id "
                                                  : "") +
                                      "WHERE 1 = 1" + vote_conditions(votes_filter) + " ORDER BY v.agenda_item_id");
    bind_filter(casts, votes_filter);
    while (casts.executeStep()) {
        const std::int64_t item = casts.getColumn(0).getInt64();
        auto [call, new_call] = index.roll_calls.try_emplace(item, static_cast<std::uint32_t>(votes.roll_calls.size()));
        if (new_call) {
            votes.roll_calls.push_back(roll_calls.at(item));
        }
        const std::int64_t actor_row = casts.getColumn(1).getInt64();
        auto [actor, new_actor] = index.actors.try_emplace(actor_row, static_cast<std::uint32_t>(votes.actors.size()));
        if (new_actor) {
            votes.actors.push_back(actor_slugs.at(actor_row));
        }
        votes.casts.push_back(
            RecordedVotes::Cast{call->second, actor->second, static_cast<VoteCode>(casts.getColumn(2).getInt())});
    }
    add_general_votes(m_db, votes_filter, votes);
    return votes;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading votes from {}", m_path));
}

} // namespace stance::detail
