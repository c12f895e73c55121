// An order of the actors of an agreement matrix in which those who vote alike sit next to each other,
// so that blocs show as squares along the heatmap's diagonal. It is the leaf order of an average-
// linkage hierarchical clustering on the distance 1 − share of agreement (pairs that never voted on
// the same roll call are at distance 1). Deterministic: ties go to the lower index.
#pragma once

#include <cstddef>
#include <vector>

#include "stance/query/agreement.hpp"

namespace stance::chart {

/// Indices into matrix.actors, each once, in seriation order.
[[nodiscard]] std::vector<std::size_t> seriation_order(const AgreementMatrix& matrix);

} // namespace stance::chart
