// Recorded votes straight from the vote table, as integers: the read the vote matrix needs for a
// whole history in a fraction of a second (Store::recorded_votes builds full stances instead).
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stance/error.hpp"
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
void add_general_votes(ReadStatements& statements, const StanceFilter& filter, RecordedVotes& votes) {
    const ReadStatements::Lease lease =
        statements(std::string(general_stance_select) + general_conditions(filter) +
                   " AND s.agenda_item_id IS NOT NULL AND s.quote = '' AND s.note = ''");
    SQLite::Statement& query = *lease;
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

RecordedVotes::RollCall roll_call_of(const KeyNames& names, std::int64_t item) {
    const KeyNames::RollCall* call = names.roll_call(item);
    const KeyNames::MeetingNames* meeting = call ? names.meeting(call->meeting) : nullptr;
    if (meeting == nullptr) {
        throw storage_error(fmt::format("a vote refers to agenda item row {}, which is no roll call of a stored "
                                        "meeting: the database is damaged; run stance check",
                                        item));
    }
    return RecordedVotes::RollCall{call->item, meeting->id, meeting->date, call->flags};
}

} // namespace

RecordedVotes SqliteStore::recorded_votes(const StanceFilter& filter) const try {
    StanceFilter votes_filter = filter;
    votes_filter.text.clear();
    votes_filter.include_named_members = false;
    votes_filter.positions_only = true;

    const std::unique_ptr<ReadSnapshot> snapshot = read_snapshot(); // the names and the votes from one state
    m_names.refresh(m_db, m_reads);
    RecordedVotes votes;
    Index index;
    // The agenda item and meeting are joined only when a condition needs them: for a whole
    // history, that join is most of the read.
    const bool by_meeting = !votes_filter.meetings.empty() || votes_filter.from || votes_filter.to;
    const ReadStatements::Lease casts_lease =
        m_reads(std::string("SELECT v.agenda_item_id, v.actor_id, v.vote FROM vote v ") +
                (by_meeting ? "JOIN agenda_item ai ON ai.id = v.agenda_item_id "
                              "JOIN meeting m ON m.id = ai.meeting_id "
                            : "") +
                "WHERE 1 = 1" + vote_conditions(votes_filter)); // VoteBook orders them by roll call
    SQLite::Statement& casts = *casts_lease;
    bind_filter(casts, votes_filter);
    // The rows come grouped by roll call (the table's key), so the roll call's index is looked up
    // only when it changes.
    std::int64_t last_item = 0;
    std::uint32_t last_call = 0;
    while (casts.executeStep()) {
        const std::int64_t item = casts.getColumn(0).getInt64();
        if (item != last_item || votes.roll_calls.empty()) {
            auto [call, new_call] =
                index.roll_calls.try_emplace(item, static_cast<std::uint32_t>(votes.roll_calls.size()));
            if (new_call) {
                votes.roll_calls.push_back(roll_call_of(m_names, item));
            }
            last_item = item;
            last_call = call->second;
        }
        const std::int64_t actor_row = casts.getColumn(1).getInt64();
        auto [actor, new_actor] = index.actors.try_emplace(actor_row, static_cast<std::uint32_t>(votes.actors.size()));
        if (new_actor) {
            const ActorId* slug = m_names.actor(actor_row);
            if (slug == nullptr) {
                throw storage_error(
                    fmt::format("a vote refers to actor row {}, which {} does not hold: the database is "
                                "damaged; run stance check",
                                actor_row, m_path));
            }
            votes.actors.push_back(*slug);
        }
        votes.casts.push_back(
            RecordedVotes::Cast{last_call, actor->second, static_cast<VoteCode>(casts.getColumn(2).getInt())});
    }
    add_general_votes(m_reads, votes_filter, votes);
    return votes;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading votes from {}", m_path));
}

} // namespace stance::detail
