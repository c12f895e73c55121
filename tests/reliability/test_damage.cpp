// Damage is found, not exported (issue 8, item 5): one flipped byte of a stored document, or an
// index that no longer matches its table, is reported by check_store (and `stance check`, exit 5),
// and the export refuses to write a backup of it.
#include <doctest/doctest.h>

#include <string>

#include <SQLiteCpp/Database.h>

#include "reliability_support.hpp"
#include "stance/io/check.hpp"

using namespace stance;
using stance::test::SeededDatabase;
#ifdef STANCE_CLI_BINARY
using stance::test::run_cli;
#endif

namespace {

const std::string seed_document = "nl-mfa-letter-nac-fm-2017-03-31";

/// Changes the first byte of the stored report behind stance's back.
void flip_a_document_byte(const std::string& database) {
    SQLite::Database db(database, SQLite::OPEN_READWRITE);
    db.exec("UPDATE document SET text = char(unicode(text) + 1) || substr(text, 2) WHERE slug = '" + seed_document +
            "'");
}

/// Makes the index stance_by_meeting disagree with its table: the index is hidden from SQLite,
/// a row changes (so the hidden index keeps the old entry), and the index is put back.
void damage_an_index(const std::string& database) {
    std::string index_sql;
    std::int64_t root_page = 0;
    {
        SQLite::Database db(database, SQLite::OPEN_READWRITE);
        SQLite::Statement query(db, "SELECT sql, rootpage FROM sqlite_schema WHERE name = 'stance_by_meeting'");
        REQUIRE(query.executeStep());
        index_sql = query.getColumn(0).getString();
        root_page = query.getColumn(1).getInt64();
        db.exec("PRAGMA writable_schema = ON");
        db.exec("DELETE FROM sqlite_schema WHERE name = 'stance_by_meeting'");
    }
    {
        SQLite::Database db(database, SQLite::OPEN_READWRITE);
        db.exec("UPDATE stance SET meeting_id = (SELECT MAX(id) FROM meeting) WHERE rowid = (SELECT MIN(rowid) FROM "
                "stance WHERE meeting_id <> (SELECT MAX(id) FROM meeting))");
    }
    {
        SQLite::Database db(database, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA writable_schema = ON");
        SQLite::Statement put(db, "INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('index', "
                                  "'stance_by_meeting', 'stance', ?, ?)");
        put.bind(1, root_page);
        put.bind(2, index_sql);
        put.exec();
    }
}

} // namespace

TEST_CASE("a sound database passes the full check") {
    SeededDatabase db;
    const StoreCheck check = check_store(db.store(), CheckDepth::full);
    CHECK(check.problems.empty());
    CHECK(check_export(db.store(), db.store().to_dataset()).empty());
}

TEST_CASE("one flipped byte of a stored document is found by the quick and the full check") {
    SeededDatabase db;
    db.close();
    flip_a_document_byte(db.path());
    const StoreCheck check = check_store(db.store(), CheckDepth::full);
    REQUIRE_FALSE(check.problems.empty());
    CHECK(check.problems.front().entity == "document \"" + seed_document + "\"");
    CHECK(check.problems.front().what == "the stored text no longer matches its SHA-256");
    CHECK(check_export(db.store(), db.store().to_dataset()).front() == check.problems.front());
#ifdef STANCE_CLI_BINARY
    const test::CommandResult checked = run_cli("--db " + db.path() + " check");
    CAPTURE(checked.output);
    CHECK(checked.exit_code == 5);
    CHECK(checked.output.find("damaged: document \"" + seed_document + "\": the stored text no longer matches") !=
          std::string::npos);
    const std::string backup = (db.dir() / "backup.json").string();
    const test::CommandResult exported = run_cli("--db " + db.path() + " export -o " + backup);
    CAPTURE(exported.output);
    CHECK(exported.exit_code == 5);
    CHECK(exported.output.find("not exported, the database is damaged") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(backup));
    CHECK(run_cli("--db " + db.path() + " export").output.find("\"stance_dataset\"") == std::string::npos);
#endif
}

TEST_CASE("an index that no longer matches its table is found by the integrity check") {
    SeededDatabase db;
    db.close();
    damage_an_index(db.path());
    CHECK(test::integrity_of(db.path()) != "ok");
    const StoreCheck check = check_store(db.store(), CheckDepth::full);
    REQUIRE_FALSE(check.problems.empty());
    CHECK(check.problems.front().entity == "database");
    CHECK(check.problems.front().what.find("stance_by_meeting") != std::string::npos);
#ifdef STANCE_CLI_BINARY
    const test::CommandResult checked = run_cli("--db " + db.path() + " check");
    CAPTURE(checked.output);
    CHECK(checked.exit_code == 5);
    CHECK(checked.output.find("damaged: database: SQLite reports:") != std::string::npos);
    const std::string backup = (db.dir() / "backup.json").string();
    const test::CommandResult exported = run_cli("--db " + db.path() + " export -o " + backup);
    CAPTURE(exported.output);
    CHECK(exported.exit_code == 5);
    CHECK_FALSE(std::filesystem::exists(backup));
#endif
}

#ifdef STANCE_CLI_BINARY
TEST_CASE("stance check on a sound database says so and exits 0") {
    SeededDatabase db;
    db.close();
    const test::CommandResult checked = run_cli("--db " + db.path() + " check");
    CAPTURE(checked.output);
    CHECK(checked.exit_code == 0);
    CHECK(checked.output.find("no damage found") != std::string::npos);
}
#endif
