// The bad-input catalogue for the JSON dataset importer: every malformed or hostile file is refused
// with the exact error class and a message that says where (file, line:column or JSON path) and what
// to do, and the database it was imported into keeps exactly its content and passes its backend's
// consistency check, on every backend (tests/backends.hpp). Inputs are the small files in tests/reliability/inputs/;
// they refer to the real seed dataset (data/seed/), which every case imports first. docs/reliability.md lists the
// catalogue.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reliability_support.hpp"

using namespace stance;
using stance::test::SeededDatabase;

namespace {

/// Imports inputs/`name` into a seeded database, checks that it is refused as invalid input with a
/// message that starts with the file name (and `where`) and contains every one of `fragments`, and
/// that the database is unchanged.
void check_refused(const test::Backend& backend, const std::string& name, const std::string& where,
                   const std::vector<std::string>& fragments) {
    CAPTURE(name);
    SeededDatabase db{backend};
    const std::filesystem::path input = test::reliability_input(name);
    const std::string message =
        test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), input); });
    CAPTURE(message);
    CHECK(message.rfind(input.string() + where, 0) == 0);
    for (const std::string& fragment : fragments) {
        CHECK_MESSAGE(message.find(fragment) != std::string::npos, "missing: " << fragment);
    }
    db.check_unchanged();
}

} // namespace

STORE_TEST_CASE("malformed JSON is refused with line and column, and the database is unchanged") {
    check_refused(backend, "truncated.json", ":4:50: ", {"malformed JSON: incomplete JSON"});
    check_refused(backend, "trailing-comma.json", ":5:3: ", {"malformed JSON: syntax error"});
    check_refused(backend, "empty.json", ":1:1: ", {"malformed JSON"});
}

STORE_TEST_CASE("invalid UTF-8 in the JSON names the byte, its place and the fix") {
    // "Atlântis" saved as Latin-1: 0xE2 alone on line 2, column 56.
    check_refused(backend, "invalid-utf8-in-json.json",
                  ":2:56: ", {"byte 0xE2 is not valid UTF-8", "save the file as UTF-8"});
}

STORE_TEST_CASE("a file that is not a dataset of this version is refused") {
    check_refused(backend, "not-an-object.json", ": $: ", {"expected an object, found an array"});
    check_refused(backend, "no-format-version.json",
                  ": $: ", {"the key \"stance_dataset\" (format version) is missing"});
    check_refused(backend, "newer-format-version.json",
                  ": $.stance_dataset: ", {"format version 3 is newer than this stance reads (2)", "upgrade stance"});
}

STORE_TEST_CASE("wrong types are refused with the JSON path and what was expected") {
    check_refused(backend, "wrong-type-list.json", ": $.actors: ", {"expected an array, found an object"});
    check_refused(backend, "wrong-type-score.json", ": $.stances[0].score: ", {"expected a number, found a string"});
    check_refused(backend, "score-out-of-range.json", ": $.stances[0].score: ", {"-1.5 is outside [-1, 1]"});
    check_refused(backend, "offset-not-whole.json",
                  ": $.stances[0].source.start: ", {"expected a whole number in [0, 1099511627776], found 1E300"});
    check_refused(backend, "offset-too-big.json", ": $.stances[0].source.end: ",
                  {"expected a whole number in [0, 1099511627776], found 18446744073709551615"});
    check_refused(backend, "id-not-a-slug.json",
                  ": $.actors[0].id: ", {"\"Atlantis Republic\" is not a valid id", "lowercase letters, digits"});
}

STORE_TEST_CASE("missing required keys and misspelt keys are refused") {
    check_refused(backend, "missing-required.json", ": $.stances[0].topic: ", {"is required and missing"});
    check_refused(backend, "unknown-key.json",
                  ": $.stances[0].postion_note: ", {"is not a known key here", "docs/dataset-format.md"});
}

