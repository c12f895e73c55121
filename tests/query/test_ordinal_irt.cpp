// The ordinal IRT model on votes simulated from the model itself: the estimates must recover the
// positions that generated the votes (correlation >= 0.95) and the intervals must cover them about
// as often as they claim. The simulator draws latent utilities (y* = alpha + beta x + N(0, 1), cut
// at 0 and tau), independently of the library's own probability code.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "stance/error.hpp"
#include "stance/query/ordinal_irt.hpp"

using namespace stance;

namespace {

struct Simulation {
    OrdinalVotes votes;
    std::vector<double> truth; // cell actor * sessions + session, identified as the fit is
};

/// `actors` actors over `sessions` sessions of `items` roll calls each; positions a random walk
/// (step `walk`; walk < 0: drawn afresh every session). Every actor votes on every item.
Simulation simulate(std::size_t actors, std::size_t sessions, std::size_t items, double walk, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> cut(0.3, 1.5);
    Simulation out;
    out.votes.actor_count = actors;
    out.votes.session_count = sessions;
    out.truth.resize(actors * sessions);
    for (std::size_t a = 0; a < actors; ++a) {
        double x = normal(random);
        for (std::size_t s = 0; s < sessions; ++s) {
            x = s == 0 ? x : (walk < 0.0 ? normal(random) : x + walk * normal(random));
            out.truth[a * sessions + s] = x;
        }
    }
    for (std::size_t s = 0; s < sessions; ++s) {
        for (std::size_t j = 0; j < items; ++j) {
            const double alpha = normal(random);
            const double beta = 1.5 * normal(random);
            const double tau = cut(random);
            const auto item = static_cast<std::uint32_t>(out.votes.item_sessions.size());
            out.votes.item_sessions.push_back(static_cast<std::uint32_t>(s));
            for (std::size_t a = 0; a < actors; ++a) {
                const double latent = alpha + beta * out.truth[a * sessions + s] + normal(random);
                const OrdinalVote vote =
                    latent < 0.0 ? OrdinalVote::no : (latent < tau ? OrdinalVote::abstain : OrdinalVote::yes);
                out.votes.votes.push_back({static_cast<std::uint32_t>(a), item, vote});
            }
        }
    }
    return out;
}

/// The truth identified as the model identifies its estimate: mean 0 and standard deviation 1 per
/// session (static) or over all cells (dynamic), actor 0 above the centre.
void identify_truth(Simulation& simulation, bool dynamic) {
    const std::size_t sessions = simulation.votes.session_count;
    const std::size_t actors = simulation.votes.actor_count;
    for (std::size_t group = 0; group < (dynamic ? 1 : sessions); ++group) {
        const auto in_group = [&](std::size_t s) { return dynamic || s == group; };
        double sum = 0.0;
        double squares = 0.0;
        double n = 0.0;
        double reference = 0.0;
        double references = 0.0;
        for (std::size_t a = 0; a < actors; ++a) {
            for (std::size_t s = 0; s < sessions; ++s) {
                if (in_group(s)) {
                    const double x = simulation.truth[a * sessions + s];
                    sum += x;
                    squares += x * x;
                    n += 1.0;
                    reference += a == 0 ? x : 0.0;
                    references += a == 0 ? 1.0 : 0.0;
                }
            }
        }
        const double mean = sum / n;
        const double spread = std::sqrt(squares / n - mean * mean);
        const double sign = reference / references < mean ? -1.0 : 1.0;
        for (std::size_t a = 0; a < actors; ++a) {
            for (std::size_t s = 0; s < sessions; ++s) {
                if (in_group(s)) {
                    double& x = simulation.truth[a * sessions + s];
                    x = sign * (x - mean) / spread;
                }
            }
        }
    }
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    const auto n = static_cast<double>(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        syy += y[i] * y[i];
        sxy += x[i] * y[i];
    }
    return (sxy - sx * sy / n) / std::sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
}

/// Equal to the bit, NaN (no position) where the other is NaN too.
bool identical(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) {
        return false;
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] == y[i] || (std::isnan(x[i]) && std::isnan(y[i])))) {
            return false;
        }
    }
    return true;
}

