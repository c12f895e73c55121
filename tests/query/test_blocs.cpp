// Voting blocs on votes simulated with planted blocs: three blocs of ten states, each member voting
// its bloc's way nine times in ten (else at random); in the second session one state changes bloc.
// Louvain, Leiden and the hierarchical cut must recover the planted blocs exactly, the same way run
// after run; the mover must be the only move, with the roll calls that separate its two blocs.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/average_linkage.hpp"
#include "stance/query/blocs.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"
#include "vote_builders.hpp"

using namespace stance;

namespace {

constexpr std::size_t bloc_count = 3;
constexpr std::size_t bloc_size = 10;
constexpr std::size_t roll_calls = 40;
constexpr std::size_t mover = 5; // in bloc 0 in session 1, in bloc 1 in session 2

std::string actor_name(std::size_t actor) {
    return fmt::format("a{:02}", actor);
}

std::size_t planted_bloc(std::size_t actor, int session) {
    return actor == mover && session == 2 ? 1 : actor / bloc_size;
}

constexpr std::array<PositionKind, 3> kinds{PositionKind::support, PositionKind::abstain, PositionKind::oppose};

struct Simulation {
    Dataset data;
    // session → roll call → bloc's vote (index into kinds), and each actor's vote
    std::map<int, std::vector<std::array<std::size_t, bloc_count>>> bloc_votes;
    std::map<int, std::vector<std::vector<std::size_t>>> votes;
};

Simulation simulate(std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::size_t> any_vote(0, 2);
    std::bernoulli_distribution follows(0.9);
    Simulation sim;
    Dataset& d = sim.data;
    for (std::size_t a = 0; a < bloc_count * bloc_size; ++a) {
        d.actors.push_back(Actor{ActorId{actor_name(a)}, ActorKind::state, actor_name(a), "", "", {}});
    }
    d.topics.push_back(test::topic("votes", "Votes"));
    d.bodies.push_back(Body{BodyId{"ga"}, "Assembly", {}, std::nullopt});
    for (const int session : {1, 2}) {
        const std::string id = fmt::format("s{}", session);
        d.meetings.push_back(test::ga_meeting(id.c_str(), id.c_str(), Date{2000 + session, 9, 12}));
        for (std::size_t r = 0; r < roll_calls; ++r) {
            const std::string item = fmt::format("{}-rc{:02}", id, r);
            d.agenda_items.push_back(
                AgendaItem{AgendaItemId{item}, MeetingId{id}, static_cast<int>(r), item, "", "", {}, {}});
            std::array<std::size_t, bloc_count> bloc_vote{};
            for (std::size_t& v : bloc_vote) {
                v = any_vote(random);
            }
            sim.bloc_votes[session].push_back(bloc_vote);
            std::vector<std::size_t> cast;
            for (std::size_t a = 0; a < bloc_count * bloc_size; ++a) {
                const std::size_t vote = follows(random) ? bloc_vote[planted_bloc(a, session)] : any_vote(random);
                cast.push_back(vote);
                Stance s;
                s.id = StanceId{item + "-" + actor_name(a)};
                s.actor = ActorId{actor_name(a)};
                s.topic = TopicId{"votes"};
                s.meeting = MeetingId{id};
                s.agenda_item = AgendaItemId{item};
                s.kind = kinds[vote];
                s.score = default_score(s.kind);
                s.basis = Basis::vote;
                d.stances.push_back(s);
            }
            sim.votes[session].push_back(cast);
        }
    }
    return sim;
}

std::unique_ptr<Store> store_of(const Simulation& sim) {
    auto store = Store::open(":memory:");
    store->import(sim.data);
    return store;
}

/// The planted blocs of a session as sets of ids.
std::set<std::set<std::string>> planted(int session) {
    std::vector<std::set<std::string>> blocs(bloc_count);
    for (std::size_t a = 0; a < bloc_count * bloc_size; ++a) {
        blocs[planted_bloc(a, session)].insert(actor_name(a));
    }
    return {blocs.begin(), blocs.end()};
}

std::set<std::set<std::string>> found(const PeriodBlocs& period) {
    std::set<std::set<std::string>> blocs;
    for (const Bloc& bloc : period.blocs) {
        std::set<std::string> members;
        for (const ActorId& member : bloc.members) {
            members.insert(member.str());
        }
        blocs.insert(members);
    }
    return blocs;
}

VotingBlocs blocs_by(const Store& store, BlocMethodOptions method) {
    const Catalog catalog{store};
    VotingBlocOptions options;
    options.method = method;
    return voting_blocs(store, catalog, options);
}

} // namespace

