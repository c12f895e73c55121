// The bad-input catalogue for CSV: the streaming reader (include/stance/io/csv.hpp) and the UN vote
// importer built on it (import_unga). Each broken table is a copy of the real first rows in
// tests/reliability/inputs/unga/ with one thing wrong; it must be refused as invalid input naming
// file:line:column and what to do, and the database (holding the seed, on every backend) must keep
// exactly its content.
#include <doctest/doctest.h>

#include <array>
#include <vector>

#include <zlib.h>

#include "reliability_support.hpp"
#include "stance/io/csv.hpp"
#include "stance/unga/import.hpp"

using namespace stance;
using stance::test::SeededDatabase;

namespace {

const std::filesystem::path good_tables = test::source_dir() / "tests/reliability/inputs/unga";

/// A copy of the good tables in `dir` with `from` replaced by `to` in `table` (which must contain it).
std::filesystem::path broken_tables(const test::TempDir& dir, const std::string& table, const std::string& from,
                                    const std::string& to) {
    std::filesystem::path tables = dir / "tables";
    std::filesystem::create_directories(tables);
    for (const char* name : {"un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv"}) {
        std::filesystem::copy_file(good_tables / name, tables / name);
    }
    std::string text = test::read_text(tables / table);
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "edit target not in " << table << ": " << from);
    text.replace(at, from.size(), to);
    test::write_text(tables / table, text);
    return tables;
}

/// import_unga of `table` broken by replacing `from` with `to` must be refused with a where() of
/// `table:line:column` and every fragment in the message; the seeded database must be unchanged.
void check_refused(const test::Backend& backend, const std::string& table, const std::string& from,
                   const std::string& to, const std::string& line_and_column,
                   const std::vector<std::string>& fragments) {
    CAPTURE(table);
    CAPTURE(to);
    SeededDatabase db{backend};
    const std::filesystem::path tables = broken_tables(db.dir(), table, from, to);
    std::string where;
    const std::string message = test::message_of_failure<invalid_input_error>([&] {
        try {
            (void)import_unga(db.store(), tables);
        } catch (const invalid_input_error& failure) {
            where = failure.where();
            throw;
        }
    });
    CAPTURE(message);
    CHECK(where == (tables / table).string() + ":" + line_and_column);
    for (const std::string& fragment : fragments) {
        CHECK_MESSAGE(message.find(fragment) != std::string::npos, "missing: " << fragment);
    }
    db.check_unchanged();
}

/// Reads all of `csv` with the header of un_votes.csv; returns the error's where() and message.
std::pair<std::string, std::string> read_error(const std::string& csv, CsvOptions options = {}) {
    try {
        CsvReader reader(memory_source(csv), "votes.csv", options);
        constexpr std::array<std::string_view, 4> columns{"rcid", "country", "country_code", "vote"};
        reader.expect_header(columns);
        CsvRecord record;
        while (reader.next(record)) {
        }
    } catch (const invalid_input_error& failure) {
        return {failure.where(), failure.what()};
    }
    return {"", ""};
}

std::string gzip(const std::string& bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size())) + 32;
    std::string out(size, '\0');
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(size);
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

} // namespace

STORE_TEST_CASE("the unbroken tables import, and importing them again changes nothing") {
    SeededDatabase db{backend};
    const UngaImportSummary summary = import_unga(db.store(), good_tables);
    CHECK(summary.roll_calls == 5);
    CHECK(summary.yes == 11);
    CHECK(summary.no == 1);
    const std::string content = test::content_of(db.store());
    (void)import_unga(db.store(), good_tables);
    CHECK(test::content_of(db.store()) == content);
    CHECK(db.integrity() == "ok");
}

STORE_TEST_CASE("CSV records with the wrong number of fields are refused at their line") {
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Canada,CA\n", "3:1",
                  {"this record has 3 fields but the header names 4 (rcid,country,country_code,vote)",
                   "a field that contains a comma must be enclosed in double quotes"});
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Canada,CA,no,extra\n", "3:1", {"has 5 fields"});
}

STORE_TEST_CASE("a header that is not the table's is refused") {
    check_refused(backend, "un_votes.csv", "rcid,country,country_code,vote", "rcid,country,vote", "1:1",
                  {"the header is \"rcid,country,vote\"", "check that this is the right file"});
}

STORE_TEST_CASE("quotes left open or in the middle of a field are refused where they start") {
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,\"Canada,CA,no\n", "3:3",
                  {"the quoted field that starts here is never closed before the end of the file",
                   "add the closing double quote"});
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Can\"ada,CA,no\n", "3:6",
                  {"a double quote inside the unquoted column 2 (country)", "write the quote as \"\""});
}

