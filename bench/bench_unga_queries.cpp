// Benchmark: the UN General Assembly analyses on the full history, against the same questions
// answered by hand-written SQL on the raw tables (un_votes, un_roll_calls, un_roll_call_issues as
// the sqlite3 tool's `.import` or `psql \copy` makes them, with indexes a careful analyst would add).
//
//   evolution   one country on one issue, per session (counts of yes/no/abstain)
//   agreement   two countries, per session (the 3x3 table of their votes, from which n, agree,
//               kappa and S follow)
//   matrix      every pair of countries in one session, for all 74 sessions
//
// Each question is asked for many (country, issue) or (country, country) pairs, chosen with a fixed
// seed among the countries with an ISO code; the report gives median and 99th percentile per query,
// of the wall time and of the CPU time spent on it (the robust figure on a shared machine). Both
// sides compute the same figures, and the benchmark checks that they agree.
// Evolution is asked twice: for its summary (EvolutionOptions::summary_only, what the SQL answers)
// and with every vote listed as well.
//
// Usage: bench_unga_queries STANCE_DB RAW_DB [--no-matrix] [--countries N]
//   --no-matrix: skip the slow raw matrices; --countries N: evolution for N countries x 6 issues and
//   agreement for 5N pairs (default 40: 240 and 200 queries).
// Either database may be a PostgreSQL address (postgresql://… or a libpq connection string): the
// raw tables then as `psql \copy` loads them (raw_sql.hpp), the stance database through stance's
// PostgreSQL backend. On PostgreSQL the work is done by the server process answering each
// connection, so a side's CPU time is this process's plus that server process's (process_cpu.hpp;
// the server must run on this machine), and a line above the table says so.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "process_cpu.hpp"
#include "raw_sql.hpp"
#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// The CPU time of this process and of the server process that answers one side's queries, if any.
class SideCpu {
public:
    explicit SideCpu(std::optional<int> server = std::nullopt) : m_server(server) {}

    [[nodiscard]] double milliseconds() const {
        double total = stance::bench::own_cpu_milliseconds();
        if (m_server) {
            total += stance::bench::process_cpu_milliseconds(*m_server).value_or(0.0);
        }
        return total;
    }

private:
    std::optional<int> m_server;
};

/// Wall and CPU time of the calls measured, one sample each per call.
struct Samples {
    explicit Samples(SideCpu side_cpu) : clock(side_cpu) {}

    SideCpu clock;
    std::vector<double> wall;
    std::vector<double> cpu;

    template <class Call> auto measure(Call&& call) {
        const Clock::time_point started = Clock::now();
        const double cpu_started = clock.milliseconds();
        auto result = call();
        cpu.push_back(clock.milliseconds() - cpu_started);
        wall.push_back(milliseconds_since(started));
        return result;
    }
    void clear() {
        wall.clear();
        cpu.clear();
    }
};

struct Timing {
    double median = 0;
    double p99 = 0;
    double total = 0;
};

Timing summarise(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    Timing timing;
    for (double sample : samples) {
        timing.total += sample;
    }
    timing.median = samples[samples.size() / 2];
    timing.p99 =
        samples[std::min(samples.size() - 1, static_cast<std::size_t>(0.99 * static_cast<double>(samples.size())))];
    return timing;
}

using stance::bench::RawDatabase;
using stance::bench::RawQuery;
using stance::bench::RawRow;

int vote_index(std::string_view vote) {
    return vote == "yes" ? 0 : vote == "abstain" ? 1 : 2;
}

// --- the questions in hand-written SQL ---------------------------------------------------------

constexpr const char* raw_evolution_sql = "SELECT rc.session, v.vote, count(*) FROM un_votes v "
                                          "JOIN un_roll_call_issues i ON i.rcid = v.rcid AND i.short_name = ?2 "
                                          "JOIN un_roll_calls rc ON rc.rcid = v.rcid "
                                          "WHERE v.country_code = ?1 GROUP BY rc.session, v.vote";

constexpr const char* raw_agreement_sql = "SELECT rc.session, a.vote, b.vote, count(*) FROM un_votes a "
                                          "JOIN un_votes b ON b.rcid = a.rcid AND b.country_code = ?2 "
                                          "JOIN un_roll_calls rc ON rc.rcid = a.rcid "
                                          "WHERE a.country_code = ?1 GROUP BY rc.session, a.vote, b.vote";

constexpr const char* raw_matrix_sql =
    "SELECT a.country_code, b.country_code, a.vote, b.vote, count(*) FROM un_roll_calls rc "
    "JOIN un_votes a ON a.rcid = rc.rcid JOIN un_votes b ON b.rcid = rc.rcid AND b.country_code > a.country_code "
    "WHERE rc.session = ?1 AND a.country_code <> '' GROUP BY 1, 2, 3, 4";

