// Choosing a network writer by its format name (stance/network/write.hpp).
#include "stance/network/write.hpp"

#include "enum_names.hpp"

namespace stance {

namespace {

constexpr detail::EnumNames<NetworkFormat, 4> format_names{
    std::pair{NetworkFormat::graphml, std::string_view{"graphml"}},
    std::pair{NetworkFormat::gexf, std::string_view{"gexf"}},
    std::pair{NetworkFormat::csv_edges, std::string_view{"csv"}},
    std::pair{NetworkFormat::csv_nodes, std::string_view{"csv-nodes"}}};

} // namespace

std::optional<NetworkFormat> parse_network_format(std::string_view text) noexcept {
    return detail::parse_enum(format_names, text);
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
