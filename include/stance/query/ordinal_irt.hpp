// A one-dimensional ordinal item-response model of recorded votes: every actor has a position
// (an ideal point) per session, every roll call (item) an intercept, a discrimination and a cut,
// and a vote is no, abstain or yes as a latent utility y* = alpha + beta * x + e, e ~ N(0, 1), falls
// below 0, between 0 and the cut, or above it (an ordered probit). The dynamic version ties an actor's
// positions together by a random walk from one session to the next, as Bailey, Strezhnev and Voeten
// (2017) do; the static one fits each session on its own.
//
// Fitted for the posterior mode: a few EM steps (as Imai, Lo and Olmsted's emIRT fits this family,
// accelerated by SQUAREM) bring the principal-component start near the mode, and Newton's method on
// the observed posterior of all parameters at once takes it there (query/ordinal_irt_newton.hpp).
// Intervals come from the curvature of the posterior (Laplace) or a parametric bootstrap. Identification
// (docs/ideal-points.md): the priors keep the fit bounded; the result is rescaled to mean 0 and standard deviation 1
// (per session, or over all sessions in the dynamic model) and turned so that a reference actor lies above the centre.
//
// This header knows nothing of stores or catalogs: it works on plain indices, so that it can be
// tested on simulated votes. stance/query/ideal_points.hpp reads a store's votes into it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace stance {

enum class OrdinalVote : std::uint8_t { no = 0, abstain = 1, yes = 2 };

/// The votes the model sees: who voted how on which item; every item belongs to one session, and
/// sessions are numbered in time order (the random walk runs from session s to s + 1).
struct OrdinalVotes {
    struct Vote {
        std::uint32_t actor;
        std::uint32_t item;
        OrdinalVote vote;
    };
    std::size_t actor_count = 0;
    std::size_t session_count = 0;
    std::vector<std::uint32_t> item_sessions; ///< The session of each item.
    std::vector<Vote> votes;                  ///< An actor's second vote on an item, if any, counts too.
};

struct IrtOptions {
    bool dynamic = true;         ///< A random walk between an actor's sessions; false: each session alone.
    double prior_sd = 1.0;       ///< x ~ N(0, prior_sd²) in an actor's first session (static: in every session).
    double random_walk_sd = 0.3; ///< Dynamic: x(s) ~ N(x(s'), random_walk_sd² × (s - s')) from its last session s'.
    double item_prior_sd = 5.0;  ///< alpha, beta, log cut ~ N(0, item_prior_sd²).
    /// Converged when the last Newton step changed the log posterior by at most tolerance times its
    /// size and no component of its gradient exceeds gradient_tolerance.
    double tolerance = 1e-10;
    double gradient_tolerance = 1e-4;
    int em_steps = 30;          ///< EM steps from the start before Newton (0: Newton from the start).
    int max_newton_steps = 200; ///< Per fit (the main one and each bootstrap replicate).
    int threads = 2;            ///< For the per-session work; the result is the same for any number.
    /// Intervals: 0 for Laplace intervals (the inverse of the full posterior Hessian at the mode, so
    /// the roll calls' uncertainty is in them, carried through the rescaling); n >= 2 for a
    /// parametric bootstrap of n replicates (votes simulated from the estimate and refitted: n fits more).
    int bootstrap = 0;
    double interval_level = 0.95; ///< Coverage the intervals aim at.
    std::uint64_t seed = 2017;    ///< Of the bootstrap's simulated votes; the same seed gives the same intervals.
    /// The actor whose mean position is made to lie above the centre (per session in the static
    /// model); none: the direction is whatever the start gave.
    std::optional<std::uint32_t> reference_actor;
};

struct IrtItem {
    double alpha = 0.0; ///< Intercept.
    double beta = 0.0;  ///< Discrimination: positive when yes goes with high positions.
    double cut = 1.0;   ///< Upper threshold (the lower is 0): the wider, the more abstentions.
};

struct IrtFit {
    std::size_t actor_count = 0;
    std::size_t session_count = 0;
    /// Cell actor * session_count + session; NaN where the actor cast no vote in the session.
    std::vector<double> positions;
    std::vector<double> lower; ///< Position -/+ z standard errors; NaN where the actor cast no vote.
    std::vector<double> upper;
    std::vector<double> standard_errors;      ///< Laplace or bootstrap, as IrtOptions::bootstrap says.
    std::vector<std::uint32_t> votes_counted; ///< Votes of each cell.
    std::vector<IrtItem> items;
    std::vector<bool> direction_fixed; ///< Per session: the reference actor fixed the sign.
    int em_steps = 0;                  ///< Of the main fit.
    int newton_steps = 0;
    bool converged = false;
    double log_likelihood = 0.0;      ///< Of the votes at the estimate.
    double log_posterior = 0.0;       ///< Up to a constant.
    double relative_change = 0.0;     ///< Of the log posterior in the last Newton step.
    double largest_gradient = 0.0;    ///< Largest component of the log posterior's gradient at the estimate.
    std::vector<int> bootstrap_steps; ///< Newton steps per replicate.

    [[nodiscard]] std::size_t cell(std::size_t actor, std::size_t session) const noexcept {
        return actor * session_count + session;
    }
};

/// Fits the model. Throws invalid_input_error when an index is out of range or an option makes no
/// sense (a non-positive prior or tolerance, an interval level outside (0, 1)).
[[nodiscard]] IrtFit fit_ordinal_irt(const OrdinalVotes& votes, const IrtOptions& options = {});

/// P(no), P(abstain), P(yes) of an actor at `position` on `item`.
[[nodiscard]] std::array<double, 3> vote_probabilities(const IrtItem& item, double position) noexcept;

} // namespace stance
