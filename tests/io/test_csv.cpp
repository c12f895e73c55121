#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include <zlib.h>

#include "stance/error.hpp"
#include "stance/io/csv.hpp"
#include "support.hpp"

using namespace stance;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, CsvOptions options = {}) {
    CsvReader reader(memory_source(text), "t.csv", options);
    std::vector<std::vector<std::string>> rows;
    CsvRecord record;
    while (reader.next(record)) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < record.size(); ++i) {
            row.emplace_back(record.field(i));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// The error a malformed input gives: where() and the message.
invalid_input_error failure_of(std::string_view text, CsvOptions options = {}) {
    CsvReader reader(memory_source(text), "t.csv", options);
    CsvRecord record;
    try {
        while (reader.next(record)) {
        }
    } catch (const invalid_input_error& failure) {
        return failure;
    }
    FAIL("no error for: " << text);
    return {"", ""};
}

void write_gzip(const std::filesystem::path& file, std::string_view bytes) {
    gzFile out = gzopen(file.string().c_str(), "wb");
    REQUIRE(out != nullptr);
    REQUIRE(gzwrite(out, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    gzclose(out);
}

} // namespace

TEST_CASE("plain records split at commas and line breaks") {
    const auto rows = read_all("a,b,c\n1,,3\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1] == std::vector<std::string>{"1", "", "3"});
}

TEST_CASE("quoted fields keep commas, doubled quotes and line breaks") {
    const auto rows = read_all("\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,\"\",end");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
    CHECK(rows[1] == std::vector<std::string>{"last", "", "end"});
}

TEST_CASE("a trailing comma gives an empty last field; the last line may lack its line break") {
    CHECK(read_all("a,\nb,c") == std::vector<std::vector<std::string>>{{"a", ""}, {"b", "c"}});
}

TEST_CASE("CRLF line breaks are not part of any field") {
    CHECK(read_all("a,\"b\"\r\nc,d\r\n") == std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}});
}

TEST_CASE("blank lines are skipped unless asked otherwise") {
    CHECK(read_all("a\n\n\r\nb\n") == std::vector<std::vector<std::string>>{{"a"}, {"b"}});
    CsvOptions keep;
    keep.skip_blank_lines = false;
    CHECK(read_all("a\n\nb\n", keep) == std::vector<std::vector<std::string>>{{"a"}, {""}, {"b"}});
}

TEST_CASE("records carry their line and their byte span without the line break") {
    const std::string text = "h1,h2\r\n\"multi\nline\",x\r\nlast,y";
    CsvReader reader(memory_source(text), "t.csv");
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.line() == 1);
    CHECK(text.substr(record.byte_begin(), record.byte_end() - record.byte_begin()) == "h1,h2");
    REQUIRE(reader.next(record));
    CHECK(record.line() == 2);
    CHECK(text.substr(record.byte_begin(), record.byte_end() - record.byte_begin()) == "\"multi\nline\",x");
    CHECK(record.position(1).line == 3);
    CHECK(record.position(1).column == 7);
    REQUIRE(reader.next(record));
    CHECK(record.line() == 4);
    CHECK(text.substr(record.byte_begin(), record.byte_end() - record.byte_begin()) == "last,y");
    CHECK_FALSE(reader.next(record));
}

TEST_CASE("a byte order mark is skipped but still counted in byte offsets") {
    const std::string text = "\xEF\xBB\xBF"
                             "a,b\n";
    CsvReader reader(memory_source(text), "t.csv");
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.field(0) == "a");
    CHECK(record.position(0).column == 1);
    CHECK(record.byte_begin() == 3);
    CHECK(record.byte_end() == 6);
}

TEST_CASE("columns count characters, not bytes") {
    CsvReader reader(memory_source("\xC3\xA9t\xC3\xA9,x\n"), "t.csv"); // "été,x"
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.position(1).column == 5);
}

TEST_CASE("the real rcid 5 description with stray backslashes and quotes parses as published") {
    // Copied from un_roll_calls.csv (unvotes 0.3.0), rcid 5.
    const std::string line =
        "5,1,0,1946-01-04,R/1/98,0,0,VOTING PROCEDURE,\"TO ADOPT THE KOREAN PROPOSAL THAT INVALID BALLOTS BE "
        "INCLUDED IN THE TOTAL NUMBER OF \\MEMBERS PRESENT AND VOTING\\\\, IN CALCULATING THE MAJORITY "
        "VOTE.\\\"\"\"\"\"\n";
    const auto rows = read_all(line);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() == 9);
    CHECK(rows[0][8] == "TO ADOPT THE KOREAN PROPOSAL THAT INVALID BALLOTS BE INCLUDED IN THE TOTAL NUMBER OF "
                        "\\MEMBERS PRESENT AND VOTING\\\\, IN CALCULATING THE MAJORITY VOTE.\\\"\"");
}

