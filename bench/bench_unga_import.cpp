// Benchmark: import the UN General Assembly tables into a fresh database file and report the wall
// time and the process's peak resident memory. scripts/run_benchmarks.sh runs it beside the sqlite3
// command-line tool's raw `.import` of the same un_votes.csv, which is the baseline.
//
// Usage: bench_unga_import DATABASE UNVOTES_DIR [FULL_CODES_DIR]
// DATABASE is a file (removed first) or an empty PostgreSQL database's address (postgresql://…),
// which scripts/run_pg_benchmarks.sh creates before each run.
// Prints one line: seconds=<wall> cpu_seconds=<user + system> peak_rss_kb=<kB> votes=<n> absent=<n>
// not_member=<n>. CPU time is reported beside wall time because on a shared machine the wall time
// says as much about the other processes as about this one.
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "bench_rusage.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: bench_unga_import DATABASE UNVOTES_DIR [FULL_CODES_DIR]\n";
        return 2;
    }
    const std::filesystem::path database = argv[1];
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        if (database.string().find("://") == std::string::npos) {
            std::filesystem::remove(database.string() + suffix);
        }
    }
    try {
        stance::UngaImportOptions options;
        if (argc > 3) {
            options.full_codes_directory = argv[3];
        }
        const auto started = std::chrono::steady_clock::now();
        auto store = stance::Store::open(database.string());
        const stance::UngaImportSummary summary = stance::import_unga(*store, argv[2], options);
        store.reset(); // closing checkpoints the write-ahead log: part of the cost
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        fmt::print("seconds={:.3f} cpu_seconds={:.3f} peak_rss_kb={} votes={} absent={} not_member={}\n", seconds,
                   stance::bench::cpu_seconds(usage), usage.ru_maxrss, summary.yes + summary.no + summary.abstain,
                   summary.absent, summary.not_member);
    } catch (const stance::error& failure) {
        std::cerr << "bench_unga_import: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