double coverage(const Simulation& simulation, const IrtFit& fit) {
    std::size_t inside = 0;
    for (std::size_t cell = 0; cell < simulation.truth.size(); ++cell) {
        if (fit.lower[cell] <= simulation.truth[cell] && simulation.truth[cell] <= fit.upper[cell]) {
            ++inside;
        }
    }
    return static_cast<double>(inside) / static_cast<double>(simulation.truth.size());
}

} // namespace

TEST_CASE("the static model recovers simulated positions per session, with Laplace intervals near 95%") {
    Simulation simulation = simulate(120, 2, 80, -1.0, 11);
    identify_truth(simulation, false);
    IrtOptions options;
    options.dynamic = false;
    options.reference_actor = 0;
    const IrtFit fit = fit_ordinal_irt(simulation.votes, options);
    CHECK(fit.converged);
    for (std::size_t s = 0; s < 2; ++s) {
        std::vector<double> truth;
        std::vector<double> estimate;
        truth.reserve(120);
        estimate.reserve(120);
        for (std::size_t a = 0; a < 120; ++a) {
            truth.push_back(simulation.truth[fit.cell(a, s)]);
            estimate.push_back(fit.positions[fit.cell(a, s)]);
        }
        CHECK(correlation(truth, estimate) >= 0.95);
        CHECK(fit.direction_fixed[s]);
    }
    const double covered = coverage(simulation, fit);
    CHECK(covered >= 0.90);
    CHECK(covered <= 0.99);
    MESSAGE("static: coverage of the 95% intervals " << covered << ", " << fit.em_steps << " EM and "
                                                     << fit.newton_steps << " Newton steps");
}

TEST_CASE("the dynamic model recovers positions that move by a random walk") {
    Simulation simulation = simulate(80, 6, 40, 0.3, 23);
    identify_truth(simulation, true);
    IrtOptions options;
    options.reference_actor = 0;
    const IrtFit fit = fit_ordinal_irt(simulation.votes, options);
    CHECK(fit.converged);
    CHECK(fit.largest_gradient <= options.gradient_tolerance);
    CHECK(fit.relative_change <= options.tolerance);
    CHECK(correlation(simulation.truth, fit.positions) >= 0.95);
    const double covered = coverage(simulation, fit);
    CHECK(covered >= 0.90);
    CHECK(covered <= 0.99);
    MESSAGE("dynamic: correlation " << correlation(simulation.truth, fit.positions) << ", coverage " << covered << ", "
                                    << fit.em_steps << " EM and " << fit.newton_steps << " Newton steps");
}

TEST_CASE("the fit reaches the same mode from another start and on any number of threads") {
    Simulation simulation = simulate(60, 4, 30, 0.3, 31);
    // An actor that misses a session: its position there is the random walk's alone.
    std::erase_if(simulation.votes.votes, [&](const OrdinalVotes::Vote& vote) {
        return vote.actor == 4 && simulation.votes.item_sessions[vote.item] == 2;
    });
    IrtOptions options;
    options.reference_actor = 0;
    options.threads = 2;
    const IrtFit fit = fit_ordinal_irt(simulation.votes, options);
    CHECK(fit.converged);
    options.threads = 1;
    const IrtFit one_thread = fit_ordinal_irt(simulation.votes, options);
    CHECK(identical(one_thread.positions, fit.positions));
    CHECK(identical(one_thread.upper, fit.upper));
    // Newton straight from the principal-component start, without EM: the same mode.
    options.em_steps = 0;
    const IrtFit newton_only = fit_ordinal_irt(simulation.votes, options);
    CHECK(newton_only.converged);
    CHECK(newton_only.em_steps == 0);
    double largest = 0.0;
    for (std::size_t cell = 0; cell < fit.positions.size(); ++cell) {
        if (std::isfinite(fit.positions[cell])) {
            largest = std::max(largest, std::abs(newton_only.positions[cell] - fit.positions[cell]));
        }
    }
    CHECK(largest < 1e-4);
    CHECK(std::isnan(fit.positions[fit.cell(4, 2)]));
    MESSAGE("same mode: largest difference " << largest << "; " << fit.newton_steps << " Newton steps after EM, "
                                             << newton_only.newton_steps << " without");
}

