// Discourse networks on the bundled coded statements: the seed report (NATO, 2017) and the eight
// states' general-debate files (2014, 2022-2024).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "network_data.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/network/statement_network.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"

using namespace stance;

namespace {

std::size_t node_index(const Network& network, const std::string& id) {
    const auto found = std::find_if(network.nodes.begin(), network.nodes.end(),
                                    [&](const NetworkNode& node) { return node.id == id; });
    REQUIRE(found != network.nodes.end());
    return static_cast<std::size_t>(found - network.nodes.begin());
}

const NetworkEdge* edge_between(const Network& network, const std::string& first, const std::string& second,
                                std::optional<std::size_t> slice = std::nullopt) {
    const std::size_t a = node_index(network, first);
    const std::size_t b = node_index(network, second);
    for (const NetworkEdge& edge : network.edges) {
        if (edge.slice == slice && ((edge.source == a && edge.target == b) || (edge.source == b && edge.target == a))) {
            return &edge;
        }
    }
    return nullptr;
}

Network congruence(const Store& store, Normalization normalization) {
    const Catalog catalog{store};
    StatementNetworkOptions options;
    options.normalization = normalization;
    return statement_network(store, catalog, options);
}

} // namespace

// The Netherlands and the United States, from the coded stances (every one a position for, none
// against, on the claims both took up; no score is coded, so each is support = +1):
//   claim (proposition)                                     NL  US  product
//   all-states-support-ukraine                               4   2    8
//   condemn-russian-war-of-aggression                        3   2    6
//   hold-russia-to-account                                   2   1    2
//   honour-wales-defence-spending-commitments (2017 seed)    1   1    1
//   mh17-unhindered-access-crash-site                        1   1    1
//   russia-is-the-aggressor                                  2   3    6
//   russia-responsible-for-war-hunger                        3   1    3
//   russian-force-violates-ukraine-territorial-integrity     1   3    3
//   russian-war-justification-false                          2   1    2
//   stop-russian-aggression                                  4   1    4
//   war-assault-on-un-charter-concerns-all                   5   4   20
//   sum                                                     28  20   56
// NL has 74 statements in all, the US 52 (seed and general debates, every basis but votes).
TEST_CASE("congruence NL-USA on the bundled statements, weighed as DNA does") {
    const auto store = test::bundled_statements();
    const Network none = congruence(*store, Normalization::none);
    const NetworkEdge* tie = edge_between(none, "nld", "usa");
    REQUIRE(tie != nullptr);
    CHECK(tie->weight == doctest::Approx(56.0));
    CHECK(tie->frequency == 48); // 28 + 20 statements on the shared claims
    // average activity: 56 / ((74 + 52) / 2) = 56 / 63
    CHECK(edge_between(congruence(*store, Normalization::average), "nld", "usa")->weight ==
          doctest::Approx(56.0 / 63.0));
    // jaccard: NL alone 74 - 28 = 46, US alone 52 - 20 = 32, both 56: 56 / 134
    CHECK(edge_between(congruence(*store, Normalization::jaccard), "nld", "usa")->weight ==
          doctest::Approx(56.0 / 134.0));
    // cosine as DNA computes it: 56 / (74 x 52)
    CHECK(edge_between(congruence(*store, Normalization::cosine), "nld", "usa")->weight ==
          doctest::Approx(56.0 / 3848.0));
}

TEST_CASE("actor nodes carry names and codes, and the network says what its weight is") {
    const auto store = test::bundled_statements();
    const Network network = congruence(*store, Normalization::jaccard);
    const NetworkNode& nld = network.nodes[node_index(network, "nld")];
    CHECK(nld.label == "Netherlands");
    REQUIRE(network.node_columns.size() == nld.values.size());
    const auto column = [&](const std::string& name) {
        const auto found = std::find_if(network.node_columns.begin(), network.node_columns.end(),
                                        [&](const AttributeColumn& c) { return c.name == name; });
        REQUIRE(found != network.node_columns.end());
        return static_cast<std::size_t>(found - network.node_columns.begin());
    };
    CHECK(nld.values[column("iso3")] == "NLD");
    CHECK(nld.values[column("iso2")] == "NL");
    CHECK(nld.values[column("type")] == "actor");
    CHECK(network.weight_meaning == "congruence, jaccard");
}

TEST_CASE("conflict ties need opposite positions on the same claim") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.kind = StatementNetworkKind::conflict;
    const Network network = statement_network(*store, catalog, options);
    CHECK(edge_between(network, "nld", "usa") == nullptr); // never against each other
    REQUIRE(edge_between(network, "rus", "ukr") != nullptr);
    CHECK(edge_between(network, "rus", "ukr")->weight > 0.0);
}

TEST_CASE("year slices: the 2017 NATO meeting is the only year NL and the US shared a claim in that year") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.slice_by_year = true;
    const Network network = statement_network(*store, catalog, options);
    const auto year = std::find_if(network.slices.begin(), network.slices.end(),
                                   [](const TimeSlice& slice) { return slice.label == "2017"; });
    REQUIRE(year != network.slices.end());
    CHECK(year->first == Date{2017, 1, 1});
    CHECK(year->last == Date{2017, 12, 31});
    const auto index = static_cast<std::size_t>(year - network.slices.begin());
    const NetworkEdge* tie = edge_between(network, "nld", "usa", index);
    REQUIRE(tie != nullptr);
    CHECK(tie->weight == doctest::Approx(1.0));              // honour-wales-defence-spending-commitments, 1 x 1
    REQUIRE(edge_between(network, "nld", "usa") != nullptr); // the whole period is still there
}

TEST_CASE("--from/--to window: the 2014 debates alone") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.from = Date{2014, 1, 1};
    options.to = Date{2014, 12, 31};
    const Network network = statement_network(*store, catalog, options);
    const NetworkEdge* tie = edge_between(network, "nld", "usa");
    REQUIRE(tie != nullptr);
    CHECK(tie->weight >= 1.0); // mh17-unhindered-access-crash-site at least
    CHECK(tie->weight < 56.0);
}

TEST_CASE("two-mode: actor x claim, weight the number of statements, the mean score as an attribute") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.kind = StatementNetworkKind::two_mode;
    const Network network = statement_network(*store, catalog, options);
    const NetworkEdge* edge = edge_between(network, "nld", "proposition:war-assault-on-un-charter-concerns-all");
    REQUIRE(edge != nullptr);
    CHECK(edge->weight == doctest::Approx(5.0));
    CHECK(edge->frequency == 5);
    CHECK(edge->values.at(0) == "1");
    CHECK(network.nodes[node_index(network, "proposition:war-assault-on-un-charter-concerns-all")].values.at(0) ==
          "claim");
}

TEST_CASE("a normalisation on a two-mode network is refused with what to do") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.kind = StatementNetworkKind::two_mode;
    options.normalization = Normalization::jaccard;
    CHECK_THROWS_WITH_AS((void)statement_network(*store, catalog, options),
                         "network: normalisation 'jaccard' applies to congruence and conflict networks only; leave "
                         "it out for a two-mode network",
                         invalid_input_error);
}
