// Modularity community detection through Debian's igraph C library: Louvain
// (igraph_community_multilevel), Leiden with the modularity objective (igraph_community_leiden) and
// Newman's modularity of a given partition. Only this file pair sees igraph's types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace stance::detail {

/// An undirected weighted graph on items 0 … size-1; every weight is positive.
struct WeightedEdges {
    std::size_t size = 0;
    struct Edge {
        std::size_t first = 0;
        std::size_t second = 0;
        double weight = 0.0;
    };
    std::vector<Edge> edges;
};

enum class CommunityAlgorithm : std::uint8_t { louvain, leiden };

/// igraph's community of each item (raw labels, in no meaningful order). igraph's default random
/// generator is seeded with `seed` first; calls are serialised, as that generator is shared.
/// Throws stance::error when igraph reports an error.
[[nodiscard]] std::vector<std::size_t> communities(const WeightedEdges& graph, CommunityAlgorithm algorithm,
                                                   double resolution, std::uint64_t seed);

/// Newman's modularity of `membership` on the graph (at resolution 1); the graph has an edge.
[[nodiscard]] double modularity(const WeightedEdges& graph, const std::vector<std::size_t>& membership);

} // namespace stance::detail
