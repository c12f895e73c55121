// The weight of a one-mode tie between two actors from what each said on which claims, with the
// Discourse Network Analyzer's normalisations (docs/networks.md has the formulas). Apart from the
// network builder so that the formulas can be tested on counts worked out by hand.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>

#include "stance/network/statement_network.hpp"

namespace stance::detail {

/// One actor's statements: per claim (an index), how many took each direction: [0] against (score
/// < 0), [1] neutral (score 0), [2] for (score > 0).
using ClaimCounts = std::map<std::size_t, std::array<std::uint32_t, 3>>;

struct TieWeight {
    double raw = 0.0;    ///< Before normalisation.
    double weight = 0.0; ///< After.
    /// Statements of either actor on the claims that gave the tie its weight.
    std::uint32_t frequency = 0;
};

/// Nothing when the actors share no claim that counts for `kind` (congruence or conflict).
[[nodiscard]] std::optional<TieWeight> tie_weight(const ClaimCounts& first, const ClaimCounts& second,
                                                  StatementNetworkKind kind, Normalization normalization);

} // namespace stance::detail
