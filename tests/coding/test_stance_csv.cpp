// Spreadsheet coding: one row a stance, every problem of every row reported at once by line and
// column, nothing written unless every row passes, and what was written exports and re-imports
// unchanged.
#include <doctest/doctest.h>

#include "coding/coding_store.hpp"
#include "stance/coding/add_document.hpp"
#include "stance/coding/stance_csv.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const std::string report_text = "Nederland steunt de dialoog met Rusland.\n"
                                "De Verenigde Staten zijn \xE2\x80\x9C"
                                "bezorgd\xE2\x80\x9D over de risico\xE2\x80\x99s.\n";

std::unique_ptr<Store> seeded_store() {
    return test::store_with_report(report_text);
}

std::vector<std::string> described(const CsvCodingReport& report) {
    std::vector<std::string> lines;
    for (const CsvCodingProblem& problem : report.problems) {
        lines.push_back(problem.describe());
    }
    return lines;
}

} // namespace

TEST_CASE("every row of a CSV file is coded, quotes typed plainly stored as the document writes them") {
    test::TempDir dir;
    test::write_text(dir / "coding.csv",
                     "actor,claim,position,quote,paraphrase\n"
                     "Nederland,nato-russia-dialogue,support,Nederland steunt de dialoog met "
                     "Rusland.,\"NL supports dialogue, with Russia\"\n"
                     "Verenigde Staten,Rusland,concern,\"zijn \"\"bezorgd\"\" over de risico's\",\n");
    auto store = seeded_store();
    StanceCoding defaults;
    defaults.document = "report";
    defaults.meeting = "nac-fm-2017-03-31-working-lunch";
    defaults.coder = "csv-test";
    const std::size_t before = store->stances().size();
    const CsvCodingReport report = code_stances_from_csv(*store, dir / "coding.csv", defaults);
    CHECK(described(report).empty());
    REQUIRE(report.written);
    CHECK(report.rows == 2);
    REQUIRE(report.coded.size() == 2);
    CHECK(report.coded[0].stance.paraphrase == "NL supports dialogue, with Russia");
    CHECK(report.coded[1].stance.actor == ActorId{"usa"});
    CHECK(report.coded[1].stance.quote == "zijn \xE2\x80\x9C"
                                          "bezorgd\xE2\x80\x9D over de risico\xE2\x80\x99s");
    CHECK(report.coded[1].stance.coder == "csv-test");
    CHECK(store->stances().size() == before + 2);
}

// On the small example dataset: the round trip is about the coded stances, not about the seed.
TEST_CASE("what CSV coding wrote exports and re-imports into a fresh database identically") {
    test::TempDir dir;
    test::write_text(dir / "coding.csv", "document,actor,claim,position,meeting,quote,coder\n"
                                         "report,Verenigde Staten,transatlantic-relations,support,2017-03-31,"
                                         "Nederland steunt de dialoog,a\n");
    auto store = test::store_with_report(report_text, "examples/data/small-dataset.json");
    REQUIRE(code_stances_from_csv(*store, dir / "coding.csv").written);
    const std::string exported = write_dataset(store->to_dataset());
    test::write_text(dir / "export.json", exported);
    auto fresh = Store::open(":memory:");
    (void)import_dataset_file(*fresh, dir / "export.json");
    CHECK(write_dataset(fresh->to_dataset()) == exported);
}

TEST_CASE("a bad header is reported column by column and no row is read") {
    test::TempDir dir;
    test::write_text(dir / "coding.csv", "document,actr,claim,claim,position\nreport,nld,russia,russia,support\n");
    auto store = seeded_store();
    const std::size_t before = store->stances().size();
    const CsvCodingReport report = code_stances_from_csv(*store, dir / "coding.csv");
    const std::string file = (dir / "coding.csv").string();
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].describe().starts_with(file + ":1:10: column \"actr\": \"actr\" is not a column stance "
                                                           "knows; the columns are named as the options of stance "
                                                           "code: document, actor, claim,"));
    CHECK(report.problems[1].describe() ==
          file + ":1:21: column \"claim\": the header names this column twice; keep one");
    CHECK(report.rows == 0);
    CHECK_FALSE(report.written);
    CHECK(store->stances().size() == before);
}