TEST_CASE("parametric bootstrap intervals cover the simulated positions about as often as claimed") {
    Simulation simulation = simulate(60, 1, 60, -1.0, 5);
    identify_truth(simulation, false);
    IrtOptions options;
    options.dynamic = false;
    options.reference_actor = 0;
    options.bootstrap = 20;
    const IrtFit fit = fit_ordinal_irt(simulation.votes, options);
    CHECK(fit.bootstrap_steps.size() == 20);
    const double covered = coverage(simulation, fit);
    CHECK(covered >= 0.85);
    CHECK(covered <= 1.0);
    MESSAGE("bootstrap: coverage " << covered);
    // The same seed gives the same intervals.
    const IrtFit again = fit_ordinal_irt(simulation.votes, options);
    CHECK(again.upper == fit.upper);
}

TEST_CASE("the reference actor fixes the direction") {
    Simulation simulation = simulate(50, 1, 40, -1.0, 3);
    IrtOptions options;
    options.dynamic = false;
    options.reference_actor = 0;
    const IrtFit first = fit_ordinal_irt(simulation.votes, options);
    const double centre = 0.0; // positions are centred
    CHECK(first.positions[0] > centre);
    // Another actor on the other side as reference turns the whole scale round.
    std::uint32_t other = 1;
    while (first.positions[other] > 0.0) {
        ++other;
    }
    options.reference_actor = other;
    const IrtFit turned = fit_ordinal_irt(simulation.votes, options);
    CHECK(turned.positions[other] > 0.0);
    CHECK(turned.positions[0] == doctest::Approx(-first.positions[0]).epsilon(0.01));
    // Without a reference the direction is not fixed, and the fit says so.
    options.reference_actor.reset();
    CHECK_FALSE(fit_ordinal_irt(simulation.votes, options).direction_fixed[0]);
}

TEST_CASE("an actor without votes in a session has no position there") {
    Simulation simulation = simulate(30, 2, 20, 0.3, 9);
    std::erase_if(simulation.votes.votes, [&](const OrdinalVotes::Vote& vote) {
        return vote.actor == 7 && simulation.votes.item_sessions[vote.item] == 1;
    });
    const IrtFit fit = fit_ordinal_irt(simulation.votes);
    CHECK(std::isnan(fit.positions[fit.cell(7, 1)]));
    CHECK(std::isnan(fit.lower[fit.cell(7, 1)]));
    CHECK(fit.votes_counted[fit.cell(7, 1)] == 0);
    CHECK(std::isfinite(fit.positions[fit.cell(7, 0)]));
    CHECK(fit.votes_counted[fit.cell(7, 0)] == 20);
}

TEST_CASE("bad model input is refused with what is wrong") {
    OrdinalVotes votes;
    votes.actor_count = 2;
    votes.session_count = 1;
    votes.item_sessions = {0, 3};
    CHECK_THROWS_WITH_AS(static_cast<void>(fit_ordinal_irt(votes)),
                         "ideal points: item 1 is in session 3, but there are 1 sessions", invalid_input_error);
    votes.item_sessions = {0};
    votes.votes = {{0, 0, OrdinalVote::yes}, {2, 0, OrdinalVote::no}};
    CHECK_THROWS_WITH_AS(static_cast<void>(fit_ordinal_irt(votes)),
                         "ideal points: vote 1 names an actor, item or vote code out of range", invalid_input_error);
    votes.votes = {{0, 0, OrdinalVote::yes}, {1, 0, OrdinalVote::no}};
    IrtOptions options;
    options.bootstrap = 1;
    CHECK_THROWS_AS(static_cast<void>(fit_ordinal_irt(votes, options)), invalid_input_error);
    options = {};
    options.interval_level = 1.0;
    CHECK_THROWS_WITH_AS(static_cast<void>(fit_ordinal_irt(votes, options)),
                         "ideal points: the interval level must lie strictly between 0 and 1", invalid_input_error);
    options = {};
    options.random_walk_sd = 0.0;
    CHECK_THROWS_AS(static_cast<void>(fit_ordinal_irt(votes, options)), invalid_input_error);
}
