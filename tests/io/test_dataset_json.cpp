#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const std::filesystem::path small_dataset = test::source_dir() / "examples/data/small-dataset.json";

std::string export_of(const Store& store) {
    return write_dataset(store.to_dataset());
}

} // namespace

TEST_CASE("the documented example parses into the model") {
    Dataset dataset = read_dataset_file(small_dataset);
    REQUIRE(dataset.documents.size() == 1);
    CHECK(dataset.documents[0].sha256 == sha256_hex(dataset.documents[0].text));
    REQUIRE(dataset.stances.size() == 1);
    CHECK(dataset.stances[0].kind == PositionKind::support);
    CHECK(dataset.stances[0].score == 1.0); // the default for support
    CHECK(dataset.actors[0].aliases[1] == Name{"nl", "Amerikaanse"});
}

TEST_CASE("export, import, export gives byte-identical JSON") {
    auto first = Store::open(":memory:");
    import_dataset_file(*first, small_dataset);
    const std::string exported = export_of(*first);

    test::TempDir dir;
    test::write_text(dir / "exported.json", exported);
    auto second = Store::open(":memory:");
    import_dataset_file(*second, dir / "exported.json");
    CHECK(export_of(*second) == exported);
}

TEST_CASE("the export is canonical: keys in documented order, optional fields left out") {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, small_dataset);
    const std::string exported = export_of(*store);
    CHECK(exported.rfind("{\n  \"stance_dataset\": 1,\n  \"documents\": [", 0) == 0);
    CHECK(exported.find("\"score\": 1.0") != std::string::npos);
    CHECK(exported.find("\"breadth\"") == std::string::npos); // single is the default
    CHECK(exported.find("\"aliases\": {\n        \"nl\": [\"Verenigde Staten\", \"Amerikaanse\"]") !=
          std::string::npos);
    CHECK(exported.back() == '\n');
}

TEST_CASE("SHA-256 matches the reference value") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("white space collapses for quote comparison") {
    CHECK(collapse_whitespace("  brede \n steun\t\tvoor ") == "brede steun voor");
    CHECK(collapse_whitespace("") == "");
}
