// Comparing the blocs of two consecutive periods actor by actor: each actor's co-members in both,
// their Jaccard index, and for an actor that moved, the roll calls on which it voted with its new
// bloc against its old one. Shared by voting_blocs.cpp only; separated because it is the part of
// the blocs that reads individual votes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "query/vote_periods.hpp"
#include "stance/query/blocs.hpp"

namespace stance {

/// One period's partition, with the actors of its rows (in id order).
struct PeriodPartition {
    const PeriodRollCalls* period = nullptr;
    std::vector<ActorId> actors;
    std::vector<std::string> names;
    Partition partition;
};

struct PeriodPair {
    const PeriodPartition* earlier = nullptr;
    const PeriodPartition* later = nullptr;
};

/// An actor of both periods, with its co-members in each (actors of both periods only).
struct ActorJaccard {
    ActorId actor;
    std::size_t later_row = 0;
    double jaccard = 1.0;
    std::vector<ActorId> old_bloc;
    std::vector<ActorId> new_bloc;
};

/// Every actor that voted in both periods, in id order.
[[nodiscard]] std::vector<ActorJaccard> co_member_jaccards(const PeriodPair& pair);

/// The move of `actor` from its earlier bloc to its later one, with at most `listed` separating
/// roll calls of the later period.
[[nodiscard]] BlocMove bloc_move(const VoteBook& book, const Catalog& catalog, const PeriodPair& pair,
                                 const ActorJaccard& actor, std::size_t listed);

} // namespace stance
