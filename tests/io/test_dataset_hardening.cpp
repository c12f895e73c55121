// Hostile shapes of otherwise valid JSON (issue 8, items 12, 13, 14): repeated keys, parent chains
// tens of thousands deep or closed in a loop, country codes that are not ASCII letters.
#include <doctest/doctest.h>

#include <string>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

std::string parse_failure(const std::string& json) {
    try {
        (void)parse_dataset(json, "in.json", {});
    } catch (const invalid_input_error& failure) {
        return failure.what();
    }
    return "";
}

/// A dataset of `depth` topics, each the parent of the next (t0 at the top); listed deepest first
/// when `reversed`, so the walk cannot rely on file order.
std::string topic_chain(std::size_t depth, bool reversed, bool closed = false) {
    std::string topics;
    for (std::size_t k = 0; k < depth; ++k) {
        const std::size_t i = reversed ? depth - 1 - k : k;
        std::string parent;
        if (i > 0) {
            parent = R"(, "parent": "t)" + std::to_string(i - 1) + '"';
        } else if (closed) {
            parent = R"(, "parent": "t)" + std::to_string(depth - 1) + '"';
        }
        topics += (k ? "," : "") + std::string(R"({"id": "t)") + std::to_string(i) + R"(", "label": "T)" +
                  std::to_string(i) + '"' + parent + "}";
    }
    return R"({"stance_dataset": 1, "topics": [)" + topics + "]}";
}

std::string import_failure(const std::string& json) {
    test::TempDir dir;
    test::write_text(dir / "chain.json", json);
    auto store = Store::open(":memory:");
    try {
        import_dataset_file(*store, dir / "chain.json");
    } catch (const invalid_input_error& failure) {
        return std::string(failure.what()).substr((dir / "chain.json").string().size());
    }
    return "";
}

} // namespace

TEST_CASE("a key repeated in one object is refused with its JSON path") {
    CHECK(parse_failure(R"({"stance_dataset": 1, "stances": [{"id": "a"}, {"id": "b"}, {"id": "c"},)"
                        R"( {"id": "d", "score": 5, "score": 0.5}]})") ==
          "in.json: $.stances[3].score: appears twice in one object, and only one can be meant; keep one (for a "
          "list, merge the two)");
    // A whole first list would otherwise be dropped without a word.
    CHECK(parse_failure(R"({"stance_dataset": 1, "actors": [{"id": "nld", "kind": "state", "name": "Netherlands"}],)"
                        R"( "actors": []})")
              .starts_with("in.json: $.actors: appears twice"));
    CHECK(parse_failure(R"({"stance_dataset": 1, "stance_dataset": 1})").starts_with("in.json: $.stance_dataset: "));
    CHECK(parse_failure(R"({"stance_dataset": 1, "actors": [{"id": "nld", "kind": "state", "name": "N",)"
                        R"( "aliases": {"nl": ["Nederland"], "nl": ["Holland"]}}]})")
              .starts_with("in.json: $.actors[0].aliases.nl: appears twice"));
    // The same key in different objects is of course fine.
    CHECK_NOTHROW((void)parse_dataset(R"({"stance_dataset": 1, "topics": [{"id": "a", "label": "A"},)"
                                      R"( {"id": "b", "label": "B", "parent": "a"}]})",
                                      "in.json", {}));
}

