// Newton's method for the posterior mode of the ordinal IRT model (stance/query/ordinal_irt.hpp),
// on the observed posterior of all parameters at once, and the Laplace intervals from its Hessian.
//
// Why joint: EM crawls along the ridge on which a position and its roll calls' discriminations
// trade against each other (the extreme states of the UN data sit on such ridges), and so would
// any scheme that alternates between positions and roll calls. The joint Hessian has a structure that makes a
// full Newton step cheap: each roll call's three parameters couple only to the positions of its own
// session, so they are eliminated item by item (3 × 3 blocks), leaving a system in the positions
// that is dense within a session and links sessions only through the random walk — block
// tridiagonal, solved session by session. Far from the mode the Hessian need not be negative
// definite, so steps are damped (Levenberg–Marquardt) and accepted only when the posterior rises.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "query/ordinal_irt_parts.hpp"

namespace stance::irt {

struct NewtonOutcome {
    int steps = 0;
    bool converged = false;
    double log_posterior = 0.0;
    double log_likelihood = 0.0;
    /// Of the last accepted step: |change of the log posterior| / |log posterior|.
    double relative_change = std::numeric_limits<double>::infinity();
    /// The largest component of the log posterior's gradient at the estimate.
    double largest_gradient = std::numeric_limits<double>::infinity();
};

class NewtonFitter {
public:
    NewtonFitter(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options);

    /// Moves `state` to the posterior mode given `codes` (the observed or simulated votes).
    NewtonOutcome run(FitState& state, const std::vector<OrdinalVote>& codes);

    /// Standard errors of the identified positions (rescaled to mean 0, sd 1 per group, as
    /// identify() does) at the mode `state`: the Laplace approximation from the full Hessian (the
    /// roll calls' uncertainty included), carried through the rescaling by the delta method. Per
    /// cell; NaN where the actor cast no vote.
    [[nodiscard]] std::vector<double> laplace_errors(const FitState& state, const std::vector<OrdinalVote>& codes);

private:
    struct Session {
        std::vector<std::uint32_t> actors; ///< Alive here: from the actor's first session with votes to its last.
        std::vector<std::uint32_t> next;   ///< Per actor here, its index in the next session (dynamic), or none.
        std::vector<std::uint32_t> items;
        std::vector<double> block; ///< n × n: the Schur complement, then its inverse after elimination.
        std::vector<double> right; ///< The right-hand side of the position system.
        std::vector<double> solved;
        double log_posterior = 0.0;
        double log_likelihood = 0.0;
    };

    [[nodiscard]] std::size_t cell(std::uint32_t actor, std::size_t session) const noexcept {
        return static_cast<std::size_t>(actor) * m_sessions.size() + session;
    }
    [[nodiscard]] bool alive(std::uint32_t actor, std::size_t session) const noexcept;

    void evaluate(const FitState& state, const std::vector<OrdinalVote>& codes, bool derivatives);
    void evaluate_session(std::size_t s, const FitState& state, const std::vector<OrdinalVote>& codes,
                          bool derivatives);
    [[nodiscard]] double sum_log_posterior() const;
    [[nodiscard]] double largest_gradient() const;
    bool schur_complement(std::size_t s, double damping);
    bool eliminate();
    void solve();
    bool step(const FitState& from, FitState& to, double damping);
    [[nodiscard]] std::vector<double> marginal_variances();

    const OrdinalVotes& m_votes;
    const Layout& m_layout;
    const IrtOptions& m_options;
    std::vector<Session> m_sessions;
    std::vector<std::uint32_t> m_local; ///< Per cell: its index among its session's actors, or none.
    std::vector<std::uint32_t> m_vote_local;
    // Gradient and negative Hessian of the log posterior, per item (alpha, beta, log tau; the
    // Hessian packed 00 01 02 11 12 22) and per cell, and each vote's coupling of its item to its cell.
    std::vector<std::array<double, 3>> m_item_gradient;
    std::vector<std::array<double, 6>> m_item_hessian;
    std::vector<std::array<double, 6>> m_item_factor; ///< Cholesky factor of the damped item block.
    std::vector<double> m_cell_gradient;
    std::vector<double> m_cell_hessian;
    std::vector<std::array<double, 3>> m_coupling;
};

} // namespace stance::irt
