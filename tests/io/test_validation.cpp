// Every rejected input names the place and the problem, and nothing is written.
#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const std::string example_json = test::read_text(test::source_dir() / "examples/data/small-dataset.json");

/// The example with `from` replaced by `to` (which must occur in it).
std::string edited(const std::string& from, const std::string& to) {
    std::string text = example_json;
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "edit target not in the example: " << from);
    text.replace(at, from.size(), to);
    return text;
}

/// Parses and validates `json` and returns the error message ("" when it was accepted).
std::string error_of(const std::string& json) {
    try {
        Dataset dataset = parse_dataset(json, "in.json", ".");
        validate_dataset(dataset, "in.json");
    } catch (const invalid_input_error& failure) {
        return failure.what();
    }
    return "";
}

} // namespace

TEST_CASE("the unedited example is accepted") {
    CHECK(error_of(example_json) == "");
}

TEST_CASE("malformed JSON is reported with line and column") {
    const std::string message = error_of("{\n  \"stance_dataset\": 1,\n  \"actors\": [,]\n}");
    CHECK(message.rfind("in.json:3:14: malformed JSON", 0) == 0);
}

TEST_CASE("truncated JSON is reported") {
    CHECK(error_of(example_json.substr(0, example_json.size() / 2)).find("malformed JSON") != std::string::npos);
}

TEST_CASE("a file that is not a dataset says so") {
    CHECK(error_of("{\"actors\": []}").find("\"stance_dataset\" (format version) is missing") != std::string::npos);
    CHECK(error_of("[1, 2]").find("expected an object, found an array") != std::string::npos);
}

TEST_CASE("unknown references name the JSON path") {
    const std::string message = error_of(edited(R"("actor": "usa")", R"("actor": "usx")"));
    CHECK(message == "in.json: $.stances[0].actor: unknown actor \"usx\": not defined in this file; check the "
                     "spelling or import the file that defines it first");
}

TEST_CASE("a date that does not exist is refused") {
    CHECK(error_of(edited("2017-03-31", "2017-02-30")) ==
          "in.json: $.meetings[0].date: \"2017-02-30\" is not a date that exists; write YYYY-MM-DD");
}

TEST_CASE("a span past the end of its document is refused") {
    CHECK(error_of(edited("\"end\": 167", "\"end\": 999")).find("$.stances[0].source.end: 999 is past the end") !=
          std::string::npos);
}

TEST_CASE("a span inside a UTF-8 character is refused") {
    // Byte 28 is the second byte of the 'ë' in "ministeriële".
    const std::string message = error_of(edited("\"start\": 90", "\"start\": 28"));
    CHECK(message.find("$.stances[0].source.start: 28 falls inside a UTF-8 character") != std::string::npos);
}

TEST_CASE("a span that does not read as the quote is refused") {
    const std::string message = error_of(edited("\"start\": 90", "\"start\": 91"));
    CHECK(message.find("$.stances[0].source.start: the span [91, 167) reads") != std::string::npos);
}

TEST_CASE("wrong types and unknown values are refused with the path") {
    CHECK(error_of(edited("\"position\": \"support\"", "\"position\": \"yes\""))
              .find("$.stances[0].position: \"yes\" is not one of support") != std::string::npos);
    CHECK(error_of(edited("\"start\": 90", "\"start\": \"90\""))
              .find("$.stances[0].source.start: expected a whole number, found a string") != std::string::npos);
    CHECK(error_of(edited("\"kind\": \"person\"", "\"kind\": 3"))
              .find("$.actors[1].kind: expected a string, found a number") != std::string::npos);
}

TEST_CASE("misspelt keys are refused rather than silently dropped") {
    CHECK(error_of(edited("\"paraphrase\"", "\"paraphrse\"")) ==
          "in.json: $.stances[0].paraphrse: is not a known key here; see docs/dataset-format.md");
}

TEST_CASE("duplicate ids in one file are refused") {
    const std::string duplicate = edited(R"("id": "tillerson")", R"("id": "usa")");
    CHECK(error_of(duplicate).find("$.actors[1].id: duplicate id \"usa\", first defined at $.actors[0]") !=
          std::string::npos);
}

TEST_CASE("ids must be slugs") {
    CHECK(error_of(edited("\"id\": \"usa\"", "\"id\": \"United States\"")).find("is not a valid id") !=
          std::string::npos);
}

TEST_CASE("a document hash that does not match its text is refused") {
    const std::string with_hash = edited(R"("language": "nl",)", R"("language": "nl", "sha256": "00",)");
    CHECK(error_of(with_hash).find("$.documents[0].sha256: does not match the text") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in the JSON is refused") {
    std::string bad = example_json;
    bad.replace(bad.find("Rex Tillerson"), 3, "R\xC3\x28");
    CHECK(error_of(bad).find("malformed JSON") != std::string::npos);
}

TEST_CASE("deeply nested JSON is refused without exhausting the stack") {
    std::string deep = R"({"stance_dataset": 1, "x": )" + std::string(100000, '[') + std::string(100000, ']') + "}";
    CHECK(error_of(deep).find("malformed JSON") != std::string::npos);
}

TEST_CASE("parent cycles among topics are refused") {
    const std::string cyclic = edited(R"("label": "Transatlantic relations",)",
                                      R"("label": "Transatlantic relations", "parent": "transatlantic-relations",)");
    CHECK(error_of(cyclic).find("is its own ancestor") != std::string::npos);
}

TEST_CASE("a failed file import leaves the database unchanged") {
    test::TempDir dir;
    auto store = Store::open((dir / "db.sqlite").string());
    import_dataset_file(*store, test::source_dir() / "examples/data/small-dataset.json");
    const std::string before = write_dataset(store->to_dataset());
    test::write_text(dir / "bad.json", edited("\"topic\": \"transatlantic-relations\",\n     \"meeting\"",
                                              "\"topic\": \"no-such-topic\",\n     \"meeting\""));
    CHECK_THROWS_AS(import_dataset_file(*store, dir / "bad.json"), invalid_input_error);
    CHECK(write_dataset(store->to_dataset()) == before);
}
