// Concurrent use of one database, on every backend (an SQLite file in WAL mode, a PostgreSQL
// database): readers keep answering while an import writes and see it all or not at all; a second
// writer waits a bounded time and then gets a clear busy_error; writers in separate processes never
// corrupt the database. Every store here is its own connection, as a separate thread or process
// would have.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "reliability_support.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/snapshot.hpp"

using namespace stance;
using stance::test::SeededDatabase;

namespace {

constexpr std::size_t seed_stances = 46;

/// The seed grown `copies` times, plus one new actor that every new stance is attributed to, so a
/// read that saw the new stances but not the new actor would show up as a dangling reference.
Dataset import_with_new_actor(std::size_t copies, const std::string& prefix) {
    Dataset dataset = test::grown_seed(copies, prefix);
    Actor actor;
    actor.id = ActorId{prefix + "-coalition"};
    actor.kind = ActorKind::group;
    actor.name = "A coalition that exists only in this import";
    dataset.actors.push_back(actor);
    for (Stance& stance : dataset.stances) {
        stance.actor = actor.id;
    }
    return dataset;
}

/// Exit codes of a writer child process.
enum class ChildResult : int { imported = 0, busy = 6, other_error = 1 };

/// Forks a process that opens `path` and imports `dataset`; returns its pid. The caller must hold no
/// open connection to `path` (SQLite's locks do not survive a fork).
pid_t spawn_writer(const std::string& path, const Dataset& dataset, int busy_timeout_ms) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = static_cast<int>(ChildResult::imported);
        try {
            Store::open(path, OpenOptions{.busy_timeout_ms = busy_timeout_ms})->import(dataset);
        } catch (const busy_error&) {
            code = static_cast<int>(ChildResult::busy);
        } catch (...) {
            code = static_cast<int>(ChildResult::other_error);
        }
        _exit(code); // no doctest reporting, no destructors of the parent's objects
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    return WEXITSTATUS(status);
}

} // namespace

STORE_TEST_CASE("a reader sees the stance count from before or after an import, never one in between") {
    SeededDatabase db{backend};
    const Dataset addition = import_with_new_actor(40, "concurrent");
    const std::size_t after = seed_stances + addition.stances.size();

    std::atomic<bool> writing{true};
    std::multiset<std::size_t> seen;
    std::size_t inconsistent_exports = 0;
    std::thread reader([&] {
        auto store = Store::open(db.path(), OpenOptions{.read_only = true});
        do {
            seen.insert(store->stances().size());
            Dataset snapshot = store->to_dataset();
            try {
                validate_dataset(snapshot, "snapshot"); // every reference resolves within the export
            } catch (const invalid_input_error&) {
                ++inconsistent_exports;
            }
            seen.insert(snapshot.stances.size());
        } while (writing.load());
        seen.insert(store->stances().size());
    });
    Store::open(db.path())->import(addition);
    writing = false;
    reader.join();

    CHECK(inconsistent_exports == 0);
    for (std::size_t count : seen) {
        CHECK_MESSAGE((count == seed_stances || count == after), "a reader saw " << count << " stances");
    }
    CHECK(seen.count(after) >= 1); // the last read comes after the commit
    CHECK(db.integrity() == "ok");
}

STORE_TEST_CASE("a read snapshot keeps seeing the data as it was while another connection commits") {
    SeededDatabase db{backend};
    auto reader = Store::open(db.path(), OpenOptions{.read_only = true});
    {
        const auto snapshot = reader->read_snapshot();
        REQUIRE(snapshot);
        CHECK(reader->stances().size() == seed_stances); // the first read fixes the snapshot

        Store::open(db.path())->import(import_with_new_actor(2, "meanwhile"));

        CHECK(reader->stances().size() == seed_stances);
        CHECK_FALSE(reader->exists(EntityKind::actor, "meanwhile-coalition"));
        CHECK(test::content_of(*reader) == db.content_before()); // to_dataset nests inside it
    }
    CHECK(reader->stances().size() == seed_stances + 2 * seed_stances);
    CHECK(reader->exists(EntityKind::actor, "meanwhile-coalition"));
}

