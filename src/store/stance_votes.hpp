// Vote-shaped stances read as stances, added to a RecordedVotes: what both backends' vote reads do
// with the few votes that sit in the general stance table (another id prefix on their roll call,
// say) after reading the vote table's own (vote_reads.cpp, postgres/pg_vote_reads.cpp). Internal.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "stance/model/stance.hpp"
#include "stance/model/vote.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

class StanceVotes {
public:
    /// Adds to `votes`; the roll calls and actors it lists already keep their indexes.
    explicit StanceVotes(RecordedVotes& votes) : m_votes(votes) {}

    /// Adds `stance` when it is vote-shaped. `meeting_date()` is asked only for a roll call not
    /// listed yet: a vote's date is its meeting's (it has no statement date of its own).
    template <class MeetingDate> void add(const Stance& stance, MeetingDate&& meeting_date) {
        if (!is_vote_shaped(stance)) {
            return;
        }
        index_listed();
        auto [call, new_call] = m_roll_calls.try_emplace(*stance.agenda_item, m_votes.roll_calls.size());
        if (new_call) {
            m_votes.roll_calls.push_back(
                RecordedVotes::RollCall{*stance.agenda_item, stance.meeting, meeting_date(), {}});
        }
        auto [actor, new_actor] = m_actors.try_emplace(stance.actor, m_votes.actors.size());
        if (new_actor) {
            m_votes.actors.push_back(stance.actor);
        }
        m_votes.casts.push_back(RecordedVotes::Cast{call->second, actor->second, *vote_code(stance.kind)});
    }

private:
    /// Indexes what `votes` listed before the first vote-shaped stance: not at all when there is none,
    /// the usual case.
    void index_listed() {
        if (m_indexed) {
            return;
        }
        for (std::uint32_t i = 0; i < m_votes.roll_calls.size(); ++i) {
            m_roll_calls.emplace(m_votes.roll_calls[i].id, i);
        }
        for (std::uint32_t i = 0; i < m_votes.actors.size(); ++i) {
            m_actors.emplace(m_votes.actors[i], i);
        }
        m_indexed = true;
    }

    RecordedVotes& m_votes;
    std::unordered_map<AgendaItemId, std::uint32_t> m_roll_calls;
    std::unordered_map<ActorId, std::uint32_t> m_actors;
    bool m_indexed = false;
};

} // namespace stance::detail
