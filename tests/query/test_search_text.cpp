// stance's search syntax: how typed text is read (parse_search), what the SQLite store makes of it
// (fts5_query), and that no input, however hostile, reaches SQLite as a syntax error.
#include <array>
#include <random>

#include <doctest/doctest.h>

#include "query_fixture.hpp"
#include "stance/query/search_text.hpp"
#include "store/fts5_query.hpp"

using namespace stance;

namespace {

// The query as the store sends it: "MUST || MUST NOT".
std::string rendered(std::string_view text) {
    const SearchQuery query = parse_search(text);
    return detail::fts5_match_all(query) + " || " + detail::fts5_match_any_excluded(query);
}

// A store whose one document holds these sentences, each quoted by one stance ("s0", "s1", …).
std::unique_ptr<Store> store_quoting(const std::vector<std::string>& sentences) {
    test::DatasetBuilder builder;
    builder.actor("nld", ActorKind::state, "Netherlands").topic("un", "United Nations").meeting("m", Date{2024, 9, 24});
    Dataset& dataset = builder.dataset();
    Document& document = dataset.documents.front();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const std::size_t start = document.text.empty() ? 0 : document.text.size() + 1;
        document.text += (document.text.empty() ? "" : " ") + sentences[i];
        Stance stance;
        stance.id = StanceId{"s" + std::to_string(i)};
        stance.actor = ActorId{"nld"};
        stance.topic = TopicId{"un"};
        stance.meeting = MeetingId{"m"};
        stance.kind = PositionKind::support;
        stance.score = 1.0;
        stance.quote = sentences[i];
        stance.source = SourceSpan{DocumentId{"doc"}, start, start + sentences[i].size(), std::nullopt};
        dataset.stances.push_back(stance);
    }
    return builder.store();
}

