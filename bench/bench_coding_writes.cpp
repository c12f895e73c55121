// Benchmark: many coders writing at once (issue 15). N writers, each a thread with its own Store
// connection (Store::open), code stances one at a time through the library's checked write path
// (`code_stance`: names resolved, the span's text taken as the quote, the write rules, the
// history), each stance its own transaction and durable commit, all writers released together.
// The baseline, in the same process on the same database: one writer coding the same number of
// stances in one transaction (`code_stances`), so the same work per stance without a commit each
// and without waiting for another writer.
//
// The stances are those of a seed dataset (data/seed/nato-2017-03-31.json), coded again under new
// ids: every coding is valid, so what is measured is the write path, not refusals.
//
// Usage: bench_coding_writes DATABASE SEED_JSON [WRITES] [WRITERS...]
//   DATABASE  a SQLite file (removed first) or an empty PostgreSQL database's address
//   WRITES    stances per round, shared out among the writers (default 240)
//   WRITERS   the numbers of writers to run, in order (default 1 2 4 8)
// Prints one line per round:
//   baseline=one_transaction stances=<n> seconds=<wall> stances_per_second=<n> cpu_seconds=<s>
//   writers=<n> commits=<n> refused=<n> seconds=<wall> commits_per_second=<n> p50_ms=<ms> p99_ms=<ms>
//   max_ms=<ms> cpu_seconds=<s>
// Latency is one code_stance call's wall time: its wait for the writer lock included. cpu_seconds is
// this process's (all threads); a PostgreSQL server's own work is not in it.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bench_rusage.hpp"
#include "stance/coding/code_stance.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return stance::bench::cpu_seconds(usage);
}

/// A writer waits this long for the writer lock before busy_error: far longer than any round takes,
/// so that a refusal means something is wrong, not that the machine is loaded.
constexpr int writer_patience_ms = 300'000;

stance::OpenOptions writer_options(const std::string& coder) {
    stance::OpenOptions options;
    options.author = coder;
    options.busy_timeout_ms = writer_patience_ms;
    return options;
}

/// The coding an analyst would type for `stance`, under a new id.
stance::StanceCoding coding_like(const stance::Stance& stance, std::string id, std::string coder) {
    stance::StanceCoding coding;
    coding.document = stance.source->document.str();
    coding.actor = stance.actor.str();
    coding.claim = stance.proposition ? stance.proposition->str() : stance.topic.str();
    coding.position = std::string(stance::to_string(stance.kind));
    coding.score = fmt::format("{}", stance.score);
    coding.breadth = std::string(stance::to_string(stance.breadth));
    coding.meeting = stance.meeting.str();
    coding.agenda_item = stance.agenda_item ? stance.agenda_item->str() : std::string();
    coding.speaker = stance.speaker ? stance.speaker->str() : std::string();
    coding.basis = std::string(stance::to_string(stance.basis));
    coding.reported_by = stance.reported_by ? stance.reported_by->str() : std::string();
    coding.paraphrase = stance.paraphrase;
    coding.coder = std::move(coder);
    coding.id = std::move(id);
    coding.span = std::pair{stance.source->start, stance.source->end};
    return coding;
}

/// The seed's stances that quote a document: the ones a coder codes from its text.
std::vector<stance::Stance> quoted_stances(const stance::Store& store) {
    std::vector<stance::Stance> quoted;
    for (stance::Stance& stance : store.stances()) {
        if (stance.source && !stance.quote.empty()) {
            quoted.push_back(std::move(stance));
        }
    }
    if (quoted.empty()) {
        throw stance::invalid_input_error("the seed dataset",
                                          "has no stance with a quote and a source span to code again; give another");
    }
    return quoted;
}

/// `count` codings for writer `writer` of round `round`, each under an id of its own.
std::vector<stance::StanceCoding> codings_for(const std::vector<stance::Stance>& templates, const std::string& round,
                                              std::size_t writer, std::size_t count) {
    std::vector<stance::StanceCoding> codings;
    const std::string coder = fmt::format("coder-{}", writer + 1);
    for (std::size_t i = 0; i < count; ++i) {
        const stance::Stance& like = templates[(writer * count + i) % templates.size()];
        codings.push_back(coding_like(like, fmt::format("bench-{}-w{}-{}", round, writer + 1, i + 1), coder));
    }
    return codings;
}

struct WriterOutcome {
    std::vector<double> latencies_ms;
    std::size_t refused = 0;
    std::string first_refusal;
};