STORE_TEST_CASE("unknown vote codes, roll calls and country codes are refused") {
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Canada,CA,maybe\n", "3:13",
                  {"column 4 (vote) is \"maybe\"; expected yes, no or abstain"});
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "99999,Canada,CA,no\n", "3:1",
                  {"roll call 99999 is not in un_roll_calls.csv", "the tables must come from the same release"});
    check_refused(backend, "un_roll_call_issues.csv", "6,hr,Human rights", "7777,hr,Human rights", "2:1",
                  {"roll call 7777 is not in un_roll_calls.csv"});
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Atlantis,XX,no\n", "3:12",
                  {"country code \"XX\" (\"Atlantis\")", "fix the code"});
}

STORE_TEST_CASE("bad numbers and dates are refused with the column") {
    check_refused(backend, "un_roll_calls.csv", "4,1,0,1946-01-02", "4,1,0,1946-02-30", "5:7",
                  {"column 4 (date) is \"1946-02-30\", which is not a date of the form YYYY-MM-DD that exists"});
    check_refused(backend, "un_roll_calls.csv", "4,1,0,1946-01-02", "4,1,0,02/01/1946", "5:7", {"\"02/01/1946\""});
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "three,Canada,CA,no\n", "3:1",
                  {"column 1 (rcid) is \"three\", which is not a whole number"});
    check_refused(backend, "un_roll_calls.csv", "4,1,0,1946-01-02", "4,-1,0,1946-01-02", "5:3",
                  {"column 2 (session) is -1, but it must be a positive number"});
}

STORE_TEST_CASE("duplicate rows with conflicting content are refused") {
    check_refused(backend, "un_votes.csv", "3,Cuba,CU,yes\n", "3,Canada,CA,yes\n", "4:3",
                  {"Canada already voted on roll call 3 on line 3", "remove the duplicate row"});
    check_refused(backend, "un_roll_calls.csv", "4,1,0,1946-01-02", "3,1,0,1946-01-02", "5:1",
                  {"roll call 3 appears twice (first on line 4)"});
}

STORE_TEST_CASE("invalid UTF-8 in a table is refused at its field") {
    check_refused(backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Canad\xE1,CA,no\n", "3:3",
                  {"column 2 (country) is not valid UTF-8", "convert the file to UTF-8"});
}

STORE_TEST_CASE("an empty table is refused") {
    check_refused(backend, "un_votes.csv", test::read_text(good_tables / "un_votes.csv"), "", "1:1",
                  {"the file is empty; expected a header line: rcid,country,country_code,vote"});
}

STORE_TEST_CASE("a damaged gzip table is refused, naming the file") {
    SeededDatabase db{backend};
    const std::filesystem::path tables = broken_tables(db.dir(), "un_votes.csv", "rcid", "rcid");
    const std::string compressed = gzip(test::read_text(tables / "un_votes.csv"));
    std::filesystem::remove(tables / "un_votes.csv");
    test::write_text(tables / "un_votes.csv.gz", compressed.substr(0, compressed.size() / 2));
    const std::string message =
        test::message_of_failure<invalid_input_error>([&] { (void)import_unga(db.store(), tables); });
    CHECK(message.find((tables / "un_votes.csv.gz").string()) == 0);
    CHECK(message.find("the compressed data is damaged or cut short") != std::string::npos);
    db.check_unchanged();
}

TEST_CASE("the CSV reader itself: records too long, and CRLF line ends") {
    SUBCASE("a record longer than the limit (an unclosed quote, in practice) is refused") {
        CsvOptions options;
        options.max_record_bytes = 64;
        const auto [where, message] =
            read_error("rcid,country,country_code,vote\n3,\"" + std::string(200, 'x') + "\",US,yes\n", options);
        CHECK(where.rfind("votes.csv:2:", 0) == 0);
        CHECK(message.find("64") != std::string::npos);
    }
    SUBCASE("CRLF reads the same as LF") {
        const std::string lf = test::read_text(good_tables / "un_votes.csv");
        std::string crlf;
        for (char c : lf) {
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        }
        CHECK(read_error(crlf).first == "");
        CsvReader reader(memory_source(crlf), "votes.csv");
        CsvRecord record;
        REQUIRE(reader.next(record));
        REQUIRE(reader.next(record));
        CHECK(record.field(3) == "yes"); // no stray \r in the last field
    }
}

STORE_TEST_CASE("a country name that contradicts its code is refused, naming both") {
    check_refused(
        backend, "un_votes.csv", "3,Canada,CA,no\n", "3,Atlantis,CA,no\n", "3:12",
        {"the country name \"Atlantis\" does not name the country with code CA (Canada)", "fix the name or the code"});
    check_refused(backend, "un_votes.csv", "3,United States,US,yes\n", "3,Netherlands,US,yes\n", "2:15",
                  {"\"Netherlands\" does not name the country with code US (United States)"});
}
