// What the ordinal IRT model's two fitters share (query/ordinal_irt.cpp, EM for the start;
// query/ordinal_irt_newton.cpp, Newton to the mode): one vote's ordered-probit terms and their
// derivatives, the votes laid out by item, and the state a fit moves. Inline, since the per-vote
// terms are evaluated a million times per step.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "stance/query/ordinal_irt.hpp"

namespace stance::irt {

constexpr double inverse_sqrt_two_pi = 0.398942280401432678;
constexpr double inverse_sqrt_two = 0.707106781186547524;

inline double density(double u) noexcept {
    return inverse_sqrt_two_pi * std::exp(-0.5 * u * u);
}

/// P(e > u) for e ~ N(0, 1), accurate far into the upper tail.
inline double upper_tail(double u) noexcept {
    return 0.5 * std::erfc(u * inverse_sqrt_two);
}

/// log P(e > u); beyond u = 35 erfc underflows, and the asymptotic form takes over.
inline double log_upper_tail(double u) noexcept {
    if (u < 35.0) {
        return std::log(upper_tail(u));
    }
    return -0.5 * u * u - std::log(u) - 0.918938533204672742; // log(phi(u) / u)
}

/// E[e | e > u], the inverse Mills ratio.
inline double mean_above(double u) noexcept {
    if (u < 35.0) {
        return density(u) / upper_tail(u);
    }
    return u + 1.0 / u;
}

/// What one vote contributes at linear predictor eta and cut tau: the expected latent utility (EM's
/// E-step), the log-likelihood l and its derivatives in eta and tau (Newton's gradient and Hessian;
/// EM uses the cut's).
struct VoteTerms {
    double utility = 0.0;
    double log_probability = 0.0;
    double cut_gradient = 0.0;  ///< dl / dtau
    double cut_curvature = 0.0; ///< d²l / dtau²
    double eta_curvature = 0.0; ///< d²l / deta²
    double eta_gradient = 0.0;  ///< dl / deta, which is also utility - eta
    double eta_cut = 0.0;       ///< d²l / deta dtau
};

/// The abstention: low < e < high with low = -eta, high = tau - eta, computed on the side of zero
/// where the difference of tails keeps its digits.
inline VoteTerms abstention(double eta, double cut) noexcept {
    const double low = -eta;
    const double high = cut - eta;
    double probability = 0.0;
    if (low > 0.0) {
        probability = upper_tail(low) - upper_tail(high);
    } else if (high < 0.0) {
        probability = upper_tail(-high) - upper_tail(-low);
    } else {
        probability = 1.0 - upper_tail(high) - upper_tail(-low);
    }
    VoteTerms terms;
    if (probability < 1e-300) { // so far out that the nearer bound is the answer
        terms.utility = eta + (low > 0.0 ? low : high);
        terms.log_probability = -690.0;
        return terms;
    }
    const double at_low = density(low) / probability;
    const double at_high = density(high) / probability;
    terms.utility = eta + at_low - at_high;
    terms.log_probability = std::log(probability);
    terms.cut_gradient = at_high;
    terms.cut_curvature = -high * at_high - at_high * at_high;
    terms.eta_gradient = at_low - at_high;
    terms.eta_curvature = (low * at_low - high * at_high) - terms.eta_gradient * terms.eta_gradient;
    terms.eta_cut = high * at_high - at_high * terms.eta_gradient;
    return terms;
}

/// A no is the error below -eta, a yes above tau - eta: log P(e > u) has derivative -m and second
/// derivative -m (m - u) in u, with m the inverse Mills ratio.
inline VoteTerms vote_terms(OrdinalVote vote, double eta, double cut) noexcept {
    VoteTerms terms;
    if (vote == OrdinalVote::abstain) {
        return abstention(eta, cut);
    }
    const double u = vote == OrdinalVote::no ? eta : cut - eta;
    const double mills = mean_above(u);
    const double curvature = -mills * (mills - u);
    terms.log_probability = log_upper_tail(u);
    terms.eta_curvature = curvature;
    if (vote == OrdinalVote::no) {
        terms.eta_gradient = -mills;
    } else {
        terms.eta_gradient = mills;
        terms.cut_gradient = -mills;
        terms.cut_curvature = curvature;
        terms.eta_cut = -curvature;
    }
    terms.utility = eta + terms.eta_gradient;
    return terms;
}

/// The votes in item order, each knowing its actor-session cell (actor * sessions + session): the
/// item steps read one item's votes in a row, the position steps add every vote into its cell.
struct Layout {
    std::vector<std::size_t> item_starts; ///< Votes of item j: [item_starts[j], item_starts[j + 1]).
    std::vector<std::uint32_t> cells;
    std::vector<OrdinalVote> codes;
    std::vector<std::uint32_t> votes_per_cell;
};

[[nodiscard]] Layout layout_of(const OrdinalVotes& votes);

/// The parameters a fit moves: positions per cell (cells without votes carry a value the random walk
/// interpolates, or nothing) and the items.
struct FitState {
    std::vector<double> x;
    std::vector<IrtItem> items;
};

} // namespace stance::irt
