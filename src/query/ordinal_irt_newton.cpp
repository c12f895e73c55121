// Newton's method on the ordinal IRT model's observed posterior; see query/ordinal_irt_newton.hpp.
//
// Parameters: every position of an actor from its first session with votes to its last (a session
// it missed carries a position too, which the random walk alone determines: that keeps every link
// of the walk between neighbouring sessions, so the position system is block tridiagonal, and it
// changes nothing, since a Gaussian walk maximised over the missed steps is the walk over the gap);
// per roll call its intercept alpha, discrimination beta and log cut kappa = log tau (the cut must
// stay positive, and a roll call without abstentions would otherwise push it to zero forever).
//
// One step solves (H + damping I) delta = gradient, with H the negative Hessian:
//   1. per session, in parallel: each item's 3 × 3 block is factored and eliminated, leaving the
//      session's positions with a dense Schur complement;
//   2. in time order: block elimination of the sessions (the walk couples an actor's position with
//      its own in the next session only), then back substitution; the items' steps follow.
#include "query/ordinal_irt_newton.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace stance::irt {

namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

/// Cholesky factor of a packed symmetric 3 × 3 (00 01 02 11 12 22) into packed lower (00 10 11 20 21 22).
bool factor_3(const std::array<double, 6>& a, double damping, std::array<double, 6>& l) {
    const double d0 = a[0] + damping;
    if (!(d0 > 0.0)) {
        return false;
    }
    l[0] = std::sqrt(d0);
    l[1] = a[1] / l[0];
    const double d1 = a[3] + damping - l[1] * l[1];
    if (!(d1 > 0.0)) {
        return false;
    }
    l[2] = std::sqrt(d1);
    l[3] = a[2] / l[0];
    l[4] = (a[4] - l[3] * l[1]) / l[2];
    const double d2 = a[5] + damping - l[3] * l[3] - l[4] * l[4];
    if (!(d2 > 0.0)) {
        return false;
    }
    l[5] = std::sqrt(d2);
    return true;
}

/// Solves (L L') y = b with the packed factor of factor_3.
std::array<double, 3> solve_3(const std::array<double, 6>& l, const std::array<double, 3>& b) {
    const double z0 = b[0] / l[0];
    const double z1 = (b[1] - l[1] * z0) / l[2];
    const double z2 = (b[2] - l[3] * z0 - l[4] * z1) / l[5];
    const double y2 = z2 / l[5];
    const double y1 = (z1 - l[4] * y2) / l[2];
    const double y0 = (z0 - l[1] * y1 - l[3] * y2) / l[0];
    return {y0, y1, y2};
}

double dot_3(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/// Replaces the symmetric positive definite n × n matrix `a` (row-major) by its inverse; false when
/// it is not positive definite. Cholesky, inverse of the factor, then W'W.
bool invert_positive_definite(std::vector<double>& a, std::size_t n, std::vector<double>& scratch) {
    for (std::size_t j = 0; j < n; ++j) {
        double* row_j = &a[j * n];
        double d = row_j[j];
        for (std::size_t k = 0; k < j; ++k) {
            d -= row_j[k] * row_j[k];
        }
        if (!(d > 0.0)) {
            return false;
        }
        d = std::sqrt(d);
        row_j[j] = d;
        for (std::size_t i = j + 1; i < n; ++i) {
            double* row_i = &a[i * n];
            double sum = row_i[j];
            for (std::size_t k = 0; k < j; ++k) {
                sum -= row_i[k] * row_j[k];
            }
            row_i[j] = sum / d;
        }
    }
    // W = inverse of the lower factor, row by row: W[i][j] = -sum_{k=j}^{i-1} L[i][k] W[k][j] / L[i][i].
    for (std::size_t i = 0; i < n; ++i) {
        double* row_i = &a[i * n];
        for (std::size_t j = 0; j < i; ++j) {
            double sum = 0.0;
            for (std::size_t k = j; k < i; ++k) {
                sum += row_i[k] * a[k * n + j];
            }
            row_i[j] = -sum / row_i[i];
        }
        row_i[i] = 1.0 / row_i[i];
    }
    // inverse = W'W: entry (i, j) = sum over k >= max(i, j) of W[k][i] W[k][j].
    scratch.assign(n * n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
        const double* row_k = &a[k * n];
        for (std::size_t i = 0; i <= k; ++i) {
            const double w = row_k[i];
            double* out = &scratch[i * n];
            for (std::size_t j = 0; j <= i; ++j) {
                out[j] += w * row_k[j];
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            a[i * n + j] = scratch[i * n + j];
            a[j * n + i] = scratch[i * n + j];
        }
    }
    return true;
}

/// out = m v for the n × n matrix m.
void multiply(const std::vector<double>& m, const std::vector<double>& v, std::vector<double>& out) {
    const std::size_t n = v.size();
    out.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            sum += m[i * n + k] * v[k];
        }
        out[i] = sum;
    }
}

