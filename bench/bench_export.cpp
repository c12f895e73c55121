// Benchmark: export a stance database as the canonical JSON dataset (the streaming export_dataset,
// as `stance export -o` runs it: written to a file, flushed to disk at the end) and report the wall
// time and the process's peak resident memory. scripts/run_benchmarks.sh runs it on the imported
// UN history and on twice the history, beside a copy of a file of the same size (the disk's speed)
// and the sqlite3 tool's `.dump` of the same database.
//
// The export begins with SQLite's full integrity_check (a backup of a damaged database is refused),
// whose share is an open question: `--integrity-check` runs that check alone, in a process of its
// own (so that its page cache does not count in the export's peak memory).
//
// Usage: bench_export DATABASE OUTPUT      prints seconds=<wall> cpu_seconds=<user + system> peak_rss_kb=<kB> bytes=<n>
//        bench_export --integrity-check DATABASE    prints check_seconds=<wall> check_cpu_seconds=<user + system>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string_view>

#include <fmt/format.h>

#include "bench_rusage.hpp"
#include "stance/error.hpp"
#include "stance/io/export.hpp"
#include "stance/store/store.hpp"

namespace {

void write_all(int fd, std::string_view piece) {
    while (!piece.empty()) {
        const ssize_t written = ::write(fd, piece.data(), piece.size());
        if (written < 0 && errno != EINTR) {
            throw stance::error(fmt::format("writing the export failed: {}", std::strerror(errno)));
        }
        piece.remove_prefix(written < 0 ? 0 : static_cast<std::size_t>(written));
    }
}

int integrity_check_alone(const char* database) {
    const auto started = std::chrono::steady_clock::now();
    auto store = stance::Store::open(database, stance::OpenOptions{.read_only = true});
    const std::size_t problems = store->integrity_problems(false).size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    fmt::print("check_seconds={:.3f} check_cpu_seconds={:.3f} problems={}\n", seconds,
               stance::bench::cpu_seconds(usage), problems);
    return problems == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: bench_export DATABASE OUTPUT | bench_export --integrity-check DATABASE\n";
        return 2;
    }
    try {
        if (std::string_view(argv[1]) == "--integrity-check") {
            return integrity_check_alone(argv[2]);
        }
        const auto started = std::chrono::steady_clock::now();
        auto store = stance::Store::open(argv[1], stance::OpenOptions{.read_only = true});
        const int fd = ::open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            throw stance::error(fmt::format("cannot create {}: {}", argv[2], std::strerror(errno)));
        }
        std::uint64_t bytes = 0;
        stance::export_dataset(*store, [&](std::string_view piece) {
            write_all(fd, piece);
            bytes += piece.size();
        });
        if (::fsync(fd) != 0 || ::close(fd) != 0) {
            throw stance::error(fmt::format("flushing {} failed: {}", argv[2], std::strerror(errno)));
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        fmt::print("seconds={:.3f} cpu_seconds={:.3f} peak_rss_kb={} bytes={}\n", seconds,
                   stance::bench::cpu_seconds(usage), usage.ru_maxrss, bytes);
    } catch (const stance::error& failure) {
        std::cerr << "bench_export: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