STORE_TEST_CASE("references to nothing are refused, whether the target is in the file or the database") {
    check_refused(backend, "unknown-actor.json", ": $.stances[0].actor: ",
                  {"unknown actor \"atlantis\"", "not defined in this file or the database",
                   "import the file that defines it first"});
    check_refused(backend, "unknown-document.json",
                  ": $.stances[0].source.document: ", {"unknown document \"no-such-letter\""});
    // The last stance is the bad one: the entities before it were valid, and none of them is written.
    check_refused(backend, "late-reference-error.json",
                  ": $.stances[1].meeting: ", {"unknown meeting \"no-such-meeting\""});
}

STORE_TEST_CASE("a stance's agenda item must belong to its meeting, also when the item is in the database") {
    check_refused(backend, "agenda-item-of-other-meeting.json", ": $.stances[0].agenda_item: ",
                  {"agenda item \"nac-fm-2017-03-31-working-lunch-1-russia\" belongs to meeting "
                   "\"nac-fm-2017-03-31-working-lunch\", not to the stance's meeting \"nrc-2017-03-30\""});
}

STORE_TEST_CASE("moving a stored agenda item to another meeting is refused while stored stances use it") {
    check_refused(backend, "agenda-item-moved-under-stored-stances.json", ": $.agenda_items[0].meeting: ",
                  {"moves agenda item \"nac-fm-2017-03-31-working-lunch-1-russia\" to meeting \"nrc-2017-03-30\"",
                   "in the database is on that item at meeting \"nac-fm-2017-03-31-working-lunch\"",
                   "re-code that stance in this file"});
}

STORE_TEST_CASE("the same id twice in one file is refused, even when the two definitions differ") {
    check_refused(backend, "duplicate-id-conflicting.json", ": $.actors[1].id: ",
                  {"duplicate id \"atl\", first defined at $.actors[0]", "ids must be unique within a file"});
    check_refused(backend, "duplicate-stance-id.json", ": $.stances[1].id: ", {"duplicate id \"nld-x\""});
}

STORE_TEST_CASE("a parent that would close a loop through the database is refused") {
    // In the seed, nato-russia-dialogue is a subtopic of russia, and nuc-fm-2017-03-31 is part of
    // nac-fm-2017-03-31; each file makes the parent the child's child.
    check_refused(
        backend, "topic-cycle-with-database.json", ": $.topics[0].parents: ",
        {"\"russia\" would become its own ancestor", "russia → nato-russia-dialogue → russia", "break the cycle"});
    check_refused(backend, "meeting-cycle-with-database.json", ": $.meetings[0].parent: ",
                  {"\"nac-fm-2017-03-31\" would become its own ancestor",
                   "nac-fm-2017-03-31 → nuc-fm-2017-03-31 → nac-fm-2017-03-31"});
}

STORE_TEST_CASE("a new text for a stored document is refused while stored stances quote the old one") {
    check_refused(backend, "document-text-changed-under-stored-spans.json", ": $.documents[0].text: ",
                  {"changes the text of document \"nl-mfa-letter-nac-fm-2017-03-31\"", "in the database points at",
                   "keep the old text, or re-code that stance"});
}

STORE_TEST_CASE("spans outside their document, inside a character or not on the quote are refused") {
    check_refused(backend, "span-past-end.json", ": $.stances[0].source.end: ",
                  {"90000 is past the end of document \"nl-mfa-letter-nac-fm-2017-03-31\" (9022 bytes)"});
    check_refused(backend, "span-end-before-start.json", ": $.stances[0].source.end: ", {"694 is before start 700"});
    // Byte 209 is the second byte of the 'ë' in "ministeriële" (bytes 208-209 of the report).
    check_refused(backend, "span-inside-a-character.json", ": $.stances[0].source.start: ",
                  {"209 falls inside a UTF-8 character", "offsets count bytes and must start a character"});
    check_refused(backend, "span-not-the-quote.json", ": $.stances[0].source.start: ",
                  {"the span [695, 772) does not hold the quote: they part at character 1 of the quote",
                   "stance locate DATASET --fix"});
}

STORE_TEST_CASE("dates that do not exist or are not YYYY-MM-DD are refused") {
    check_refused(backend, "impossible-date.json",
                  ": $.meetings[0].date: ", {"\"2019-02-29\" is not a date that exists; write YYYY-MM-DD"});
    check_refused(backend, "date-wrong-format.json",
                  ": $.meetings[0].date: ", {"\"31-03-2017\" is not a date that exists"});
    check_refused(backend, "date-range-reversed.json", ": $.memberships[0].to: ", {"is before \"from\""});
}