STORE_TEST_CASE("a second writer waits a bounded time, then gets a clear busy_error, and can retry") {
    SeededDatabase db{backend};
    auto first = Store::open(db.path());
    auto holding = first->begin_import(); // holds the write lock until commit
    holding->put(import_with_new_actor(1, "first").actors.back());

    constexpr int timeout_ms = 150;
    auto second = Store::open(db.path(), OpenOptions{.busy_timeout_ms = timeout_ms});
    const Dataset addition = import_with_new_actor(1, "second");
    const auto started = std::chrono::steady_clock::now();
    const std::string message = test::message_of_failure<busy_error>([&] { second->import(addition); });
    const auto waited = std::chrono::steady_clock::now() - started;
    CAPTURE(message);
    CHECK(message.find("starting an import into " + db.path()) == 0);
    CHECK(message.find("the database is busy") != std::string::npos);
    CHECK(message.find("retry when it is done") != std::string::npos);
    // The bound is a retry window, not an immediate failure (a loose lower limit: this is no timing test).
    CHECK(waited >= std::chrono::milliseconds(timeout_ms / 2));

    holding->commit();
    holding.reset();
    second->import(addition); // the retry succeeds once the first writer is done
    CHECK(second->exists(EntityKind::actor, "first-coalition"));
    CHECK(second->stances().size() == seed_stances + seed_stances);
    CHECK(db.integrity() == "ok");
}