std::vector<std::string> found(const Store& store, std::string_view text) {
    StanceFilter filter;
    filter.text = std::string(text);
    std::vector<std::string> ids;
    for (const Stance& stance : store.stances(filter)) {
        ids.push_back(stance.id.str());
    }
    return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("typed text is read as words, phrases, OR, NOT and prefixes") {
    struct Case {
        const char* typed;
        const char* expected;
    };
    const auto cases = std::to_array<Case>({
        {"Rusland sancties", R"("Rusland" AND "sancties" || )"},
        {"\"brede steun\"", R"("brede steun" || )"},
        {"sanctions Russia OR Iran", R"("sanctions" AND ("Russia" OR "Iran") || )"},
        {"a OR b OR c", R"(("a" OR "b" OR "c") || )"},
        {"war NOT peace", R"("war" || "peace")"},
        {"war -peace -\"cease fire\"", R"("war" || ("peace" OR "cease fire"))"},
        {"sanct*", R"("sanct"* || )"},
        {"\"brede st\"*", R"("brede st"* || )"},
        {"Russia's", R"("Russia's" || )"},
        {"U.N.", R"("U.N." || )"},
        {"well-known", R"("well-known" || )"},
        {"war AND peace", R"("war" AND "peace" || )"},
        {"or and not", R"("or" AND "and" AND "not" || )"}, // lower case: words
    });
    for (const Case& c : cases) {
        CAPTURE(c.typed);
        CHECK(rendered(c.typed) == c.expected);
    }
}

TEST_CASE("an operator with nothing to apply to is a word, and a term without letters is dropped") {
    struct Case {
        const char* typed;
        const char* expected;
    };
    const auto cases = std::to_array<Case>({
        {"OR", R"("OR" || )"},
        {"NOT", R"("NOT" || )"},
        {"war OR", R"("war" AND "OR" || )"},
        {"OR war", R"("OR" AND "war" || )"},
        {"war NOT", R"("war" AND "NOT" || )"},
        {"NOT NOT war", R"("NOT" || "war")"},
        {"war OR -peace", R"("war" AND "OR" || "peace")"},
        {"a OR ... OR b", R"(("a" OR "b") || )"},
        {"x ... OR b", R"("x" AND "b" || )"},
        {"war - peace", R"("war" AND "peace" || )"},
        {"\"unbalanced", R"("unbalanced" || )"},
        {"\"two words", R"("two words" || )"},
        {"say \"\" it", R"("say" AND "it" || )"},
        {"*", " || "},
        {"...", " || "},
        {"-", " || "},
        {R"(""")", " || "},
        {"-russia", R"( || "russia")"},
        {"NOT russia", R"( || "russia")"},
    });
    for (const Case& c : cases) {
        CAPTURE(c.typed);
        CHECK(rendered(c.typed) == c.expected);
    }
    CHECK(parse_search("... * -").empty());
    CHECK_FALSE(parse_search("-russia").empty());
}

TEST_CASE("FTS5 syntax typed by a user is searched for as text") {
    // Column filters, NEAR groups, brackets, the initial-token caret and a NUL byte are FTS5 syntax;
    // inside a quoted string they are only characters the tokenizer drops.
    CHECK(rendered("quote:war") == R"("quote:war" || )");
    CHECK(rendered("NEAR(war peace, 2)") == R"x("NEAR(war" AND "peace," AND "2)" || )x");
    CHECK(rendered("^war {quote paraphrase}: x") == R"("^war" AND "{quote" AND "paraphrase}:" AND "x" || )");
    CHECK(rendered(std::string_view("war\0peace", 9)) == R"("war" AND "peace" || )");
}

TEST_CASE("searches find what the words say, with punctuation, phrases, OR, NOT and prefixes") {
    auto store = store_quoting({
        "Russia's war against Ukraine must end.",                          // s0
        "The U.N. Charter is clear.",                                      // s1
        "We support the Pact for the Future.",                             // s2
        "Sanctions on Russia remain necessary; we call for a cease fire.", // s3
    });
    CHECK(found(*store, "Russia's") == Ids{"s0"});
    CHECK(found(*store, "U.N.") == Ids{"s1"});
    CHECK(found(*store, "u.n. charter") == Ids{"s1"});
    CHECK(found(*store, "\"pact for the future\"") == Ids{"s2"});
    CHECK(found(*store, "\"future for the pact\"").empty());
    CHECK(found(*store, "Ukraine OR Charter") == Ids{"s0", "s1"});
    CHECK(found(*store, "Russia -sanctions") == Ids{"s0"});
    CHECK(found(*store, "Russia NOT \"cease fire\"") == Ids{"s0"});
    CHECK(found(*store, "sanct*") == Ids{"s3"});
    CHECK(found(*store, "-Russia") == Ids{"s1", "s2"});
    CHECK(found(*store, "\"pact for") == Ids{"s2"}); // the unclosed quote runs to the end
    CHECK(found(*store, "...").empty());             // nothing to look for: nothing found
    CHECK(found(*store, "OR").empty());              // the word "or" is in no quote
}

TEST_CASE("no typed text, however hostile, reaches SQLite as a syntax error") {
    auto store = store_quoting({"Russia's war against Ukraine must end.", "The U.N. Charter is clear."});
    const std::vector<std::string> hostile = {
        "\"",
        "\"\"",
        R"(""")",
        "'",
        "''",
        "*",
        "**",
        "-",
        "--",
        "- -",
        "OR",
        "AND",
        "NOT",
        "OR OR",
        "NOT NOT",
        "AND OR NOT",
        "a OR",
        "OR a",
        "a AND",
        "NOT a",
        "a NOT",
        "(",
        ")",
        "()",
        "(a",
        "a)",
        "(a OR b",
        "{a}",
        "a:b",
        ":",
        "quote:",
        "paraphrase:war",
        "-quote:war",
        "^",
        "^a",
        "a^",
        "NEAR(a b)",
        "NEAR(",
        "NEAR(a, 10",
        "+",
        "+a",
        "a+b",
        "a*b",
        "*a",
        "a**",
        "\"a\"*b",
        "\"a*\"",
        "a\"b",
        "a\"b\"c",
        ";",
        "; DROP TABLE stance; --",
        "' OR 1=1 --",
        "\\",
        "\\\"",
        "%",
        "_",
        "a%",
        "\t\n\r",
        std::string("\0", 1),
        std::string("a\0\"b", 4),
        "\xff\xfe",
        "\xc3",
        "war \xe2\x80",
        "\xf0\x9f\x98\x80",
        "Ukraïne",
        "\xe2\x80\x9cwar\xe2\x80\x9d",
        "\u00a0",
        "war\u200bpeace",
        "U.N.",
        "Russia's",
        "-\"a OR b\"",
        "-*",
        "a -",
        std::string(5000, '"'),
        std::string(2000, '('),
        std::string(1000, '-') + "a",
    };
    for (const std::string& text : hostile) {
        CAPTURE(text);
        CHECK_NOTHROW((void)found(*store, text));
    }
    // And random byte strings over the characters that mean something to FTS5, to the syntax or to UTF-8.
    std::mt19937 random(20240924);
    const std::string alphabet = "ab \"'*-():^{}+,;.\\ORNDTA\x01\x80\xc3\xa9\xe2\x80\x9c";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<std::size_t> length(0, 24);
    for (int run = 0; run < 500; ++run) {
        std::string text;
        for (std::size_t i = length(random); i > 0; --i) {
            text += alphabet[pick(random)];
        }
        CAPTURE(text);
        CHECK_NOTHROW((void)found(*store, text));
    }
}
