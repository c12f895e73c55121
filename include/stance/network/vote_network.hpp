// The agreement network of recorded votes: actors are nodes, and two actors are tied by how alike
// they voted over a period (share of identical votes, Cohen's kappa or Signorino and Ritter's S,
// from stance/query/agreement.hpp's matrix), optionally only where that figure reaches a threshold.
// Several periods (every session, say) become the time slices of one network.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "stance/network/network.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/agreement_weight.hpp"

namespace stance {

struct VoteNetworkOptions {
    AgreementWeight weight = AgreementWeight::share;
    /// Only ties whose weight is at least this; none keeps every pair that voted together at least once.
    std::optional<double> threshold;
};

/// The network of one period's agreement matrix. A pair without a defined figure (kappa when both cast
/// one same kind only) has no tie. Every edge carries share, kappa and s_score as attributes.
[[nodiscard]] Network vote_network(const AgreementMatrix& matrix, const Catalog& catalog,
                                   const VoteNetworkOptions& options = {});

/// Every period of `periods.by` (session or year) as a time slice, plus the ties over the whole range
/// (the edges of no slice). A session's slice runs from its first to its last day as recorded.
[[nodiscard]] Network vote_network_by_period(const Store& store, const Catalog& catalog,
                                             const AgreementMatricesOptions& periods,
                                             const VoteNetworkOptions& options = {});

} // namespace stance
