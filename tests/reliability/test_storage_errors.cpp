// SQLite failures while writing (a constraint, a full disk) reach the caller as stance::storage_error
// naming what was being written, never as a raw SQLite exception, and leave no trace in the database:
// the import is rolled back and a session that saw a failure refuses to commit.
#include <doctest/doctest.h>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "reliability_support.hpp"
#include "store/schema.hpp"
#include "store/sqlite_store.hpp"

using namespace stance;
using stance::test::SeededDatabase;

namespace {

SQLite::Database& connection_of(Store& store) {
    return dynamic_cast<detail::SqliteStore&>(store).database();
}

Actor atlantis() {
    Actor actor;
    actor.id = ActorId{"atl"};
    actor.kind = ActorKind::state;
    actor.name = "Atlantis";
    return actor;
}

} // namespace

TEST_CASE("a constraint failure inside put is a storage_error naming the entity, and nothing is written") {
    SeededDatabase db;
    // A rule the database enforces and the validator does not know about.
    connection_of(db.store())
        .exec("CREATE TEMP TRIGGER no_atlantis BEFORE INSERT ON actor WHEN new.slug = 'atl' "
              "BEGIN SELECT RAISE(ABORT, 'Atlantis is not a state'); END");
    Dataset dataset = test::grown_seed(1, "again");
    dataset.actors.push_back(atlantis());

    const std::string message = test::message_of_failure<storage_error>([&] { db.store().import(dataset); });
    CHECK(message.find("writing actor \"atl\" into " + db.path() + " (the import is rolled back)") == 0);
    CHECK(message.find("Atlantis is not a state") != std::string::npos);
    db.check_unchanged();
}

TEST_CASE("after a failed put the session cannot commit, and destroying it rolls back") {
    SeededDatabase db;
    connection_of(db.store())
        .exec("CREATE TEMP TRIGGER no_atlantis BEFORE INSERT ON actor WHEN new.slug = 'atl' "
              "BEGIN SELECT RAISE(ABORT, 'Atlantis is not a state'); END");
    {
        auto session = db.store().begin_import();
        Actor narnia = atlantis();
        narnia.id = ActorId{"nar"};
        session->put(narnia); // fine on its own
        CHECK_THROWS_AS(session->put(atlantis()), storage_error);
        const std::string again = test::message_of_failure<storage_error>([&] { session->put(narnia); });
        CHECK(again.find("an earlier write of this import failed") != std::string::npos);
        const std::string commit = test::message_of_failure<storage_error>([&] { session->commit(); });
        CHECK(commit.find("cannot be committed; nothing of it was saved") != std::string::npos);
    }
    CHECK_FALSE(db.store().exists(EntityKind::actor, "nar"));
    db.check_unchanged();
}

TEST_CASE("an unknown reference inside put also poisons the session") {
    auto store = Store::open(":memory:");
    auto session = store->begin_import();
    Membership membership;
    membership.member = ActorId{"nowhere"};
    membership.group = ActorId{"nato"};
    const std::string message = test::message_of_failure<invalid_input_error>([&] { session->put(membership); });
    CHECK(message.find("unknown actor \"nowhere\"") != std::string::npos);
    CHECK_THROWS_AS(session->commit(), storage_error);
}

TEST_CASE("a full disk during an import is a storage_error and leaves the database as it was") {
    SeededDatabase db;
    // Let the file grow by only a few pages: the large import below cannot fit.
    SQLite::Database& connection = connection_of(db.store());
    const int pages = connection.execAndGet("PRAGMA page_count").getInt();
    connection.exec("PRAGMA max_page_count = " + std::to_string(pages + 4));

    const Dataset large = test::grown_seed(40, "bulk");
    const std::string message = test::message_of_failure<storage_error>([&] { db.store().import(large); });
    CHECK(message.find("into " + db.path()) != std::string::npos);
    CHECK(message.find("database or disk is full") != std::string::npos);
    db.check_unchanged();

    // Once there is room again, the same import succeeds.
    connection.exec("PRAGMA max_page_count = 1073741823");
    db.store().import(large);
    CHECK(db.store().stances().size() == 46 * 41);
    CHECK(test::integrity_of(db.path()) == "ok");
}

TEST_CASE("a damaged database file is reported as a storage_error that says what to do, never a crash") {
    SeededDatabase db;
    db.close();
    const std::string bytes = test::read_text(db.path());
    constexpr std::size_t page = 4096; // SQLite's default page size
    REQUIRE(bytes.size() > 6 * page);

    SUBCASE("pages overwritten in the middle") {
        std::string damaged = bytes;
        damaged.replace(3 * page, 2 * page, std::string(2 * page, '\xFF'));
        test::write_text(db.path(), damaged);
    }
    SUBCASE("cut short") {
        test::write_text(db.path(), bytes.substr(0, bytes.size() / 2));
    }
    // Opening, reading everything and writing: whichever step meets the damage must report it.
    const std::string message = test::message_of_failure<storage_error>([&] {
        auto store = Store::open(db.path());
        (void)store->to_dataset();
        store->import(test::grown_seed(1, "after-damage"));
    });
    CHECK(message.find(db.path()) != std::string::npos);
    CHECK(message.find("the file is damaged or is not a stance database; restore it from a backup") !=
          std::string::npos);
}

