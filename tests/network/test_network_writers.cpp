// GraphML, GEXF and CSV as written: the structure the published schemas require (checked here by
// reading the files back with an XML parser; tests/cli/network.cmake validates real files against
// the XSDs themselves, docs/networks.md), hostile names round-tripping exactly, and time slices as
// GEXF spells.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "stance/network/network.hpp"
#include "stance/network/write.hpp"

using namespace stance;
using boost::property_tree::ptree;

namespace {

const std::string hostile = R"(<Évian & "Ιθάκη"> 'Київ' ]]> العربية)";

Network small_network() {
    Network network;
    network.description = "test <network>";
    network.weight_meaning = "congruence, jaccard";
    network.frequency_name = "statements";
    network.edge_columns = {{"raw_weight", AttributeType::number}};
    network.nodes = {{"nld", "Netherlands", {}}, {"x-1", hostile, {}}, {"usa", "United States", {}}};
    add_node_column(network, {"name", AttributeType::string},
                    [](const NetworkNode& node) { return node.id == "usa" ? std::string{} : node.label; });
    network.slices = {{"2014", Date{2014, 1, 1}, Date{2014, 12, 31}}, {"2022", Date{2022, 1, 1}, Date{2022, 12, 31}}};
    network.edges = {{0, 1, 0.5, 3, std::nullopt, {"2"}}, {0, 1, 1.0, 2, 1, {"1"}}, {0, 2, 0.25, 1, 0, {"1"}}};
    return network;
}

ptree parse(const std::string& text) {
    std::istringstream in(text);
    ptree tree;
    boost::property_tree::read_xml(in, tree); // throws on a document that is not well-formed
    return tree;
}

std::string attribute(const ptree& element, const std::string& name) {
    return element.get<std::string>("<xmlattr>." + name);
}

} // namespace

TEST_CASE("GraphML: keys before the graph, every data key declared, every edge end a node") {
    std::ostringstream out;
    write_graphml(out, small_network());
    const ptree root = parse(out.str()).get_child("graphml");
    CHECK(attribute(root, "xmlns") == "http://graphml.graphdrawing.org/xmlns");
    std::set<std::string> keys;
    bool graph_seen = false;
    std::map<std::string, std::string> labels; // node id -> label
    std::size_t edges = 0;
    for (const auto& [name, child] : root) {
        if (name == "key") {
            CHECK_FALSE(graph_seen); // graphml: desc?, key*, (graph | data)*
            keys.insert(attribute(child, "id"));
        } else if (name == "graph") {
            graph_seen = true;
            CHECK(attribute(child, "edgedefault") == "undirected");
            for (const auto& [kind, element] : child) {
                if (kind == "node" || kind == "edge") {
                    for (const auto& [field, data] : element) {
                        if (field == "data") {
                            CHECK(keys.count(attribute(data, "key")) == 1);
                            if (kind == "node" && attribute(data, "key") == "label") {
                                labels[attribute(element, "id")] = data.data();
                            }
                        }
                    }
                }
                if (kind == "edge") {
                    ++edges;
                    CHECK(labels.count(attribute(element, "source")) == 1);
                    CHECK(labels.count(attribute(element, "target")) == 1);
                }
            }
            CHECK(child.get<std::string>("desc") == "test <network>");
        }
    }
    CHECK(graph_seen);
    CHECK(edges == 1); // GraphML holds the whole period only
    CHECK(labels.at("n1") == hostile);
}