/// Runs job(s) for every session on IrtOptions::threads threads. Each session's work writes only
/// that session's sums, and they are added up afterwards in session order, so the result does
/// not depend on the number of threads.
template <class Job> void for_each_session(std::size_t sessions, int threads, const Job& job) {
    const auto count = static_cast<std::size_t>(std::max(1, threads));
    if (count == 1 || sessions < 2) {
        for (std::size_t s = 0; s < sessions; ++s) {
            job(s);
        }
        return;
    }
    std::vector<std::jthread> workers;
    for (std::size_t t = 1; t < count; ++t) {
        workers.emplace_back([&, t] {
            for (std::size_t s = t; s < sessions; s += count) {
                job(s);
            }
        });
    }
    for (std::size_t s = 0; s < sessions; s += count) {
        job(s);
    }
}

} // namespace

NewtonFitter::NewtonFitter(const OrdinalVotes& votes, const Layout& layout, const IrtOptions& options)
    : m_votes(votes), m_layout(layout), m_options(options), m_sessions(votes.session_count),
      m_local(votes.actor_count * votes.session_count, none), m_vote_local(layout.cells.size()),
      m_item_gradient(votes.item_sessions.size()), m_item_hessian(votes.item_sessions.size()),
      m_item_factor(votes.item_sessions.size()), m_cell_gradient(m_local.size(), 0.0),
      m_cell_hessian(m_local.size(), 0.0), m_coupling(layout.cells.size()) {
    const std::size_t sessions = votes.session_count;
    for (std::uint32_t actor = 0; actor < votes.actor_count; ++actor) {
        std::size_t first = sessions;
        std::size_t last = 0;
        for (std::size_t s = 0; s < sessions; ++s) {
            if (layout.votes_per_cell[cell(actor, s)] > 0) {
                first = std::min(first, s);
                last = s;
            }
        }
        for (std::size_t s = first; s <= last && s < sessions; ++s) {
            if (options.dynamic || layout.votes_per_cell[cell(actor, s)] > 0) {
                m_local[cell(actor, s)] = static_cast<std::uint32_t>(m_sessions[s].actors.size());
                m_sessions[s].actors.push_back(actor);
            }
        }
    }
    for (std::size_t s = 0; s < sessions; ++s) {
        Session& session = m_sessions[s];
        for (std::uint32_t actor : session.actors) {
            session.next.push_back(options.dynamic && s + 1 < sessions ? m_local[cell(actor, s + 1)] : none);
        }
    }
    for (std::uint32_t j = 0; j < votes.item_sessions.size(); ++j) {
        m_sessions[votes.item_sessions[j]].items.push_back(j);
    }
    for (std::size_t v = 0; v < layout.cells.size(); ++v) {
        m_vote_local[v] = m_local[layout.cells[v]];
    }
}

bool NewtonFitter::alive(std::uint32_t actor, std::size_t session) const noexcept {
    return m_local[cell(actor, session)] != none;
}