TEST_CASE("a 45,000-deep parent chain is refused at the depth bound, without recursion") {
    for (const bool reversed : {false, true}) {
        CAPTURE(reversed);
        const std::string failure = import_failure(topic_chain(45'000, reversed));
        // The shallowest entity that is too deep is named, wherever the file lists it.
        const std::string where = reversed ? "$.topics[43998].parents" : "$.topics[1001].parents";
        CHECK(failure == ": " + where +
                             ": \"t1001\" would be 1001 levels below the top of its chain of parents; stance allows "
                             "at most 1000 (real hierarchies have a handful); attach it higher up");
    }
    CHECK(import_failure(topic_chain(1001, true)).empty()); // t1000 is 1000 levels down: allowed
}

TEST_CASE("a 45,000-long loop of parents is refused as a cycle") {
    const std::string failure = import_failure(topic_chain(45'000, false, true));
    CHECK(failure.starts_with(": $.topics["));
    CHECK(failure.find("is its own ancestor (") != std::string::npos);
    CHECK(failure.ends_with("): parents form a cycle; break it"));
    CHECK(failure.size() < 600); // the 45,000-long loop is cut, not spelled out
}

TEST_CASE("a chain lengthened through the database counts the stored levels too") {
    test::TempDir dir;
    auto store = Store::open(":memory:");
    test::write_text(dir / "first.json", topic_chain(900, false));
    import_dataset_file(*store, dir / "first.json");
    std::string more;
    for (std::size_t i = 900; i < 1002; ++i) {
        more += (i > 900 ? "," : "") + std::string(R"({"id": "t)") + std::to_string(i) + R"(", "label": "T", )" +
                R"("parent": "t)" + std::to_string(i - 1) + R"("})";
    }
    test::write_text(dir / "second.json", R"({"stance_dataset": 1, "topics": [)" + more + "]}");
    const std::string failure = [&] {
        try {
            import_dataset_file(*store, dir / "second.json");
        } catch (const invalid_input_error& e) {
            return std::string(e.what());
        }
        return std::string();
    }();
    CHECK(failure.find("$.topics[101].parents: \"t1001\" would be 1001 levels below") != std::string::npos);
    CHECK_FALSE(store->exists(EntityKind::topic, "t900"));
}

TEST_CASE("ISO codes are checked as characters: exactly two or three capital letters A-Z") {
    const auto actor = [](const std::string& codes) {
        return parse_failure(R"({"stance_dataset": 1, "actors": [{"id": "x", "kind": "state", "name": "X", )" + codes +
                             "}]}");
    };
    CHECK(actor(R"("iso2": "é")") ==
          "in.json: $.actors[0].iso2: \"é\" is not an ISO 3166-1 alpha-2 code (two capital letters A-Z)");
    CHECK(actor(R"("iso2": "nl")").find("is not an ISO 3166-1 alpha-2 code") != std::string::npos);
    CHECK(actor(R"("iso3": "NL1")").find("is not an ISO 3166-1 alpha-3 code") != std::string::npos);
    CHECK(actor(R"("iso2": "NL", "iso3": "NLD")").empty());
}

TEST_CASE("names are stored in NFC; invisible characters are refused; look-alike scripts are warned about") {
    const auto with_name = [](const std::string& name, std::vector<std::string>* warnings = nullptr) {
        DatasetReadOptions options;
        if (warnings) {
            options.on_warning = [warnings](const std::string& warning) { warnings->push_back(warning); };
        }
        return parse_dataset(R"({"stance_dataset": 1, "actors": [{"id": "x", "kind": "state", "name": ")" + name +
                                 R"(", "aliases": {"nl": [")" + name + R"("]}}]})",
                             "in.json", {}, options);
    };
    // "Curaçao" with a combining cedilla (c + U+0327) is stored precomposed (U+00E7).
    const Dataset decomposed = with_name("Curac\u0327ao");
    CHECK(decomposed.actors[0].name == "Cura\u00e7ao");
    CHECK(decomposed.actors[0].aliases[0].text == "Cura\u00e7ao");
    for (const std::string& invisible : {std::string("Neder\u200bland"), std::string("\u202eNederland"),
                                         std::string("Neder\\tland"), std::string("Neder\ufeffland")}) {
        CAPTURE(invisible);
        CHECK(parse_failure(R"({"stance_dataset": 1, "actors": [{"id": "x", "kind": "state", "name": ")" + invisible +
                            R"("}]})")
                  .find("$.actors[0].name: ") != std::string::npos);
    }
    CHECK(parse_failure(R"({"stance_dataset": 1, "actors": [{"id": "x", "kind": "state", "name": "Neder\u200bland"}]})")
              .ends_with("holds an invisible or control character (U+200B at character 6); remove it, a name must "
                         "look like what it matches"));
    CHECK(parse_failure(R"({"stance_dataset": 1, "topics": [{"id": "x", "label": "A\u2066B"}]})")
              .starts_with("in.json: $.topics[0].label: "));
    // A Cyrillic "е" (U+0435) inside the Latin "Nederland": accepted, with one warning per name.
    std::vector<std::string> warnings;
    (void)with_name("N\u0435derland", &warnings);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].starts_with("in.json: $.actors[0].name: \"N\u0435derland\" mixes scripts whose letters look "
                                  "alike"));
    CHECK(warnings[1].starts_with("in.json: $.actors[0].aliases.nl[0]: "));
    // Names in one script, any script, draw no warning; nor does Persian with its zero-width non-joiner.
    warnings.clear();
    for (const std::string& name : {std::string("Nederland"), std::string("Нидерланды"), std::string("荷兰"),
                                    std::string("هلند"), std::string("می\u200cخواهم")}) {
        (void)with_name(name, &warnings);
    }
    CHECK(warnings.empty());
}
