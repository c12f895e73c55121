// Schema versions as a user meets them: a database from a newer stance is refused by every command
// with exit code 7 and left untouched; an older one is migrated only by a read-write open, and a
// migration that cannot get the write lock fails as busy, leaving the old version in place.
#include <doctest/doctest.h>

#include <cstdio>

#include "reliability_support.hpp"
#include "store/schema.hpp"

using namespace stance;

namespace {

using test::CommandResult;
#ifdef STANCE_CLI_BINARY
using test::run_cli;
#endif

/// A database file whose schema says it was written by a future stance (version 99).
std::string make_future_database(const test::TempDir& dir) {
    std::string path = (dir / "future.db").string();
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    detail::migrate(db, Store::current_schema_version);
    db.exec("CREATE TABLE from_the_future (x)");
    db.exec("PRAGMA user_version = 99");
    return path;
}

int version_of(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return detail::read_schema_version(db);
}

} // namespace

TEST_CASE("every command refuses a database from a newer stance with exit code 7 and leaves it untouched") {
#ifndef STANCE_CLI_BINARY
    MESSAGE("the stance CLI is not built (STANCE_BUILD_CLI=OFF): skipped");
#else
    test::TempDir dir;
    const std::string path = make_future_database(dir);
    const std::string bytes_before = test::read_text(path);
    const std::string dataset = (test::source_dir() / "examples/data/small-dataset.json").string();
    const std::vector<std::string> commands{"init", "export", "actors", "import " + dataset};
    const std::string on_the_database = "--db " + path + " ";
    for (const std::string& command : commands) {
        CAPTURE(command);
        const CommandResult result = run_cli(on_the_database + command);
        CAPTURE(result.output);
        CHECK(result.exit_code == 7);
        CHECK(result.output.find("schema version 99") != std::string::npos);
        CHECK(result.output.find("upgrade stance") != std::string::npos);
    }
    CHECK(version_of(path) == 99);
    CHECK(test::read_text(path) == bytes_before);
#endif
}

TEST_CASE("an older database is not migrated by a read-only open") {
    test::TempDir dir;
    const std::string path = (dir / "old.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 1);
    }
    const std::string message = test::message_of_failure<schema_version_error>(
        [&] { (void)Store::open(path, OpenOptions{.read_only = true}); });
    CHECK(message.find("schema version 1 cannot be read by this stance (version " +
                       std::to_string(Store::current_schema_version) + ") in read-only mode") != std::string::npos);
    CHECK(message.find("open it once read-write to migrate it") != std::string::npos);
    CHECK(version_of(path) == 1);
    CHECK(Store::open(path)->schema_version() == Store::current_schema_version); // read-write migrates
}

TEST_CASE("a migration that cannot get the write lock fails as busy and keeps the old version") {
    test::TempDir dir;
    const std::string path = (dir / "old.db").string();
    SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    detail::migrate(other, 1);
    other.exec("PRAGMA journal_mode = WAL");
    other.exec("BEGIN IMMEDIATE"); // another process in the middle of a write

    const std::string message =
        test::message_of_failure<busy_error>([&] { (void)Store::open(path, OpenOptions{.busy_timeout_ms = 50}); });
    CHECK(message.find("opening " + path) == 0);
    CHECK(message.find("the database is busy") != std::string::npos);
    other.exec("ROLLBACK");
    CHECK(version_of(path) == 1);
    CHECK(Store::open(path)->schema_version() == Store::current_schema_version);
    CHECK(test::integrity_of(path) == "ok");
}