STORE_TEST_CASE("a document file that is missing, not a file, empty, or not UTF-8 is refused") {
    check_refused(backend, "document-path-missing.json", ": $.documents[0].path: ",
                  {"cannot read", "\"no-such-letter.txt\": no such file",
                   "a relative path is read from the dataset file's folder"});
    // A directory and a device used to import as an empty document; a device like /dev/zero never ends.
    check_refused(backend, "document-path-directory.json",
                  ": $.documents[0].path: ", {"is not a regular file", "point \"path\" at the document's text file"});
    // /dev/zero lies outside the dataset's folder: refused before it is looked at.
    check_refused(backend, "document-path-device.json", ": $.documents[0].path: ",
                  {"\"/dev/zero\" is outside the folders a dataset may read documents from"});
    check_refused(backend, "document-path-empty-file.json",
                  ": $.documents[0].path: ", {"\"empty.txt\" is empty; a document needs its text"});
    check_refused(backend, "document-invalid-utf8.json",
                  ": $.documents[0].path: ", {"\"latin1-letter.txt\" is not valid UTF-8 text", "iconv -t UTF-8"});
    check_refused(backend, "document-hash-mismatch.json", ": $.documents[0].sha256: ",
                  {"does not match the text: the source file changed or the hash is wrong"});
}

STORE_TEST_CASE("a dataset path that is a directory or a device is refused, not read for ever") {
    SeededDatabase db{backend};
    for (const std::string& path : {std::string("/dev/zero"), db.dir().path().string()}) {
        CAPTURE(path);
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), path); });
        CHECK(message == path + ": is not a regular file; pass a dataset file (.json)");
    }
    const std::string missing = (db.dir() / "missing.json").string();
    const std::string message =
        test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), missing); });
    CHECK(message.find(missing + ": cannot read file " + missing + ": check that it exists") == 0);
    db.check_unchanged();
}

STORE_TEST_CASE("a byte order mark before the JSON is skipped, not refused") {
    SeededDatabase db{backend};
    const Dataset imported = import_dataset_file(db.store(), test::reliability_input("byte-order-mark.json"));
    REQUIRE(imported.actors.size() == 1);
    CHECK(imported.actors[0].name == "Atlantis");
    CHECK(db.store().exists(EntityKind::actor, "atl"));
}

STORE_TEST_CASE("huge values are refused or stored without crashing, and messages stay short") {
    SeededDatabase db{backend};
    const std::string fifty_megabytes(50u << 20, 'x');
    const std::filesystem::path file = db.dir() / "huge.json";

    SUBCASE("a 50 MB id is refused with a short message") {
        test::write_text(file, R"({"stance_dataset": 1, "actors": [{"id": ")" + fifty_megabytes +
                                   R"(", "kind": "state", "name": "Atlantis"}]})");
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), file); });
        CHECK(message.find("$.actors[0].id: \"xxxx") != std::string::npos);
        CHECK(message.find("…\" (52428800 bytes) is not a valid id") != std::string::npos);
        CHECK(message.size() < 400);
        db.check_unchanged();
    }
    SUBCASE("a 50 MB quote that does not match its span is refused with a short message") {
        test::write_text(file, R"({"stance_dataset": 1, "stances": [{"id": "nld-x", "actor": "nld", "topic": "russia",)"
                               R"( "meeting": "nac-fm-2017-03-31", "position": "concern", "quote": ")" +
                                   fifty_megabytes +
                                   R"(", "source": {"document": "nl-mfa-letter-nac-fm-2017-03-31", "start": 694,)"
                                   R"( "end": 772}}]})");
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), file); });
        CHECK(message.find("$.stances[0].source.start: the span [694, 772) does not hold the quote: they part at "
                           "character 1 of the quote") != std::string::npos);
        CHECK(message.size() < 600);
        db.check_unchanged();
    }
    SUBCASE("a 50 MB paraphrase is stored whole") {
        test::write_text(file, R"({"stance_dataset": 1, "stances": [{"id": "nld-x", "actor": "nld", "topic": "russia",)"
                               R"( "meeting": "nac-fm-2017-03-31", "position": "concern", "paraphrase": ")" +
                                   fifty_megabytes + R"("}]})");
        import_dataset_file(db.store(), file);
        StanceFilter filter;
        filter.actors = {ActorId{"nld"}};
        bool found = false;
        db.store().for_each_stance(filter, [&](const Stance& stance) {
            if (stance.id == StanceId{"nld-x"}) {
                found = true;
                CHECK(stance.paraphrase.size() == fifty_megabytes.size());
            }
        });
        CHECK(found);
        CHECK(db.integrity() == "ok");
    }
}

