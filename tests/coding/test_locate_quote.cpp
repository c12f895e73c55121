// Finding typed quotes in documents: what the search forgives, the exact spans it returns, and what
// it says when a quote is missing or found more than once.
#include <doctest/doctest.h>

#include "stance/coding/locate_quote.hpp"
#include "stance/io/dataset_json.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const std::string seed_text =
    test::read_text(test::source_dir() / "data/seed/nato-foreign-ministers-2017-03-31.nl.txt");

/// The text of the one place where `quote` is found in `text`.
std::string found_text(std::string_view text, std::string_view quote) {
    const QuoteSearch search = locate_quote(text, quote);
    REQUIRE_MESSAGE(search.outcome == QuoteOutcome::found, search.explain("text"));
    return std::string(text.substr(search.places[0].start, search.places[0].end - search.places[0].start));
}

} // namespace

TEST_CASE("a quote typed exactly is found at its exact bytes") {
    const std::string text = "Eerste zin. Hij benadrukte dat de NAVO het fundament is. Laatste zin.";
    const QuoteSearch search = locate_quote(text, "Hij benadrukte dat de NAVO het fundament is.");
    REQUIRE(search.outcome == QuoteOutcome::found);
    CHECK(search.places[0].start == 12);
    CHECK(search.places[0].end == 56);
    CHECK(search.places[0].line == 1);
    CHECK(search.places[0].column == 13);
}

TEST_CASE("a straight apostrophe typed where the text has a curly one is found (issue 10)") {
    // The seed report writes "risico’s" with U+2019; an analyst types the ASCII apostrophe.
    const std::string quote = "het belang van vermindering van zowel risico's in het militaire domein";
    const std::string span = found_text(seed_text, quote);
    CHECK(span == "het belang van vermindering van zowel risico’s in het militaire \ndomein");
    // And the other way round, plus the sentence from the general-debate speech.
    CHECK(found_text("They say: You won't win.", "You won’t win.") == "You won't win.");
    CHECK(found_text("They say: You won’t win.", "You won't win.") == "You won’t win.");
}

TEST_CASE("a quote with a line-end hyphen is found, hyphen typed or not (issue 10)") {
    // The report breaks "NAVO-staatshoofden" after the hyphen; the seed coding typed "NAVO- staatshoofden".
    const std::string expected = "bijeenkomst van de NAVO-\nstaatshoofden en regeringsleiders";
    CHECK(found_text(seed_text, "bijeenkomst van de NAVO-staatshoofden en regeringsleiders") == expected);
    CHECK(found_text(seed_text, "bijeenkomst van de NAVO- staatshoofden en regeringsleiders") == expected);
    CHECK(found_text(seed_text, "bijeenkomst van de NAVO-\nstaatshoofden en regeringsleiders") == expected);
    // A word hyphenated only because the line ended is found written as one word.
    CHECK(found_text("een grotere verant-\nwoordelijkheid nemen", "een grotere verantwoordelijkheid nemen") ==
          "een grotere verant-\nwoordelijkheid nemen");
    // The seed's "defensie-\nuitgaven" is found as the compound it is.
    CHECK(found_text(seed_text, "op welke wijze zij hun defensie-uitgaven de komende jaren").ends_with("jaren"));
}

TEST_CASE("white space, line breaks and no-break spaces do not matter; the span keeps the text's own") {
    const std::string text = "De Minister van\nBuitenlandse\u00A0Zaken,   \n Bert";
    CHECK(found_text(text, "Minister van Buitenlandse Zaken, Bert") ==
          "Minister van\nBuitenlandse\u00A0Zaken,   \n Bert");
    CHECK(found_text(text, "  Minister   van Buitenlandse Zaken  ") == "Minister van\nBuitenlandse\u00A0Zaken");
}

TEST_CASE("dash variants, quotation marks, case and accents are forgiven") {
    CHECK(found_text("de periode 2015–2017 was", "periode 2015-2017") == "periode 2015–2017");
    CHECK(found_text("vrede — en veiligheid", "vrede - en veiligheid") == "vrede — en veiligheid");
    CHECK(found_text("het “open deur” beleid", "het \"open deur\" beleid") == "het “open deur” beleid");
    CHECK(found_text("het „open deur” beleid", "het «open deur» beleid") == "het „open deur” beleid");
    CHECK(found_text("Oekraïne en de Krim", "oekraine en de krim") == "Oekraïne en de Krim");
    CHECK(found_text("wait… and see", "wait... and see") == "wait… and see");
    CHECK(found_text("soft\u00ADhyphen here", "softhyphen here") == "soft\u00ADhyphen here");
}

