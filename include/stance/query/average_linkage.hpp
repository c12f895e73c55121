// Average-linkage hierarchical clustering (UPGMA) of n items from their pairwise distances, the one
// implementation behind the heatmap's order (stance/chart/seriation.hpp) and the hierarchical voting
// blocs (stance/query/blocs.hpp). Each step merges the two clusters whose mean distance over all
// pairs of their members is smallest; ties go to the pair of lower indices, so the result depends
// on nothing but the distances. Average linkage never merges below an earlier merge, so cutting the
// tree at a height or into k clusters is replaying its first merges.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace stance {

struct Dendrogram {
    struct Merge {
        std::size_t first = 0;  ///< The cluster kept, named by its lowest original item.
        std::size_t second = 0; ///< The cluster merged into it, named the same way.
        double height = 0.0;    ///< Mean distance between the two clusters' members.
    };
    std::size_t items = 0;
    std::vector<Merge> merges;      ///< In the order made; heights never decrease.
    std::vector<std::size_t> order; ///< Leaf order: items of a cluster side by side.
};

/// The clustering of items 0 … n-1; `distance(i, j)` is called once per pair with i < j.
[[nodiscard]] Dendrogram average_linkage(std::size_t n,
                                         const std::function<double(std::size_t, std::size_t)>& distance);

/// The cluster of each item when the tree is cut into `clusters` clusters (at least 1, at most the
/// number of items). Clusters are numbered 0, 1, … by their lowest item.
[[nodiscard]] std::vector<std::size_t> cut_into(const Dendrogram& tree, std::size_t clusters);

/// The cluster of each item when only merges at or below `height` are made; numbered as cut_into.
[[nodiscard]] std::vector<std::size_t> cut_at(const Dendrogram& tree, double height);

} // namespace stance
