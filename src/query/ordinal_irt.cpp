// The ordinal IRT model's fit (stance/query/ordinal_irt.hpp, docs/ideal-points.md): checks the input,
// starts from the votes' principal component, takes a few EM steps (query/ordinal_irt_em.cpp) and
// Newton's method to the mode (query/ordinal_irt_newton.cpp), then attaches intervals and
// identifies the result (rescaled, turned by the reference actor).
#include "stance/query/ordinal_irt.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "query/ordinal_irt_em.hpp"
#include "query/ordinal_irt_newton.hpp"
#include "stance/error.hpp"

namespace stance {

irt::Layout irt::layout_of(const OrdinalVotes& votes) {
    Layout layout;
    const std::size_t items = votes.item_sessions.size();
    layout.item_starts.assign(items + 1, 0);
    for (const OrdinalVotes::Vote& vote : votes.votes) {
        ++layout.item_starts[vote.item + 1];
    }
    std::partial_sum(layout.item_starts.begin(), layout.item_starts.end(), layout.item_starts.begin());
    std::vector<std::size_t> next(layout.item_starts.begin(), layout.item_starts.end() - 1);
    layout.cells.resize(votes.votes.size());
    layout.codes.resize(votes.votes.size());
    layout.votes_per_cell.assign(votes.actor_count * votes.session_count, 0);
    for (const OrdinalVotes::Vote& vote : votes.votes) {
        const std::size_t at = next[vote.item]++;
        const std::size_t cell = vote.actor * votes.session_count + votes.item_sessions[vote.item];
        layout.cells[at] = static_cast<std::uint32_t>(cell);
        layout.codes[at] = vote.vote;
        ++layout.votes_per_cell[cell];
    }
    return layout;
}

namespace {

using irt::FitState;
using irt::Layout;
using irt::upper_tail;
using irt::vote_terms;
using irt::VoteTerms;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
/// The quantile of N(0, 1) at p, by bisection on the tail: slow, exact, and called once per fit.
double normal_quantile(double p) {
    double low = -40.0;
    double high = 40.0;
    for (int step = 0; step < 200; ++step) {
        const double middle = 0.5 * (low + high);
        (1.0 - upper_tail(middle) < p ? low : high) = middle;
    }
    return 0.5 * (low + high);
}

void check_input(const OrdinalVotes& votes, const IrtOptions& options) {
    for (std::size_t j = 0; j < votes.item_sessions.size(); ++j) {
        if (votes.item_sessions[j] >= votes.session_count) {
            throw invalid_input_error("ideal points", "item " + std::to_string(j) + " is in session " +
                                                          std::to_string(votes.item_sessions[j]) + ", but there are " +
                                                          std::to_string(votes.session_count) + " sessions");
        }
    }
    for (std::size_t v = 0; v < votes.votes.size(); ++v) {
        const OrdinalVotes::Vote& vote = votes.votes[v];
        if (vote.actor >= votes.actor_count || vote.item >= votes.item_sessions.size() ||
            static_cast<unsigned>(vote.vote) > 2) {
            throw invalid_input_error("ideal points",
                                      "vote " + std::to_string(v) + " names an actor, item or vote code out of range");
        }
    }
    if (!(options.prior_sd > 0.0) || !(options.random_walk_sd > 0.0) || !(options.item_prior_sd > 0.0)) {
        throw invalid_input_error("ideal points", "prior_sd, random_walk_sd and item_prior_sd must be positive");
    }
    if (!(options.interval_level > 0.0 && options.interval_level < 1.0)) {
        throw invalid_input_error("ideal points", "the interval level must lie strictly between 0 and 1");
    }
    if (!(options.tolerance > 0.0) || !(options.gradient_tolerance > 0.0) || options.em_steps < 0 ||
        options.max_newton_steps < 1 || options.threads < 1 || options.bootstrap < 0 || options.bootstrap == 1) {
        throw invalid_input_error("ideal points", "tolerances must be positive, em_steps at least 0, max_newton_steps "
                                                  "and threads at least 1, and bootstrap 0 (Laplace intervals) or at "
                                                  "least 2 replicates");
    }
    if (options.reference_actor && *options.reference_actor >= votes.actor_count) {
        throw invalid_input_error("ideal points", "the reference actor is out of range");
    }
}

/// Start values per session: the leading principal component of the actors' votes (yes 1, abstain
/// 0, no -1, centred per item), standardised, by power iteration. EM from zero would never leave it.
std::vector<double> start_positions(const OrdinalVotes& votes, const Layout& layout) {
    const std::size_t sessions = votes.session_count;
    std::vector<double> x(votes.actor_count * sessions, 0.0);
    std::vector<double> item_means(votes.item_sessions.size(), 0.0);
    std::vector<double> loadings(votes.item_sessions.size(), 0.0);
    for (std::size_t j = 0; j + 1 < layout.item_starts.size(); ++j) {
        double sum = 0.0;
        for (std::size_t v = layout.item_starts[j]; v < layout.item_starts[j + 1]; ++v) {
            sum += static_cast<double>(layout.codes[v]) - 1.0;
        }
        const std::size_t n = layout.item_starts[j + 1] - layout.item_starts[j];
        item_means[j] = n == 0 ? 0.0 : sum / static_cast<double>(n);
    }
    // The power iteration starts from a fixed scatter (a hash of the cell), so that every run is the same.
    for (std::size_t cell = 0; cell < x.size(); ++cell) {
        x[cell] = static_cast<double>((cell * 2654435761U) % 1000) / 1000.0 - 0.5;
    }
    for (int round = 0; round < 30; ++round) {
        std::fill(loadings.begin(), loadings.end(), 0.0);
        for (std::size_t j = 0; j + 1 < layout.item_starts.size(); ++j) {
            for (std::size_t v = layout.item_starts[j]; v < layout.item_starts[j + 1]; ++v) {
                loadings[j] += (static_cast<double>(layout.codes[v]) - 1.0 - item_means[j]) * x[layout.cells[v]];
            }
        }
        std::vector<double> next(x.size(), 0.0);
        for (std::size_t j = 0; j + 1 < layout.item_starts.size(); ++j) {
            for (std::size_t v = layout.item_starts[j]; v < layout.item_starts[j + 1]; ++v) {
                next[layout.cells[v]] += (static_cast<double>(layout.codes[v]) - 1.0 - item_means[j]) * loadings[j];
            }
        }
        // Normalise per session, so that a session with many votes does not swamp the others.
        for (std::size_t s = 0; s < sessions; ++s) {
            double sum = 0.0;
            double squares = 0.0;
            std::size_t n = 0;
            for (std::size_t a = 0; a < votes.actor_count; ++a) {
                const std::size_t cell = a * sessions + s;
                if (layout.votes_per_cell[cell] > 0) {
                    sum += next[cell];
                    squares += next[cell] * next[cell];
                    ++n;
                }
            }
            const double mean = n == 0 ? 0.0 : sum / static_cast<double>(n);
            const double spread =
                n < 2 ? 1.0 : std::sqrt(std::max(squares / static_cast<double>(n) - mean * mean, 1e-300));
            for (std::size_t a = 0; a < votes.actor_count; ++a) {
                const std::size_t cell = a * sessions + s;
                x[cell] = layout.votes_per_cell[cell] > 0 ? (next[cell] - mean) / spread : 0.0;
            }
        }
    }
    return x;
}

/// Dynamic model: turns each session's start to point the same way as the session before, by the
/// actors the two share (principal components have no sign of their own, and a session started the
/// wrong way round would stay so under the random walk). The static model needs nothing: identify()
/// turns each session by itself.
void align_start(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options, std::vector<double>& x) {
    const std::size_t sessions = votes.session_count;
    if (!options.dynamic) {
        return;
    }
    for (std::size_t s = 1; s < sessions; ++s) {
        double direction = 0.0;
        for (std::size_t a = 0; a < votes.actor_count; ++a) {
            const std::size_t here = a * sessions + s;
            if (layout.votes_per_cell[here] > 0 && layout.votes_per_cell[here - 1] > 0) {
                direction += x[here] * x[here - 1];
            }
        }
        if (direction < 0.0) {
            for (std::size_t a = 0; a < votes.actor_count; ++a) {
                x[a * sessions + s] = -x[a * sessions + s];
            }
        }
    }
}

/// One group of sessions' map x -> sign * (x - centre) / spread.
struct Rescale {
    double sum = 0.0;
    double squares = 0.0;
    double count = 0.0;
    double reference_sum = 0.0; // of the reference actor's positions
    double reference_count = 0.0;
    double alignment = 0.0; // sum of x times the target's x, when turning towards a target
    bool has_target = false;

