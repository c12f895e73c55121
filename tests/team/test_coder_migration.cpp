// Schema version 8 on both backends: a version-7 database gains the coder and review tables and
// keeps its data.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include "stance/error.hpp"
#include "store/schema.hpp"
#include "team_support.hpp"

#ifdef STANCE_TEST_WITH_POSTGRESQL
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_schema.hpp"
#endif

using namespace stance;

namespace {

/// Makes `database` a version-7 stance database, as the stance before accounts left it.
void make_version_7(const test::ScratchDatabase& database) {
    if (database.backend().is_sqlite()) {
        SQLite::Database db(database.address(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 7);
        return;
    }
#ifdef STANCE_TEST_WITH_POSTGRESQL
    detail::PgConnection db(database.address());
    detail::pg_migrate(db, 7, "the test database");
#else
    FAIL("the PostgreSQL arm runs only in a build with PostgreSQL");
#endif
}

std::string version_of(const test::ScratchDatabase& database) {
    return database.sql(database.backend().is_sqlite() ? "PRAGMA user_version" : "SELECT version FROM stance_schema");
}

} // namespace

STORE_TEST_CASE("a version 7 database migrates to version 8: coder accounts and reviews, the data kept") {
    const test::ScratchDatabase database = backend.create();
    make_version_7(database);
    REQUIRE(version_of(database) == "7");
    (void)database.sql("INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands')");
    CHECK_THROWS((void)database.sql("SELECT count(*) FROM coder"));

    auto directory = test::open_directory(database);
    CHECK(version_of(database) == std::to_string(Store::current_schema_version));
    CHECK(directory->coders().empty());
    CHECK(directory->latest_reviews().empty());
    directory->add(test::coder_named("ana", CoderRole::admin), test::a_password);
    CHECK(directory->authenticate("ana", test::a_password).has_value());
    auto store = database.open();
    REQUIRE(store->actors().size() == 1);
    CHECK(store->actors().front().name == "Netherlands");
    CHECK(store->integrity_problems(false).empty());
}

STORE_TEST_CASE("a read-only directory of a version 7 database migrates nothing and says so") {
    const test::ScratchDatabase database = backend.create();
    make_version_7(database);
    const std::string message = test::message_of([&] { (void)test::open_directory(database, true); });
    CHECK(message.find("open it once read-write to migrate it") != std::string::npos);
    CHECK(version_of(database) == "7");
}

TEST_CASE("a coder directory refuses a SQLite file that is not stance's, untouched") {
    test::TempDir dir;
    const std::string path = (dir / "other.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE inventory (item TEXT)");
    }
    CHECK_THROWS_AS((void)CoderDirectory::open(path), storage_error);
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 1);
}
