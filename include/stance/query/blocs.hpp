// Voting blocs: groups of actors that vote alike, found in each period's agreement matrix
// (stance/query/agreement.hpp) by modularity community detection (Louvain or Leiden, igraph's
// implementations) or by average-linkage hierarchical clustering (stance/query/average_linkage.hpp)
// cut into k blocs or at a height; then, across periods, how stable each actor's bloc is, which
// actors moved, and the roll calls on which a mover voted with its new bloc against its old one.
// Any recorded votes, not only the UN's. The partition itself works on any symmetric ties
// (TieMatrix), so the statement congruence network makes blocs too (stance/network/blocs.hpp).
// Definitions and face validity on the UN data: docs/blocs.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/vote.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/agreement_weight.hpp"

namespace stance {

class Catalog;
class Store;

enum class BlocMethod : std::uint8_t { louvain, leiden, hierarchical };

/// "louvain", "leiden" or "hierarchical".
[[nodiscard]] std::optional<BlocMethod> parse_bloc_method(std::string_view text) noexcept;
[[nodiscard]] std::string_view to_string(BlocMethod method) noexcept;

/// How ties become blocs.
struct BlocMethodOptions {
    BlocMethod method = BlocMethod::louvain;
    /// Only ties whose weight is at least this count; the others are no tie at all.
    std::optional<double> threshold;
    /// Hierarchical only, exactly one of the two: cut the tree into this many blocs, or make only
    /// the merges at or below this height (a distance between 0 and 1, docs/blocs.md).
    std::optional<std::size_t> blocs;
    std::optional<double> height;
    /// Louvain and Leiden: modularity's resolution; above 1 gives more and smaller blocs.
    double resolution = 1.0;
    /// Louvain and Leiden visit nodes in a random order: igraph's generator is seeded with this
    /// before every run, so the same ties give the same blocs, run after run.
    std::uint64_t seed = 42;
};

/// Symmetric ties between `size` items: a weight per pair, nothing where there is none, and the
/// range the measure can take (share 0 to 1; kappa and S -1 to 1; a statement count 0 to its maximum).
struct TieMatrix {
    std::size_t size = 0;
    std::vector<std::optional<double>> weights; ///< Row-major, size squared; the diagonal is ignored.
    double lowest = 0.0;
    double highest = 1.0;

    [[nodiscard]] const std::optional<double>& at(std::size_t i, std::size_t j) const {
        return weights.at(i * size + j);
    }
};

/// The ties of an agreement matrix, weighed by one figure.
[[nodiscard]] TieMatrix agreement_ties(const AgreementMatrix& matrix, AgreementWeight weight);

struct Partition {
    /// Each item's bloc: 0 is the largest bloc; of blocs of one size, the one with the lowest item first.
    std::vector<std::size_t> bloc_of;
    std::size_t blocs = 0;
    /// Newman's modularity of the partition on the positive ties that count (for every method, so
    /// that they can be compared); nothing when there is no such tie.
    std::optional<double> modularity;
};

/// The blocs of the items. Louvain and Leiden use the ties of positive weight at or above the
/// threshold (modularity needs non-negative weights); hierarchical clustering takes the distance
/// (highest - weight) / (highest - lowest), and 1 where there is no tie. Throws invalid_input_error
/// for options that do not fit the method.
[[nodiscard]] Partition find_partition(const TieMatrix& ties, const BlocMethodOptions& options);

/// Checks the options before any data is read; throws invalid_input_error naming the option.
void check_bloc_options(const BlocMethodOptions& options);

struct Bloc {
    std::vector<ActorId> members; ///< In id order.
    std::vector<std::string> names;
};

struct PeriodBlocs {
    std::string period; ///< The session meeting id ("unga-35") or the year.
    std::string label;
    Date first;
    Date last;
    std::size_t roll_calls = 0;
    std::vector<Bloc> blocs; ///< Largest first, numbered from 1 in the output.
    std::optional<double> modularity;
};

/// How an actor's bloc held from one period to the next, over every pair of consecutive periods in
/// which it voted: the Jaccard index of its co-members (its bloc without itself) in the two, both
/// restricted to actors that voted in both periods (1 when it was alone both times).
struct BlocStability {
    ActorId actor;
    std::string name;
    std::size_t pairs = 0;     ///< Consecutive period pairs in which it voted in both.
    double mean_jaccard = 0.0; ///< Over those pairs.
    std::size_t stayed = 0;    ///< Pairs with a Jaccard index of at least VotingBlocOptions::stay_threshold.
};

/// A roll call on which a mover voted with its new bloc against its old one: the new bloc's most
/// common vote (without the mover and anyone in both blocs) differs from the old bloc's, and the
/// mover cast the new bloc's.
struct SeparatingRollCall {
    AgendaItemId roll_call;
    std::string title;
    std::string code; ///< The resolution or document code, where there is one.
    Date date;
    VoteCode vote = VoteCode::yes; ///< The mover's, the new bloc's most common.
    VoteCode old_bloc_vote = VoteCode::no;
    double new_bloc_share = 0.0; ///< Of the new bloc's members that voted, the share that cast `vote`.
    double old_bloc_share = 0.0; ///< Of the old bloc's members that voted, the share that cast old_bloc_vote.
};

struct BlocMove {
    ActorId actor;
    std::string name;
    std::string from_period;
    std::string to_period;
    double jaccard = 0.0;
    std::vector<ActorId> old_bloc; ///< Co-members in `from_period` (actors that voted in both periods).
    std::vector<ActorId> new_bloc; ///< Co-members in `to_period`.
    /// The clearest ones first (the larger of the two shares' sum), at most VotingBlocOptions::separating.
    std::vector<SeparatingRollCall> roll_calls;
    std::size_t separating_total = 0; ///< All such roll calls of `to_period`.
};

struct VotingBlocOptions {
    std::optional<TopicId> topic;
    std::optional<Date> from; ///< Inclusive.
    std::optional<Date> to;
    /// Only these sessions (top-level meetings, with everything held within them); empty: all.
    std::vector<MeetingId> sessions;
    Period by = Period::session; ///< session, year or meeting.
    RollCallFilter roll_calls;
    AgreementWeight weight = AgreementWeight::share;
    BlocMethodOptions method;
    /// A consecutive pair with a co-member Jaccard index below this is a move.
    double stay_threshold = 0.5;
    std::size_t separating = 5; ///< Separating roll calls listed per move.
};

struct VotingBlocs {
    VotingBlocOptions options;
    std::vector<PeriodBlocs> periods;     ///< In time order.
    std::vector<BlocStability> stability; ///< One per actor in two consecutive periods, by id.
    std::vector<BlocMove> moves;          ///< In time order, then by actor id.
};

/// The blocs of every period, their stability and the moves. Throws not_found_error for an unknown
/// topic or session, invalid_input_error for options that do not fit the method.
[[nodiscard]] VotingBlocs voting_blocs(const Store& store, const Catalog& catalog, const VotingBlocOptions& options);

/// JSON for `stance blocs votes --format json`: {"method", "weight", "threshold", "seed", "topic",
/// "roll_call_filter", "periods", "stability", "moves"}; docs/blocs.md shows each part. No trailing newline.
[[nodiscard]] std::string to_json(const VotingBlocs& blocs);

} // namespace stance
