// The agreement network on the small real UN fixture (tests/data/unga).
#include <doctest/doctest.h>

#include "network_data.hpp"
#include "stance/network/vote_network.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

using namespace stance;

namespace {

/// The session of the fixture with the most roll calls, as the agreement query sees it.
AgreementMatrix busiest_session(const Store& store, const Catalog& catalog) {
    AgreementMatrix busiest;
    agreement_matrices(store, catalog, {}, [&](const AgreementMatrix& matrix) {
        if (matrix.roll_calls > busiest.roll_calls) {
            busiest = matrix;
        }
    });
    return busiest;
}

} // namespace

TEST_CASE("every tie of a session's agreement network is the agreement matrix's figure for the pair") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    const AgreementMatrix matrix = busiest_session(*store, catalog);
    REQUIRE(matrix.roll_calls >= 2);
    for (const AgreementWeight weight : {AgreementWeight::share, AgreementWeight::kappa, AgreementWeight::s_score}) {
        VoteNetworkOptions options;
        options.weight = weight;
        const Network network = vote_network(matrix, catalog, options);
        REQUIRE(network.nodes.size() == matrix.actors.size());
        REQUIRE_FALSE(network.edges.empty());
        for (const NetworkEdge& edge : network.edges) {
            const AgreementCounts& counts = matrix.at(edge.source, edge.target); // nodes in matrix order
            const auto expected = weight == AgreementWeight::share   ? counts.share()
                                  : weight == AgreementWeight::kappa ? counts.kappa()
                                                                     : counts.s_score();
            REQUIRE(expected);
            CHECK(edge.weight == doctest::Approx(*expected));
            CHECK(edge.frequency == counts.n);
        }
    }
}

TEST_CASE("a threshold keeps only the ties that reach it") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    const AgreementMatrix matrix = busiest_session(*store, catalog);
    const Network all = vote_network(matrix, catalog);
    VoteNetworkOptions options;
    options.threshold = 0.9;
    const Network strong = vote_network(matrix, catalog, options);
    std::size_t reaching = 0;
    for (const NetworkEdge& edge : all.edges) {
        reaching += edge.weight >= 0.9 ? 1 : 0;
    }
    CHECK(strong.edges.size() == reaching);
    CHECK(strong.edges.size() < all.edges.size());
    for (const NetworkEdge& edge : strong.edges) {
        CHECK(edge.weight >= 0.9);
    }
}

TEST_CASE("per session: one slice per session with its first and last voting day, and the whole range") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    AgreementMatricesOptions periods;
    periods.by = Period::session;
    const Network network = vote_network_by_period(*store, catalog, periods);
    std::size_t sessions = 0;
    agreement_matrices(*store, catalog, periods, [&](const AgreementMatrix&) { ++sessions; });
    REQUIRE(network.slices.size() == sessions);
    for (const TimeSlice& slice : network.slices) {
        const Meeting& session = catalog.meeting(MeetingId{slice.label});
        CHECK(slice.first == session.date);
        CHECK(slice.last == session.last_day());
    }
    const bool whole_range =
        std::any_of(network.edges.begin(), network.edges.end(), [](const NetworkEdge& edge) { return !edge.slice; });
    CHECK(whole_range);
    CHECK(network.frequency_name == "roll_calls");
}
