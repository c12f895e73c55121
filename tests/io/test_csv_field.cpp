// CSV fields for spreadsheets: RFC 4180 quoting and the formula-injection guard (stance/io/csv_field.hpp).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "stance/io/csv_field.hpp"

using namespace stance;

TEST_CASE("fields are quoted as RFC 4180 says") {
    CHECK(csv_field("Netherlands") == "Netherlands");
    CHECK(csv_field("") == "");
    CHECK(csv_field("Korea, Republic of") == "\"Korea, Republic of\"");
    CHECK(csv_field("the \"Allies\"") == "\"the \"\"Allies\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("a cell a spreadsheet would run as a formula gets a leading apostrophe, quoted") {
    CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csv_field("+cmd") == "\"'+cmd\"");
    CHECK(csv_field("-2+3") == "\"'-2+3\"");
    CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_field("\tindented") == "\"'\tindented\"");
    CHECK(csv_field("\rreturn") == "\"'\rreturn\"");
    CHECK(csv_field("-") == "\"'-\"");
    CHECK(csv_formula_risk("=1"));
    // Numbers stay numbers: figures such as a negative kappa are read as figures.
    CHECK(csv_field("-0.25") == "-0.25");
    CHECK(csv_field("-3") == "-3");
    CHECK(csv_field("-1e-05") == "-1e-05");
    CHECK_FALSE(csv_formula_risk("-0.25"));
    // Only the first character matters.
    CHECK(csv_field("a=b") == "a=b");
    CHECK(csv_field("2016-09-13") == "2016-09-13");
}

TEST_CASE("one record: fields through csv_field, commas between, a line feed after") {
    std::ostringstream out;
    const std::vector<std::string> fields{"nld", "=cmd|' /C calc'!A0", "-0.5", "a,b"};
    write_csv_row(out, fields);
    CHECK(out.str() == "nld,\"'=cmd|' /C calc'!A0\",-0.5,\"a,b\"\n");
}
