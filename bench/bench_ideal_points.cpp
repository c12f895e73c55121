// Benchmark: ideal points of every UN General Assembly session from a stance database, the dynamic
// model (all sessions in one fit, linked by the random walk) on two threads and on one (the result
// must be the same), and the static one (each session alone), all with Laplace intervals; then a
// parametric bootstrap, whose cost is in replicates. The baseline, measured in the same process:
// agreement_matrices() over the same votes, the cheapest analysis that reads every session (open,
// read, one pass over all pairs).
//
// Usage: bench_ideal_points DATABASE [BOOTSTRAP_REPLICATES]
// Prints one line of key=value pairs; for each run X (baseline, dynamic, dynamic_one_thread, static,
// bootstrap) X_seconds (wall time of the library call, from a fresh Catalog) and X_cpu_seconds (CPU
// time of the process meanwhile, all threads); for the fits X_em_steps, X_newton_steps,
// X_converged, X_relative_change, X_largest_gradient; then sessions, votes and same_on_one_thread.
#include <chrono>
#include <ctime>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/store/store.hpp"

namespace {

/// Wall and CPU time since construction.
struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();

    [[nodiscard]] double wall_seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    }
    [[nodiscard]] double cpu_seconds() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

struct Timed {
    stance::IdealPoints points;
    double seconds;
    double cpu_seconds;
};

Timed fit(const stance::Store& store, bool dynamic, int bootstrap, int threads) {
    const Clock clock;
    const stance::Catalog catalog{store};
    stance::IdealPointOptions options;
    options.model.dynamic = dynamic;
    options.model.bootstrap = bootstrap;
    options.model.threads = threads;
    stance::IdealPoints points = stance::ideal_points(store, catalog, options);
    return {std::move(points), clock.wall_seconds(), clock.cpu_seconds()};
}

void print_fit(const std::string& name, const Timed& timed) {
    fmt::print(" {0}_seconds={1:.3f} {0}_cpu_seconds={2:.3f} {0}_em_steps={3} {0}_newton_steps={4} {0}_converged={5} "
               "{0}_relative_change={6:.2e} {0}_largest_gradient={7:.2e}",
               name, timed.seconds, timed.cpu_seconds, timed.points.em_steps, timed.points.newton_steps,
               timed.points.converged, timed.points.relative_change, timed.points.largest_gradient);
}

/// Whether two fits placed every actor at the same position with the same interval, to the bit.
bool same_points(const stance::IdealPoints& a, const stance::IdealPoints& b) {
    if (a.sessions.size() != b.sessions.size()) {
        return false;
    }
    for (std::size_t s = 0; s < a.sessions.size(); ++s) {
        const auto& x = a.sessions[s].actors;
        const auto& y = b.sessions[s].actors;
        if (x.size() != y.size()) {
            return false;
        }
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (x[i].actor != y[i].actor || x[i].position != y[i].position || x[i].upper != y[i].upper) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: bench_ideal_points DATABASE [BOOTSTRAP_REPLICATES]\n";
        return 2;
    }
    try {
        stance::OpenOptions read_only;
        read_only.read_only = true;
        auto store = stance::Store::open(argv[1], read_only);

        const Clock baseline;
        std::size_t matrices = 0;
        {
            const stance::Catalog catalog{*store};
            stance::AgreementMatricesOptions options;
            options.roll_calls.exclude_unanimous = true;
            stance::agreement_matrices(*store, catalog, options, [&](const stance::AgreementMatrix&) { ++matrices; });
        }
        fmt::print("baseline_seconds={:.3f} baseline_cpu_seconds={:.3f} matrices={}", baseline.wall_seconds(),
                   baseline.cpu_seconds(), matrices);

        const Timed dynamic = fit(*store, true, 0, 2);
        print_fit("dynamic", dynamic);
        const Timed one_thread = fit(*store, true, 0, 1);
        print_fit("dynamic_one_thread", one_thread);
        const Timed separate = fit(*store, false, 0, 2);
        print_fit("static", separate);
        fmt::print(" sessions={} votes={} same_on_one_thread={}", dynamic.points.sessions.size(), dynamic.points.votes,
                   same_points(dynamic.points, one_thread.points));
        if (argc == 3) {
            const int replicates = std::stoi(argv[2]);
            const Timed bootstrap = fit(*store, true, replicates, 2);
            int steps = 0;
            for (int replicate_steps : bootstrap.points.bootstrap_steps) {
                steps += replicate_steps;
            }
            fmt::print(" bootstrap_replicates={} bootstrap_seconds={:.3f} bootstrap_cpu_seconds={:.3f} "
                       "bootstrap_newton_steps={}",
                       replicates, bootstrap.seconds, bootstrap.cpu_seconds, steps);
        }
        fmt::print("\n");
        return 0;
    } catch (const stance::error& e) {
        std::cerr << "bench_ideal_points: " << e.what() << '\n';
        return 1;
    }
}
