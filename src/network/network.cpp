// Attribute columns of a network (stance/network/network.hpp).
#include "stance/network/network.hpp"

#include <utility>

#include <fmt/format.h>

namespace stance {

void add_node_column(Network& network, AttributeColumn column,
                     const std::function<std::string(const NetworkNode&)>& value) {
    network.node_columns.push_back(std::move(column));
    for (NetworkNode& node : network.nodes) {
        node.values.resize(network.node_columns.size() - 1); // nodes added after earlier columns
        node.values.push_back(value(node));
    }
}

void add_slice_node_column(Network& network, AttributeColumn column,
                           const std::function<std::string(const NetworkNode&, std::size_t)>& value) {
    SliceColumn added{std::move(column), {}};
    added.values.reserve(network.nodes.size());
    for (const NetworkNode& node : network.nodes) {
        std::vector<std::string> per_slice;
        per_slice.reserve(network.slices.size());
        for (std::size_t slice = 0; slice < network.slices.size(); ++slice) {
            per_slice.push_back(value(node, slice));
        }
        added.values.push_back(std::move(per_slice));
    }
    network.slice_node_columns.push_back(std::move(added));
}

std::string attribute_number(double value) {
    return fmt::format("{}", value); // fmt's default is the shortest text that reads back exactly
}

} // namespace stance
