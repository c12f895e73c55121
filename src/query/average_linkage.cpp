// Average-linkage clustering (stance/query/average_linkage.hpp).
#include "stance/query/average_linkage.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace stance {

namespace {

/// The clusters after the first `count` merges, numbered by their lowest item.
std::vector<std::size_t> after_merges(const Dendrogram& tree, std::size_t count) {
    std::vector<std::size_t> root(tree.items);
    std::iota(root.begin(), root.end(), std::size_t{0});
    auto find = [&](std::size_t item) {
        while (root[item] != item) {
            item = root[item] = root[root[item]];
        }
        return item;
    };
    for (std::size_t m = 0; m < count; ++m) {
        root[find(tree.merges[m].second)] = find(tree.merges[m].first);
    }
    std::vector<std::size_t> number(tree.items, tree.items);
    std::vector<std::size_t> cluster(tree.items);
    std::size_t next = 0;
    for (std::size_t item = 0; item < tree.items; ++item) {
        const std::size_t top = find(item);
        if (number[top] == tree.items) {
            number[top] = next++;
        }
        cluster[item] = number[top];
    }
    return cluster;
}

} // namespace

Dendrogram average_linkage(std::size_t n, const std::function<double(std::size_t, std::size_t)>& distance) {
    Dendrogram tree;
    tree.items = n;
    // Each live cluster keeps its leaves in order; merging concatenates them, which is the leaf order
    // of the dendrogram. Distances between clusters are kept as sums, so average linkage is an update.
    std::vector<std::vector<std::size_t>> leaves(n);
    std::vector<std::vector<double>> sum(n, std::vector<double>(n, 0.0));
    std::vector<bool> live(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        leaves[i] = {i};
        for (std::size_t j = i + 1; j < n; ++j) {
            sum[i][j] = sum[j][i] = distance(i, j);
        }
    }
    for (std::size_t merges = 1; merges < n; ++merges) {
        double best = std::numeric_limits<double>::infinity();
        std::size_t a = 0;
        std::size_t b = 0;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = i + 1; live[i] && j < n; ++j) {
                if (!live[j]) {
                    continue;
                }
                const double average = sum[i][j] / static_cast<double>(leaves[i].size() * leaves[j].size());
                if (average < best) {
                    best = average;
                    a = i;
                    b = j;
                }
            }
        }
        for (std::size_t k = 0; k < n; ++k) {
            sum[a][k] += sum[b][k];
            sum[k][a] = sum[a][k];
        }
        tree.merges.push_back({a, b, best});
        leaves[a].insert(leaves[a].end(), leaves[b].begin(), leaves[b].end());
        leaves[b].clear();
        live[b] = false;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (live[i]) {
            tree.order = leaves[i];
            break;
        }
    }
    return tree;
}

std::vector<std::size_t> cut_into(const Dendrogram& tree, std::size_t clusters) {
    const std::size_t wanted = std::min(std::max<std::size_t>(clusters, 1), std::max<std::size_t>(tree.items, 1));
    return after_merges(tree, tree.items - std::min(wanted, tree.items));
}

std::vector<std::size_t> cut_at(const Dendrogram& tree, double height) {
    std::size_t count = 0;
    while (count < tree.merges.size() && tree.merges[count].height <= height) {
        ++count;
    }
    return after_merges(tree, count);
}

} // namespace stance
