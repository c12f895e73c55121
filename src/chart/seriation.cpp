// The heatmap's order (stance/chart/seriation.hpp): the voting blocs of the matrix, each in the leaf
// order of its own average-linkage tree.
#include "stance/chart/seriation.hpp"

#include "stance/query/average_linkage.hpp"
#include "stance/query/blocs.hpp"

namespace stance::chart {

std::vector<std::size_t> linkage_order(const AgreementMatrix& matrix, const std::vector<std::size_t>& actors) {
    const Dendrogram tree = average_linkage(actors.size(), [&](std::size_t i, std::size_t j) {
        const std::optional<double> share = matrix.at(actors[i], actors[j]).share();
        return share ? 1.0 - *share : 1.0;
    });
    std::vector<std::size_t> order;
    order.reserve(actors.size());
    for (const std::size_t leaf : tree.order) {
        order.push_back(actors[leaf]);
    }
    return order;
}

HeatmapOrder heatmap_order(const AgreementMatrix& matrix) {
    const std::size_t n = matrix.actors.size();
    std::vector<std::vector<std::size_t>> blocs;
    if (n > 1) {
        // The defaults of `stance blocs votes`: Louvain on the share, seed 42, no threshold.
        const Partition partition = find_partition(agreement_ties(matrix, AgreementWeight::share), {});
        blocs.resize(partition.blocs);
        for (std::size_t i = 0; i < n; ++i) {
            blocs[partition.bloc_of[i]].push_back(i);
        }
    } else if (n == 1) {
        blocs.push_back({0});
    }
    HeatmapOrder out;
    out.order.reserve(n);
    for (const std::vector<std::size_t>& members : blocs) {
        const std::vector<std::size_t> ordered = linkage_order(matrix, members);
        out.order.insert(out.order.end(), ordered.begin(), ordered.end());
        out.bloc_sizes.push_back(members.size());
    }
    return out;
}

} // namespace stance::chart