TEST_CASE("Louvain, Leiden and the hierarchical cut recover planted blocs exactly") {
    const Simulation sim = simulate(2026);
    const auto store = store_of(sim);
    BlocMethodOptions hierarchical;
    hierarchical.method = BlocMethod::hierarchical;
    hierarchical.blocs = 3;
    BlocMethodOptions leiden;
    leiden.method = BlocMethod::leiden;
    for (const BlocMethodOptions& method : {BlocMethodOptions{}, leiden, hierarchical}) {
        CAPTURE(to_string(method.method));
        const VotingBlocs blocs = blocs_by(*store, method);
        REQUIRE(blocs.periods.size() == 2);
        CHECK(found(blocs.periods[0]) == planted(1));
        CHECK(found(blocs.periods[1]) == planted(2));
        REQUIRE(blocs.periods[0].modularity);
        CHECK(*blocs.periods[0].modularity > 0.1);
    }
}

TEST_CASE("the same votes give the same blocs, run after run, and blocs are numbered by size") {
    const auto store = store_of(simulate(7));
    for (const BlocMethod method : {BlocMethod::louvain, BlocMethod::leiden}) {
        BlocMethodOptions options;
        options.method = method;
        const std::string first = to_json(blocs_by(*store, options));
        CHECK(to_json(blocs_by(*store, options)) == first);
        options.seed = 12345; // another random order still finds the planted blocs
        CHECK(found(blocs_by(*store, options).periods[1]) == planted(2));
    }
    const VotingBlocs blocs = blocs_by(*store, {});
    const PeriodBlocs& second = blocs.periods[1];
    REQUIRE(second.blocs.size() == 3);
    CHECK(second.blocs[0].members.size() == 11); // the planted bloc 1 with the mover
    CHECK(second.blocs[1].members.front() == ActorId{"a20"});
    CHECK(second.blocs[1].members.size() == 10);
    CHECK(second.blocs[2].members.front() == ActorId{"a00"}); // without the mover
    CHECK(second.blocs[2].members.size() == 9);
}

TEST_CASE("the mover is the one move, with the roll calls on which it left its old bloc") {
    const Simulation sim = simulate(2026);
    const auto store = store_of(sim);
    const VotingBlocs blocs = blocs_by(*store, {});
    REQUIRE(blocs.moves.size() == 1);
    const BlocMove& move = blocs.moves.front();
    CHECK(move.actor == ActorId{actor_name(mover)});
    CHECK(move.from_period == "s1");
    CHECK(move.to_period == "s2");
    CHECK(move.jaccard == 0.0);
    CHECK(move.old_bloc.size() == bloc_size - 1);
    CHECK(move.new_bloc.size() == bloc_size);
    // Where the two planted blocs voted differently and the mover voted with its new one.
    std::size_t expected = 0;
    for (std::size_t r = 0; r < roll_calls; ++r) {
        const auto& bloc_vote = sim.bloc_votes.at(2)[r];
        if (bloc_vote[0] != bloc_vote[1] && sim.votes.at(2)[r][mover] == bloc_vote[1]) {
            ++expected;
        }
    }
    CHECK(expected > 10);
    CHECK(move.separating_total == expected);
    REQUIRE(move.roll_calls.size() == VotingBlocOptions{}.separating);
    for (const SeparatingRollCall& call : move.roll_calls) {
        CHECK(call.vote != call.old_bloc_vote);
        CHECK(call.new_bloc_share > 0.5);
        CHECK(call.roll_call.str().starts_with("s2-"));
    }
    // Stability: the mover kept none of its co-members; a00 lost only the mover (8 of 9).
    const auto row = [&](const char* id) {
        for (const BlocStability& s : blocs.stability) {
            if (s.actor == ActorId{id}) {
                return s;
            }
        }
        FAIL("no stability row for ", id);
        return BlocStability{};
    };
    CHECK(row("a05").mean_jaccard == 0.0);
    CHECK(row("a05").stayed == 0);
    CHECK(row("a00").mean_jaccard == doctest::Approx(8.0 / 9.0));
    CHECK(row("a00").stayed == 1);
    CHECK(row("a15").mean_jaccard == doctest::Approx(9.0 / 10.0));
}