/// The log posterior of session s (its votes, its items' priors, its positions' priors and the walk
/// from the session before) and, with `derivatives`, the gradient and negative Hessian of it.
void NewtonFitter::evaluate_session(std::size_t s, const FitState& state, const std::vector<OrdinalVote>& codes,
                                    bool derivatives) {
    Session& session = m_sessions[s];
    const double ridge = 1.0 / (m_options.item_prior_sd * m_options.item_prior_sd);
    const double prior = 1.0 / (m_options.prior_sd * m_options.prior_sd);
    const double walk = 1.0 / (m_options.random_walk_sd * m_options.random_walk_sd);
    double log_likelihood = 0.0;
    double log_prior = 0.0;
    for (std::uint32_t actor : session.actors) {
        m_cell_gradient[cell(actor, s)] = 0.0;
        m_cell_hessian[cell(actor, s)] = 0.0;
    }
    for (std::uint32_t j : session.items) {
        const IrtItem& item = state.items[j];
        std::array<double, 3> gradient{};
        std::array<double, 6> curvature{}; // of the log-likelihood in (alpha, beta, tau)
        for (std::size_t v = m_layout.item_starts[j]; v < m_layout.item_starts[j + 1]; ++v) {
            const std::size_t c = m_layout.cells[v];
            const double x = state.x[c];
            const VoteTerms t = vote_terms(codes[v], item.alpha + item.beta * x, item.cut);
            log_likelihood += t.log_probability;
            if (!derivatives) {
                continue;
            }
            gradient[0] += t.eta_gradient;
            gradient[1] += t.eta_gradient * x;
            gradient[2] += t.cut_gradient;
            curvature[0] += t.eta_curvature;
            curvature[1] += t.eta_curvature * x;
            curvature[2] += t.eta_cut;
            curvature[3] += t.eta_curvature * x * x;
            curvature[4] += t.eta_cut * x;
            curvature[5] += t.cut_curvature;
            m_cell_gradient[c] += t.eta_gradient * item.beta;
            m_cell_hessian[c] -= t.eta_curvature * item.beta * item.beta;
            m_coupling[v] = {-t.eta_curvature * item.beta, -(t.eta_curvature * x * item.beta + t.eta_gradient),
                             -item.cut * t.eta_cut * item.beta};
        }
        const double kappa = std::log(item.cut);
        log_prior -= 0.5 * ridge * (item.alpha * item.alpha + item.beta * item.beta + kappa * kappa);
        if (derivatives) {
            const double tau = item.cut; // d/dkappa = tau d/dtau
            m_item_gradient[j] = {gradient[0] - ridge * item.alpha, gradient[1] - ridge * item.beta,
                                  tau * gradient[2] - ridge * kappa};
            m_item_hessian[j] = {-curvature[0] + ridge, -curvature[1],
                                 -tau * curvature[2],   -curvature[3] + ridge,
                                 -tau * curvature[4],   -(tau * tau * curvature[5] + tau * gradient[2]) + ridge};
        }
    }
    for (std::uint32_t actor : session.actors) {
        const std::size_t c = cell(actor, s);
        const double x = state.x[c];
        const bool linked_before = m_options.dynamic && s > 0 && alive(actor, s - 1);
        const bool linked_after = m_options.dynamic && s + 1 < m_sessions.size() && alive(actor, s + 1);
        if (!linked_before) {
            log_prior -= 0.5 * prior * x * x;
            m_cell_gradient[c] -= prior * x;
            m_cell_hessian[c] += prior;
        } else {
            const double before = state.x[cell(actor, s - 1)];
            log_prior -= 0.5 * walk * (x - before) * (x - before);
            m_cell_gradient[c] -= walk * (x - before);
            m_cell_hessian[c] += walk;
        }
        if (linked_after) {
            m_cell_gradient[c] -= walk * (x - state.x[cell(actor, s + 1)]);
            m_cell_hessian[c] += walk;
        }
    }
    session.log_likelihood = log_likelihood;
    session.log_posterior = log_likelihood + log_prior;
}