TEST_CASE("the header is checked and then every record must match its width") {
    constexpr std::array<std::string_view, 2> columns{"rcid", "vote"};
    CsvReader reader(memory_source("rcid,vote\n1,yes\n2,no,extra\n"), "v.csv");
    reader.expect_header(columns);
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(reader.column_name(1) == "column 2 (vote)");
    try {
        (void)reader.next(record);
        FAIL("a record with three fields was accepted");
    } catch (const invalid_input_error& failure) {
        CHECK(failure.where() == "v.csv:3:1");
        CHECK(std::string(failure.what()).find("has 3 fields but the header names 2 (rcid,vote)") != std::string::npos);
    }
}

TEST_CASE("a wrong header names what was found and what is needed") {
    constexpr std::array<std::string_view, 2> columns{"rcid", "vote"};
    CsvReader reader(memory_source("rcid,country\n"), "v.csv");
    try {
        reader.expect_header(columns);
        FAIL("the wrong header was accepted");
    } catch (const invalid_input_error& failure) {
        CHECK(failure.where() == "v.csv:1:1");
        CHECK(std::string(failure.what()).find("\"rcid,country\"") != std::string::npos);
        CHECK(std::string(failure.what()).find("\"rcid,vote\"") != std::string::npos);
    }
    CsvReader empty(memory_source(""), "e.csv");
    CHECK_THROWS_WITH_AS(empty.expect_header(columns), doctest::Contains("the file is empty"), invalid_input_error);
}

TEST_CASE("malformed quoting is reported where it happens") {
    SUBCASE("an unclosed quote points at the opening quote") {
        const auto failure = failure_of("a,b\nc,\"never closed\nmore\n");
        CHECK(failure.where() == "t.csv:2:3");
        CHECK(std::string(failure.what()).find("never closed") != std::string::npos);
    }
    SUBCASE("text after a closing quote") {
        const auto failure = failure_of("\"ab\"c,d\n");
        CHECK(failure.where() == "t.csv:1:5");
        CHECK(std::string(failure.what()).find("after the closing quote of column 1") != std::string::npos);
    }
    SUBCASE("a quote inside an unquoted field") {
        const auto failure = failure_of("x,ab\"c\n");
        CHECK(failure.where() == "t.csv:1:5");
        CHECK(std::string(failure.what()).find("inside the unquoted column 2") != std::string::npos);
    }
    SUBCASE("a carriage return without a line feed") {
        const auto failure = failure_of("a,b\rc\n");
        CHECK(failure.where() == "t.csv:1:4");
        CHECK(std::string(failure.what()).find("carriage return") != std::string::npos);
    }
}

TEST_CASE("invalid UTF-8 is refused with the column it is in") {
    const auto failure = failure_of("ok,bad\xFF\n");
    CHECK(failure.where() == "t.csv:1:4");
    CHECK(std::string(failure.what()).find("column 2 is not valid UTF-8") != std::string::npos);
    CsvOptions lenient;
    lenient.require_utf8 = false;
    CHECK(read_all("ok,bad\xFF\n", lenient).size() == 1);
}

TEST_CASE("an overlong record is refused instead of filling memory") {
    CsvOptions small;
    small.max_record_bytes = 16;
    const auto failure = failure_of("a,\"this quote is not closed and runs on and on", small);
    CHECK(failure.where() == "t.csv:1:3");
    CHECK(std::string(failure.what()).find("longer than 16 bytes") != std::string::npos);
}

TEST_CASE("gzip-compressed and plain files read the same") {
    test::TempDir dir;
    const std::string text = "rcid,vote\n1,yes\n2,\"no\"\n";
    write_gzip(dir / "t.csv.gz", text);
    test::write_text(dir / "t.csv", text);
    for (const char* name : {"t.csv.gz", "t.csv"}) {
        CsvReader reader(dir / name);
        CsvRecord record;
        std::vector<std::string> votes;
        while (reader.next(record)) {
            votes.emplace_back(record.field(1));
        }
        CHECK(votes == std::vector<std::string>{"vote", "yes", "no"});
        CHECK(reader.source().size() > 0);
    }
}

TEST_CASE("a missing or damaged file is an input error naming the file") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(CsvReader(dir / "absent.csv"), doctest::Contains("cannot open the file"), invalid_input_error);

    std::string text;
    for (int i = 0; i < 2000; ++i) {
        text += std::to_string(i) + ",some text to make the stream long enough\n";
    }
    write_gzip(dir / "full.csv.gz", text);
    const std::string compressed = test::read_text(dir / "full.csv.gz");
    test::write_text(dir / "cut.csv.gz", compressed.substr(0, compressed.size() / 2));
    CsvReader reader(dir / "cut.csv.gz");
    CsvRecord record;
    try {
        while (reader.next(record)) {
        }
        FAIL("a truncated gzip file read to the end without an error");
    } catch (const invalid_input_error& failure) {
        CHECK(failure.where() == (dir / "cut.csv.gz").string());
        CHECK(std::string(failure.what()).find("damaged or cut short") != std::string::npos);
    }
}
