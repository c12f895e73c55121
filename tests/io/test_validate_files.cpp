// `stance validate`: every problem of every file in one run, nothing changed.
#include <algorithm>

#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/io/validate_files.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const std::filesystem::path several = test::source_dir() / "tests/cli/inputs/several-problems.json";

bool any_says(const Diagnostics& diagnostics, const std::string& where, const std::string& what) {
    return std::ranges::any_of(diagnostics.problems(), [&](const Problem& problem) {
        return problem.where.find(where) != std::string::npos && problem.what.find(what) != std::string::npos;
    });
}

} // namespace

TEST_CASE("every problem of a file with several is listed, with where and what, and nothing is written") {
    auto store = Store::open(":memory:");
    const Diagnostics diagnostics = check_dataset_files(*store, {several});
    CHECK(diagnostics.problems().size() == 6);
    CHECK(any_says(diagnostics, "(meeting \"lunch\")",
                   "runs 2017-03-30..2017-03-30, outside its parent meeting \"ministerial\""));
    CHECK(any_says(diagnostics, "several-problems.json: $.stances[0]", "position oppose with score +1"));
    CHECK(any_says(diagnostics, "$.stances[1]", "has a quote but no source span"));
    CHECK(any_says(diagnostics, "$.stances[2]", "proposition \"tariffs\" belongs to topic \"trade\""));
    CHECK(any_says(diagnostics, "$.stances[3]", "speaker \"lavrov\" held no role representing \"nld\""));
    CHECK(any_says(diagnostics, "$.stances[4]", "was stated on 2017-03-01, outside its meeting"));
    CHECK(store->stances().empty());
    CHECK(store->actors().empty());
}

TEST_CASE("every problem of shape is listed with its JSON path, beside the rule problems of the other entities") {
    auto store = Store::open(":memory:");
    const Diagnostics diagnostics =
        check_dataset_files(*store, {test::source_dir() / "tests/cli/inputs/shape-and-rule-problems.json"});
    if (diagnostics.problems().size() != 17) {
        for (const Problem& problem : diagnostics.problems()) {
            MESSAGE(problem.where << ": " << problem.what);
        }
    }
    CHECK(diagnostics.problems().size() == 17);
    // Three problems in one actor, two in a meeting, three and three in two stances: each entity is
    // read to its end, and the next entity is read too.
    CHECK(any_says(diagnostics, "$.actors[3].kind", "\"country\" is not one of state, organisation"));
    CHECK(any_says(diagnostics, "$.actors[3].name", "expected a string, found a number"));
    CHECK(any_says(diagnostics, "$.actors[3].colour", "is not a known key here"));
    CHECK(any_says(diagnostics, "$.meetings[2].date", "\"2017-02-30\" is not a date that exists"));
    CHECK(any_says(diagnostics, "$.meetings[2].place", "expected a string, found a number"));
    CHECK(any_says(diagnostics, "$.stances[2].score", "expected a number, found a string"));
    CHECK(any_says(diagnostics, "$.stances[2].confidence", "2 is outside [0, 1]"));
    CHECK(any_says(diagnostics, "$.stances[2].source", "expected an object, found a string"));
    CHECK(any_says(diagnostics, "$.stances[4].topic", "is required and missing"));
    CHECK(any_says(diagnostics, "$.stances[4].position", "is required; one of support"));
    CHECK(any_says(diagnostics, "$.stances[4].positon", "is not a known key here"));
    // The write rules still judge the entities that could be read, named by their place in the file.
    CHECK(any_says(diagnostics, "(meeting \"lunch\")", "outside its parent meeting \"ministerial\""));
    CHECK(any_says(diagnostics, "$.stances[0] (stance \"contradictory\")", "position oppose with score +1"));
    CHECK(any_says(diagnostics, "$.stances[1] (stance \"unsourced\")", "has a quote but no source span"));
    CHECK(any_says(diagnostics, "$.stances[3] (stance \"elsewhere\")", "belongs to topic \"trade\""));
    CHECK(any_says(diagnostics, "$.stances[5] (stance \"wrong-speaker\")", "held no role representing \"nld\""));
    CHECK(any_says(diagnostics, "$.stances[6] (stance \"too-early\")", "outside its meeting"));
    CHECK(store->stances().empty());
}

TEST_CASE("an import still stops at the first problem of shape, and writes nothing") {
    auto store = Store::open(":memory:");
    CHECK_THROWS_WITH_AS(
        (void)import_dataset_file(*store, test::source_dir() / "tests/cli/inputs/shape-and-rule-problems.json"),
        doctest::Contains("$.actors[3].kind"), invalid_input_error);
    CHECK(store->actors().empty());
}

TEST_CASE("a malformed file is one problem and the next file is still checked") {
    test::TempDir dir;
    test::write_text(dir / "broken.json", "{\"stance_dataset\": 1,");
    auto store = Store::open(":memory:");
    const Diagnostics diagnostics = check_dataset_files(*store, {dir / "broken.json", several});
    CHECK(diagnostics.problems().size() == 7);
    CHECK(diagnostics.problems().front().where.find("broken.json:1:") != std::string::npos);
}

TEST_CASE("the bundled data validates without a problem") {
    auto store = Store::open(":memory:");
    const Diagnostics diagnostics =
        check_dataset_files(*store, {test::source_dir() / "data/seed/nato-2017-03-31.json"});
    for (const Problem& problem : diagnostics.problems()) {
        MESSAGE(problem.where << ": " << problem.what);
    }
    CHECK(diagnostics.empty());
}
