// EM for the posterior mode of the ordinal IRT model; see stance/query/ordinal_irt.hpp and
// docs/ideal-points.md. Each iteration: the E-step takes every vote's latent utility to its
// expectation under the truncated normal its category allows; the M-steps regress those on the
// positions (item intercepts and discriminations), move each cut by a Newton step on the observed
// likelihood, and solve each actor's positions given the items (a tridiagonal system under the random
// walk). The systems are 2 × 2 and tridiagonal, so plain code says more than a matrix library would.
#include "stance/query/ordinal_irt.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "stance/error.hpp"

namespace stance {

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double inverse_sqrt_two_pi = 0.398942280401432678;
constexpr double inverse_sqrt_two = 0.707106781186547524;

double density(double u) noexcept {
    return inverse_sqrt_two_pi * std::exp(-0.5 * u * u);
}

/// P(e > u) for e ~ N(0, 1), accurate far into the upper tail.
double upper_tail(double u) noexcept {
    return 0.5 * std::erfc(u * inverse_sqrt_two);
}

/// log P(e > u); beyond u = 35 erfc underflows, and the asymptotic form takes over.
double log_upper_tail(double u) noexcept {
    if (u < 35.0) {
        return std::log(upper_tail(u));
    }
    return -0.5 * u * u - std::log(u) - 0.918938533204672742; // log(phi(u) / u)
}

/// E[e | e > u], the inverse Mills ratio.
double mean_above(double u) noexcept {
    if (u < 35.0) {
        return density(u) / upper_tail(u);
    }
    return u + 1.0 / u;
}

/// What one vote contributes, at linear predictor eta and cut tau: the expected latent utility
/// (E-step), its log-likelihood, and the first and second derivatives of that log-likelihood in the
/// cut (the cut's Newton step) and the second in eta (the curvature behind the Laplace intervals).
struct VoteTerms {
    double utility = 0.0;
    double log_probability = 0.0;
    double cut_gradient = 0.0;
    double cut_curvature = 0.0;
    double eta_curvature = 0.0;
};

/// The error e = y* - eta lies above u: no (u = -eta... with the sign folded by the caller) or yes.
/// d/du log P(e > u) = -m and d²/du² = -m (m - u), with m the inverse Mills ratio.
struct Tail {
    double mills;
    double curvature;
};

Tail tail_above(double u) noexcept {
    const double mills = mean_above(u);
    return {mills, -mills * (mills - u)};
}

/// The abstention: low < e < high with low = -eta, high = tau - eta, computed on the side of zero
/// where the difference of tails keeps its digits.
VoteTerms abstention(double eta, double cut) noexcept {
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
    terms.eta_curvature = (low * at_low - high * at_high) - (at_low - at_high) * (at_low - at_high);
    return terms;
}

VoteTerms vote_terms(OrdinalVote vote, double eta, double cut) noexcept {
    switch (vote) {
    case OrdinalVote::no: { // e < -eta, that is -e > eta
        const Tail tail = tail_above(eta);
        return {eta - tail.mills, log_upper_tail(eta), 0.0, 0.0, tail.curvature};
    }
    case OrdinalVote::yes: { // e > cut - eta
        const Tail tail = tail_above(cut - eta);
        return {eta + tail.mills, log_upper_tail(cut - eta), -tail.mills, tail.curvature, tail.curvature};
    }
    case OrdinalVote::abstain: return abstention(eta, cut);
    }
    return {};
}

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

/// The votes in item order, each knowing its actor-session cell: the item step reads one item's
/// votes in a row, the position step adds every vote into its cell.
struct Layout {
    std::vector<std::size_t> item_starts; ///< Votes of item j: [item_starts[j], item_starts[j + 1]).
    std::vector<std::uint32_t> cells;
    std::vector<OrdinalVote> codes;
    std::vector<std::uint32_t> votes_per_cell;
};

Layout layout_of(const OrdinalVotes& votes) {
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
    if (!(options.tolerance > 0.0) || options.max_iterations < 1 || options.bootstrap < 0 || options.bootstrap == 1) {
        throw invalid_input_error("ideal points", "tolerance must be positive, max_iterations at least 1, and "
                                                  "bootstrap 0 (Laplace intervals) or at least 2 replicates");
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

/// One EM run from given start values: the state the iterations move.
struct EmState {
    std::vector<double> x;
    std::vector<IrtItem> items;
    int iterations = 0;
    bool converged = false;
    double log_likelihood = 0.0;
};

class EmFitter {
public:
    EmFitter(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options)
        : m_votes(votes), m_layout(layout), m_options(options), m_utility(layout.cells.size()),
          m_cuts(votes.item_sessions.size()), m_precision(layout.votes_per_cell.size()),
          m_target(layout.votes_per_cell.size()) {}

    /// Iterates `state` (start values in, estimate out) over `codes` (the observed or simulated votes).
    /// Plain EM crawls here (most of the information is in the latent utilities), so the iterations
    /// are accelerated by SQUAREM (Varadhan and Roland 2008): two EM steps give a direction, a step
    /// along it is taken, and one more EM step settles it; a step that lowers the posterior is
    /// replaced by the two plain EM steps. `iterations` counts EM steps.
    void run(EmState& state, const std::vector<OrdinalVote>& codes) {
        state.converged = false;
        state.iterations = 0;
        EmState first = state;
        EmState second = state;
        EmState jumped = state;
        while (state.iterations < m_options.max_iterations) {
            (void)em_step(state, first, codes);
            const double first_posterior = em_step(first, second, codes);
            state.iterations += 2;
            extrapolate(state, first, second, jumped);
            const double jumped_posterior = em_step(jumped, first, codes); // first: the settled jump
            ++state.iterations;
            const bool better = std::isfinite(jumped_posterior) && jumped_posterior >= first_posterior;
            const double moved = largest_move(state.x, better ? first.x : second.x);
            std::swap(state.x, better ? first.x : second.x);
            std::swap(state.items, better ? first.items : second.items);
            if (moved < m_options.tolerance) {
                state.converged = true;
                break;
            }
        }
        state.log_likelihood = expectation(state, codes);
    }

private:
    /// One EM step from `from` into `to`; returns the log posterior at `from`.
    double em_step(const EmState& from, EmState& to, const std::vector<OrdinalVote>& codes) {
        to.x = from.x;
        to.items = from.items;
        const double log_likelihood = expectation(from, codes);
        update_items(to);
        for (std::size_t j = 0; j < to.items.size(); ++j) {
            to.items[j].cut = m_cuts[j];
        }
        update_positions(to);
        return log_likelihood + log_prior(from);
    }

    /// SQUAREM's step: from the start s and two EM steps f and g, s - 2a (f - s) + a² (g - 2f + s)
    /// with a = -|f - s| / |g - 2f + s| (at most -1, which is the plain second step). Cuts are moved
    /// on the log scale, so that they stay positive.
    static void extrapolate(const EmState& s, const EmState& f, const EmState& g, EmState& out) {
        double r2 = 0.0;
        double v2 = 0.0;
        const auto add = [&](double a, double b, double c) {
            r2 += (b - a) * (b - a);
            v2 += (c - 2.0 * b + a) * (c - 2.0 * b + a);
        };
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            add(s.x[i], f.x[i], g.x[i]);
        }
        for (std::size_t j = 0; j < s.items.size(); ++j) {
            add(s.items[j].alpha, f.items[j].alpha, g.items[j].alpha);
            add(s.items[j].beta, f.items[j].beta, g.items[j].beta);
            add(std::log(s.items[j].cut), std::log(f.items[j].cut), std::log(g.items[j].cut));
        }
        const double a = v2 > 0.0 ? std::min(-1.0, -std::sqrt(r2 / v2)) : -1.0;
        const auto jump = [a](double x, double y, double z) {
            return x - 2.0 * a * (y - x) + a * a * (z - 2.0 * y + x);
        };
        out.x.resize(s.x.size());
        out.items.resize(s.items.size());
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            out.x[i] = jump(s.x[i], f.x[i], g.x[i]);
        }
        for (std::size_t j = 0; j < s.items.size(); ++j) {
            out.items[j].alpha = jump(s.items[j].alpha, f.items[j].alpha, g.items[j].alpha);
            out.items[j].beta = jump(s.items[j].beta, f.items[j].beta, g.items[j].beta);
            out.items[j].cut =
                std::clamp(std::exp(jump(std::log(s.items[j].cut), std::log(f.items[j].cut), std::log(g.items[j].cut))),
                           1e-3, 50.0);
        }
    }

    static double largest_move(const std::vector<double>& before, const std::vector<double>& after) {
        double largest = 0.0;
        for (std::size_t i = 0; i < before.size(); ++i) {
            largest = std::max(largest, std::abs(after[i] - before[i]));
        }
        return largest;
    }

    /// The log prior density of positions (with the random walk) and item parameters, up to a constant.
    double log_prior(const EmState& state) const {
        const std::size_t sessions = m_votes.session_count;
        const double prior = 1.0 / (m_options.prior_sd * m_options.prior_sd);
        const double walk = 1.0 / (m_options.random_walk_sd * m_options.random_walk_sd);
        double sum = 0.0;
        for (std::size_t a = 0; a < m_votes.actor_count; ++a) {
            std::optional<std::size_t> last;
            for (std::size_t s = 0; s < sessions; ++s) {
                const std::size_t cell = a * sessions + s;
                if (m_layout.votes_per_cell[cell] == 0) {
                    continue;
                }
                if (m_options.dynamic && last) {
                    const double step = state.x[cell] - state.x[a * sessions + *last];
                    sum -= 0.5 * walk * step * step / static_cast<double>(s - *last);
                } else {
                    sum -= 0.5 * prior * state.x[cell] * state.x[cell];
                }
                last = s;
            }
        }
        const double ridge = 1.0 / (m_options.item_prior_sd * m_options.item_prior_sd);
        for (const IrtItem& item : state.items) {
            sum -= 0.5 * ridge * (item.alpha * item.alpha + item.beta * item.beta);
        }
        return sum;
    }

    /// The E-step: every vote's expected utility into m_utility; also each item's Newton step for its
    /// cut at the same point (an ECME step: it maximises the observed likelihood, not the expected
    /// one, since the cut is not identified from the utilities). Returns the log-likelihood.
    double expectation(const EmState& state, const std::vector<OrdinalVote>& codes) {
        double log_likelihood = 0.0;
        for (std::size_t j = 0; j + 1 < m_layout.item_starts.size(); ++j) {
            const IrtItem& item = state.items[j];
            double gradient = 0.0;
            double curvature = 0.0;
            for (std::size_t v = m_layout.item_starts[j]; v < m_layout.item_starts[j + 1]; ++v) {
                const VoteTerms terms =
                    vote_terms(codes[v], item.alpha + item.beta * state.x[m_layout.cells[v]], item.cut);
                m_utility[v] = terms.utility;
                log_likelihood += terms.log_probability;
                gradient += terms.cut_gradient;
                curvature += terms.cut_curvature;
            }
            // The log-likelihood is concave in the cut; the step is kept within a factor of two.
            double cut = item.cut;
            if (curvature < -1e-12) {
                cut = std::clamp(cut - gradient / curvature, cut / 2.0, cut * 2.0);
            }
            m_cuts[j] = std::clamp(cut, 1e-3, 50.0);
        }
        return log_likelihood;
    }

    /// Intercept and discrimination of each item: a ridge regression of the utilities on the positions.
    void update_items(EmState& state) const {
        const double ridge = 1.0 / (m_options.item_prior_sd * m_options.item_prior_sd);
        for (std::size_t j = 0; j + 1 < m_layout.item_starts.size(); ++j) {
            double n = 0.0, sx = 0.0, sxx = 0.0, sy = 0.0, sxy = 0.0;
            for (std::size_t v = m_layout.item_starts[j]; v < m_layout.item_starts[j + 1]; ++v) {
                const double x = state.x[m_layout.cells[v]];
                n += 1.0;
                sx += x;
                sxx += x * x;
                sy += m_utility[v];
                sxy += x * m_utility[v];
            }
            const double a = n + ridge;
            const double d = sxx + ridge;
            const double determinant = a * d - sx * sx;
            state.items[j].alpha = (d * sy - sx * sxy) / determinant;
            state.items[j].beta = (a * sxy - sx * sy) / determinant;
        }
    }

    /// Every actor's positions given the items; returns the largest move.
    double update_positions(EmState& state) {
        std::fill(m_precision.begin(), m_precision.end(), 0.0);
        std::fill(m_target.begin(), m_target.end(), 0.0);
        for (std::size_t j = 0; j + 1 < m_layout.item_starts.size(); ++j) {
            const IrtItem& item = state.items[j];
            for (std::size_t v = m_layout.item_starts[j]; v < m_layout.item_starts[j + 1]; ++v) {
                m_precision[m_layout.cells[v]] += item.beta * item.beta;
                m_target[m_layout.cells[v]] += item.beta * (m_utility[v] - item.alpha);
            }
        }
        double largest = 0.0;
        for (std::size_t a = 0; a < m_votes.actor_count; ++a) {
            largest = std::max(largest, solve_actor(a, state.x));
        }
        return largest;
    }

    /// The actor's system in the sessions it voted in: `per_cell` (the likelihood's precision) plus
    /// the prior on the diagonal, the random walk's links off it (tridiagonal), into m_sessions,
    /// m_diagonal and m_off (m_off[t] couples t and t + 1).
    void build_system(std::size_t actor, const std::vector<double>& per_cell) {
        const std::size_t sessions = m_votes.session_count;
        const double prior = 1.0 / (m_options.prior_sd * m_options.prior_sd);
        const double walk = 1.0 / (m_options.random_walk_sd * m_options.random_walk_sd);
        m_sessions.clear();
        for (std::size_t s = 0; s < sessions; ++s) {
            if (m_layout.votes_per_cell[actor * sessions + s] > 0) {
                m_sessions.push_back(s);
            }
        }
        const std::size_t k = m_sessions.size();
        m_diagonal.assign(k, 0.0);
        m_off.assign(k, 0.0);
        for (std::size_t t = 0; t < k; ++t) {
            m_diagonal[t] += per_cell[actor * sessions + m_sessions[t]] + (m_options.dynamic && t > 0 ? 0.0 : prior);
            if (m_options.dynamic && t + 1 < k) {
                const double link = walk / static_cast<double>(m_sessions[t + 1] - m_sessions[t]);
                m_diagonal[t] += link;
                m_diagonal[t + 1] += link;
                m_off[t] = -link;
            }
        }
    }

    /// The actor's positions given the items, by the Thomas algorithm; returns the largest move.
    double solve_actor(std::size_t actor, std::vector<double>& x) {
        const std::size_t sessions = m_votes.session_count;
        build_system(actor, m_precision);
        const std::size_t k = m_sessions.size();
        m_right.assign(k, 0.0);
        for (std::size_t t = 0; t < k; ++t) {
            m_right[t] = m_target[actor * sessions + m_sessions[t]];
        }
        for (std::size_t t = 1; t < k; ++t) { // forward elimination
            const double factor = m_off[t - 1] / m_diagonal[t - 1];
            m_diagonal[t] -= factor * m_off[t - 1];
            m_right[t] -= factor * m_right[t - 1];
        }
        double largest = 0.0;
        double after = 0.0;
        for (std::size_t t = k; t-- > 0;) { // back substitution
            const double value = (m_right[t] - (t + 1 < k ? m_off[t] * after : 0.0)) / m_diagonal[t];
            double& slot = x[actor * sessions + m_sessions[t]];
            largest = std::max(largest, std::abs(value - slot));
            slot = value;
            after = value;
        }
        return largest;
    }

public:
    /// Laplace standard errors of the positions at `state`: the inverse of the log posterior's
    /// curvature in each actor's positions (the observed information of its votes, beta² times the
    /// ordered probit's curvature, plus the prior and the random walk), items held at their
    /// estimates. The diagonal of a tridiagonal inverse is 1 / (p + q - d) with p and q the pivots
    /// of elimination from either end, which never overflows.
    std::vector<double> laplace_errors(const EmState& state, const std::vector<OrdinalVote>& codes) {
        std::fill(m_precision.begin(), m_precision.end(), 0.0);
        for (std::size_t j = 0; j + 1 < m_layout.item_starts.size(); ++j) {
            const IrtItem& item = state.items[j];
            for (std::size_t v = m_layout.item_starts[j]; v < m_layout.item_starts[j + 1]; ++v) {
                const VoteTerms terms =
                    vote_terms(codes[v], item.alpha + item.beta * state.x[m_layout.cells[v]], item.cut);
                m_precision[m_layout.cells[v]] -= item.beta * item.beta * terms.eta_curvature;
            }
        }
        std::vector<double> errors(state.x.size(), not_a_number);
        std::vector<double> forward;
        std::vector<double> backward;
        for (std::size_t actor = 0; actor < m_votes.actor_count; ++actor) {
            build_system(actor, m_precision);
            const std::size_t k = m_sessions.size();
            forward.assign(k, 0.0);
            backward.assign(k, 0.0);
            for (std::size_t t = 0; t < k; ++t) {
                forward[t] = m_diagonal[t] - (t > 0 ? m_off[t - 1] * m_off[t - 1] / forward[t - 1] : 0.0);
            }
            for (std::size_t t = k; t-- > 0;) {
                backward[t] = m_diagonal[t] - (t + 1 < k ? m_off[t] * m_off[t] / backward[t + 1] : 0.0);
            }
            for (std::size_t t = 0; t < k; ++t) {
                errors[actor * m_votes.session_count + m_sessions[t]] =
                    std::sqrt(1.0 / (forward[t] + backward[t] - m_diagonal[t]));
            }
        }
        return errors;
    }

private:
    const OrdinalVotes& m_votes;
    const Layout& m_layout;
    const IrtOptions& m_options;
    std::vector<double> m_utility; // per vote, in layout order
    std::vector<double> m_cuts;    // per item, the E-step's Newton step
    std::vector<double> m_precision;
    std::vector<double> m_target;
    std::vector<std::size_t> m_sessions;
    std::vector<double> m_diagonal;
    std::vector<double> m_off;
    std::vector<double> m_right;
};

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
    std::vector<double> spreads; ///< Per session, what positions were divided by.
    std::vector<bool> fixed;     ///< Per session, whether the reference actor decided the direction.
};

