// One-mode tie weights (src/network/tie_weights.hpp). The directions are DNA's integer qualifier on
// the scale -1, 0, +1 (range 2): a pair of statements adds 1 - |d| / 2 to congruence and |d| / 2 to
// conflict, where d is the difference of their directions, so for and against is pure conflict and
// neutral against either is half of each.
#include "tie_weights.hpp"

#include <cstdlib>

namespace stance::detail {

namespace {

std::uint32_t total(const ClaimCounts& counts) {
    std::uint32_t sum = 0;
    for (const auto& [claim, directions] : counts) {
        for (std::uint32_t n : directions) {
            sum += n;
        }
    }
    return sum;
}

/// DNA's Jaccard denominator: over every (claim, direction) cell, the first actor's statements where
/// the second has none, the second's where the first has none, and the product where both have some.
double jaccard_denominator(const ClaimCounts& first, const ClaimCounts& second) {
    double sum = 0.0;
    auto add_alone = [&sum](const ClaimCounts& mine, const ClaimCounts& other) {
        for (const auto& [claim, directions] : mine) {
            const auto theirs = other.find(claim);
            for (std::size_t d = 0; d < 3; ++d) {
                if (theirs == other.end() || theirs->second[d] == 0) {
                    sum += directions[d];
                }
            }
        }
    };
    add_alone(first, second);
    add_alone(second, first);
    for (const auto& [claim, directions] : first) {
        const auto theirs = second.find(claim);
        if (theirs == second.end()) {
            continue;
        }
        for (std::size_t d = 0; d < 3; ++d) {
            sum += static_cast<double>(directions[d]) * theirs->second[d]; // zero unless both have some
        }
    }
    return sum;
}

double normalisation_denominator(const ClaimCounts& first, const ClaimCounts& second, Normalization normalization) {
    const auto n1 = static_cast<double>(total(first));
    const auto n2 = static_cast<double>(total(second));
    switch (normalization) {
    case Normalization::none: return 1.0;
    case Normalization::average: return (n1 + n2) / 2.0;
    case Normalization::jaccard: return jaccard_denominator(first, second);
    case Normalization::cosine: return n1 * n2; // DNA divides by the product of the totals
    }
    return 1.0;
}

} // namespace

std::optional<TieWeight> tie_weight(const ClaimCounts& first, const ClaimCounts& second, StatementNetworkKind kind,
                                    Normalization normalization) {
    TieWeight tie;
    for (const auto& [claim, mine] : first) {
        const auto found = second.find(claim);
        if (found == second.end()) {
            continue;
        }
        const auto& theirs = found->second;
        double on_claim = 0.0;
        std::uint32_t statements = 0;
        for (std::size_t d1 = 0; d1 < 3; ++d1) {
            statements += mine[d1] + theirs[d1];
            for (std::size_t d2 = 0; d2 < 3; ++d2) {
                const double distance = std::abs(static_cast<int>(d1) - static_cast<int>(d2)) / 2.0;
                const double share = kind == StatementNetworkKind::conflict ? distance : 1.0 - distance;
                on_claim += static_cast<double>(mine[d1]) * theirs[d2] * share;
            }
        }
        if (on_claim > 0.0) {
            tie.raw += on_claim;
            tie.frequency += statements;
        }
    }
    if (tie.raw <= 0.0) {
        return std::nullopt;
    }
    tie.weight = tie.raw / normalisation_denominator(first, second, normalization);
    return tie;
}

} // namespace stance::detail