TEST_CASE("the average-linkage tree cut into k clusters or at a height") {
    const std::array<double, 4> points{0.0, 1.0, 5.0, 6.5};
    const Dendrogram tree =
        average_linkage(points.size(), [&](std::size_t i, std::size_t j) { return std::abs(points[i] - points[j]); });
    REQUIRE(tree.merges.size() == 3);
    CHECK(tree.merges[0].height == 1.0);
    CHECK(tree.merges[1].height == 1.5);
    CHECK(tree.merges[2].height == doctest::Approx((5.0 + 6.5 + 4.0 + 5.5) / 4.0));
    CHECK(cut_into(tree, 2) == std::vector<std::size_t>{0, 0, 1, 1});
    CHECK(cut_into(tree, 1) == std::vector<std::size_t>{0, 0, 0, 0});
    CHECK(cut_into(tree, 9) == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(cut_at(tree, 1.2) == std::vector<std::size_t>{0, 0, 1, 2});
    CHECK(cut_at(tree, 0.5) == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(tree.order == std::vector<std::size_t>{0, 1, 2, 3});
}

TEST_CASE("a threshold cuts ties, and negative ties never attract") {
    // Two pairs that agree, and between them only kappa-like negative ties.
    TieMatrix ties;
    ties.size = 4;
    ties.lowest = -1.0;
    ties.weights.assign(16, -0.5);
    ties.weights[0 * 4 + 1] = ties.weights[1 * 4 + 0] = 0.9;
    ties.weights[2 * 4 + 3] = ties.weights[3 * 4 + 2] = 0.4;
    const Partition two = find_partition(ties, {});
    CHECK(two.bloc_of == std::vector<std::size_t>{0, 0, 1, 1});
    BlocMethodOptions strict;
    strict.threshold = 0.5; // the weaker pair falls apart
    const Partition three = find_partition(ties, strict);
    CHECK(three.blocs == 3);
    CHECK(three.bloc_of[0] == three.bloc_of[1]);
    CHECK(three.bloc_of[2] != three.bloc_of[3]);
    BlocMethodOptions hierarchical;
    hierarchical.method = BlocMethod::hierarchical;
    hierarchical.height = 0.5; // distance (1 - w) / 2: 0.05 and 0.3 merge, 0.75 does not
    CHECK(find_partition(ties, hierarchical).bloc_of == std::vector<std::size_t>{0, 0, 1, 1});
}

TEST_CASE("bloc options that do not fit the method are refused, naming the option") {
    BlocMethodOptions options;
    options.method = BlocMethod::hierarchical;
    CHECK_THROWS_WITH_AS(check_bloc_options(options),
                         doctest::Contains("exactly one of --blocs K (cut into K blocs) or --height H"),
                         invalid_input_error);
    options.height = 1.5;
    CHECK_THROWS_WITH_AS(check_bloc_options(options), doctest::Contains("1.5 is not a distance between 0 and 1"),
                         invalid_input_error);
    BlocMethodOptions louvain;
    louvain.blocs = 3;
    CHECK_THROWS_WITH_AS(check_bloc_options(louvain), doctest::Contains("louvain finds the number of blocs itself"),
                         invalid_input_error);
    louvain.blocs.reset();
    louvain.resolution = 0.0;
    CHECK_THROWS_AS(check_bloc_options(louvain), invalid_input_error);
    CHECK(parse_bloc_method("leiden") == BlocMethod::leiden);
    CHECK_FALSE(parse_bloc_method("kmeans"));
}