void NewtonFitter::evaluate(const FitState& state, const std::vector<OrdinalVote>& codes, bool derivatives) {
    for_each_session(m_sessions.size(), m_options.threads,
                     [&](std::size_t s) { evaluate_session(s, state, codes, derivatives); });
}

double NewtonFitter::sum_log_posterior() const {
    double sum = 0.0;
    for (const Session& session : m_sessions) {
        sum += session.log_posterior;
    }
    return sum;
}

double NewtonFitter::largest_gradient() const {
    double largest = 0.0;
    for (std::size_t s = 0; s < m_sessions.size(); ++s) {
        for (std::uint32_t actor : m_sessions[s].actors) {
            largest = std::max(largest, std::abs(m_cell_gradient[cell(actor, s)]));
        }
        for (std::uint32_t j : m_sessions[s].items) {
            for (double g : m_item_gradient[j]) {
                largest = std::max(largest, std::abs(g));
            }
        }
    }
    return largest;
}

/// Session s's positions after its items are eliminated: block = H_xx + damping - sum over items
/// of B' A^-1 B, right = g_x - B' A^-1 g_item. False when an item's damped block is not positive definite.
bool NewtonFitter::schur_complement(std::size_t s, double damping) {
    Session& session = m_sessions[s];
    const std::size_t n = session.actors.size();
    session.block.assign(n * n, 0.0);
    session.right.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t c = cell(session.actors[k], s);
        session.block[k * n + k] = m_cell_hessian[c] + damping;
        session.right[k] = m_cell_gradient[c];
    }
    std::vector<std::array<double, 3>> solved;
    for (std::uint32_t j : session.items) {
        if (!factor_3(m_item_hessian[j], damping, m_item_factor[j])) {
            return false;
        }
        const std::array<double, 3> item_step = solve_3(m_item_factor[j], m_item_gradient[j]);
        const std::size_t begin = m_layout.item_starts[j];
        const std::size_t end = m_layout.item_starts[j + 1];
        solved.resize(end - begin);
        for (std::size_t v = begin; v < end; ++v) {
            solved[v - begin] = solve_3(m_item_factor[j], m_coupling[v]);
        }
        for (std::size_t v = begin; v < end; ++v) {
            const std::array<double, 3>& coupling = m_coupling[v];
            const std::size_t row = m_vote_local[v];
            session.right[row] -= dot_3(coupling, item_step);
            double* block_row = &session.block[row * n];
            for (std::size_t w = begin; w < end; ++w) {
                block_row[m_vote_local[w]] -= dot_3(coupling, solved[w - begin]);
            }
        }
    }
    return true;
}

/// Block elimination in time order: each session's block becomes the inverse of its Schur complement
/// given the sessions before (the walk subtracts walk² times the previous inverse on shared actors).
bool NewtonFitter::eliminate() {
    const double walk = 1.0 / (m_options.random_walk_sd * m_options.random_walk_sd);
    std::vector<double> scratch;
    for (std::size_t s = 0; s < m_sessions.size(); ++s) {
        Session& session = m_sessions[s];
        const std::size_t n = session.actors.size();
        if (s > 0 && m_options.dynamic) {
            const Session& before = m_sessions[s - 1];
            const std::size_t m = before.actors.size();
            for (std::size_t a = 0; a < m; ++a) {
                if (before.next[a] == none) {
                    continue;
                }
                for (std::size_t b = 0; b < m; ++b) {
                    if (before.next[b] != none) {
                        session.block[before.next[a] * n + before.next[b]] -= walk * walk * before.block[a * m + b];
                    }
                }
            }
        }
        if (!invert_positive_definite(session.block, n, scratch)) {
            return false;
        }
    }
    return true;
}

