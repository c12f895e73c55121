#include "stance/query/summary.hpp"

#include <algorithm>

namespace stance {

void PositionSummary::add(PositionKind kind, double score) {
    ++counts[static_cast<std::size_t>(kind)];
    if (!is_position(kind)) {
        return; // recorded per kind, but absent or silent actors take no side
    }
    ++n;
    m_score_sum += score;
    mean_score = m_score_sum / static_cast<double>(n);
    share_support = static_cast<double>(count(PositionKind::support)) / static_cast<double>(n);

    std::size_t best = 0;
    std::size_t tied = 0;
    for (PositionKind candidate : all_position_kinds) {
        if (!is_position(candidate)) {
            continue;
        }
        const std::size_t c = count(candidate);
        if (c > best) {
            best = c;
            tied = 1;
            dominant = candidate;
        } else if (c == best && c > 0) {
            ++tied;
        }
    }
    if (tied > 1) {
        dominant.reset();
    }
}

} // namespace stance