    [[nodiscard]] double centre() const { return count > 0.0 ? sum / count : 0.0; }
    [[nodiscard]] double spread() const {
        const double variance = count > 1.0 ? squares / count - centre() * centre() : 0.0;
        return variance > 1e-24 ? std::sqrt(variance) : 1.0;
    }
    /// Flip when the positions run against the target (which is centred), or else when the
    /// reference actor sits below the centre.
    [[nodiscard]] double sign() const {
        if (has_target) {
            return alignment < 0.0 ? -1.0 : 1.0;
        }
        return reference_count > 0.0 && reference_sum / reference_count < centre() ? -1.0 : 1.0;
    }
};

/// Identifies the estimate. The likelihood is the same under x -> c x + b (items moved to match)
/// and under a flip of sign, and at the mode the priors pin c and b only loosely (the x prior and
/// the item prior trade scale between them). So positions are rescaled to mean 0 and standard
/// deviation 1 over the cells with votes — per session in the static model, over all sessions at
/// once in the dynamic one, so that movement over time survives — and flipped so that the reference
/// actor's mean position is above the centre — or, given a `target` (a bootstrap replicate turned
/// like the estimate), so that they run with it. Every vote probability is unchanged.
struct Identification {
    std::vector<bool> fixed; ///< Per session, whether the reference actor decided the direction.
};

Identification identify(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options, FitState& state,
                        const std::vector<double>* target = nullptr) {
    const std::size_t sessions = votes.session_count;
    const auto group_of = [&](std::size_t session) { return options.dynamic ? std::size_t{0} : session; };
    std::vector<Rescale> groups(options.dynamic ? 1 : sessions);
    for (std::size_t cell = 0; cell < state.x.size(); ++cell) {
        if (layout.votes_per_cell[cell] == 0) {
            continue;
        }
        Rescale& group = groups[group_of(cell % sessions)];
        group.sum += state.x[cell];
        group.squares += state.x[cell] * state.x[cell];
        group.count += 1.0;
        if (options.reference_actor && cell / sessions == *options.reference_actor) {
            group.reference_sum += state.x[cell];
            group.reference_count += 1.0;
        }
        if (target != nullptr) {
            group.alignment += state.x[cell] * (*target)[cell];
            group.has_target = true;
        }
    }
    for (std::size_t cell = 0; cell < state.x.size(); ++cell) {
        const Rescale& group = groups[group_of(cell % sessions)];
        state.x[cell] = group.sign() * (state.x[cell] - group.centre()) / group.spread();
    }
    // alpha + beta x = (alpha + beta centre) + (beta spread sign) x'
    for (std::size_t j = 0; j < state.items.size(); ++j) {
        const Rescale& group = groups[group_of(votes.item_sessions[j])];
        state.items[j].alpha += state.items[j].beta * group.centre();
        state.items[j].beta *= group.spread() * group.sign();
    }
    Identification identification;
    for (std::size_t s = 0; s < sessions; ++s) {
        identification.fixed.push_back(groups[group_of(s)].reference_count > 0.0);
    }
    return identification;
}

/// Votes drawn from the fitted model, on the same actors and items as the observed ones.
std::vector<OrdinalVote> simulate(const Layout& layout, const FitState& fit, std::mt19937_64& random) {
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<OrdinalVote> codes(layout.codes.size());
    for (std::size_t j = 0; j + 1 < layout.item_starts.size(); ++j) {
        for (std::size_t v = layout.item_starts[j]; v < layout.item_starts[j + 1]; ++v) {
            const auto p = vote_probabilities(fit.items[j], fit.x[layout.cells[v]]);
            const double u = uniform(random);
            codes[v] = u < p[0] ? OrdinalVote::no : (u < p[0] + p[1] ? OrdinalVote::abstain : OrdinalVote::yes);
        }
    }
    return codes;
}

/// Bootstrap standard deviations per cell: refit on votes simulated from the estimate, starting at it.
std::vector<double> bootstrap_spread(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options,
                                     const FitState& fit, std::vector<int>& steps) {
    std::mt19937_64 random(options.seed);
    irt::NewtonFitter fitter(votes, layout, options);
    // Replicates are turned like the estimate, not by the reference actor, which may sit near the
    // centre and so turn a replicate the wrong way round.
    FitState estimate = fit;
    identify(votes, layout, options, estimate);
    std::vector<double> sum(fit.x.size(), 0.0);
    std::vector<double> squares(fit.x.size(), 0.0);
    for (int b = 0; b < options.bootstrap; ++b) {
        const std::vector<OrdinalVote> codes = simulate(layout, fit, random);
        FitState replicate = fit;
        steps.push_back(fitter.run(replicate, codes).steps);
        identify(votes, layout, options, replicate, &estimate.x);
        for (std::size_t cell = 0; cell < fit.x.size(); ++cell) {
            sum[cell] += replicate.x[cell];
            squares[cell] += replicate.x[cell] * replicate.x[cell];
        }
    }
    std::vector<double> spread(fit.x.size(), not_a_number);
    const auto n = static_cast<double>(options.bootstrap);
    for (std::size_t cell = 0; cell < fit.x.size(); ++cell) {
        const double mean = sum[cell] / n;
        spread[cell] = std::sqrt(std::max(0.0, (squares[cell] - n * mean * mean) / (n - 1.0)));
    }
    return spread;
}

} // namespace

std::array<double, 3> vote_probabilities(const IrtItem& item, double position) noexcept {
    const double eta = item.alpha + item.beta * position;
    const double no = upper_tail(eta);
    const double yes = upper_tail(item.cut - eta);
    return {no, std::max(0.0, 1.0 - no - yes), yes};
}

IrtFit fit_ordinal_irt(const OrdinalVotes& votes, const IrtOptions& options) {
    check_input(votes, options);
    const Layout layout = irt::layout_of(votes);
    FitState state;
    state.x = start_positions(votes, layout);
    align_start(votes, layout, options, state.x);
    state.items.assign(votes.item_sessions.size(), IrtItem{});

    IrtFit fit;
    fit.actor_count = votes.actor_count;
    fit.session_count = votes.session_count;
    fit.em_steps = irt::run_em(votes, layout, options, state);
    irt::NewtonFitter fitter(votes, layout, options);
    const irt::NewtonOutcome outcome = fitter.run(state, layout.codes);
    fit.newton_steps = outcome.steps;
    fit.converged = outcome.converged;
    fit.log_likelihood = outcome.log_likelihood;
    fit.log_posterior = outcome.log_posterior;
    fit.relative_change = outcome.relative_change;
    fit.largest_gradient = outcome.largest_gradient;
    // Replicates start from the mode before it is rescaled; the Laplace errors are of the rescaled
    // positions already.
    std::vector<double> errors = options.bootstrap > 0
                                     ? bootstrap_spread(votes, layout, options, state, fit.bootstrap_steps)
                                     : fitter.laplace_errors(state, layout.codes);
    const Identification identification = identify(votes, layout, options, state);
    fit.direction_fixed = identification.fixed;
    const double z = normal_quantile(0.5 + options.interval_level / 2.0);
    const std::size_t cells = state.x.size();
    fit.positions.assign(cells, not_a_number);
    fit.lower.assign(cells, not_a_number);
    fit.upper.assign(cells, not_a_number);
    fit.standard_errors.assign(cells, not_a_number);
    fit.votes_counted = layout.votes_per_cell;
    for (std::size_t cell = 0; cell < cells; ++cell) {
        if (layout.votes_per_cell[cell] == 0) {
            continue;
        }
        const double error = errors[cell];
        fit.positions[cell] = state.x[cell];
        fit.standard_errors[cell] = error;
        fit.lower[cell] = state.x[cell] - z * error;
        fit.upper[cell] = state.x[cell] + z * error;
    }
    fit.items = std::move(state.items);
    return fit;
}

} // namespace stance
