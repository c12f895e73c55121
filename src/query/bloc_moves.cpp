// Co-member Jaccard indices and separating roll calls (bloc_moves.hpp).
#include "query/bloc_moves.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "stance/query/catalog.hpp"

namespace stance {

namespace {

/// Rows of the actors that voted in both periods: (earlier row, later row), in id order.
std::vector<std::pair<std::size_t, std::size_t>> common_rows(const PeriodPair& pair) {
    std::vector<std::pair<std::size_t, std::size_t>> rows;
    const std::vector<ActorId>& a = pair.earlier->actors;
    const std::vector<ActorId>& b = pair.later->actors;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            rows.emplace_back(i++, j++);
        }
    }
    return rows;
}

double jaccard(const std::vector<ActorId>& a, const std::vector<ActorId>& b) {
    if (a.empty() && b.empty()) {
        return 1.0; // alone both times: nothing changed
    }
    std::vector<ActorId> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return static_cast<double>(both.size()) / static_cast<double>(a.size() + b.size() - both.size());
}

/// Yes, abstain and no counted over a set of actors on one roll call.
struct VoteTally {
    std::array<std::size_t, 3> counts{};

    [[nodiscard]] std::size_t total() const { return counts[0] + counts[1] + counts[2]; }
    /// The most common vote (index 0 yes, 1 abstain, 2 no); of equal counts, none: no clear vote.
    [[nodiscard]] std::optional<std::size_t> clear_vote() const {
        const auto top = static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
        if (counts[top] == 0 || std::count(counts.begin(), counts.end(), counts[top]) > 1) {
            return std::nullopt;
        }
        return top;
    }
    [[nodiscard]] double share(std::size_t vote) const {
        return static_cast<double>(counts[vote]) / static_cast<double>(total());
    }
};

std::optional<std::size_t> vote_index(VoteCode code) {
    switch (code) {
    case VoteCode::yes: return 0;
    case VoteCode::abstain: return 1;
    case VoteCode::no: return 2;
    default: return std::nullopt;
    }
}

constexpr std::array<VoteCode, 3> vote_codes{VoteCode::yes, VoteCode::abstain, VoteCode::no};

std::unordered_set<std::uint32_t> book_indices(const VoteBook& book, const std::vector<ActorId>& actors) {
    std::unordered_set<ActorId> wanted(actors.begin(), actors.end());
    std::unordered_set<std::uint32_t> indices;
    for (std::size_t i = 0; i < book.votes().actors.size(); ++i) {
        if (wanted.contains(book.votes().actors[i])) {
            indices.insert(static_cast<std::uint32_t>(i));
        }
    }
    return indices;
}

/// The members of `a` that are not in `b` (both sorted).
std::vector<ActorId> only_in(const std::vector<ActorId>& a, const std::vector<ActorId>& b) {
    std::vector<ActorId> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

struct Sides {
    std::unordered_set<std::uint32_t> old_side;
    std::unordered_set<std::uint32_t> new_side;
    std::uint32_t mover = 0;
};

std::optional<SeparatingRollCall> separating(const VoteBook& book, const Catalog& catalog, std::uint32_t roll_call,
                                             const Sides& sides) {
    VoteTally old_votes;
    VoteTally new_votes;
    std::optional<std::size_t> mover_vote;
    for (const RecordedVotes::Cast& cast : book.casts(roll_call)) {
        const std::optional<std::size_t> vote = vote_index(cast.vote);
        if (!vote) {
            continue;
        }
        if (cast.actor == sides.mover) {
            mover_vote = vote;
        }
        if (sides.old_side.contains(cast.actor)) {
            ++old_votes.counts[*vote];
        }
        if (sides.new_side.contains(cast.actor)) {
            ++new_votes.counts[*vote];
        }
    }
    const std::optional<std::size_t> old_vote = old_votes.clear_vote();
    const std::optional<std::size_t> new_vote = new_votes.clear_vote();
    if (!mover_vote || !old_vote || !new_vote || *old_vote == *new_vote || *mover_vote != *new_vote) {
        return std::nullopt;
    }
    const RecordedVotes::RollCall& call = book.votes().roll_calls[roll_call];
    SeparatingRollCall out;
    out.roll_call = call.id;
    out.date = call.date;
    if (const AgendaItem* item = catalog.find(call.id)) {
        out.title = item->title;
        out.code = item->code;
    }
    out.vote = vote_codes[*new_vote];
    out.old_bloc_vote = vote_codes[*old_vote];
    out.new_bloc_share = new_votes.share(*new_vote);
    out.old_bloc_share = old_votes.share(*old_vote);
    return out;
}

} // namespace

std::vector<ActorJaccard> co_member_jaccards(const PeriodPair& pair) {
    const auto rows = common_rows(pair);
    const Partition& before = pair.earlier->partition;
    const Partition& after = pair.later->partition;
    std::vector<ActorJaccard> out;
    for (const auto& [e, l] : rows) {
        ActorJaccard actor{pair.later->actors[l], l, 1.0, {}, {}};
        for (const auto& [other_e, other_l] : rows) {
            if (other_l == l) {
                continue;
            }
            if (before.bloc_of[other_e] == before.bloc_of[e]) {
                actor.old_bloc.push_back(pair.later->actors[other_l]);
            }
            if (after.bloc_of[other_l] == after.bloc_of[l]) {
                actor.new_bloc.push_back(pair.later->actors[other_l]);
            }
        }
        actor.jaccard = jaccard(actor.old_bloc, actor.new_bloc);
        out.push_back(std::move(actor));
    }
    return out;
}

BlocMove bloc_move(const VoteBook& book, const Catalog& catalog, const PeriodPair& pair, const ActorJaccard& actor,
                   std::size_t listed) {
    BlocMove move;
    move.actor = actor.actor;
    move.name = pair.later->names[actor.later_row];
    move.from_period = pair.earlier->period->key;
    move.to_period = pair.later->period->key;
    move.jaccard = actor.jaccard;
    move.old_bloc = actor.old_bloc;
    move.new_bloc = actor.new_bloc;
    // The sides are the members of one bloc and not the other; a mover that is alone in its new bloc
    // is its own new side. One that was alone before has no old bloc to vote against.
    const std::vector<ActorId> old_only = only_in(actor.old_bloc, actor.new_bloc);
    std::vector<ActorId> new_only = only_in(actor.new_bloc, actor.old_bloc);
    if (old_only.empty()) {
        return move;
    }
    if (new_only.empty()) {
        new_only.push_back(actor.actor);
    }
    const std::unordered_set<std::uint32_t> mover = book_indices(book, {actor.actor});
    if (mover.empty()) {
        return move; // cannot happen: the mover voted in the later period
    }
    Sides sides{book_indices(book, old_only), book_indices(book, new_only), *mover.begin()};
    for (const std::uint32_t roll_call : pair.later->period->roll_calls) {
        if (std::optional<SeparatingRollCall> found = separating(book, catalog, roll_call, sides)) {
            move.roll_calls.push_back(std::move(*found));
        }
    }
    move.separating_total = move.roll_calls.size();
    std::stable_sort(move.roll_calls.begin(), move.roll_calls.end(),
                     [](const SeparatingRollCall& a, const SeparatingRollCall& b) {
                         const double x = a.new_bloc_share + a.old_bloc_share;
                         const double y = b.new_bloc_share + b.old_bloc_share;
                         return x != y ? x > y : std::tie(a.date, a.roll_call) < std::tie(b.date, b.roll_call);
                     });
    move.roll_calls.resize(std::min(listed, move.roll_calls.size()));
    return move;
}

} // namespace stance
