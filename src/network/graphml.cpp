// GraphML (graphml.graphdrawing.org), the format visone, Gephi, yEd, igraph and NetworkX read. Keys
// are declared once, before the graph, as the schema requires; node ids are "n" and the node's
// index (GraphML ids are NMTOKENs), its stance id is the "id" attribute. GraphML has no time, so the
// file holds the edges of the whole period; slices are in the GEXF and CSV forms.
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "stance/network/write.hpp"
#include "xml_text.hpp"

namespace stance {

namespace {

using detail::xml_text;

std::string_view graphml_type(AttributeType type) {
    return type == AttributeType::number ? "double" : "string";
}

void write_keys(std::ostream& out, const Network& network) {
    out << "  <key id=\"id\" for=\"node\" attr.name=\"id\" attr.type=\"string\"/>\n"
        << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n";
    for (std::size_t c = 0; c < network.node_columns.size(); ++c) {
        out << fmt::format("  <key id=\"n{}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>\n", c,
                           xml_text(network.node_columns[c].name), graphml_type(network.node_columns[c].type));
    }
    out << fmt::format("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\">"
                       "<desc>{}</desc></key>\n",
                       xml_text(network.weight_meaning))
        << fmt::format("  <key id=\"frequency\" for=\"edge\" attr.name=\"{}\" attr.type=\"int\"/>\n",
                       xml_text(network.frequency_name));
    for (std::size_t c = 0; c < network.edge_columns.size(); ++c) {
        out << fmt::format("  <key id=\"e{}\" for=\"edge\" attr.name=\"{}\" attr.type=\"{}\"/>\n", c,
                           xml_text(network.edge_columns[c].name), graphml_type(network.edge_columns[c].type));
    }
}

void write_data(std::ostream& out, std::string_view key, std::string_view value) {
    if (!value.empty()) {
        out << fmt::format("<data key=\"{}\">{}</data>", key, xml_text(value));
    }
}

} // namespace

void write_graphml(std::ostream& out, const Network& network) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
           "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    write_keys(out, network);
    out << "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        << "    <desc>" << xml_text(network.description) << "</desc>\n";
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        const NetworkNode& node = network.nodes[i];
        out << fmt::format("    <node id=\"n{}\">", i);
        write_data(out, "id", node.id);
        write_data(out, "label", node.label);
        for (std::size_t c = 0; c < node.values.size(); ++c) {
            write_data(out, fmt::format("n{}", c), node.values[c]);
        }
        out << "</node>\n";
    }
    for (const NetworkEdge& edge : network.edges) {
        if (edge.slice) {
            continue;
        }
        out << fmt::format(R"(    <edge source="n{}" target="n{}">)", edge.source, edge.target);
        write_data(out, "weight", attribute_number(edge.weight));
        write_data(out, "frequency", std::to_string(edge.frequency));
        for (std::size_t c = 0; c < edge.values.size(); ++c) {
            write_data(out, fmt::format("e{}", c), edge.values[c]);
        }
        out << "</edge>\n";
    }
    out << "  </graph>\n</graphml>\n";
}

} // namespace stance
