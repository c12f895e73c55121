#include "stance/chart/seriation.hpp"

#include <limits>

namespace stance::chart {

namespace {

double distance(const AgreementMatrix& matrix, std::size_t i, std::size_t j) {
    const std::optional<double> share = matrix.at(i, j).share();
    return share ? 1.0 - *share : 1.0;
}

} // namespace

std::vector<std::size_t> seriation_order(const AgreementMatrix& matrix) {
    const std::size_t n = matrix.actors.size();
    // Each live cluster keeps its leaves in order; merging concatenates them, which is the leaf order
    // of the dendrogram. Distances between clusters are kept as sums, so average linkage is an update.
    std::vector<std::vector<std::size_t>> leaves(n);
    std::vector<std::vector<double>> sum(n, std::vector<double>(n, 0.0));
    std::vector<bool> live(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        leaves[i] = {i};
        for (std::size_t j = 0; j < n; ++j) {
            sum[i][j] = i == j ? 0.0 : distance(matrix, i, j);
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
        leaves[a].insert(leaves[a].end(), leaves[b].begin(), leaves[b].end());
        leaves[b].clear();
        live[b] = false;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (live[i]) {
            return leaves[i];
        }
    }
    return {};
}

} // namespace stance::chart