/// Forward and back substitution through the eliminated blocks: `right` in, `solved` out.
void NewtonFitter::solve() {
    const double walk = 1.0 / (m_options.random_walk_sd * m_options.random_walk_sd);
    std::vector<double> reduced;
    for (std::size_t s = 0; s < m_sessions.size(); ++s) { // solved = D^-1 (right + walk * carried)
        Session& session = m_sessions[s];
        reduced = session.right;
        if (s > 0) {
            const Session& before = m_sessions[s - 1];
            for (std::size_t a = 0; a < before.actors.size(); ++a) {
                if (before.next[a] != none) {
                    reduced[before.next[a]] += walk * before.solved[a];
                }
            }
        }
        multiply(session.block, reduced, session.solved);
    }
    std::vector<double> carried;
    std::vector<double> correction;
    for (std::size_t s = m_sessions.size() - 1; s-- > 0;) {
        Session& session = m_sessions[s];
        const Session& after = m_sessions[s + 1];
        carried.assign(session.actors.size(), 0.0);
        bool any = false;
        for (std::size_t a = 0; a < session.actors.size(); ++a) {
            if (session.next[a] != none) {
                carried[a] = walk * after.solved[session.next[a]];
                any = true;
            }
        }
        if (any) {
            multiply(session.block, carried, correction);
            for (std::size_t a = 0; a < session.actors.size(); ++a) {
                session.solved[a] += correction[a];
            }
        }
    }
}

/// The damped Newton step from `from` into `to`; false when the damped Hessian is not positive definite.
bool NewtonFitter::step(const FitState& from, FitState& to, double damping) {
    std::vector<char> ok(m_sessions.size(), 1);
    for_each_session(m_sessions.size(), m_options.threads,
                     [&](std::size_t s) { ok[s] = schur_complement(s, damping) ? 1 : 0; });
    if (std::find(ok.begin(), ok.end(), 0) != ok.end() || !eliminate()) {
        return false;
    }
    solve();
    to = from;
    for (std::size_t s = 0; s < m_sessions.size(); ++s) {
        const Session& session = m_sessions[s];
        for (std::size_t k = 0; k < session.actors.size(); ++k) {
            to.x[cell(session.actors[k], s)] += session.solved[k];
        }
        for (std::uint32_t j : session.items) {
            std::array<double, 3> rest = m_item_gradient[j];
            for (std::size_t v = m_layout.item_starts[j]; v < m_layout.item_starts[j + 1]; ++v) {
                const double moved = session.solved[m_vote_local[v]];
                for (std::size_t p = 0; p < 3; ++p) {
                    rest[p] -= m_coupling[v][p] * moved;
                }
            }
            const std::array<double, 3> delta = solve_3(m_item_factor[j], rest);
            to.items[j].alpha += delta[0];
            to.items[j].beta += delta[1];
            to.items[j].cut *= std::exp(std::clamp(delta[2], -5.0, 5.0));
        }
    }
    return true;
}

NewtonOutcome NewtonFitter::run(FitState& state, const std::vector<OrdinalVote>& codes) {
    NewtonOutcome outcome;
    // A position the random walk alone determines (a missed session) starts from the session before.
    for (std::size_t s = 1; s < m_sessions.size(); ++s) {
        for (std::uint32_t actor : m_sessions[s].actors) {
            if (m_layout.votes_per_cell[cell(actor, s)] == 0) {
                state.x[cell(actor, s)] = state.x[cell(actor, s - 1)];
            }
        }
    }
    evaluate(state, codes, true);
    double current = sum_log_posterior();
    double damping = 0.0;
    FitState trial = state;
    while (true) {
        outcome.largest_gradient = largest_gradient();
        if (outcome.relative_change <= m_options.tolerance &&
            outcome.largest_gradient <= m_options.gradient_tolerance) {
            outcome.converged = true;
            break;
        }
        if (outcome.steps >= m_options.max_newton_steps) {
            break;
        }
        bool accepted = false;
        for (int attempt = 0; attempt < 40 && !accepted; ++attempt) {
            if (step(state, trial, damping)) {
                evaluate(trial, codes, false);
                const double proposed = sum_log_posterior();
                // Rounding: at the mode a step may change the posterior by less than its last digits.
                accepted = std::isfinite(proposed) && proposed >= current - 1e-12 * std::abs(current);
                if (accepted) {
                    outcome.relative_change = std::abs(proposed - current) / std::max(1.0, std::abs(current));
                    current = proposed;
                    std::swap(state, trial);
                    damping = damping < 1e-6 ? 0.0 : damping / 10.0;
                    break;
                }
            }
            damping = std::max(damping * 10.0, 1e-4);
        }
        if (!accepted) {
            break;
        }
        ++outcome.steps;
        evaluate(state, codes, true);
    }
    outcome.log_posterior = current;
    outcome.log_likelihood = 0.0;
    for (const Session& session : m_sessions) {
        outcome.log_likelihood += session.log_likelihood;
    }
    return outcome;
}