TEST_CASE("a header without the needed columns names each one") {
    test::TempDir dir;
    test::write_text(dir / "coding.csv", "document,actor\nreport,nld\n");
    auto store = seeded_store();
    const CsvCodingReport report = code_stances_from_csv(*store, dir / "coding.csv");
    std::vector<std::string> columns;
    for (const CsvCodingProblem& problem : report.problems) {
        columns.push_back(problem.column);
    }
    CHECK(columns == std::vector<std::string>{"claim", "position", "quote", "meeting"});
    CHECK_FALSE(report.written);
}

TEST_CASE("ragged rows and several bad rows are all reported, by line and column, and nothing is written") {
    test::TempDir dir;
    test::write_text(dir / "coding.csv",
                     "document,actor,claim,position,meeting,quote\n"
                     "report,nld,russia,support,2017-03-31,Nederland steunt de dialoog met Rusland.\n" // good
                     "report,nld,russia,support\n"                                                     // ragged
                     "report,Atlantis,russia,suport,2017-03-31,Nederland steunt\n"                     // two bad cells
                     "report,usa,russia,concern,2017-03-31,de risico's zijn groot\n"); // quote not found
    auto store = seeded_store();
    const std::size_t before = store->stances().size();
    const CsvCodingReport report = code_stances_from_csv(*store, dir / "coding.csv");
    const std::string file = (dir / "coding.csv").string();
    const std::vector<std::string> lines = described(report);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == file + ":3:1: row 2: this row has 4 fields but the header names 6; a cell that holds a comma "
                             "must be enclosed in double quotes");
    CHECK(lines[1].starts_with(file + ":4:8: row 3, column \"actor\": unknown actor \"Atlantis\""));
    CHECK(lines[2].starts_with(file + ":4:24: row 3, column \"position\": \"suport\" is not a position"));
    CHECK(lines[3].starts_with(file + ":5:38: row 4, column \"quote\": the quote is not in \"report\""));
    CHECK(report.rows == 4);
    CHECK_FALSE(report.written);
    CHECK(report.coded.empty());
    CHECK(store->stances().size() == before);
}

TEST_CASE("two rows that would make one stance are both named; a malformed file is reported where it breaks") {
    test::TempDir dir;
    test::write_text(dir / "twice.csv", "document,actor,claim,position,meeting,quote\n"
                                        "report,nld,russia,support,2017-03-31,Nederland steunt\n"
                                        "report,NL,Rusland,oppose,2017-03-31,Nederland steunt\n");
    auto store = seeded_store();
    const std::size_t before = store->stances().size();
    const CsvCodingReport twice = code_stances_from_csv(*store, dir / "twice.csv");
    REQUIRE(twice.problems.size() == 1);
    CHECK(twice.problems[0].row == 2);
    CHECK(twice.problems[0].describe() ==
          (dir / "twice.csv").string() +
              ":3:1: row 2: this row codes the same stance as row 1 (the same id); give one of them another id");

    test::write_text(dir / "broken.csv", "document,actor,claim,position,meeting,quote\n"
                                         "report,nld,russia,support,2017-03-31,Nederland steunt\n"
                                         "report,nld,russia,support,2017-03-31,\"never closed\n");
    const CsvCodingReport broken = code_stances_from_csv(*store, dir / "broken.csv");
    CHECK_FALSE(broken.written);
    REQUIRE_FALSE(broken.problems.empty());
    CHECK(broken.problems.back().where.starts_with((dir / "broken.csv").string() + ":3:"));
    CHECK(store->stances().size() == before);
}
