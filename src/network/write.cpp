// Choosing a network writer by its format name (stance/network/write.hpp).
#include "stance/network/write.hpp"

namespace stance {

std::optional<NetworkFormat> parse_network_format(std::string_view text) noexcept {
    if (text == "graphml") {
        return NetworkFormat::graphml;
    }
    if (text == "gexf") {
        return NetworkFormat::gexf;
    }
    if (text == "csv") {
        return NetworkFormat::csv_edges;
    }
    if (text == "csv-nodes") {
        return NetworkFormat::csv_nodes;
    }
    return std::nullopt;
}

void write_network(std::ostream& out, const Network& network, NetworkFormat format) {
    switch (format) {
    case NetworkFormat::graphml: write_graphml(out, network); break;
    case NetworkFormat::gexf: write_gexf(out, network); break;
    case NetworkFormat::csv_edges: write_edge_csv(out, network); break;
    case NetworkFormat::csv_nodes: write_node_csv(out, network); break;
    }
}

} // namespace stance
