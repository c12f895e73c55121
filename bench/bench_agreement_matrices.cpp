// Benchmark: the agreement matrix of every UN General Assembly session from a stance database, the
// question bench/agreement_pandas.py and bench/agreement_duckdb.mjs answer from the CSV files.
// scripts/run_benchmarks.sh runs each in a fresh process and times the whole process; this program
// also reports, from a second pass in the same process, how the time splits between reading the
// votes (Store::recorded_votes) and computing (bit planes and popcounts for every pair).
//
// Usage: bench_agreement_matrices DATABASE [--split]
// Prints: seconds=<library call, from open> sessions=<n> pairs=<n> agree_total=<n>, and with --split
// (a second pass, so not for timing the whole process) read_seconds=<s> compute_seconds=<s>.
#include <chrono>
#include <iostream>
#include <map>
#include <string>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"
#include "stance/query/vote_matrix.hpp"
#include "stance/store/store.hpp"

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && std::string(argv[2]) != "--split")) {
        std::cerr << "usage: bench_agreement_matrices DATABASE [--split]\n";
        return 2;
    }
    try {
        const auto started = std::chrono::steady_clock::now();
        stance::OpenOptions read_only;
        read_only.read_only = true;
        auto store = stance::Store::open(argv[1], read_only);
        const stance::Catalog catalog{*store};
        std::size_t sessions = 0;
        std::size_t pairs = 0;
        std::uint64_t agree_total = 0;
        stance::agreement_matrices(*store, catalog, {}, [&](const stance::AgreementMatrix& matrix) {
            ++sessions;
            for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
                for (std::size_t j = i + 1; j < matrix.actors.size(); ++j) {
                    const stance::AgreementCounts& counts = matrix.at(i, j);
                    pairs += counts.n > 0 ? 1 : 0;
                    agree_total += counts.agree;
                }
            }
        });
        const double seconds = since(started);
        fmt::print("seconds={:.3f} sessions={} pairs={} agree_total={}", seconds, sessions, pairs, agree_total);
        if (argc == 2) {
            fmt::print("\n");
            return 0;
        }

        // The same work in its two parts: reading the votes, then the matrices of every session.
        const auto read_started = std::chrono::steady_clock::now();
        const stance::VoteBook book(store->recorded_votes({}));
        const double read_seconds = since(read_started);
        const auto compute_started = std::chrono::steady_clock::now();
        std::map<stance::MeetingId, std::vector<std::uint32_t>> by_session;
        for (std::uint32_t r = 0; r < book.votes().roll_calls.size(); ++r) {
            by_session[stance::session_of(catalog, book.votes().roll_calls[r].meeting)].push_back(r);
        }
        std::uint64_t check = 0;
        for (const auto& [session, roll_calls] : by_session) {
            const stance::VoteMatrix matrix(book, roll_calls);
            for (std::size_t i = 0; i < matrix.actor_count(); ++i) {
                for (std::size_t j = i + 1; j < matrix.actor_count(); ++j) {
                    check += matrix.counts(i, j).agree;
                }
            }
        }
        const double compute_seconds = since(compute_started);
        if (check != agree_total) {
            std::cerr << "bench_agreement_matrices: the two passes disagree\n";
            return 1;
        }
        fmt::print(" read_seconds={:.3f} compute_seconds={:.4f}\n", read_seconds, compute_seconds);
    } catch (const stance::error& failure) {
        std::cerr << "bench_agreement_matrices: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
