// EM steps for the ordinal IRT model: the warm start of the fit (query/ordinal_irt_em.cpp).
#pragma once

#include "query/ordinal_irt_parts.hpp"

namespace stance::irt {

/// Moves `state` towards the posterior mode of the observed votes by at most IrtOptions::em_steps
/// SQUAREM-accelerated EM steps; returns the steps taken.
[[nodiscard]] int run_em(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options, FitState& state);

} // namespace stance::irt
