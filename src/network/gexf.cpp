// GEXF 1.3 (gexf.net), Gephi's own format. A network with time slices is written as a dynamic graph
// (timeformat date): each pair of nodes is one edge, with a spell for every slice in which it has a
// tie and its weight in that slice as a dynamic "weight" attribute, which Gephi's timeline plays.
// The edge's static weight and attributes are those of the whole period. A node attribute with a
// value per slice (Network::slice_node_columns) is dynamic the same way.
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "stance/network/write.hpp"
#include "xml_text.hpp"

namespace stance {

namespace {

using detail::xml_text;

std::string_view gexf_type(AttributeType type) {
    return type == AttributeType::number ? "double" : "string";
}

/// The edges of one pair of nodes: the whole period's (if any) and one per slice.
struct Pair {
    const NetworkEdge* whole = nullptr;
    std::vector<const NetworkEdge*> slices;
};

void write_declaration(std::ostream& out, const AttributeColumn& column) {
    out << fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>\n", xml_text(column.name),
                       gexf_type(column.type));
}

void write_attribute_declarations(std::ostream& out, const Network& network, bool dynamic) {
    // One block for the nodes too, dynamic when a column has a value per slice (a bloc per session).
    const bool dynamic_nodes = dynamic && !network.slice_node_columns.empty();
    out << fmt::format("    <attributes class=\"node\" mode=\"{}\">\n", dynamic_nodes ? "dynamic" : "static");
    for (const AttributeColumn& column : network.node_columns) {
        write_declaration(out, column);
    }
    if (dynamic_nodes) {
        for (const SliceColumn& column : network.slice_node_columns) {
            write_declaration(out, column.column);
        }
    }
    // Attribute ids are the column names: graphology takes a non-numeric id as the attribute's name.
    // One block for the edges: readers such as graphology's (Gephi Lite's import) keep only the last
    // block of a class, so a second, dynamic block would hide the static attributes. In a dynamic
    // graph the values without start and end hold for the whole period.
    out << "    </attributes>\n"
        << fmt::format("    <attributes class=\"edge\" mode=\"{}\">\n", dynamic ? "dynamic" : "static")
        << fmt::format("      <attribute id=\"{0}\" title=\"{0}\" type=\"integer\"/>\n",
                       xml_text(network.frequency_name));
    for (const AttributeColumn& column : network.edge_columns) {
        write_declaration(out, column);
    }
    if (dynamic) {
        out << "      <attribute id=\"weight\" title=\"weight\" type=\"double\"/>\n";
    }
    out << "    </attributes>\n";
}

void write_attvalue(std::ostream& out, std::string_view id, std::string_view value) {
    if (!value.empty()) {
        out << fmt::format(R"(<attvalue for="{}" value="{}"/>)", id, xml_text(value));
    }
}

void write_nodes(std::ostream& out, const Network& network) {
    out << "    <nodes>\n";
    for (std::size_t n = 0; n < network.nodes.size(); ++n) {
        const NetworkNode& node = network.nodes[n];
        out << fmt::format(R"(      <node id="{}" label="{}"><attvalues>)", xml_text(node.id), xml_text(node.label));
        for (std::size_t c = 0; c < node.values.size(); ++c) {
            write_attvalue(out, xml_text(network.node_columns[c].name), node.values[c]);
        }
        // Each slice's value with the slice's dates, which Gephi's timeline plays.
        for (const SliceColumn& column : network.slice_node_columns) {
            for (std::size_t slice = 0; slice < column.values[n].size(); ++slice) {
                if (!column.values[n][slice].empty()) {
                    out << fmt::format(R"(<attvalue for="{}" value="{}" start="{}" end="{}"/>)",
                                       xml_text(column.column.name), xml_text(column.values[n][slice]),
                                       network.slices[slice].first.iso(), network.slices[slice].last.iso());
                }
            }
        }
        out << "</attvalues></node>\n";
    }
    out << "    </nodes>\n";
}

void write_edge(std::ostream& out, const Network& network, std::size_t id, std::pair<std::size_t, std::size_t> ends,
                const Pair& pair) {
    out << fmt::format(R"(      <edge id="{}" source="{}" target="{}")", id, xml_text(network.nodes[ends.first].id),
                       xml_text(network.nodes[ends.second].id));
    if (pair.whole != nullptr) {
        out << fmt::format(" weight=\"{}\"", attribute_number(pair.whole->weight));
    }
    out << "><attvalues>";
    if (pair.whole != nullptr) {
        write_attvalue(out, xml_text(network.frequency_name), std::to_string(pair.whole->frequency));
        for (std::size_t c = 0; c < pair.whole->values.size(); ++c) {
            write_attvalue(out, xml_text(network.edge_columns[c].name), pair.whole->values[c]);
        }
    }
    for (const NetworkEdge* edge : pair.slices) {
        const TimeSlice& slice = network.slices.at(*edge->slice);
        out << fmt::format(R"(<attvalue for="weight" value="{}" start="{}" end="{}"/>)", attribute_number(edge->weight),
                           slice.first.iso(), slice.last.iso());
    }
    out << "</attvalues>";
    if (!pair.slices.empty()) {
        out << "<spells>";
        for (const NetworkEdge* edge : pair.slices) {
            const TimeSlice& slice = network.slices.at(*edge->slice);
            out << fmt::format(R"(<spell start="{}" end="{}"/>)", slice.first.iso(), slice.last.iso());
        }
        out << "</spells>";
    }
    out << "</edge>\n";
}

} // namespace

void write_gexf(std::ostream& out, const Network& network) {
    const bool dynamic = !network.slices.empty();
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        << "  <meta><creator>stance</creator><description>" << xml_text(network.description)
        << "; weight: " << xml_text(network.weight_meaning) << "</description></meta>\n"
        << (dynamic ? "  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n"
                    : "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n");
    write_attribute_declarations(out, network, dynamic);
    write_nodes(out, network);
    std::map<std::pair<std::size_t, std::size_t>, Pair> pairs;
    for (const NetworkEdge& edge : network.edges) {
        Pair& pair = pairs[{edge.source, edge.target}];
        if (edge.slice) {
            pair.slices.push_back(&edge);
        } else {
            pair.whole = &edge;
        }
    }
    out << "    <edges>\n";
    std::size_t id = 0;
    for (const auto& [ends, pair] : pairs) {
        write_edge(out, network, id++, ends, pair);
    }
    out << "    </edges>\n  </graph>\n</gexf>\n";
}

} // namespace stance