/// Session number → counts of yes/no/abstain, for one country on one issue.
using SessionCounts = std::map<int, std::array<std::size_t, 3>>;

SessionCounts raw_evolution(RawQuery& query, const std::string& iso2, const std::string& issue) {
    SessionCounts counts;
    query.run({iso2, issue}, [&](const RawRow& row) {
        counts[static_cast<int>(row.integer(0))][static_cast<std::size_t>(vote_index(row.text(1)))] +=
            static_cast<std::size_t>(row.integer(2));
    });
    return counts;
}

SessionCounts stance_evolution(const stance::Store& store, const stance::Catalog& catalog, const stance::ActorId& actor,
                               const stance::TopicId& topic, bool summary_only) {
    stance::EvolutionOptions options;
    options.by = stance::Period::session;
    options.summary_only = summary_only;
    const stance::Evolution result = stance::evolution(store, catalog, actor, topic, options);
    SessionCounts counts;
    for (const stance::PeriodSummary& period : result.periods) {
        auto& cell = counts[stance::unga_session_of(stance::MeetingId{period.key}).value_or(0)];
        cell[0] = period.summary.count(stance::PositionKind::support);
        cell[1] = period.summary.count(stance::PositionKind::abstain);
        cell[2] = period.summary.count(stance::PositionKind::oppose);
    }
    return counts;
}

using SessionTables = std::map<int, stance::AgreementCounts>;

SessionTables raw_agreement(RawQuery& query, const std::string& first, const std::string& second) {
    SessionTables tables;
    query.run({first, second}, [&](const RawRow& row) {
        stance::AgreementCounts& counts = tables[static_cast<int>(row.integer(0))];
        const int a = vote_index(row.text(1));
        const int b = vote_index(row.text(2));
        for (std::int64_t i = 0, n = row.integer(3); i < n; ++i) {
            counts.add(a, b);
        }
    });
    return tables;
}

SessionTables stance_agreement(const stance::Store& store, const stance::Catalog& catalog, const stance::ActorId& first,
                               const stance::ActorId& second) {
    stance::AgreementOptions options;
    options.by = stance::Period::session;
    SessionTables tables;
    for (const stance::AgreementPeriod& period : stance::agreement(store, catalog, first, second, options).periods) {
        tables[stance::unga_session_of(stance::MeetingId{period.key}).value_or(0)] = period.counts;
    }
    return tables;
}

bool same_tables(const SessionTables& a, const SessionTables& b) {
    if (a.size() != b.size()) {
        return false;
    }
    return std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
        return x.first == y.first && x.second.table == y.second.table;
    });
}

std::size_t raw_matrix_pairs(RawQuery& query, int session) {
    std::map<std::pair<std::string, std::string>, stance::AgreementCounts> pairs;
    query.run({std::to_string(session)}, [&](const RawRow& row) {
        stance::AgreementCounts& counts = pairs[{std::string(row.text(0)), std::string(row.text(1))}];
        const int a = vote_index(row.text(2));
        const int b = vote_index(row.text(3));
        for (std::int64_t i = 0, n = row.integer(4); i < n; ++i) {
            counts.add(a, b);
        }
    });
    return pairs.size();
}

void print_row(const std::string& what, const Samples& stance_samples, const Samples& raw_samples) {
    const Timing stance_time = summarise(stance_samples.wall);
    const Timing raw_time = summarise(raw_samples.wall);
    const Timing stance_cpu = summarise(stance_samples.cpu);
    const Timing raw_cpu = summarise(raw_samples.cpu);
    fmt::print("| {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | "
               "{:.2f} |\n",
               what, stance_samples.wall.size(), stance_time.median, stance_time.p99, raw_time.median, raw_time.p99,
               stance_time.median / raw_time.median, stance_cpu.median, stance_cpu.p99, raw_cpu.median, raw_cpu.p99,
               stance_cpu.median / raw_cpu.median, stance_cpu.p99 / raw_cpu.p99);
}

/// The application name stance's connection announces to a PostgreSQL server (libpq reads it from
/// PGAPPNAME), so that the server process answering it can be found.
constexpr const char* stance_application_name = "bench_unga_queries_stance";

std::unique_ptr<stance::Store> open_stance(const std::string& address) {
    stance::OpenOptions read_only;
    read_only.read_only = true;
    if (!stance::is_postgresql_address(address)) {
        return stance::Store::open(address, read_only);
    }
    setenv("PGAPPNAME", stance_application_name, 1);
    auto store = stance::Store::open(address, read_only);
    unsetenv("PGAPPNAME");
    return store;
}