STORE_TEST_CASE("deeply nested JSON is refused without exhausting the stack") {
    SeededDatabase db{backend};
    const std::filesystem::path file = db.dir() / "deep.json";
    SUBCASE("a million nested arrays") {
        test::write_text(file, R"({"stance_dataset": 1, "actors": )" + std::string(1'000'000, '[') +
                                   std::string(1'000'000, ']') + "}");
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), file); });
        CHECK(message.find(file.string() + ":1:") == 0);
        CHECK(message.find("malformed JSON") != std::string::npos);
    }
    SUBCASE("nesting within the depth limit, in a place that wants names") {
        test::write_text(file, R"({"stance_dataset": 1, "actors": [{"id": "atl", "kind": "state", "name": "Atlantis",)"
                               R"( "aliases": {"nl": [[[[[[[["Atlantis"]]]]]]]]}}]})");
        const std::string message =
            test::message_of_failure<invalid_input_error>([&] { import_dataset_file(db.store(), file); });
        CHECK(message.find("$.actors[0].aliases.nl[0]: expected a non-empty name") != std::string::npos);
    }
    db.check_unchanged();
}

STORE_TEST_CASE("a second file that redefines ids updates those entities: the documented upsert") {
    // Importing is an upsert by id (docs/dataset-format.md): a later file replaces an entity's fields
    // and adds to its aliases; it never duplicates it. These are the legitimate redefinitions.
    SeededDatabase db{backend};
    const std::size_t stances_before = db.store().stances().size();

    import_dataset_file(db.store(), test::reliability_input("redefine-actor.json"));
    auto actors = db.store().actors();
    auto nld = std::find_if(actors.begin(), actors.end(), [](const Actor& a) { return a.id == ActorId{"nld"}; });
    REQUIRE(nld != actors.end());
    CHECK(nld->name == "Kingdom of the Netherlands");                                          // replaced
    CHECK(std::count(nld->aliases.begin(), nld->aliases.end(), Name{"en", "Holland"}) == 1);   // added
    CHECK(std::count(nld->aliases.begin(), nld->aliases.end(), Name{"nl", "Nederland"}) == 1); // kept

    import_dataset_file(db.store(), test::reliability_input("redefine-stance.json"));
    const auto stances = db.store().stances();
    CHECK(stances.size() == stances_before); // replaced, not added
    auto redefined = std::find_if(stances.begin(), stances.end(), [](const Stance& s) {
        return s.id == StanceId{"usa-nato-foundation-transatlantic-relationship"};
    });
    REQUIRE(redefined != stances.end());
    CHECK(redefined->score == 0.75);
    CHECK(redefined->coder == "second coder");
    CHECK_FALSE(redefined->proposition); // a field the new definition leaves out is cleared
    CHECK(db.integrity() == "ok");

    // Importing the same file again changes nothing.
    const std::string content = test::content_of(db.store());
    import_dataset_file(db.store(), test::reliability_input("redefine-stance.json"));
    CHECK(test::content_of(db.store()) == content);
}

TEST_CASE("a file that is not a database is refused and left as it was") {
    test::TempDir dir;
    const std::filesystem::path path = dir / "notes.db";
    const std::string text = "These are my notes, not a database.\n";
    test::write_text(path, text);
    const std::string message = test::message_of_failure<storage_error>([&] { (void)Store::open(path.string()); });
    CHECK(message.find("opening " + path.string()) == 0);
    CHECK(message.find("file is not a database") != std::string::npos);
    CHECK(test::read_text(path) == text);
}
