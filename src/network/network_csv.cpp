// CSV edge and node lists with the column names Gephi's spreadsheet import recognises.
#include <ostream>
#include <string>
#include <vector>

#include "stance/io/csv_field.hpp"
#include "stance/network/write.hpp"

namespace stance {

void write_edge_csv(std::ostream& out, const Network& network) {
    std::vector<std::string> header{"Source", "Target", "Type", "Weight", network.frequency_name,
                                    "Slice",  "Start",  "End"};
    for (const AttributeColumn& column : network.edge_columns) {
        header.push_back(column.name);
    }
    write_csv_row(out, header);
    for (const NetworkEdge& edge : network.edges) {
        std::vector<std::string> row{network.nodes.at(edge.source).id, network.nodes.at(edge.target).id, "Undirected",
                                     attribute_number(edge.weight), std::to_string(edge.frequency)};
        if (edge.slice) {
            const TimeSlice& slice = network.slices.at(*edge.slice);
            row.insert(row.end(), {slice.label, slice.first.iso(), slice.last.iso()});
        } else {
            row.insert(row.end(), {"", "", ""});
        }
        row.insert(row.end(), edge.values.begin(), edge.values.end());
        write_csv_row(out, row);
    }
}

void write_node_csv(std::ostream& out, const Network& network) {
    std::vector<std::string> header{"Id", "Label"};
    for (const AttributeColumn& column : network.node_columns) {
        header.push_back(column.name);
    }
    write_csv_row(out, header);
    for (const NetworkNode& node : network.nodes) {
        std::vector<std::string> row{node.id, node.label};
        row.insert(row.end(), node.values.begin(), node.values.end());
        write_csv_row(out, row);
    }
}

} // namespace stance