/// `pid` when it is a PostgreSQL process on this machine (a server elsewhere can have the same
/// process ids as unrelated processes here); nothing otherwise.
std::optional<int> local_postgresql_process(int pid) {
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    return std::getline(comm, name) && name == "postgres" ? std::optional<int>(pid) : std::nullopt;
}

/// The server process answering stance's connection: the one backend with its application name.
std::optional<int> stance_server_process(const std::string& address) {
    if (!stance::is_postgresql_address(address)) {
        return std::nullopt;
    }
    const auto lookup = RawDatabase::open(address);
    std::vector<int> pids;
    lookup->prepare("SELECT pid FROM pg_stat_activity WHERE application_name = ?1")
        ->run({stance_application_name}, [&](const RawRow& row) { pids.push_back(static_cast<int>(row.integer(0))); });
    return pids.size() == 1 ? local_postgresql_process(pids.front()) : std::nullopt;
}

/// The server process answering the raw database's connection.
std::optional<int> raw_server_process(RawDatabase& raw, const std::string& address) {
    if (!stance::is_postgresql_address(address)) {
        return std::nullopt;
    }
    std::optional<int> pid;
    raw.prepare("SELECT pg_backend_pid()")->run({}, [&](const RawRow& row) {
        pid = local_postgresql_process(static_cast<int>(row.integer(0)));
    });
    return pid;
}

/// Says, above the table, what the CPU times of a side on PostgreSQL include.
void print_cpu_note(const std::string& stance_address, std::optional<int> stance_server, const std::string& raw_address,
                    std::optional<int> raw_server) {
    const auto side = [](const std::string& address, std::optional<int> server) -> std::string {
        if (!stance::is_postgresql_address(address)) {
            return "this process alone (SQLite runs in it)";
        }
        return server ? "this process plus the PostgreSQL server process answering it"
                      : "this process alone: the server process answering it was not found on this machine";
    };
    if (stance::is_postgresql_address(stance_address) || stance::is_postgresql_address(raw_address)) {
        fmt::print("CPU time of stance: {}; of the raw SQL: {} (server processes read from /proc/PID/schedstat).\n\n",
                   side(stance_address, stance_server), side(raw_address, raw_server));
    }
}

/// What the command line asks for besides the two databases.
struct Options {
    bool matrices = true;
    std::size_t countries = 40; ///< evolution: this many countries x 6 issues; agreement: 5 pairs per country
};

