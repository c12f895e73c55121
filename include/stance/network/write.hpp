// Writing a network for Gephi, visone, igraph or a spreadsheet. GraphML (visone, Gephi, igraph,
// NetworkX) holds the whole period; GEXF (Gephi) holds the slices too, as spells and dynamic
// weights for Gephi's timeline; the CSV edge list has one row per edge and slice, with Gephi's
// column names (Source, Target, Type, Weight). Text in any script is written as UTF-8 and escaped;
// characters XML 1.0 cannot hold (control characters) become U+FFFD. docs/networks.md.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "stance/network/network.hpp"

namespace stance {

enum class NetworkFormat : std::uint8_t { graphml, gexf, csv_edges, csv_nodes };

[[nodiscard]] std::optional<NetworkFormat> parse_network_format(std::string_view text) noexcept;

void write_graphml(std::ostream& out, const Network& network);
void write_gexf(std::ostream& out, const Network& network);
/// Source, Target, Type, Weight, the frequency, Slice, Start, End (empty for the whole period), then
/// the edge columns. Source and Target are node ids, as in write_node_csv's Id.
void write_edge_csv(std::ostream& out, const Network& network);
/// Id, Label, then the node columns: Gephi's node table.
void write_node_csv(std::ostream& out, const Network& network);
void write_network(std::ostream& out, const Network& network, NetworkFormat format);

} // namespace stance
