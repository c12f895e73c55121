// Charts of query results as standalone SVG documents, for memos and papers (`--format svg`) and
// for the workbench, which shows the same files. Each renderer draws what its query decided (the
// positions on the scale, the periods, the shifts, the agreement figures) and computes nothing of
// its own beyond layout. Every mark carries a <title> naming the claim and the start of the quote,
// or the figures behind it; docs/charts.md describes each chart.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "stance/chart/seriation.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/evolution.hpp"

namespace stance::chart {

/// Width of every chart in pixels: an A4 page's text width at 96 dots per inch.
inline constexpr double page_width = 720.0;

/// The evolution timeline: one mark per stance (shape by basis, filled when the actor's own,
/// hollow when inherited), on the topic's scale with its pole labels when it has one, else on the
/// score from -1 to +1; period means with a band of one spread either side; shifts as dashed lines.
/// Stances that lie on no direction of the scale, and non-positions (absent, …), sit in a strip
/// under the plot, so that the marks always number the stances.
[[nodiscard]] std::string evolution_svg(const Evolution& evolution);

/// The agreement of two actors over time: the share of roll calls both voted on where they voted
/// alike, one point per period (a gap where they shared none), with the overall share for reference.
[[nodiscard]] std::string agreement_svg(const VoteAgreement& agreement);

/// The agreement matrix as a heatmap, rows and columns in `heatmap.order` (indices into
/// matrix.actors, each once), so that a caller can hand in its own order. With bloc sizes, each
/// bloc's square on the diagonal is outlined, the boundaries drawn across and the blocs labelled
/// ("bloc 1 (70)") beside the grid; each row label carries its bloc number (data-bloc).
/// Throws std::invalid_argument for an order or blocs that do not hold every actor once.
[[nodiscard]] std::string agreement_matrix_svg(const AgreementMatrix& matrix, const HeatmapOrder& heatmap);

/// The heatmap in bloc order (seriation.hpp: heatmap_order).
[[nodiscard]] std::string agreement_matrix_svg(const AgreementMatrix& matrix);

} // namespace stance::chart
