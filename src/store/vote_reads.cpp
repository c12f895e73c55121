// Recorded votes straight from the vote table, as integers: the read the vote matrix needs for a
// whole history in a fraction of a second (Store::recorded_votes builds full stances instead), and
// the tallies an evolution's periods count (Store::for_each_stance_tallying_votes).
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/columns.hpp"
#include "store/sqlite_store.hpp"
#include "store/stance_reads.hpp"
#include "store/stance_votes.hpp"
#include "store/vote_tally_index.hpp"

namespace stance::detail {

namespace {

// Vote-shaped stances that sit in the general table (another id prefix on their roll call, say)
// are recorded votes too; there are few or none, so they are read as stances.
void add_general_votes(ReadStatements& statements, const StanceFilter& filter, RecordedVotes& votes) {
    const ReadStatements::Lease lease =
        statements(std::string(general_stance_select) + general_conditions(filter) +
                   " AND s.agenda_item_id IS NOT NULL AND s.quote = '' AND s.note = ''");
    SQLite::Statement& query = *lease;
    bind_filter(query, filter);
    StanceVotes added(votes);
    while (query.executeStep()) {
        added.add(read_stance(query),
                  [&query] { return Date::parse(query.getColumn(24).getString()).value_or(Date{}); });
    }
}

[[noreturn]] void not_a_roll_call(std::int64_t item) {
    throw storage_error(fmt::format("a vote refers to agenda item row {}, which is no roll call of a stored "
                                    "meeting: the database is damaged; run stance check",
                                    item));
}

std::uint32_t roll_call_ordinal(const KeyNames& names, std::int64_t item) {
    const KeyNames::RollCall* call = names.roll_call(item);
    if (call == nullptr) {
        not_a_roll_call(item);
    }
    return call->ordinal;
}

RecordedVotes::RollCall roll_call_of(const KeyNames& names, std::int64_t item) {
    const KeyNames::RollCall* call = names.roll_call(item);
    const KeyNames::MeetingNames* meeting = call ? names.meeting(call->meeting) : nullptr;
    if (meeting == nullptr) {
        not_a_roll_call(item);
    }
    return RecordedVotes::RollCall{call->item, meeting->id, meeting->date, call->flags};
}

// The vote table's rows that `filter` selects, counted per row ids of (actor, meeting, topic, vote).
// Counted here rather than by a GROUP BY: the meeting comes from the roll call's names, so that the
// agenda item and meeting are joined only when a condition needs them, as in recorded_votes.
void tally_vote_table(ReadStatements& statements, const KeyNames& names, const StanceFilter& filter,
                      VoteTallyIndex& tallies) {
    const ReadStatements::Lease lease = statements(
        std::string("SELECT v.actor_id, v.agenda_item_id, v.topic_id, v.vote FROM vote v ") +
        (vote_conditions_need_meeting(filter) ? vote_meeting_join : "") + "WHERE 1 = 1" + vote_conditions(filter));
    SQLite::Statement& rows = *lease;
    bind_filter(rows, filter);
    std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t, int>, std::size_t> counts;
    while (rows.executeStep()) {
        const std::int64_t item = rows.getColumn(1).getInt64();
        const KeyNames::RollCall* call = names.roll_call(item);
        if (call == nullptr) {
            throw storage_error(fmt::format("a vote refers to agenda item row {}, which is no roll call: the "
                                            "database is damaged; run stance check",
                                            item));
        }
        ++counts[{rows.getColumn(0).getInt64(), call->meeting, rows.getColumn(2).getInt64(),
                  rows.getColumn(3).getInt()}];
    }
    for (const auto& [key, count] : counts) {
        const auto& [actor, meeting, topic, vote] = key;
        const ActorId* actor_id = names.actor(actor);
        const KeyNames::MeetingNames* meeting_names = names.meeting(meeting);
        const TopicId* topic_id = names.topic(topic);
        if (actor_id == nullptr || meeting_names == nullptr || topic_id == nullptr) {
            throw storage_error(fmt::format("a vote refers to actor row {}, meeting row {} or topic row {}, which "
                                            "the database does not hold: it is damaged; run stance check",
                                            actor, meeting, topic));
        }
        tallies.add(*actor_id, meeting_names->id, *topic_id, static_cast<VoteCode>(vote), count);
    }
}

} // namespace

std::vector<VoteTally>
SqliteStore::for_each_stance_tallying_votes(const StanceFilter& filter,
                                            const std::function<void(const Stance&)>& visit) const try {
    const std::unique_ptr<ReadSnapshot> snapshot = read_snapshot(); // the names and the rows from one state
    m_names.refresh(m_db, m_reads);
    VoteTallyIndex tallies;
    // The general table in for_each_stance's order (effective date, meeting, id: columns 25, 6, 1);
    // its few vote-shaped rows are counted like the vote table's.
    const ReadStatements::Lease general =
        m_reads(std::string(general_stance_select) + general_conditions(filter) + " ORDER BY 25, 6, 1");
    bind_filter(*general, filter);
    while (general->executeStep()) {
        const Stance stance = read_stance(*general);
        if (is_vote_shaped(stance)) {
            tallies.add(stance.actor, stance.meeting, stance.topic, *vote_code(stance.kind));
        } else {
            visit(stance);
        }
    }
    if (filter.text.empty()) { // votes have no quote to search
        tally_vote_table(m_reads, m_names, filter, tallies);
    }
    return std::move(tallies).release();
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading stances from {}", m_path));
}

RecordedVotes SqliteStore::recorded_votes(const StanceFilter& filter) const try {
    StanceFilter votes_filter = filter;
    votes_filter.text.clear();
    votes_filter.include_named_members = false;
    votes_filter.positions_only = true;

    const std::unique_ptr<ReadSnapshot> snapshot = read_snapshot(); // the names and the votes from one state
    m_names.refresh(m_db, m_reads);
    RecordedVotes votes;
    // The agenda item and meeting are joined only when a condition needs them: for a whole
    // history, that join is most of the read.
    const ReadStatements::Lease casts_lease =
        m_reads(std::string("SELECT v.agenda_item_id, v.actor_id, v.vote FROM vote v ") +
                (vote_conditions_need_meeting(votes_filter) ? vote_meeting_join : "") + "WHERE 1 = 1" +
                vote_conditions(votes_filter)); // VoteBook orders them by roll call
    SQLite::Statement& casts = *casts_lease;
    bind_filter(casts, votes_filter);
    // Each roll call's index in `votes`, by its ordinal in the names: a vector, not a hash map,
    // as a read of one or two countries (agreement) looks a roll call up for every vote.
    constexpr std::uint32_t unlisted = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> call_index(m_names.roll_call_count(), unlisted);
    std::unordered_map<std::int64_t, std::uint32_t> actor_index; // actor row → index
    // Rows come grouped by roll call (the table's key) or, when actors are named, by actor (the
    // index on them), so the last lookup of each is kept.
    std::int64_t last_item = 0;
    std::uint32_t last_call = 0;
    std::int64_t last_actor_row = 0;
    std::uint32_t last_actor = unlisted;
    while (casts.executeStep()) {
        const std::int64_t item = casts.getColumn(0).getInt64();
        if (item != last_item || votes.roll_calls.empty()) {
            const std::uint32_t ordinal = roll_call_ordinal(m_names, item);
            if (call_index[ordinal] == unlisted) {
                call_index[ordinal] = static_cast<std::uint32_t>(votes.roll_calls.size());
                votes.roll_calls.push_back(roll_call_of(m_names, item));
            }
            last_item = item;
            last_call = call_index[ordinal];
        }
        const std::int64_t actor_row = casts.getColumn(1).getInt64();
        if (actor_row != last_actor_row || last_actor == unlisted) {
            auto [actor, new_actor] =
                actor_index.try_emplace(actor_row, static_cast<std::uint32_t>(votes.actors.size()));
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
            last_actor_row = actor_row;
            last_actor = actor->second;
        }
        votes.casts.push_back(
            RecordedVotes::Cast{last_call, last_actor, static_cast<VoteCode>(casts.getColumn(2).getInt())});
    }
    add_general_votes(m_reads, votes_filter, votes);
    return votes;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading votes from {}", m_path));
}

} // namespace stance::detail
