// Crash safety: an import process killed with SIGKILL at any moment leaves a database that opens,
// passes SQLite's integrity check, and holds either the whole import or none of it. The kill times
// are spread over the whole import (opening, writing, committing). Dataset imports are killed while
// adding to a database that holds the seed and as the first import into a file that does not exist
// yet; UN vote imports (the bulk write path) while adding to the seeded database.
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

void remove_database(const std::filesystem::path& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path.string() + suffix);
    }
}

/// An import to run in a child process, into the database at the given path.
using Import = std::function<void(const std::string&)>;

/// Starts a child process that runs `import` on `path` and exits 0; returns its pid.
pid_t spawn_import(const std::filesystem::path& path, const Import& import) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        try {
            import(path.string());
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

/// Lays down the starting state: a copy of `base` (or no file at all when `base` is empty).
void prepare(const std::filesystem::path& work, const std::filesystem::path& base) {
    remove_database(work);
    if (!base.empty()) {
        std::filesystem::copy_file(base, work);
    }
}

/// The content a database file holds once opened (an empty export for a file that was never made).
std::string content_at(const std::filesystem::path& path) {
    return test::content_of(*Store::open(path.string()));
}

/// Runs `import` on a fresh copy of `base` `iterations` times, killing the importer at moments
/// spread evenly over one uninterrupted import's duration (and a little past it), and checks each
/// result. Returns how many kills landed while the import was still running.
int kill_imports(const test::TempDir& dir, const std::filesystem::path& base, const Import& import,
                 const Outcomes& outcomes, int iterations) {
    const std::filesystem::path work = dir / "work.db";

    // One undisturbed run tells how long an import takes on this machine and build.
    prepare(work, base);
    const auto started = Clock::now();
    REQUIRE(reap(spawn_import(work, import)) == 0);
    const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started);
    REQUIRE(content_at(work) == outcomes.after);
    MESSAGE("one import takes " << duration.count() / 1000 << " ms");

    std::mt19937 random(20170331); // fixed: a failure can be replayed
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    int killed_while_running = 0;
    int saw_before = 0;
    int saw_after = 0;
    for (int i = 0; i < iterations; ++i) {
        prepare(work, base);
        // Stratified: iteration i kills somewhere in the i-th slice of [0, 1.2 × duration).
        const double fraction = 1.2 * (i + jitter(random)) / iterations;
        const auto delay =
            std::chrono::microseconds(static_cast<long>(fraction * static_cast<double>(duration.count())));
        const pid_t child = spawn_import(work, import);
        std::this_thread::sleep_for(delay);
        kill(child, SIGKILL);
        const int status = reap(child);
        CAPTURE(i);
        CAPTURE(delay.count());
        CHECK((status == -SIGKILL || status == 0));
        killed_while_running += status == -SIGKILL ? 1 : 0;

        const std::string content = content_at(work);
        CHECK(test::integrity_of(work.string()) == "ok");
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

} // namespace

TEST_CASE("an import killed at random moments leaves all of it or none of it") {
    test::TempDir dir;
    Dataset addition = test::grown_seed(4, "crash");
    Actor marker;
    marker.id = ActorId{"crash-marker"};
    marker.kind = ActorKind::group;
    marker.name = "Written by the import that gets killed";
    addition.actors.push_back(marker);
    const Import import = [&](const std::string& path) { Store::open(path)->import(addition); };

    SUBCASE("into a database that already holds the seed") {
        const std::filesystem::path base = dir / "base.db";
        import_dataset_file(*Store::open(base.string()), test::seed_dataset()); // closed again here
        Outcomes outcomes;
        outcomes.before = content_at(base);
        {
            const std::filesystem::path reference = dir / "reference.db";
            prepare(reference, base);
            Store::open(reference.string())->import(addition);
            outcomes.after = content_at(reference);
        }
        CHECK(kill_imports(dir, base, import, outcomes, 30) > 0);
    }
    SUBCASE("as the first import into a new file") {
        Outcomes outcomes;
        outcomes.before = test::content_of(*Store::open(":memory:"));
        outcomes.after = [&] {
            auto reference = Store::open(":memory:");
            reference->import(addition);
            return test::content_of(*reference);
        }();
        CHECK(kill_imports(dir, {}, import, outcomes, 15) > 0);
    }
}

TEST_CASE("a UN vote import killed at random moments leaves all of it or none of it") {
    // The bulk path (import_unga, put_stances) writes differently from a dataset import: check it too,
    // with the small real fixture of tests/data/unga (1,823 votes), into a database holding the seed.
    test::TempDir dir;
    const std::filesystem::path tables = test::source_dir() / "tests/data/unga";
    const Import import = [&](const std::string& path) { (void)import_unga(*Store::open(path), tables); };
    const std::filesystem::path base = dir / "base.db";
    import_dataset_file(*Store::open(base.string()), test::seed_dataset());
    Outcomes outcomes;
    outcomes.before = content_at(base);
    {
        const std::filesystem::path reference = dir / "reference.db";
        prepare(reference, base);
        import(reference.string());
        outcomes.after = content_at(reference);
    }
    REQUIRE(outcomes.after != outcomes.before);
    CHECK(kill_imports(dir, base, import, outcomes, 20) > 0);
}