Identification identify(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options, EmState& state,
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
        identification.spreads.push_back(groups[group_of(s)].spread());
        identification.fixed.push_back(groups[group_of(s)].reference_count > 0.0);
    }
    return identification;
}

/// Votes drawn from the fitted model, on the same actors and items as the observed ones.
std::vector<OrdinalVote> simulate(const Layout& layout, const EmState& fit, std::mt19937_64& random) {
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
                                     const EmState& fit, std::vector<int>& iterations) {
    std::mt19937_64 random(options.seed);
    EmFitter fitter(votes, layout, options);
    // Replicates are turned like the estimate, not by the reference actor, which may sit near the
    // centre and so turn a replicate the wrong way round.
    EmState estimate = fit;
    identify(votes, layout, options, estimate);
    std::vector<double> sum(fit.x.size(), 0.0);
    std::vector<double> squares(fit.x.size(), 0.0);
    for (int b = 0; b < options.bootstrap; ++b) {
        const std::vector<OrdinalVote> codes = simulate(layout, fit, random);
        EmState replicate = fit;
        fitter.run(replicate, codes);
        identify(votes, layout, options, replicate, &estimate.x);
        iterations.push_back(replicate.iterations);
        for (std::size_t cell = 0; cell < fit.x.size(); ++cell) {
            sum[cell] += replicate.x[cell];
            squares[cell] += replicate.x[cell] * replicate.x[cell];
        }
    }
    std::vector<double> spread(fit.x.size(), not_a_number);

    const double n = static_cast<double>(options.bootstrap);
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
    const Layout layout = layout_of(votes);
    EmState state;
    state.x = start_positions(votes, layout);
    align_start(votes, layout, options, state.x);
    state.items.assign(votes.item_sessions.size(), IrtItem{});
    EmFitter fitter(votes, layout, options);
    fitter.run(state, layout.codes);

    IrtFit fit;
    fit.actor_count = votes.actor_count;
    fit.session_count = votes.session_count;
    fit.iterations = state.iterations;
    fit.converged = state.converged;
    fit.log_likelihood = state.log_likelihood;
    // Replicates start from the mode before it is rescaled: rescaled, they would first have to crawl
    // back along the scale the priors prefer, which is the slowest direction EM knows.
    std::vector<double> errors = options.bootstrap > 0
                                     ? bootstrap_spread(votes, layout, options, state, fit.bootstrap_iterations)
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
        // Bootstrap replicates were rescaled one by one; the Laplace error is on the fitted scale.
        const double error =
            options.bootstrap > 0 ? errors[cell] : errors[cell] / identification.spreads[cell % votes.session_count];
        fit.positions[cell] = state.x[cell];
        fit.standard_errors[cell] = error;
        fit.lower[cell] = state.x[cell] - z * error;
        fit.upper[cell] = state.x[cell] + z * error;
    }
    fit.items = std::move(state.items);
    return fit;
}

} // namespace stance