/// One writer: its own connection, opened before the start, then its codings one transaction each.
void write_codings(const std::string& address, const std::vector<stance::StanceCoding>& codings,
                   const std::string& coded_at, std::latch& start, WriterOutcome& outcome) {
    std::unique_ptr<stance::Store> store;
    try {
        store = stance::Store::open(address, writer_options(codings.front().coder));
    } catch (const std::exception& failure) {
        outcome.first_refusal = failure.what();
    }
    start.arrive_and_wait();
    if (!store) {
        outcome.refused = codings.size();
        return;
    }
    for (const stance::StanceCoding& coding : codings) {
        const Clock::time_point started = Clock::now();
        try {
            (void)stance::code_stance(*store, coding, coded_at);
            outcome.latencies_ms.push_back(seconds_since(started) * 1000.0);
        } catch (const std::exception& failure) {
            if (outcome.refused++ == 0) {
                outcome.first_refusal = failure.what();
            }
        }
    }
}

double percentile(std::vector<double> samples, double fraction) {
    if (samples.empty()) {
        return 0.0;
    }
    std::sort(samples.begin(), samples.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples.size()));
    return samples[std::min(samples.size() - 1, index)];
}

void run_writers(const std::string& address, const std::vector<stance::Stance>& templates, std::size_t writers,
                 std::size_t writes, const std::string& coded_at) {
    const std::string round = fmt::format("n{}", writers);
    std::vector<std::vector<stance::StanceCoding>> codings;
    for (std::size_t w = 0; w < writers; ++w) {
        codings.push_back(codings_for(templates, round, w, writes / writers));
    }
    std::vector<WriterOutcome> outcomes(writers);
    std::latch start(static_cast<std::ptrdiff_t>(writers + 1));
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < writers; ++w) {
        threads.emplace_back(write_codings, std::cref(address), std::cref(codings[w]), std::cref(coded_at),
                             std::ref(start), std::ref(outcomes[w]));
    }
    start.arrive_and_wait();
    const Clock::time_point started = Clock::now();
    const double cpu_started = process_cpu_seconds();
    for (std::thread& thread : threads) {
        thread.join();
    }
    const double seconds = seconds_since(started);
    const double cpu = process_cpu_seconds() - cpu_started;

    std::vector<double> latencies;
    std::size_t refused = 0;
    for (const WriterOutcome& outcome : outcomes) {
        latencies.insert(latencies.end(), outcome.latencies_ms.begin(), outcome.latencies_ms.end());
        refused += outcome.refused;
        if (!outcome.first_refusal.empty()) {
            std::cerr << "bench_coding_writes: a writer of round " << round << " was refused: " << outcome.first_refusal
                      << '\n';
        }
    }
    fmt::print("writers={} commits={} refused={} seconds={:.3f} commits_per_second={:.1f} p50_ms={:.2f} p99_ms={:.2f} "
               "max_ms={:.2f} cpu_seconds={:.3f}\n",
               writers, latencies.size(), refused, seconds, static_cast<double>(latencies.size()) / seconds,
               percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0), cpu);
    std::fflush(stdout);
}

void run_baseline(stance::Store& store, const std::vector<stance::Stance>& templates, std::size_t writes,
                  const std::string& coded_at) {
    const std::vector<stance::StanceCoding> codings = codings_for(templates, "base", 0, writes);
    const Clock::time_point started = Clock::now();
    const double cpu_started = process_cpu_seconds();
    const stance::CodingRun run = stance::code_stances(store, codings, coded_at);
    const double seconds = seconds_since(started);
    if (!run.written) {
        throw stance::invalid_input_error("the baseline", fmt::format("its {} codings were refused ({} problems)",
                                                                      codings.size(), run.problem_count()));
    }
    fmt::print("baseline=one_transaction stances={} seconds={:.3f} stances_per_second={:.1f} cpu_seconds={:.3f}\n",
               codings.size(), seconds, static_cast<double>(codings.size()) / seconds,
               process_cpu_seconds() - cpu_started);
    std::fflush(stdout);
}

std::vector<std::size_t> writer_counts(int argc, char** argv) {
    std::vector<std::size_t> counts;
    for (int i = 4; i < argc; ++i) {
        counts.push_back(std::stoul(argv[i]));
    }
    return counts.empty() ? std::vector<std::size_t>{1, 2, 4, 8} : counts;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: bench_coding_writes DATABASE SEED_JSON [WRITES] [WRITERS...]\n";
        return 2;
    }
    const std::string address = argv[1];
    try {
        const std::size_t writes = argc > 3 ? std::stoul(argv[3]) : 240;
        const std::vector<std::size_t> counts = writer_counts(argc, argv);
        if (!stance::is_postgresql_address(address)) {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
                std::filesystem::remove(address + suffix);
            }
        }
        const std::string coded_at = stance::now_iso8601();
        std::vector<stance::Stance> templates;
        {
            auto store = stance::Store::open(address, writer_options("coder-baseline"));
            (void)stance::import_dataset_file(*store, argv[2]);
            templates = quoted_stances(*store);
            run_baseline(*store, templates, writes, coded_at);
        }
        for (std::size_t writers : counts) {
            run_writers(address, templates, writers, writes, coded_at);
        }
    } catch (const std::exception& failure) {
        std::cerr << "bench_coding_writes: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