TEST_CASE("a span never splits a letter from its combining accent") {
    const std::string decomposed = "Oekrai\u0308ne"; // i followed by COMBINING DIAERESIS
    const QuoteSearch search = locate_quote("in " + decomposed + " zelf", "Oekraïne");
    REQUIRE(search.outcome == QuoteOutcome::found);
    CHECK(search.places[0].start == 3);
    CHECK(search.places[0].end == 3 + decomposed.size());
}

TEST_CASE("a quote is matched on whole words only") {
    const QuoteSearch search = locate_quote("De relatie met Rusland stond centraal.", "Rus");
    CHECK(search.outcome == QuoteOutcome::not_found);
    REQUIRE(search.mismatch);
    CHECK(search.mismatch->only_inside_words);
    CHECK(search.explain("brief") == "the quote is in \"brief\" only inside longer words (line 1); quote whole words");
    CHECK(locate_quote("relatie met Rusland.", "met Rusland").outcome == QuoteOutcome::found);
}

TEST_CASE("a quote found more than once lists every place") {
    const std::string text = "Nederland steunt dit.\nDe EU ook.\nNederland steunt dit.\n";
    const QuoteSearch search = locate_quote(text, "nederland steunt dit");
    REQUIRE(search.outcome == QuoteOutcome::ambiguous);
    REQUIRE(search.places.size() == 2);
    CHECK(search.places[0] == QuotePlace{0, 20, 1, 1});
    CHECK(search.places[1] == QuotePlace{33, 53, 3, 1});
    CHECK(search.explain("brief") == "the quote occurs 2 times in \"brief\"; quote more words so it is found once:\n"
                                     "  bytes [0, 20), line 1, column 1\n  bytes [33, 53), line 3, column 1");
}

TEST_CASE("a quote not found says where it first differs and shows the nearest passage") {
    // The coder wrote "Verenigde Staten" where the report says "Amerikaanse regering".
    const QuoteSearch search =
        locate_quote(seed_text, "Tegelijkertijd verwacht de Verenigde Staten dat de Europese Bondgenoten een grotere");
    REQUIRE(search.outcome == QuoteOutcome::not_found);
    REQUIRE(search.mismatch);
    CHECK(search.mismatch->matched == "Tegelijkertijd verwacht de");
    CHECK(search.mismatch->breaking_word == "Verenigde");
    REQUIRE(search.mismatch->nearest);
    CHECK(search.mismatch->nearest->line == 13);
    CHECK(search.mismatch->nearest_passage.find("verwacht de Amerikaanse regering") != std::string::npos);
    CHECK(search.mismatch->nearest_passage.size() < 200); // short: a passage, not the document
    CHECK(search.explain("brief").starts_with("the quote is not in \"brief\": it matches up to \"Tegelijkertijd "
                                              "verwacht de\" (line 13, column 10) and differs from the word "
                                              "\"Verenigde\" on; the document reads there: \""));
}

TEST_CASE("a quote whose first word is nowhere says so; an empty quote is refused") {
    const QuoteSearch missing = locate_quote(seed_text, "Zimbabwe steunde het voorstel");
    REQUIRE(missing.outcome == QuoteOutcome::not_found);
    CHECK(!missing.mismatch->nearest);
    CHECK(missing.explain("brief").find("not even its first word \"Zimbabwe\"") != std::string::npos);
    CHECK(locate_quote(seed_text, " \n\t ").outcome == QuoteOutcome::empty);
    CHECK(locate_quote(seed_text, "").explain("brief").starts_with("the quote is empty"));
}

TEST_CASE("the search is linear on repetitive text") {
    // Knuth–Morris–Pratt: a naive search would compare ~n*m bytes here; this completes instantly.
    const std::string text(200'000, 'a');
    const std::string quote = std::string(5'000, 'a') + "b";
    CHECK(locate_quote(text, quote).outcome == QuoteOutcome::not_found);
}

TEST_CASE("every coded quote of the seed dataset is found at its coded span") {
    // The seed coding's spans were counted by hand; the search must agree with every one of them.
    const Dataset dataset = read_dataset_file(test::source_dir() / "data/seed/nato-2017-03-31.json");
    const MatchKey document(dataset.documents.at(0).text);
    for (const Stance& stance : dataset.stances) {
        const QuoteSearch search = locate_quote(document, stance.quote);
        REQUIRE_MESSAGE(search.outcome == QuoteOutcome::found, stance.id.str() << ": " << search.explain("seed"));
        CHECK(search.places[0].start == stance.source->start);
        CHECK(search.places[0].end == stance.source->end);
    }
    CHECK(dataset.stances.size() == 46);
}
