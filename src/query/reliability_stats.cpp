// Krippendorff's alpha through the coincidence matrix, and Cohen's kappa. Values are first replaced
// by their rank among the distinct values, so the matrix is as small as the number of categories.
#include "stance/query/reliability_stats.hpp"

#include <algorithm>
#include <map>

namespace stance {

namespace {

/// The distinct values of the units that count (two values or more), ascending.
std::vector<double> distinct_values(std::span<const ReliabilityUnit> units) {
    std::vector<double> values;
    for (const ReliabilityUnit& unit : units) {
        if (std::count_if(unit.begin(), unit.end(), [](const auto& value) { return value.has_value(); }) < 2) {
            continue;
        }
        for (const std::optional<double>& value : unit) {
            if (value) {
                values.push_back(*value);
            }
        }
    }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

using Matrix = std::vector<std::vector<double>>;

/// o[c][k]: each ordered pair of values of one unit, from different coders, adds 1 / (m_u - 1).
Matrix coincidences(std::span<const ReliabilityUnit> units, const std::vector<double>& values, AlphaResult& result) {
    Matrix matrix(values.size(), std::vector<double>(values.size(), 0.0));
    std::vector<std::size_t> ranks;
    for (const ReliabilityUnit& unit : units) {
        ranks.clear();
        for (const std::optional<double>& value : unit) {
            if (value) {
                ranks.push_back(
                    static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), *value) - values.begin()));
            }
        }
        if (ranks.size() < 2) {
            continue;
        }
        ++result.units;
        result.values += ranks.size();
        const double weight = 1.0 / static_cast<double>(ranks.size() - 1);
        for (std::size_t i = 0; i < ranks.size(); ++i) {
            for (std::size_t j = 0; j < ranks.size(); ++j) {
                if (i != j) {
                    matrix[ranks[i]][ranks[j]] += weight;
                }
            }
        }
    }
    return matrix;
}

/// δ² between the values of rank c and k; `totals` are the n_c of the coincidence matrix.
double squared_difference(AlphaMetric metric, const std::vector<double>& values, const std::vector<double>& totals,
                          std::size_t c, std::size_t k) {
    if (c == k) {
        return 0.0;
    }
    switch (metric) {
    case AlphaMetric::nominal: return 1.0;
    case AlphaMetric::interval: return (values[c] - values[k]) * (values[c] - values[k]);
    case AlphaMetric::ordinal: {
        const std::size_t low = std::min(c, k);
        const std::size_t high = std::max(c, k);
        double between = 0.0;
        for (std::size_t g = low; g <= high; ++g) {
            between += totals[g];
        }
        between -= (totals[low] + totals[high]) / 2.0;
        return between * between;
    }
    }
    return 0.0;
}

} // namespace

AlphaResult krippendorff_alpha(std::span<const ReliabilityUnit> units, AlphaMetric metric) {
    AlphaResult result;
    const std::vector<double> values = distinct_values(units);
    const Matrix matrix = coincidences(units, values, result);
    std::vector<double> totals(values.size(), 0.0);
    for (std::size_t c = 0; c < values.size(); ++c) {
        for (std::size_t k = 0; k < values.size(); ++k) {
            totals[c] += matrix[c][k];
        }
    }
    const auto n = static_cast<double>(result.values);
    if (result.values < 2) {
        return result;
    }
    double observed = 0.0;
    double expected = 0.0;
    for (std::size_t c = 0; c < values.size(); ++c) {
        for (std::size_t k = 0; k < values.size(); ++k) {
            const double delta = squared_difference(metric, values, totals, c, k);
            observed += matrix[c][k] * delta;
            expected += totals[c] * totals[k] * delta;
        }
    }
    result.observed_disagreement = observed / n;
    result.expected_disagreement = expected / (n * (n - 1.0));
    if (result.expected_disagreement > 0.0) {
        result.alpha = 1.0 - result.observed_disagreement / result.expected_disagreement;
    }
    return result;
}

KappaResult cohen_kappa(std::span<const std::pair<double, double>> pairs) {
    KappaResult result;
    result.units = pairs.size();
    if (pairs.empty()) {
        return result;
    }
    std::map<double, std::pair<double, double>> margins; // category → (first's count, second's count)
    for (const auto& [first, second] : pairs) {
        result.agree += first == second ? 1U : 0U;
        ++margins[first].first;
        ++margins[second].second;
    }
    const auto n = static_cast<double>(pairs.size());
    double chance = 0.0;
    for (const auto& [category, counts] : margins) {
        chance += (counts.first / n) * (counts.second / n);
    }
    if (chance < 1.0) {
        result.kappa = (static_cast<double>(result.agree) / n - chance) / (1.0 - chance);
    }
    return result;
}

} // namespace stance
