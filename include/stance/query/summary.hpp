// Counting positions the way docs/position-scale.md says: no_position, absent and not_member are
// tallied per kind but never enter `n`, the mean score or the share of support.
#pragma once

#include <array>
#include <cstddef>
#include <optional>

#include "stance/model/position.hpp"

namespace stance {

struct PositionSummary {
    /// How many stances of each kind, indexed by the PositionKind's value (all nine kinds).
    std::array<std::size_t, all_position_kinds.size()> counts{};
    std::size_t n = 0;                   ///< Positions only.
    std::optional<double> mean_score;    ///< Over positions; nothing when n == 0.
    std::optional<double> share_support; ///< support / n ("share yes" for votes); nothing when n == 0.
    /// The single most frequent position kind; nothing when n == 0 or when two kinds tie.
    std::optional<PositionKind> dominant;

    void add(PositionKind kind, double score);
    [[nodiscard]] std::size_t count(PositionKind kind) const noexcept { return counts[static_cast<std::size_t>(kind)]; }

private:
    double m_score_sum = 0.0;
};

} // namespace stance
