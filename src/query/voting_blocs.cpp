// Voting blocs per period, their stability and the moves between them (stance/query/blocs.hpp):
// the votes are read once, each period's agreement matrix is partitioned, and consecutive periods
// are compared actor by actor (bloc_moves.cpp finds the roll calls that separate a mover's blocs).
#include <algorithm>
#include <unordered_map>

#include "query/bloc_moves.hpp"
#include "query/vote_periods.hpp"
#include "stance/query/blocs.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"

namespace stance {

namespace {

StanceFilter blocs_filter(const Catalog& catalog, const VotingBlocOptions& options) {
    StanceFilter filter = vote_filter(catalog, options.topic, options.from, options.to);
    for (const MeetingId& session : options.sessions) {
        const std::vector<MeetingId> within = meeting_with_descendants(catalog, session);
        filter.meetings.insert(filter.meetings.end(), within.begin(), within.end());
    }
    return filter;
}

PeriodBlocs period_blocs(const AgreementMatrix& matrix, const PeriodRollCalls& period, const Partition& partition) {
    PeriodBlocs out{period.key, period.label, period.first, period.last, period.roll_calls.size(), {}, {}};
    out.blocs.resize(partition.blocs);
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        Bloc& bloc = out.blocs[partition.bloc_of[i]];
        bloc.members.push_back(matrix.actors[i]);
        bloc.names.push_back(matrix.names[i]);
    }
    out.modularity = partition.modularity;
    return out;
}

/// Accumulates each actor's stability over the consecutive pairs it is in.
void add_stability(std::unordered_map<ActorId, BlocStability>& stability, const PeriodPair& pair,
                   const std::vector<ActorJaccard>& jaccards, double stay_threshold) {
    for (const ActorJaccard& actor : jaccards) {
        BlocStability& row = stability[actor.actor];
        row.actor = actor.actor;
        row.name = pair.later->names[actor.later_row];
        row.mean_jaccard += actor.jaccard; // a sum until the end
        ++row.pairs;
        row.stayed += actor.jaccard >= stay_threshold ? 1 : 0;
    }
}

} // namespace

VotingBlocs voting_blocs(const Store& store, const Catalog& catalog, const VotingBlocOptions& options) {
    catalog.check_built_from(store);
    check_bloc_options(options.method);
    VotingBlocs result;
    result.options = options;
    const VoteBook book = votes_reaching(store, catalog, blocs_filter(catalog, options));
    const std::vector<PeriodRollCalls> periods = periods_of(book, catalog, options.by, options.roll_calls);
    std::vector<PeriodPartition> partitions;
    for (const PeriodRollCalls& period : periods) {
        AgreementMatrix matrix = agreement_matrix_of(book, catalog, period, options.topic);
        Partition partition = find_partition(agreement_ties(matrix, options.weight), options.method);
        result.periods.push_back(period_blocs(matrix, period, partition));
        partitions.push_back({&period, std::move(matrix.actors), std::move(matrix.names), std::move(partition)});
    }
    std::unordered_map<ActorId, BlocStability> stability;
    for (std::size_t p = 1; p < partitions.size(); ++p) {
        const PeriodPair pair{&partitions[p - 1], &partitions[p]};
        const std::vector<ActorJaccard> jaccards = co_member_jaccards(pair);
        add_stability(stability, pair, jaccards, options.stay_threshold);
        for (const ActorJaccard& actor : jaccards) {
            if (actor.jaccard < options.stay_threshold) {
                result.moves.push_back(bloc_move(book, catalog, pair, actor, options.separating));
            }
        }
    }
    for (auto& [actor, row] : stability) {
        row.mean_jaccard /= static_cast<double>(row.pairs);
        result.stability.push_back(std::move(row));
    }
    std::sort(result.stability.begin(), result.stability.end(),
              [](const BlocStability& a, const BlocStability& b) { return a.actor < b.actor; });
    return result;
}

} // namespace stance
