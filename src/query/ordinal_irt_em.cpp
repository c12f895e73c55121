// EM for the ordinal IRT model's posterior mode, used to bring the principal-component start near
// the mode before Newton's method (query/ordinal_irt_newton.hpp) takes over: EM's first steps are
// cheap and sure, its last ones hopelessly slow. Each step: the E-step takes every vote's latent
// utility to its expectation under the truncated normal its category allows; the M-steps regress
// those on the positions (item intercepts and discriminations), move each cut by a Newton step on
// the observed likelihood, and solve each actor's positions given the items (a tridiagonal system
// under the random walk).
#include "query/ordinal_irt_em.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace stance::irt {

namespace {

class EmFitter {
public:
    EmFitter(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options)
        : m_votes(votes), m_layout(layout), m_options(options), m_utility(layout.cells.size()),
          m_cuts(votes.item_sessions.size()), m_precision(layout.votes_per_cell.size()),
          m_target(layout.votes_per_cell.size()) {}

    /// Moves `state` towards the mode by at most `steps` EM steps over `codes`; returns the steps taken.
    /// Plain EM crawls here (most of the information is in the latent utilities), so the iterations
    /// are accelerated by SQUAREM (Varadhan and Roland 2008): two EM steps give a direction, a step
    /// along it is taken, and one more EM step settles it; a step that lowers the posterior is
    /// replaced by the two plain EM steps. Stops early once no position moves by more than 0.001.
    int run(FitState& state, const std::vector<OrdinalVote>& codes, int steps) {
        int taken = 0;
        FitState first = state;
        FitState second = state;
        FitState jumped = state;
        while (taken + 3 <= steps) {
            (void)em_step(state, first, codes);
            const double first_posterior = em_step(first, second, codes);
            extrapolate(state, first, second, jumped);
            const double jumped_posterior = em_step(jumped, first, codes); // first: the settled jump
            taken += 3;
            const bool better = std::isfinite(jumped_posterior) && jumped_posterior >= first_posterior;
            const double moved = largest_move(state.x, better ? first.x : second.x);
            std::swap(state.x, better ? first.x : second.x);
            std::swap(state.items, better ? first.items : second.items);
            if (moved < 1e-3) {
                break;
            }
        }
        return taken;
    }

private:
    /// One EM step from `from` into `to`; returns the log posterior at `from`.
    double em_step(const FitState& from, FitState& to, const std::vector<OrdinalVote>& codes) {
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
    static void extrapolate(const FitState& s, const FitState& f, const FitState& g, FitState& out) {
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
    double log_prior(const FitState& state) const {
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
            const double kappa = std::log(item.cut);
            sum -= 0.5 * ridge * (item.alpha * item.alpha + item.beta * item.beta + kappa * kappa);
        }
        return sum;
    }

    /// The E-step: every vote's expected utility into m_utility; also each item's Newton step for its
    /// cut at the same point (an ECME step: it maximises the observed likelihood, not the expected
    /// one, since the cut is not identified from the utilities). Returns the log-likelihood.
    double expectation(const FitState& state, const std::vector<OrdinalVote>& codes) {
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
    void update_items(FitState& state) const {
        const double ridge = 1.0 / (m_options.item_prior_sd * m_options.item_prior_sd);
        for (std::size_t j = 0; j + 1 < m_layout.item_starts.size(); ++j) {
            double n = 0.0;
            double sx = 0.0;
            double sxx = 0.0;
            double sy = 0.0;
            double sxy = 0.0;
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
    double update_positions(FitState& state) {
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

} // namespace

int run_em(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options, FitState& state) {
    EmFitter fitter(votes, layout, options);
    return fitter.run(state, layout.codes, options.em_steps);
}

} // namespace stance::irt