TEST_CASE("GEXF: declared attributes, node ids as given, slices as spells and dynamic weights") {
    std::ostringstream out;
    write_gexf(out, small_network());
    const ptree root = parse(out.str()).get_child("gexf");
    CHECK(attribute(root, "xmlns") == "http://gexf.net/1.3");
    CHECK(attribute(root, "version") == "1.3");
    const ptree& graph = root.get_child("graph");
    CHECK(attribute(graph, "mode") == "dynamic");
    CHECK(attribute(graph, "timeformat") == "date");
    std::set<std::string> declared;
    std::map<std::string, std::string> labels;
    std::map<std::string, const ptree*> edges;
    std::size_t edge_blocks = 0; // readers such as graphology's keep only the last block of a class
    for (const auto& [name, child] : graph) {
        if (name == "attributes") {
            if (attribute(child, "class") == "edge") {
                ++edge_blocks;
            }
            for (const auto& [tag, declaration] : child) {
                if (tag == "attribute") {
                    declared.insert(attribute(declaration, "id"));
                }
            }
        } else if (name == "nodes") {
            for (const auto& [tag, node] : child) {
                labels[attribute(node, "id")] = attribute(node, "label");
            }
        } else if (name == "edges") {
            for (const auto& [tag, edge] : child) {
                edges[attribute(edge, "source") + "-" + attribute(edge, "target")] = &edge;
                CHECK(labels.count(attribute(edge, "source")) == 1);
                CHECK(labels.count(attribute(edge, "target")) == 1);
                for (const auto& [field, value] : edge.get_child("attvalues")) {
                    CHECK(declared.count(attribute(value, "for")) == 1);
                }
            }
        }
    }
    CHECK(edge_blocks == 1);
    CHECK(labels.at("x-1") == hostile);
    REQUIRE(edges.size() == 2); // one per pair of nodes
    const ptree& both = *edges.at("nld-x-1");
    CHECK(attribute(both, "weight") == "0.5");
    std::size_t spells = 0;
    for (const auto& [tag, spell] : both.get_child("spells")) {
        CHECK(attribute(spell, "start") == "2022-01-01");
        CHECK(attribute(spell, "end") == "2022-12-31");
        ++spells;
    }
    CHECK(spells == 1);
    const ptree& sliced_only = *edges.at("nld-usa");
    CHECK_FALSE(sliced_only.get_optional<std::string>("<xmlattr>.weight")); // no tie over the whole period
}

TEST_CASE("GEXF of a network without slices is static") {
    Network network = small_network();
    network.slices.clear();
    network.edges.resize(1);
    std::ostringstream out;
    write_gexf(out, network);
    CHECK(attribute(parse(out.str()).get_child("gexf.graph"), "mode") == "static");
    CHECK(out.str().find("<spells>") == std::string::npos);
}

TEST_CASE("CSV edge list with Gephi's column names; node list with the attributes") {
    std::ostringstream edges;
    write_edge_csv(edges, small_network());
    CHECK(edges.str() == "Source,Target,Type,Weight,statements,Slice,Start,End,raw_weight\n"
                         "nld,x-1,Undirected,0.5,3,,,,2\n"
                         "nld,x-1,Undirected,1,2,2022,2022-01-01,2022-12-31,1\n"
                         "nld,usa,Undirected,0.25,1,2014,2014-01-01,2014-12-31,1\n");
    std::ostringstream nodes;
    write_node_csv(nodes, small_network());
    CHECK(nodes.str() == "Id,Label,name\nnld,Netherlands,Netherlands\nx-1,\"" +
                             std::string(R"(<Évian & ""Ιθάκη""> 'Київ' ]]> العربية)") + "\",\"" +
                             R"(<Évian & ""Ιθάκη""> 'Київ' ]]> العربية)" + "\"\nusa,United States,\n");
}

TEST_CASE("a control character in a name becomes U+FFFD and the file stays well-formed") {
    Network network = small_network();
    network.nodes[0].label = std::string("bad\x01name\0", 9);
    std::ostringstream out;
    write_graphml(out, network);
    const ptree graph = parse(out.str()).get_child("graphml.graph");
    bool found = false;
    for (const auto& [kind, node] : graph) {
        if (kind == "node" && attribute(node, "id") == "n0") {
            for (const auto& [field, data] : node) {
                if (field == "data" && attribute(data, "key") == "label") {
                    CHECK(data.data() == "bad\xEF\xBF\xBDname\xEF\xBF\xBD");
                    found = true;
                }
            }
        }
    }
    CHECK(found);
}