/// The diagonal blocks of the inverse of the (undamped, eliminated) position system, from the last
/// session back: Sigma_s = D_s^-1 + D_s^-1 (walk² Sigma_{s+1} on shared actors) D_s^-1. Returns
/// the marginal variance of each alive cell, in session order.
std::vector<double> NewtonFitter::marginal_variances() {
    const double walk = 1.0 / (m_options.random_walk_sd * m_options.random_walk_sd);
    std::vector<double> variances(m_local.size(), 0.0);
    std::vector<double> sigma_after;
    std::vector<double> sigma;
    for (std::size_t s = m_sessions.size(); s-- > 0;) {
        const Session& session = m_sessions[s];
        const std::size_t n = session.actors.size();
        sigma = session.block;
        if (s + 1 < m_sessions.size() && m_options.dynamic) {
            const std::size_t m = m_sessions[s + 1].actors.size();
            std::vector<double> carried(n * n, 0.0); // walk² Sigma_{s+1} mapped onto this session
            for (std::size_t a = 0; a < n; ++a) {
                for (std::size_t b = 0; b < n && session.next[a] != none; ++b) {
                    if (session.next[b] != none) {
                        carried[a * n + b] = walk * walk * sigma_after[session.next[a] * m + session.next[b]];
                    }
                }
            }
            std::vector<double> product(n * n, 0.0); // D^-1 carried
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t k = 0; k < n; ++k) {
                    const double d = session.block[i * n + k];
                    for (std::size_t j = 0; j < n; ++j) {
                        product[i * n + j] += d * carried[k * n + j];
                    }
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t k = 0; k < n; ++k) {
                    const double p = product[i * n + k];
                    for (std::size_t j = 0; j < n; ++j) {
                        sigma[i * n + j] += p * session.block[k * n + j];
                    }
                }
            }
        }
        for (std::size_t k = 0; k < n; ++k) {
            variances[cell(session.actors[k], s)] = sigma[k * n + k];
        }
        std::swap(sigma_after, sigma);
    }
    return variances;
}

