// Reading and writing the keys scales and bases added: parents, scale, directions, basis, end_date.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

constexpr const char* scaled = R"json({"stance_dataset": 1,
 "documents": [{"id": "d", "text": "We call for dialogue."}],
 "actors": [{"id": "nld", "kind": "state", "name": "Netherlands"},
            {"id": "usa", "kind": "state", "name": "United States"}],
 "topics": [{"id": "russia", "label": "Russia",
             "scale": {"minus": {"en": "cooperation", "nl": "samenwerking"}, "plus": {"en": "pressure"}}},
            {"id": "ukraine", "label": "Ukraine"},
            {"id": "war", "label": "Russia's war against Ukraine", "parents": ["russia", "ukraine"],
             "directions": {"russia": 1}},
            {"id": "old-style", "label": "Old style", "parent": "russia"}],
 "propositions": [{"id": "dialogue", "topic": "russia", "statement": "Talk with Russia",
                   "directions": {"russia": -0.5}}],
 "bodies": [{"id": "unga", "name": "General Assembly"}],
 "meetings": [{"id": "gd", "body": "unga", "date": "2024-09-24", "end_date": "2024-09-30"}],
 "stances": [{"id": "s1", "actor": "nld", "topic": "russia", "proposition": "dialogue", "meeting": "gd",
              "position": "support", "quote": "We call for dialogue.",
              "source": {"document": "d", "start": 0, "end": 21}},
             {"id": "s2", "actor": "usa", "topic": "russia", "meeting": "gd", "position": "support",
              "reported_by": "nld"},
             {"id": "s3", "actor": "usa", "topic": "russia", "meeting": "gd", "position": "support",
              "basis": "inferred"}]})json";

std::string error_of(const std::string& json) {
    try {
        Dataset dataset = parse_dataset(json, "scales.json", ".");
        validate_dataset(dataset, "scales.json");
    } catch (const invalid_input_error& failure) {
        return failure.what();
    }
    return {};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("scales, directions, several parents, end dates and bases are read") {
    const Dataset dataset = parse_dataset(scaled, "scales.json", ".");
    REQUIRE(dataset.topics.size() == 4);
    REQUIRE(dataset.topics[0].scale);
    CHECK(dataset.topics[0].scale->minus == std::vector<Name>{{"en", "cooperation"}, {"nl", "samenwerking"}});
    CHECK(dataset.topics[0].scale->plus == std::vector<Name>{{"en", "pressure"}});
    CHECK(dataset.topics[2].parents == std::vector<TopicId>{TopicId{"russia"}, TopicId{"ukraine"}});
    CHECK(dataset.topics[2].directions == std::vector<Direction>{{TopicId{"russia"}, 1.0}});
    CHECK(dataset.topics[3].parents == std::vector<TopicId>{TopicId{"russia"}}); // the old single key
    CHECK(dataset.propositions[0].directions == std::vector<Direction>{{TopicId{"russia"}, -0.5}});
    CHECK(dataset.meetings[0].end_date == Date{2024, 9, 30});
    CHECK(dataset.stances[0].basis == Basis::statement); // the default for one's own words
    CHECK(dataset.stances[1].basis == Basis::reported);  // the default when someone else reports it
    CHECK(dataset.stances[2].basis == Basis::inferred);
}

TEST_CASE("export, import, export of scales and bases gives the same bytes and the same model") {
    Dataset dataset = parse_dataset(scaled, "scales.json", ".");
    validate_dataset(dataset, "scales.json");
    auto store = Store::open(":memory:");
    store->import(dataset);
    const std::string exported = write_dataset(store->to_dataset());
    CHECK(exported.find("\"parents\": [\"russia\", \"ukraine\"]") != std::string::npos);
    CHECK(exported.find("\"basis\": \"inferred\"") != std::string::npos);
    CHECK(exported.find("\"basis\": \"statement\"") == std::string::npos); // the default is left out
    Dataset again = parse_dataset(exported, "exported.json", ".");
    validate_dataset(again, "exported.json");
    auto second = Store::open(":memory:");
    second->import(again);
    CHECK(write_dataset(second->to_dataset()) == exported);
    CHECK(second->to_dataset() == store->to_dataset());
}

TEST_CASE("bad scale, direction, parent, basis and end date keys are refused with their JSON path") {
    CHECK(error_of(replaced(scaled, "\"directions\": {\"russia\": 1}", "\"directions\": {\"russia\": 2}"))
              .find("scales.json: $.topics[2].directions.russia: 2 is outside [-1, 1]") != std::string::npos);
    CHECK(error_of(replaced(scaled, "\"plus\": {\"en\": \"pressure\"}", "\"plus\": {}"))
              .find("$.topics[0].scale.plus: expected an object") != std::string::npos);
    CHECK(error_of(replaced(scaled, "\"basis\": \"inferred\"", "\"basis\": \"rumour\""))
              .find("$.stances[2].basis: \"rumour\" is not one of vote, statement") != std::string::npos);
    CHECK(error_of(replaced(scaled, "\"end_date\": \"2024-09-30\"", "\"end_date\": \"2024-09-01\""))
              .find("$.meetings[0].end_date: 2024-09-01 is before the meeting's first day 2024-09-24") !=
          std::string::npos);
    CHECK(error_of(replaced(scaled, "\"parent\": \"russia\"", "\"parent\": \"russia\", \"parents\": [\"ukraine\"]"))
              .find("$.topics[3].parent: is given together with \"parents\"") != std::string::npos);
    CHECK(error_of(replaced(scaled, "\"parents\": [\"russia\", \"ukraine\"]", "\"parents\": [\"russia\", \"nowhere\"]"))
              .find("$.topics[2].parents[1]: unknown topic \"nowhere\"") != std::string::npos);
}

TEST_CASE("a direction must name a topic that exists and defines a scale, and validation says so as the import does") {
    const std::string unknown =
        replaced(scaled, "\"directions\": {\"russia\": -0.5}", "\"directions\": {\"rusia\": -0.5}");
    CHECK(error_of(unknown).find("scales.json: $.propositions[0].directions.rusia: unknown topic \"rusia\"") !=
          std::string::npos);
    const std::string unscaled =
        replaced(scaled, "\"directions\": {\"russia\": 1}", "\"directions\": {\"ukraine\": 1}");
    CHECK(error_of(unscaled).find("scales.json: $.topics[2].directions.ukraine: topic \"ukraine\" defines no scale") !=
          std::string::npos);
    // The import refuses it with the same message and writes nothing.
    const test::TempDir dir;
    const std::filesystem::path file = dir / "scales.json";
    std::ofstream(file) << unscaled;
    auto store = Store::open(":memory:");
    CHECK_THROWS_WITH_AS(import_dataset_file(*store, file),
                         doctest::Contains("$.topics[2].directions.ukraine: topic \"ukraine\" defines no scale"),
                         invalid_input_error);
    CHECK(store->topics().empty());
}

TEST_CASE("a cycle through one of several parents is refused with the path that closes it") {
    const std::string cyclic = replaced(scaled, R"({"id": "ukraine", "label": "Ukraine"})",
                                        R"({"id": "ukraine", "label": "Ukraine", "parents": ["war"]})");
    const std::string message = error_of(cyclic);
    CHECK(message.find("$.topics[1].parents: \"ukraine\" is its own ancestor (ukraine → war → ukraine)") !=
          std::string::npos);
}