std::optional<Options> parse_options(int argc, char** argv) {
    Options options;
    for (int i = 3; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--no-matrix") {
            options.matrices = false;
        } else if (argument == "--countries" && i + 1 < argc &&
                   std::string_view(argv[i + 1]).find_first_not_of("0123456789") == std::string_view::npos) {
            options.countries = std::max<std::size_t>(1, std::stoul(argv[++i]));
        } else {
            return std::nullopt;
        }
    }
    return options;
}

} // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = argc >= 3 ? parse_options(argc, argv) : std::nullopt;
    if (!options) {
        std::cerr << "usage: bench_unga_queries STANCE_DB RAW_DB [--no-matrix] [--countries N]\n";
        return 2;
    }
    const bool matrices = options->matrices;
    try {
        const std::string stance_address = argv[1];
        const std::string raw_address = argv[2];
        const auto raw = RawDatabase::open(raw_address);
        const auto store = open_stance(stance_address);
        const std::optional<int> stance_server = stance_server_process(stance_address);
        const std::optional<int> raw_server = raw_server_process(*raw, raw_address);
        auto started = Clock::now();
        const stance::Catalog catalog{*store};
        const double catalog_ms = milliseconds_since(started);

        // Countries as both sides name them: stance by id, the raw table by ISO 3166-1 alpha-2 code.
        std::vector<const stance::Actor*> countries;
        for (const stance::Actor& actor : catalog.actors()) {
            // Left out: the states stance merges or splits differently from the raw codes (deu also holds
            // the empty-coded Federal Republic, yem the Yemen Arab Republic, srb the post-2000 "YU"),
            // and the historic ones, so that both sides answer the same question.
            static const std::set<std::string, std::less<>> different{"deu", "yem", "srb", "yug", "csk", "ddr", "ymd"};
            if (actor.kind == stance::ActorKind::state && actor.iso2.size() == 2 &&
                !different.contains(actor.id.str())) {
                countries.push_back(&actor);
            }
        }
        std::mt19937 random(20170331);
        std::shuffle(countries.begin(), countries.end(), random);
        const std::vector<std::string> issues{"me", "nu", "di", "hr", "co", "ec"};

        const auto raw_evolution_query = raw->prepare(raw_evolution_sql);
        const auto raw_agreement_query = raw->prepare(raw_agreement_sql);
        const auto raw_matrix_query = raw->prepare(raw_matrix_sql);

        fmt::print("catalog load: {:.1f} ms ({} actors, {} meetings, {} topics)\n\n", catalog_ms,
                   catalog.actors().size(), catalog.meetings().size(), catalog.topics().size());
        print_cpu_note(stance_address, stance_server, raw_address, raw_server);
        fmt::print("| query | runs | stance median ms | stance p99 ms | raw SQL median ms | raw SQL p99 ms | ratio "
                   "(median) | stance CPU median ms | stance CPU p99 ms | raw SQL CPU median ms | raw SQL CPU p99 ms | "
                   "CPU ratio (median) | CPU ratio (p99) |\n");
        fmt::print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");

        // Evolution: the countries asked x 6 issues, the summary and the full listing, each against the SQL
        // (measured again beside each, so that both ratios are of the same moment of a loaded machine).
        Samples stance_times(SideCpu{stance_server});
        Samples raw_times(SideCpu{raw_server});
        std::size_t mismatches = 0;
        for (bool summary_only : {true, false}) {
            stance_times.clear();
            raw_times.clear();
            for (std::size_t c = 0; c < std::min(options->countries, countries.size()); ++c) {
                for (const std::string& issue : issues) {
                    const SessionCounts ours = stance_times.measure([&] {
                        return stance_evolution(*store, catalog, countries[c]->id, stance::unga_issue_topic(issue),
                                                summary_only);
                    });
                    const SessionCounts theirs = raw_times.measure(
                        [&] { return raw_evolution(*raw_evolution_query, countries[c]->iso2, issue); });
                    mismatches += ours == theirs ? 0U : 1U;
                }
            }
            print_row(summary_only ? "evolution by session, summary (country x issue)"
                                   : "evolution by session, every vote listed too",
                      stance_times, raw_times);
            std::fflush(stdout);
        }
        const std::size_t evolution_mismatches = mismatches;

        // Agreement: 200 pairs of countries (5 per country asked), all roll calls, by session.
        stance_times.clear();
        raw_times.clear();
        mismatches = 0;
        for (std::size_t p = 0; p < 5 * options->countries; ++p) {
            const stance::Actor& first = *countries[(2 * p) % countries.size()];
            const stance::Actor& second = *countries[(2 * p + 1 + p / countries.size()) % countries.size()];
            const SessionTables ours =
                stance_times.measure([&] { return stance_agreement(*store, catalog, first.id, second.id); });
            const SessionTables theirs =
                raw_times.measure([&] { return raw_agreement(*raw_agreement_query, first.iso2, second.iso2); });
            mismatches += same_tables(ours, theirs) ? 0U : 1U;
        }
        print_row("agreement by session (country pair)", stance_times, raw_times);
        const std::size_t agreement_mismatches = mismatches;

        std::fflush(stdout);
        if (!matrices) {
            fmt::print("answers that differ between stance and raw SQL: evolution {}, agreement {}\n",
                       evolution_mismatches, agreement_mismatches);
            return evolution_mismatches + agreement_mismatches == 0 ? 0 : 1;
        }
        // The agreement matrix of every session.
        stance_times.clear();
        raw_times.clear();
        std::size_t pairs = 0;
        for (int session = 1; session <= 74; ++session) {
            const stance::AgreementMatrix matrix = stance_times.measure(
                [&] { return stance::agreement_matrix(*store, catalog, stance::unga_session_meeting(session)); });
            pairs += matrix.actors.size() * (matrix.actors.size() - 1) / 2;
            (void)raw_times.measure([&] { return raw_matrix_pairs(*raw_matrix_query, session); });
        }
        const Timing stance_matrix = summarise(stance_times.wall);
        const Timing raw_matrix = summarise(raw_times.wall);
        print_row("agreement matrix (one session)", stance_times, raw_times);
        fmt::print("\nall 74 session matrices: stance {:.2f} s, raw SQL {:.2f} s ({} country pairs in all)\n",
                   stance_matrix.total / 1000.0, raw_matrix.total / 1000.0, pairs);
        fmt::print("answers that differ between stance and raw SQL: evolution {}, agreement {}\n", evolution_mismatches,
                   agreement_mismatches);
        return evolution_mismatches + agreement_mismatches == 0 ? 0 : 1;
    } catch (const stance::error& failure) {
        std::cerr << "bench_unga_queries: " << failure.what() << '\n';
        return 1;
    }
}