std::vector<double> NewtonFitter::laplace_errors(const FitState& state, const std::vector<OrdinalVote>& codes) {
    const std::size_t sessions = m_sessions.size();
    std::vector<double> errors(m_local.size(), std::numeric_limits<double>::quiet_NaN());
    evaluate(state, codes, true);
    // At the mode the Hessian is positive definite; should rounding say otherwise, the least
    // damping that makes it so.
    bool factored = false;
    for (double damping = 0.0; !factored && damping < 1e3; damping = std::max(1e-8, damping * 10.0)) {
        std::vector<char> ok(sessions, 1);
        for_each_session(sessions, m_options.threads,
                         [&](std::size_t s) { ok[s] = schur_complement(s, damping) ? 1 : 0; });
        factored = std::find(ok.begin(), ok.end(), 0) == ok.end() && eliminate();
    }
    if (!factored) {
        return errors;
    }
    const std::vector<double> variances = marginal_variances();

    // The identified position is (x - mean) / sd over the group's cells with votes (all cells in the
    // dynamic model, a session's in the static one). Its gradient in x is (e_c - 1/n - z_c z / n) / sd
    // with z the standardised positions, so its variance needs Sigma u and Sigma z (u: ones on the
    // group's cells), two solves. Groups do not share a block of Sigma in the static model, so one
    // solve with all groups' vectors at once serves every group.
    const auto group_of = [&](std::size_t s) { return m_options.dynamic ? std::size_t{0} : s; };
    const std::size_t groups = m_options.dynamic ? 1 : sessions;
    std::vector<double> sum(groups, 0.0);
    std::vector<double> squares(groups, 0.0);
    std::vector<double> count(groups, 0.0);
    for (std::size_t s = 0; s < sessions; ++s) {
        for (std::uint32_t actor : m_sessions[s].actors) {
            if (m_layout.votes_per_cell[cell(actor, s)] > 0) {
                const double x = state.x[cell(actor, s)];
                sum[group_of(s)] += x;
                squares[group_of(s)] += x * x;
                count[group_of(s)] += 1.0;
            }
        }
    }
    std::vector<double> mean(groups);
    std::vector<double> spread(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        mean[g] = count[g] > 0.0 ? sum[g] / count[g] : 0.0;
        const double variance = count[g] > 1.0 ? squares[g] / count[g] - mean[g] * mean[g] : 0.0;
        spread[g] = variance > 1e-24 ? std::sqrt(variance) : 1.0;
    }
    const auto standardised = [&](std::size_t s, std::uint32_t actor) {
        return (state.x[cell(actor, s)] - mean[group_of(s)]) / spread[group_of(s)];
    };
    const auto solve_with = [&](bool with_positions) {
        for (std::size_t s = 0; s < sessions; ++s) {
            Session& session = m_sessions[s];
            for (std::size_t k = 0; k < session.actors.size(); ++k) {
                const bool voted = m_layout.votes_per_cell[cell(session.actors[k], s)] > 0;
                session.right[k] = !voted ? 0.0 : (with_positions ? standardised(s, session.actors[k]) : 1.0);
            }
        }
        solve();
        std::vector<double> out(m_local.size(), 0.0);
        for (std::size_t s = 0; s < sessions; ++s) {
            for (std::size_t k = 0; k < m_sessions[s].actors.size(); ++k) {
                out[cell(m_sessions[s].actors[k], s)] = m_sessions[s].solved[k];
            }
        }
        return out;
    };
    const std::vector<double> sigma_u = solve_with(false);
    const std::vector<double> sigma_z = solve_with(true);
    std::vector<double> uu(groups, 0.0);
    std::vector<double> uz(groups, 0.0);
    std::vector<double> zz(groups, 0.0);
    for (std::size_t s = 0; s < sessions; ++s) {
        for (std::uint32_t actor : m_sessions[s].actors) {
            const std::size_t c = cell(actor, s);
            if (m_layout.votes_per_cell[c] > 0) {
                uu[group_of(s)] += sigma_u[c];
                uz[group_of(s)] += sigma_z[c];
                zz[group_of(s)] += standardised(s, actor) * sigma_z[c];
            }
        }
    }
    for (std::size_t s = 0; s < sessions; ++s) {
        const std::size_t g = group_of(s);
        const double n = count[g];
        for (std::uint32_t actor : m_sessions[s].actors) {
            const std::size_t c = cell(actor, s);
            if (m_layout.votes_per_cell[c] == 0) {
                continue;
            }
            const double z = standardised(s, actor);
            const double variance = variances[c] - 2.0 / n * sigma_u[c] - 2.0 * z / n * sigma_z[c] + uu[g] / (n * n) +
                                    2.0 * z * uz[g] / (n * n) + z * z * zz[g] / (n * n);
            errors[c] = std::sqrt(std::max(variance, 1e-12 * variances[c])) / spread[g];
        }
    }
    return errors;
}

} // namespace stance::irt
