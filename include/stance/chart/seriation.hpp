// The order of the agreement heatmap's actors, so that blocs show as squares along its diagonal:
// first the session's voting blocs, as `stance blocs votes` finds them on the same matrix (Louvain
// modularity on the share of identical votes, seed 42; stance/query/blocs.hpp), largest bloc first;
// then, within each bloc, the leaf order of an average-linkage clustering on the distance
// 1 − share (pairs that never voted on the same roll call are at distance 1), so that the closest
// members sit side by side. Deterministic: the bloc finder is seeded, and average linkage breaks
// ties by the lower index. docs/charts.md shows it.
#pragma once

#include <cstddef>
#include <vector>

#include "stance/query/agreement.hpp"

namespace stance::chart {

struct HeatmapOrder {
    std::vector<std::size_t> order; ///< Indices into matrix.actors, each once.
    /// The blocs as runs of `order`: the first bloc_sizes[0] actors are bloc 1, the next
    /// bloc_sizes[1] bloc 2, … (bloc numbers as `stance blocs votes` prints them).
    std::vector<std::size_t> bloc_sizes;
};

/// The heatmap order of `matrix`'s actors by bloc, then by average linkage within each bloc.
[[nodiscard]] HeatmapOrder heatmap_order(const AgreementMatrix& matrix);

/// The order of `actors` (indices into matrix.actors) in which those who vote alike are side by side:
/// the leaf order of the average-linkage tree on 1 − share among them.
[[nodiscard]] std::vector<std::size_t> linkage_order(const AgreementMatrix& matrix,
                                                     const std::vector<std::size_t>& actors);

} // namespace stance::chart
