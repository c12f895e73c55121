#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "store/schema.hpp"
#include "support.hpp"

using namespace stance;

TEST_CASE("a database from a newer stance is refused with a clear message") {
    test::TempDir dir;
    const std::string path = (dir / "future.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 99");
    }
    try {
        (void)Store::open(path);
        FAIL("opening a newer database must throw");
    } catch (const schema_version_error& failure) {
        const std::string message = failure.what();
        CHECK(message.find("schema version 99") != std::string::npos);
        CHECK(message.find("upgrade stance") != std::string::npos);
    }
}

TEST_CASE("a version 1 database is migrated and keeps its data") {
    test::TempDir dir;
    const std::string path = (dir / "old.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 1);
        db.exec("INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands')");
        db.exec("INSERT INTO topic (slug, label) VALUES ('russia', 'Russia')");
        db.exec("INSERT INTO body (slug, name) VALUES ('nac', 'North Atlantic Council')");
        db.exec("INSERT INTO meeting (slug, body_id, date) VALUES ('m', 1, '2017-03-31')");
        db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, kind, score, quote, effective_date) "
                "VALUES ('s', 1, 1, 1, 'concern', -0.5, 'brede zorg over Rusland', '2017-03-31')");
    }
    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    REQUIRE(store->stances().size() == 1);
    // Version 2 indexed the existing quote for full-text search.
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM stance_text WHERE stance_text MATCH 'rusland'").getInt() == 1);
}

TEST_CASE("a failed migration leaves the database as it was") {
    test::TempDir dir;
    const std::string path = (dir / "broken.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 1);
        // Something in the way of version 2: a table with the name the migration wants to create.
        db.exec("CREATE TABLE stance_text (x)");
    }
    CHECK_THROWS(Store::open(path));
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(detail::read_schema_version(db) == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'stance_text_insert'").getInt() == 0);
}
