// The arithmetic of inter-coder reliability: Krippendorff's alpha over a units × coders table with
// missing values, and Cohen's kappa for two coders. Plain numbers in, figures out: no store, no
// model types, so the formulas can be checked against worked examples (tests/query/
// test_reliability_stats.cpp) and reused for any coding. docs/intercoder-reliability.md gives the
// formulas in words and how to read them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace stance {

/// How far apart two values are, in Krippendorff's terms (the squared difference function δ²).
enum class AlphaMetric : std::uint8_t {
    nominal,  ///< Categories: 0 when equal, 1 otherwise (actor, claim, position kind).
    ordinal,  ///< Ranks: the values in between count, by how often they were used.
    interval, ///< Numbers: the squared difference (a position on a scale).
};

/// One unit of a reliability table: one value per coder, nothing where that coder gave none.
/// Nominal values are category numbers (equal number, same category).
using ReliabilityUnit = std::vector<std::optional<double>>;

struct AlphaResult {
    std::size_t units = 0;              ///< Units with at least two values: the only ones that count.
    std::size_t values = 0;             ///< The values in those units (Krippendorff's n).
    double observed_disagreement = 0.0; ///< D_o.
    double expected_disagreement = 0.0; ///< D_e.
    /// 1 - D_o / D_e. Nothing when D_e is 0: fewer than two values, or every value the same, so the
    /// data cannot tell agreement from chance.
    std::optional<double> alpha;
};

/// Krippendorff's alpha of `units` (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
/// coincidence-matrix form). Units may have any number of coders and missing values; a unit with
/// fewer than two values is left out.
[[nodiscard]] AlphaResult krippendorff_alpha(std::span<const ReliabilityUnit> units, AlphaMetric metric);

struct KappaResult {
    std::size_t units = 0; ///< Units both coders gave a value for.
    std::size_t agree = 0; ///< Of them, units with the same value.
    /// (p_o - p_e) / (1 - p_e); nothing when p_e is 1 (both used one same category only) or no unit.
    std::optional<double> kappa;
};

/// Cohen's kappa of two coders' categories over the same units (first: one coder, second: the other).
[[nodiscard]] KappaResult cohen_kappa(std::span<const std::pair<double, double>> pairs);

} // namespace stance