TEST_CASE("an SQLite file that is not a stance database is refused and left byte for byte as it was") {
    test::TempDir dir;
    const std::string path = (dir / "other.db").string();
    {
        SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE document (name TEXT, body BLOB)"); // a name stance uses too
        other.exec("INSERT INTO document VALUES ('letter', 'Dear ...')");
    }
    const std::string before = test::read_text(path);
    for (const bool read_only : {false, true}) {
        CAPTURE(read_only);
        const std::string message = test::message_of_failure<storage_error>([&] {
            (void)import_dataset_file(*Store::open(path, OpenOptions{.read_only = read_only}), test::seed_dataset());
        });
        CHECK(message.find(path + " is an SQLite database but not a stance database; stance leaves it as it is") == 0);
    }
    CHECK(test::read_text(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-wal")); // the journal mode was not switched
    SQLite::Database other(path, SQLite::OPEN_READONLY);
    CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("stance marks its databases with its application_id, also older ones on their next read-write open") {
    test::TempDir dir;
    const std::string path = (dir / "stance.db").string();
    auto application_id = [&] {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        return db.execAndGet("PRAGMA application_id").getInt();
    };
    // A stance schema of `version` whose application_id is then set to `id`.
    auto write_schema = [&](int version, int id) {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, version);
        db.exec(fmt::format("PRAGMA application_id = {}", id));
    };
    SUBCASE("a new database") {
        (void)Store::open(path);
        CHECK(application_id() == detail::stance_application_id);
    }
    SUBCASE("a version 2 database written before stance set the id") {
        write_schema(2, 0);
        // Recognised by its schema: a read-only open asks for a migration, it does not call the file foreign.
        CHECK_THROWS_WITH_AS((void)Store::open(path, OpenOptions{.read_only = true}),
                             doctest::Contains("open it once read-write to migrate it"), schema_version_error);
        CHECK(application_id() == 0); // a read changes nothing
        (void)Store::open(path);
        CHECK(application_id() == detail::stance_application_id);
    }
    SUBCASE("a version 1 database written before stance set the id is migrated and marked") {
        write_schema(1, 0);
        CHECK(Store::open(path)->schema_version() == Store::current_schema_version);
        CHECK(application_id() == detail::stance_application_id);
    }
    SUBCASE("another program's id is refused even with stance's tables") {
        write_schema(2, 1234);
        CHECK_THROWS_WITH_AS((void)Store::open(path), doctest::Contains("not a stance database"), storage_error);
        CHECK(application_id() == 1234);
    }
}

TEST_CASE("storage messages say what happened and what to do") {
    test::TempDir dir;
    SUBCASE("a directory") {
        const std::string message =
            test::message_of_failure<storage_error>([&] { (void)Store::open(dir.path().string()); });
        CHECK(message.find(dir.path().string() + " is a directory; pass a database file") == 0);
    }
    SUBCASE("a 0-byte file: empty for a read, a new database for a write") {
        const std::string path = (dir / "zero.db").string();
        test::write_text(path, "");
        const std::string message =
            test::message_of_failure<storage_error>([&] { (void)Store::open(path, OpenOptions{.read_only = true}); });
        CHECK(message.find(path + " is empty: it holds no stance data yet") == 0);
        CHECK(test::read_text(path).empty());
        import_dataset_file(*Store::open(path), test::seed_dataset());
        CHECK(Store::open(path, OpenOptions{.read_only = true})->stances().size() == 46);
    }
    SUBCASE("a missing file, for a read") {
        const std::string path = (dir / "missing.db").string();
        const std::string message =
            test::message_of_failure<storage_error>([&] { (void)Store::open(path, OpenOptions{.read_only = true}); });
        CHECK(message.find(path + " does not exist, so there is nothing to read") == 0);
        CHECK_FALSE(std::filesystem::exists(path));
    }
    SUBCASE("a full disk, also when it shows as the WAL index failing to grow") {
        CHECK(detail::storage_advice(SQLITE_FULL) == "the disk is full: free space and retry; nothing was written");
        CHECK(detail::storage_advice(4874) == detail::storage_advice(SQLITE_FULL)); // SQLITE_IOERR_SHMSIZE
        CHECK(detail::storage_advice(SQLITE_READONLY).find("read-only") != std::string_view::npos);
        CHECK(detail::storage_advice(SQLITE_CONSTRAINT).empty());
    }
}

TEST_CASE("a database in a folder the reader may not write is read all the same") {
    // Run the read as a user without write permission on the folder: root ignores permissions, so
    // under root the read runs in a child process that drops to the unprivileged user "nobody".
    SeededDatabase db;
    db.close(); // a clean close removes the -wal and -shm files
    REQUIRE_FALSE(std::filesystem::exists(db.path() + "-wal"));
    std::filesystem::permissions(db.dir().path(),
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                     std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                     std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int code = 0;
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
            _exit(2);
        }
        try {
            auto store = Store::open(db.path(), OpenOptions{.read_only = true});
            code = store->stances().size() == 46 && !store->to_dataset().actors.empty() ? 0 : 3;
        } catch (...) {
            code = 1;
        }
        _exit(code);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    std::filesystem::permissions(db.dir().path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK_FALSE(std::filesystem::exists(db.path() + "-wal"));
    db.check_unchanged();
}
