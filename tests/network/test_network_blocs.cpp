// Blocs on real data: the UN fixture's votes (tests/data/unga) and the bundled coded statements,
// and blocs and ideal points as node attributes that every writer carries.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "network_data.hpp"
#include "stance/error.hpp"
#include "stance/network/blocs.hpp"
#include "stance/network/statement_network.hpp"
#include "stance/network/vote_network.hpp"
#include "stance/network/write.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

using namespace stance;

namespace {

/// Each member's bloc number (from 1).
std::map<std::string, std::size_t> bloc_numbers(const PeriodBlocs& period) {
    std::map<std::string, std::size_t> out;
    for (std::size_t b = 0; b < period.blocs.size(); ++b) {
        for (const ActorId& member : period.blocs[b].members) {
            CHECK(out.emplace(member.str(), b + 1).second); // every actor in one bloc only
        }
    }
    return out;
}

std::string value_of(const Network& network, const std::string& node, const std::string& column) {
    const auto c = std::find_if(network.node_columns.begin(), network.node_columns.end(),
                                [&](const AttributeColumn& col) { return col.name == column; });
    REQUIRE(c != network.node_columns.end());
    for (const NetworkNode& n : network.nodes) {
        if (n.id == node) {
            return n.values.at(static_cast<std::size_t>(c - network.node_columns.begin()));
        }
    }
    FAIL("no node ", node);
    return {};
}

} // namespace

TEST_CASE("the UN fixture's blocs are the partition of its agreement matrix, every voter in one") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    VotingBlocOptions options;
    options.by = Period::none;
    const VotingBlocs blocs = voting_blocs(*store, catalog, options);
    REQUIRE(blocs.periods.size() == 1);
    AgreementMatricesOptions whole;
    whole.by = Period::none;
    agreement_matrices(*store, catalog, whole, [&](const AgreementMatrix& matrix) {
        const Partition partition = find_partition(agreement_ties(matrix, AgreementWeight::share), {});
        const std::map<std::string, std::size_t> numbers = bloc_numbers(blocs.periods.front());
        REQUIRE(numbers.size() == matrix.actors.size());
        for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
            CHECK(numbers.at(matrix.actors[i].str()) == partition.bloc_of[i] + 1);
        }
        CHECK(blocs.periods.front().roll_calls == matrix.roll_calls);
    });
    REQUIRE(blocs.periods.front().modularity);
    CHECK(*blocs.periods.front().modularity > 0.0);
    CHECK(blocs.periods.front().blocs.size() >= 2);
}

TEST_CASE("a vote network carries each actor's bloc and ideal point as node attributes") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    const MeetingId session = unga_session_meeting(45);
    Network network = vote_network(agreement_matrix(*store, catalog, session), catalog);
    VotingBlocOptions options;
    options.sessions = {session};
    options.by = Period::none;
    const VotingBlocs blocs = voting_blocs(*store, catalog, options);
    REQUIRE(blocs.periods.size() == 1);
    add_bloc_column(network, blocs.periods.front());
    IdealPointOptions points_options;
    points_options.sessions = {session};
    const IdealPoints points = ideal_points(*store, catalog, points_options);
    REQUIRE(points.sessions.size() == 1);
    add_ideal_point_columns(network, points.sessions.front());
    const std::map<std::string, std::size_t> numbers = bloc_numbers(blocs.periods.front());
    std::size_t with_point = 0;
    for (const NetworkNode& node : network.nodes) {
        CHECK(value_of(network, node.id, "bloc") == std::to_string(numbers.at(node.id)));
        const std::string point = value_of(network, node.id, "ideal_point");
        if (!point.empty()) {
            ++with_point;
            CHECK(std::stod(value_of(network, node.id, "ideal_point_lower")) <= std::stod(point));
            CHECK(std::stod(point) <= std::stod(value_of(network, node.id, "ideal_point_upper")));
        }
    }
    CHECK(with_point == points.sessions.front().actors.size());
    CHECK(with_point > 0);
    std::ostringstream graphml;
    write_graphml(graphml, network);
    CHECK(graphml.str().find("attr.name=\"bloc\" attr.type=\"double\"") != std::string::npos);
    CHECK(graphml.str().find("attr.name=\"ideal_point\"") != std::string::npos);
}

TEST_CASE("blocs of the bundled statements: the Western states together, Russia apart") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.normalization = Normalization::jaccard;
    const Network network = statement_network(*store, catalog, options);
    const PeriodBlocs blocs = network_blocs(network, {});
    const std::map<std::string, std::size_t> numbers = bloc_numbers(blocs);
    CHECK(numbers.size() == network.nodes.size());
    CHECK(numbers.at("nld") == numbers.at("usa"));
    CHECK(numbers.at("nld") == numbers.at("gbr"));
    CHECK(numbers.at("rus") != numbers.at("nld"));
    CHECK(numbers.at("rus") != numbers.at("ukr"));
    StatementNetworkOptions two_mode;
    two_mode.kind = StatementNetworkKind::conflict;
    two_mode.from = Date{1900, 1, 1};
    two_mode.to = Date{1900, 12, 31};
    CHECK_THROWS_AS((void)network_blocs(statement_network(*store, catalog, two_mode), {}), invalid_input_error);
}
