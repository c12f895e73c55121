// Blocs on real data: the UN fixture's votes (tests/data/unga) and the bundled coded statements,
// and blocs and ideal points as node attributes that every writer carries.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "network_data.hpp"
#include "stance/chart/seriation.hpp"
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

TEST_CASE("the heatmap of a session runs through the blocs of `stance blocs votes`, one bloc after another") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    const MeetingId session = unga_session_meeting(45);
    const AgreementMatrix matrix = agreement_matrix(*store, catalog, session);
    VotingBlocOptions options;
    options.sessions = {session};
    const VotingBlocs blocs = voting_blocs(*store, catalog, options);
    REQUIRE(blocs.periods.size() == 1);
    const std::map<std::string, std::size_t> numbers = bloc_numbers(blocs.periods.front());
    const chart::HeatmapOrder heatmap = chart::heatmap_order(matrix);
    REQUIRE(heatmap.order.size() == matrix.actors.size());
    REQUIRE(heatmap.bloc_sizes.size() == blocs.periods.front().blocs.size());
    REQUIRE(heatmap.bloc_sizes.size() >= 2);
    std::size_t row = 0;
    for (std::size_t b = 0; b < heatmap.bloc_sizes.size(); ++b) {
        CHECK(heatmap.bloc_sizes[b] == blocs.periods.front().blocs[b].members.size());
        for (std::size_t k = 0; k < heatmap.bloc_sizes[b]; ++k, ++row) {
            CHECK(numbers.at(matrix.actors[heatmap.order[row]].str()) == b + 1); // contiguous: bloc b's rows
        }
    }
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

TEST_CASE("a time-sliced GEXF carries each session's bloc as a dynamic attribute with the session's dates") {
    const auto store = test::imported_unga_fixture();
    const Catalog catalog{*store};
    AgreementMatricesOptions periods;
    periods.by = Period::session;
    Network network = vote_network_by_period(*store, catalog, periods);
    REQUIRE(network.slices.size() >= 2);
    VotingBlocOptions options;
    options.by = Period::session;
    const VotingBlocs blocs = voting_blocs(*store, catalog, options);
    REQUIRE(blocs.periods.size() == network.slices.size());
    add_slice_bloc_column(network, blocs.periods);
    std::ostringstream out;
    write_gexf(out, network);

    // Read back: what each node's slice_bloc says in each spell must be its bloc in that session.
    std::map<std::string, std::map<std::string, std::size_t>> expected; // session → actor → bloc
    std::map<std::string, std::string> session_of;                      // "start/end" → session
    for (std::size_t p = 0; p < blocs.periods.size(); ++p) {
        expected[blocs.periods[p].period] = bloc_numbers(blocs.periods[p]);
        session_of[network.slices[p].first.iso() + "/" + network.slices[p].last.iso()] = network.slices[p].label;
    }
    std::istringstream in(out.str());
    boost::property_tree::ptree tree;
    boost::property_tree::read_xml(in, tree);
    const auto& graph = tree.get_child("gexf.graph");
    bool declared_dynamic = false;
    std::size_t values = 0;
    std::set<std::string> sessions_seen;
    for (const auto& [name, child] : graph) {
        if (name == "attributes" && child.get<std::string>("<xmlattr>.class") == "node") {
            CHECK(child.get<std::string>("<xmlattr>.mode") == "dynamic");
            for (const auto& [tag, declaration] : child) {
                declared_dynamic = declared_dynamic ||
                                   (tag == "attribute" && declaration.get<std::string>("<xmlattr>.id") == "slice_bloc");
            }
        }
        if (name != "nodes") {
            continue;
        }
        for (const auto& [tag, node] : child) {
            const std::string id = node.get<std::string>("<xmlattr>.id");
            std::set<std::string> sessions_of_node;
            for (const auto& [field, value] : node.get_child("attvalues")) {
                if (value.get<std::string>("<xmlattr>.for") != "slice_bloc") {
                    continue;
                }
                const std::string spell =
                    value.get<std::string>("<xmlattr>.start") + "/" + value.get<std::string>("<xmlattr>.end");
                REQUIRE(session_of.count(spell) == 1);
                const std::string& session = session_of.at(spell);
                CHECK(sessions_of_node.insert(session).second); // one value per session
                CAPTURE(id);
                CAPTURE(session);
                CHECK(value.get<std::size_t>("<xmlattr>.value") == expected.at(session).at(id));
                sessions_seen.insert(session);
                ++values;
            }
            // An actor has a value in exactly the sessions in which it voted.
            std::size_t voted_in = 0;
            for (const auto& [session, members] : expected) {
                voted_in += members.count(id);
            }
            CHECK(sessions_of_node.size() == voted_in);
        }
    }
    CHECK(declared_dynamic);
    CHECK(sessions_seen.size() == network.slices.size());
    std::size_t memberships = 0;
    for (const auto& [session, members] : expected) {
        memberships += members.size();
    }
    CHECK(values == memberships);
    CHECK(out.str().find("attvalue for=\"slice_bloc\"") != std::string::npos);
    std::ostringstream graphml;
    write_graphml(graphml, network);
    CHECK(graphml.str().find("slice_bloc") == std::string::npos); // GraphML has no time
}

TEST_CASE("the blocs of each year of the statements are the blocs of that year's ties") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    StatementNetworkOptions options;
    options.normalization = Normalization::jaccard;
    options.slice_by_year = true;
    Network network = statement_network(*store, catalog, options);
    const std::vector<PeriodBlocs> per_year = network_slice_blocs(network, {});
    REQUIRE_FALSE(per_year.empty());
    for (const PeriodBlocs& year : per_year) {
        CAPTURE(year.period);
        const auto slice = std::find_if(network.slices.begin(), network.slices.end(),
                                        [&](const TimeSlice& s) { return s.label == year.period; });
        REQUIRE(slice != network.slices.end());
        const auto index = static_cast<std::size_t>(slice - network.slices.begin());
        // Every member has a tie in that year; every actor with a tie that year is in a bloc.
        std::set<std::string> tied;
        for (const NetworkEdge& edge : network.edges) {
            if (edge.slice == index && edge.weight > 0.0) {
                tied.insert(network.nodes[edge.source].id);
                tied.insert(network.nodes[edge.target].id);
            }
        }
        CHECK(bloc_numbers(year).size() == tied.size());
        for (const auto& [member, bloc] : bloc_numbers(year)) {
            CHECK(tied.count(member) == 1);
        }
    }
    add_slice_bloc_column(network, per_year);
    std::ostringstream out;
    write_gexf(out, network);
    CHECK(out.str().find("<attvalue for=\"slice_bloc\" value=\"1\" start=\"2022-01-01\" end=\"2022-12-31\"/>") !=
          std::string::npos);
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
