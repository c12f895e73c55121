// Counting recorded votes per (actor, meeting, topic, vote) into a list of VoteTally, one entry per
// key however many sources add to it: the store's default tallying and the SQLite one (which counts
// the vote table and the vote-shaped rows of the general table into the same list) share it.
#pragma once

#include <cstddef>
#include <map>
#include <tuple>
#include <vector>

#include "stance/store/store.hpp"

namespace stance::detail {

class VoteTallyIndex {
public:
    void add(const ActorId& actor, const MeetingId& meeting, const TopicId& topic, VoteCode vote,
             std::size_t count = 1) {
        auto [found, added] = m_index.try_emplace({actor, meeting, topic, vote}, m_tallies.size());
        if (added) {
            m_tallies.push_back(VoteTally{actor, meeting, topic, vote, 0});
        }
        m_tallies[found->second].count += count;
    }

    [[nodiscard]] std::vector<VoteTally> release() && { return std::move(m_tallies); }

private:
    std::map<std::tuple<ActorId, MeetingId, TopicId, VoteCode>, std::size_t> m_index; // → position in m_tallies
    std::vector<VoteTally> m_tallies;
};

} // namespace stance::detail
