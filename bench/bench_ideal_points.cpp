// Benchmark: ideal points of every UN General Assembly session from a stance database, the dynamic
// model (all sessions in one fit, linked by the random walk) and the static one (each session
// alone), both with Laplace intervals; then a parametric bootstrap, whose cost is in replicates.
// The baseline, measured in the same process: agreement_matrices() over the same votes, the
// cheapest analysis that reads every session (open, read, one pass over all pairs).
//
// Usage: bench_ideal_points DATABASE [BOOTSTRAP_REPLICATES]
// Prints one line of key=value pairs (seconds are wall time of the library call, from a fresh
// Catalog): baseline_seconds, dynamic_seconds, dynamic_iterations, static_seconds,
// static_iterations, sessions, votes, bootstrap_seconds (when replicates are asked for).
#include <chrono>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/store/store.hpp"

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Timed {
    stance::IdealPoints points;
    double seconds;
};

Timed fit(const stance::Store& store, bool dynamic, int bootstrap) {
    const auto started = std::chrono::steady_clock::now();
    const stance::Catalog catalog{store};
    stance::IdealPointOptions options;
    options.model.dynamic = dynamic;
    options.model.bootstrap = bootstrap;
    stance::IdealPoints points = stance::ideal_points(store, catalog, options);
    return {std::move(points), since(started)};
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

        const auto baseline_started = std::chrono::steady_clock::now();
        std::size_t matrices = 0;
        {
            const stance::Catalog catalog{*store};
            stance::AgreementMatricesOptions options;
            options.roll_calls.exclude_unanimous = true;
            stance::agreement_matrices(*store, catalog, options, [&](const stance::AgreementMatrix&) { ++matrices; });
        }
        const double baseline = since(baseline_started);

        const Timed dynamic = fit(*store, true, 0);
        const Timed separate = fit(*store, false, 0);
        fmt::print("baseline_seconds={:.3f} matrices={} dynamic_seconds={:.3f} dynamic_iterations={} "
                   "dynamic_converged={} static_seconds={:.3f} static_iterations={} sessions={} votes={}",
                   baseline, matrices, dynamic.seconds, dynamic.points.iterations, dynamic.points.converged,
                   separate.seconds, separate.points.iterations, dynamic.points.sessions.size(), dynamic.points.votes);
        if (argc == 3) {
            const int replicates = std::stoi(argv[2]);
            const Timed bootstrap = fit(*store, true, replicates);
            int iterations = 0;
            for (int steps : bootstrap.points.bootstrap_iterations) {
                iterations += steps;
            }
            fmt::print(" bootstrap_replicates={} bootstrap_seconds={:.3f} bootstrap_iterations={}", replicates,
                       bootstrap.seconds, iterations);
        }
        fmt::print("\n");
        return 0;
    } catch (const stance::error& e) {
        std::cerr << "bench_ideal_points: " << e.what() << '\n';
        return 1;
    }
}