STORE_TEST_CASE("two writer processes at once: both imports land whole, and the file stays sound") {
    SeededDatabase db{backend};
    const Dataset a = import_with_new_actor(20, "writer-a");
    const Dataset b = import_with_new_actor(20, "writer-b");
    db.close();
    // Patience far beyond one import's time even on a loaded machine: each must wait for the other.
    const pid_t first = spawn_writer(db.path(), a, 120'000);
    const pid_t second = spawn_writer(db.path(), b, 120'000);
    CHECK(wait_for(first) == static_cast<int>(ChildResult::imported));
    CHECK(wait_for(second) == static_cast<int>(ChildResult::imported));

    auto store = Store::open(db.path());
    CHECK(store->stances().size() == seed_stances + a.stances.size() + b.stances.size());
    CHECK(db.integrity() == "ok");
}

STORE_TEST_CASE("two writer processes with no patience: one may be refused as busy, none half-writes") {
    SeededDatabase db{backend};
    const Dataset a = import_with_new_actor(20, "writer-a");
    const Dataset b = import_with_new_actor(20, "writer-b");
    db.close();
    const pid_t first = spawn_writer(db.path(), a, 1);
    const pid_t second = spawn_writer(db.path(), b, 1);
    const int result_a = wait_for(first);
    const int result_b = wait_for(second);
    for (int result : {result_a, result_b}) {
        CHECK((result == static_cast<int>(ChildResult::imported) || result == static_cast<int>(ChildResult::busy)));
    }

    auto store = Store::open(db.path());
    const bool has_a = store->exists(EntityKind::actor, "writer-a-coalition");
    const bool has_b = store->exists(EntityKind::actor, "writer-b-coalition");
    CHECK(has_a == (result_a == static_cast<int>(ChildResult::imported)));
    CHECK(has_b == (result_b == static_cast<int>(ChildResult::imported)));
    const std::size_t expected = seed_stances + (has_a ? a.stances.size() : 0) + (has_b ? b.stances.size() : 0);
    CHECK(store->stances().size() == expected);
    CHECK(db.integrity() == "ok");
}

STORE_TEST_CASE("a snapshot taken inside an import on the same store nests in it and leaves it open") {
    SeededDatabase db{backend};
    auto session = db.store().begin_import();
    Actor actor;
    actor.id = ActorId{"nested-reader"};
    actor.kind = ActorKind::group;
    actor.name = "Read back before commit";
    session->put(actor);
    CHECK(db.store().to_dataset().actors.size() == 42); // sees its own write through the nested snapshot
    session->commit();
    session.reset();
    CHECK(Store::open(db.path())->exists(EntityKind::actor, "nested-reader"));
}

STORE_TEST_CASE("a file is checked against the database as it is when the file is written, not before") {
    // Another writer changes a document's text while this import waits for the lock. The import must
    // be checked against the new text (and refused: its span no longer holds its quote), not pass
    // against the old text and then write a span that points at the wrong words.
    SeededDatabase db{backend};
    Document memo;
    memo.id = DocumentId{"memo"};
    memo.text = "De minister steunt het voorstel.";
    memo.sha256 = sha256_hex(memo.text);
    Dataset first;
    first.documents.push_back(memo);
    db.store().import(first);

    const std::filesystem::path file = db.dir() / "quotes-memo.json";
    test::write_text(file, R"({"stance_dataset": 1, "stances": [{"id": "nld-memo", "actor": "nld", "topic": "russia",)"
                           R"( "meeting": "nac-fm-2017-03-31", "position": "support",)"
                           R"( "quote": "De minister steunt het voorstel.",)"
                           R"( "source": {"document": "memo", "start": 0, "end": 32}}]})");

    auto other = Store::open(db.path());
    auto holding = other->begin_import();
    Document revised = memo;
    revised.text = "The minister opposes the proposal, firmly.";
    revised.sha256 = sha256_hex(revised.text);
    holding->put(revised);

    std::string outcome;
    std::thread importer([&] {
        auto store = Store::open(db.path(), OpenOptions{.busy_timeout_ms = 10'000});
        try {
            import_dataset_file(*store, file);
            outcome = "imported";
        } catch (const invalid_input_error& failure) {
            outcome = failure.what();
        } catch (const std::exception& failure) {
            outcome = std::string("unexpected: ") + failure.what();
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // let it reach the lock
    holding->commit();
    holding.reset();
    importer.join();

    CAPTURE(outcome);
    CHECK(outcome.find("$.stances[0].source.start: the span [0, 32) does not hold the quote") != std::string::npos);
    CHECK_FALSE(Store::open(db.path())->exists(EntityKind::stance, "nld-memo"));
}

namespace {

/// A meeting that exists only in this import, and one stance of the Netherlands at it (a copy of a
/// real seed stance, same quote and span). A read that sees the stance but not the meeting dates it
/// 0000-00-00: the failure the query snapshot prevents.
Dataset late_meeting(int number) {
    const Dataset seed = read_dataset_file(test::seed_dataset());
    Meeting meeting;
    meeting.id = MeetingId{fmt::format("late-meeting-{}", number)};
    meeting.body = BodyId{"nac"};
    meeting.title = fmt::format("A meeting added while queries run ({})", number);
    meeting.date = Date{2017, 4, 1};
    Stance stance;
    for (const Stance& candidate : seed.stances) {
        if (candidate.id == StanceId{"nld-honour-wales-defence-spending-commitments"}) {
            stance = candidate;
        }
    }
    REQUIRE(stance.actor == ActorId{"nld"});
    stance.id = StanceId{fmt::format("late-stance-{}", number)};
    stance.meeting = meeting.id;
    stance.agenda_item.reset();
    stance.stated_on.reset();
    Dataset dataset;
    dataset.meetings.push_back(meeting);
    dataset.stances.push_back(stance);
    return dataset;
}

const TopicId wales_pledge{"wales-defence-investment-pledge"};

/// How many stances of `points` the catalog cannot date (their meeting is unknown to it).
std::size_t undated(const Catalog& catalog, const std::vector<ActorStance>& points) {
    return static_cast<std::size_t>(std::count_if(points.begin(), points.end(), [&](const ActorStance& point) {
        return point.date == Date{} || catalog.find(point.stance.meeting) == nullptr;
    }));
}

std::size_t undated(const Catalog& catalog, const std::vector<Stance>& stances) {
    return static_cast<std::size_t>(std::count_if(stances.begin(), stances.end(), [&](const Stance& stance) {
        return catalog.effective_date(stance) == Date{} || catalog.find(stance.meeting) == nullptr;
    }));
}

StanceFilter wales_search() {
    StanceFilter filter;
    filter.text = "Wales";
    return filter;
}

} // namespace

STORE_TEST_CASE("a query reads its stances in the catalog's snapshot, even when another connection commits between") {
    SeededDatabase db{backend};
    auto reader = Store::open(db.path(), OpenOptions{.read_only = true});
    const Catalog catalog{*reader};
    Store::open(db.path())->import(late_meeting(1)); // after the catalog, before the stances are read

    const Evolution result = evolution(*reader, catalog, ActorId{"nld"}, wales_pledge);
    REQUIRE_FALSE(result.points.empty());
    CHECK(undated(catalog, result.points) == 0);
    const std::vector<Stance> found = reader->stances(wales_search()); // search, as `stance search` runs it
    REQUIRE_FALSE(found.empty());
    CHECK(undated(catalog, found) == 0);
    CHECK_FALSE(reader->exists(EntityKind::stance, "late-stance-1"));
}

STORE_TEST_CASE("the new stance is seen once the catalog that held the old snapshot is gone") {
    SeededDatabase db{backend};
    auto reader = Store::open(db.path(), OpenOptions{.read_only = true});
    { const Catalog before{*reader}; }
    Store::open(db.path())->import(late_meeting(1));
    const Catalog catalog{*reader};
    const Evolution result = evolution(*reader, catalog, ActorId{"nld"}, wales_pledge);
    CHECK(undated(catalog, result.points) == 0);
    CHECK(std::any_of(result.points.begin(), result.points.end(),
                      [](const ActorStance& point) { return point.stance.id == StanceId{"late-stance-1"}; }));
}

STORE_TEST_CASE("a query refuses a catalog built from another store") {
    SeededDatabase db{backend};
    auto other = Store::open(db.path(), OpenOptions{.read_only = true});
    const Catalog foreign{*other};
    const std::string message =
        test::message_of_failure<error>([&] { (void)evolution(db.store(), foreign, ActorId{"nld"}, wales_pledge); });
    CHECK(message.find("a catalog built from another store") != std::string::npos);
    CHECK_THROWS_AS((void)snapshot(db.store(), foreign, MeetingId{"nac-fm-2017-03-31"}), error);
}

STORE_TEST_CASE("evolution and search while small imports commit: every stance's meeting is known to its query") {
    SeededDatabase db{backend};
    constexpr int imports = 30;
    std::atomic<bool> writing{true};
    std::size_t queries = 0;
    std::size_t bad = 0;
    std::thread reader([&] {
        auto store = Store::open(db.path(), OpenOptions{.read_only = true});
        do {
            { // evolution, as `stance evolution` runs it
                const Catalog catalog{*store};
                bad += undated(catalog, evolution(*store, catalog, ActorId{"nld"}, wales_pledge).points);
            }
            { // the convenience overload loads its own catalog
                const Evolution result = evolution(*store, ActorId{"nld"}, wales_pledge);
                bad += static_cast<std::size_t>(std::count_if(result.points.begin(), result.points.end(),
                                                              [](const ActorStance& p) { return p.date == Date{}; }));
            }
            { // search, as `stance search` runs it
                const Catalog catalog{*store};
                bad += undated(catalog, store->stances(wales_search()));
            }
            ++queries;
        } while (writing.load());
    });
    {
        auto writer = Store::open(db.path(), OpenOptions{.busy_timeout_ms = 10'000});
        for (int i = 0; i < imports; ++i) {
            writer->import(late_meeting(i));
        }
    }
    writing = false;
    reader.join();
    CAPTURE(queries);
    CHECK(queries >= 1);
    CHECK(bad == 0);
    CHECK(db.integrity() == "ok");
}
