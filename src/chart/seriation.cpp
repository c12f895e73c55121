// The heatmap's order (stance/chart/seriation.hpp): the leaf order of the average-linkage tree.
#include "stance/chart/seriation.hpp"

#include "stance/query/average_linkage.hpp"

namespace stance::chart {

std::vector<std::size_t> seriation_order(const AgreementMatrix& matrix) {
    return average_linkage(matrix.actors.size(),
                           [&](std::size_t i, std::size_t j) {
                               const std::optional<double> share = matrix.at(i, j).share();
                               return share ? 1.0 - *share : 1.0;
                           })
        .order;
}

} // namespace stance::chart
