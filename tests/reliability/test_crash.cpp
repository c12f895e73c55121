// Crash safety, on every backend: an import process killed with SIGKILL at any moment leaves a
// database that opens, passes its backend's consistency check, and holds either the whole import or
// none of it. The kill times are spread over the whole import (opening, writing, committing).
// Dataset imports are killed while adding to a database that holds the seed and as the first import
// into a new database (an SQLite file that does not exist yet, an empty PostgreSQL database); UN
// vote imports (the bulk write path) while adding to the seeded database.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <random>
#include <thread>

#include "reliability_support.hpp"
#include "stance/unga/import.hpp"

using namespace stance;

namespace {

using Clock = std::chrono::steady_clock;

/// What a killed import may leave behind: the content from before it or from after it.
struct Outcomes {
    std::string before;
    std::string after;
};

/// An import to run in a child process, into the database at the given address.
using Import = std::function<void(const std::string&)>;

/// Starts a child process that runs `import` on `address` and exits 0; returns its pid.
pid_t spawn_import(const std::string& address, const Import& import) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        try {
            import(address);
        } catch (...) {
            _exit(1);
        }
        _exit(0);
    }
    return pid;
}

/// Exit status of a finished child: its exit code, or minus the signal that killed it.
int reap(pid_t pid) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    return WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
}

/// Makes a fresh starting state for one run: a copy of a seeded database, or a new empty one.
using Prepare = std::function<test::ScratchDatabase()>;

/// The content a database holds once opened (an empty export for one never written).
std::string content_at(const test::ScratchDatabase& db) {
    return test::content_of(*db.open());
}

/// Runs `import` on a fresh starting state `iterations` times, killing the importer at moments
/// spread evenly over one uninterrupted import's duration (and a little past it), and checks each
/// result. Returns how many kills landed while the import was still running.
int kill_imports(const Prepare& prepare, const Import& import, const Outcomes& outcomes, int iterations) {
    // One undisturbed run tells how long an import takes on this machine, build and backend.
    std::chrono::microseconds duration{};
    {
        const test::ScratchDatabase work = prepare();
        const auto started = Clock::now();
        REQUIRE(reap(spawn_import(work.address(), import)) == 0);
        duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started);
        REQUIRE(content_at(work) == outcomes.after);
    }
    MESSAGE("one import takes " << duration.count() / 1000 << " ms");

    std::mt19937 random(20170331); // fixed: a failure can be replayed
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    int killed_while_running = 0;
    int saw_before = 0;
    int saw_after = 0;
    for (int i = 0; i < iterations; ++i) {
        const test::ScratchDatabase work = prepare();
        // Stratified: iteration i kills somewhere in the i-th slice of [0, 1.2 × duration).
        const double fraction = 1.2 * (i + jitter(random)) / iterations;
        const auto delay =
            std::chrono::microseconds(static_cast<long>(fraction * static_cast<double>(duration.count())));
        const pid_t child = spawn_import(work.address(), import);
        std::this_thread::sleep_for(delay);
        kill(child, SIGKILL);
        const int status = reap(child);
        CAPTURE(i);
        CAPTURE(delay.count());
        CHECK((status == -SIGKILL || status == 0));
        killed_while_running += status == -SIGKILL ? 1 : 0;

        const std::string content = content_at(work);
        CHECK(work.integrity() == "ok");
        const bool before = content == outcomes.before;
        const bool after = content == outcomes.after;
        CHECK_MESSAGE((before || after), "a killed import left part of itself behind");
        saw_before += before ? 1 : 0;
        saw_after += after ? 1 : 0;
    }
    MESSAGE(killed_while_running << " of " << iterations << " imports killed while running; " << saw_before
                                 << " left the database as before, " << saw_after << " as after");
    return killed_while_running;
}

/// The seeded database's content, and what `import` makes of a copy of it.
Outcomes outcomes_from(const test::ScratchDatabase& base, const Import& import) {
    Outcomes outcomes;
    outcomes.before = content_at(base);
    const test::ScratchDatabase reference = base.copy();
    import(reference.address());
    outcomes.after = content_at(reference);
    return outcomes;
}

} // namespace

STORE_TEST_CASE("an import killed at random moments leaves all of it or none of it") {
    Dataset addition = test::grown_seed(4, "crash");
    Actor marker;
    marker.id = ActorId{"crash-marker"};
    marker.kind = ActorKind::group;
    marker.name = "Written by the import that gets killed";
    addition.actors.push_back(marker);
    const Import import = [&](const std::string& address) { Store::open(address)->import(addition); };

    SUBCASE("into a database that already holds the seed") {
        const test::ScratchDatabase base = backend.create();
        import_dataset_file(*base.open(), test::seed_dataset()); // closed again here
        const Outcomes outcomes = outcomes_from(base, import);
        CHECK(kill_imports([&] { return base.copy(); }, import, outcomes, 30) > 0);
    }
    SUBCASE("as the first import into a new database") {
        const test::ScratchDatabase empty = backend.create();
        const Outcomes outcomes = outcomes_from(empty, import);
        CHECK(kill_imports([&] { return backend.create(); }, import, outcomes, 15) > 0);
    }
}

STORE_TEST_CASE("a UN vote import killed at random moments leaves all of it or none of it") {
    // The bulk path (import_unga, put_stances) writes differently from a dataset import: check it too,
    // with the small real fixture of tests/data/unga (1,823 votes), into a database holding the seed.
    const std::filesystem::path tables = test::source_dir() / "tests/data/unga";
    const Import import = [&](const std::string& address) { (void)import_unga(*Store::open(address), tables); };
    const test::ScratchDatabase base = backend.create();
    import_dataset_file(*base.open(), test::seed_dataset());
    const Outcomes outcomes = outcomes_from(base, import);
    REQUIRE(outcomes.after != outcomes.before);
    CHECK(kill_imports([&] { return base.copy(); }, import, outcomes, 20) > 0);
}
