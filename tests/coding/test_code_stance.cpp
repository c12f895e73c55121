// Adding a document and coding stances by quote: names resolved in any language, the quote found
// despite typographic differences and stored as the document's exact text, and every error path
// reported without writing anything.
#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "coding/coding_store.hpp"
#include "stance/coding/add_document.hpp"
#include "stance/coding/code_stance.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

// A report excerpt with what typing changes: a word split at a line end, curly quotes, an en dash,
// a curly apostrophe, and one sentence written twice.
const std::string report_text = "De minister sprak over Rusland.\n"
                                "Nederland heeft ook onderstreept dat de NAVO-\n"
                                "staatshoofden \xE2\x80\x9Csamen\xE2\x80\x9D moeten optreden \xE2\x80\x93 zonder "
                                "uitzondering.\n"
                                "De NAVO blijft waakzaam. Het risico\xE2\x80\x99s blijft.\n"
                                "De NAVO blijft waakzaam.\n";

std::unique_ptr<Store> seeded_store() {
    return test::store_with_report(report_text);
}

StanceCoding typed(std::string quote) {
    StanceCoding coding;
    coding.document = "report";
    coding.actor = "Nederland";
    coding.claim = "Rusland";
    coding.position = "support";
    coding.meeting = "2017-03-31";
    coding.coder = "test";
    coding.quote = std::move(quote);
    return coding;
}

std::size_t stance_count(const Store& store) {
    return store.stances().size();
}

} // namespace

TEST_CASE("add_document stores the text with its SHA-256, and re-adding the same text updates the rest") {
    auto store = Store::open(":memory:");
    Document document;
    document.id = DocumentId{"speech"};
    document.language = "en";
    document.text = "We condemn the attack.\n";
    CHECK(add_document(*store, document) == DocumentAdded::added);
    const std::optional<Document> stored = store->document(DocumentId{"speech"});
    REQUIRE(stored);
    CHECK(stored->text == document.text);
    CHECK(stored->sha256 == sha256_hex(document.text));
    document.title = "A speech";
    CHECK(add_document(*store, document) == DocumentAdded::updated);
    CHECK(store->document(DocumentId{"speech"})->title == "A speech");
}

TEST_CASE("add_document refuses another text under a stored id and keeps the first") {
    auto store = Store::open(":memory:");
    Document document;
    document.id = DocumentId{"speech"};
    document.text = "We condemn the attack.\n";
    (void)add_document(*store, document);
    document.text = "We welcome the attack.\n";
    CHECK_THROWS_WITH_AS((void)add_document(*store, document),
                         doctest::Contains("document \"speech\": is already stored with another text"),
                         invalid_input_error);
    CHECK(store->document(DocumentId{"speech"})->text == "We condemn the attack.\n");
}

TEST_CASE("a text that is not UTF-8, not NFC or holds an invisible character is refused at its line and column") {
    CHECK_THROWS_WITH_AS(check_document_text("first line\nab\xFF", "speech.txt"),
                         doctest::Contains("speech.txt:2:3: not valid UTF-8 here"), invalid_input_error);
    // "e" followed by a combining acute accent: NFC has one precomposed character for it.
    CHECK_THROWS_WITH_AS(check_document_text("one\ntwo Oekrai\xCC\x88ne", "speech.txt"),
                         doctest::Contains("speech.txt:2:10: a character not in Unicode NFC"), invalid_input_error);
    CHECK_THROWS_WITH_AS(check_document_text("line\n\tzero\xE2\x80\x8Bwidth", "speech.txt"),
                         doctest::Contains("speech.txt:2:6: U+200B, a character that cannot be seen"),
                         invalid_input_error);
    CHECK_NOTHROW(check_document_text("tabs\tand\r\nline breaks are text\n\fand page breaks\n", "speech.txt"));
    auto store = Store::open(":memory:");
    Document document;
    document.id = DocumentId{"soft"};
    document.text = "verant\xC2\xADwoordelijk";
    CHECK_THROWS_AS((void)add_document(*store, document), invalid_input_error);
    CHECK_FALSE(store->exists(EntityKind::document, "soft"));
}

TEST_CASE("the shipped source texts are fit to be added") {
    for (const char* file :
         {"data/seed/nato-foreign-ministers-2017-03-31.nl.txt", "data/general-debate/NLD_69_2014.txt",
          "data/general-debate/NLD_79_2024.txt", "data/general-debate/USA_69_2014.txt"}) { // pages split by form feeds
        CHECK_NOTHROW(check_document_text(test::read_text(test::source_dir() / file), file));
    }
}

TEST_CASE("a quote typed with straight quotes, a plain dash and no line break is found; its exact text is stored") {
    auto store = seeded_store();
    const CodedStance coded = code_stance(
        *store, typed("Nederland heeft ook onderstreept dat de NAVO-staatshoofden \"samen\" moeten optreden - zonder "
                      "uitzondering."));
    const std::size_t start = report_text.find("Nederland heeft");
    const std::size_t end = report_text.find("uitzondering.") + std::string_view("uitzondering.").size();
    CHECK(coded.place.line == 2);
    CHECK(coded.place.column == 1);
    const std::vector<Stance> stances = store->stances();
    const auto stored =
        std::find_if(stances.begin(), stances.end(), [&](const Stance& s) { return s.id == coded.stance.id; });
    REQUIRE(stored != stances.end());
    const Stance& s = *stored;
    CHECK(s.quote == report_text.substr(start, end - start));
    CHECK(s.source == SourceSpan{DocumentId{"report"}, start, end, std::nullopt});
    CHECK(s.id.str() == fmt::format("nld.russia.report.{}", start));
    CHECK(s.meeting.str() == "nac-fm-2017-03-31");
    CHECK(s.kind == PositionKind::support);
    CHECK(s.score == 1.0);
    CHECK(s.basis == Basis::statement);
    CHECK(s.coder == "test");
    CHECK_FALSE(s.coded_at.empty());
}

TEST_CASE("a proposition id is a claim, and the stance gets the proposition's topic") {
    auto store = seeded_store();
    StanceCoding coding = typed("De minister sprak over Rusland.");
    coding.claim = "nato-foundation-of-transatlantic-relationship";
    coding.agenda_item = "nac-fm-2017-03-31-working-session-1-transatlantic-relations";
    coding.meeting.clear(); // the agenda item's meeting
    coding.speaker = "koenders";
    coding.reported_by = "nld";
    coding.confidence = "0.75";
    coding.score = "0.5";
    const Stance s = code_stance(*store, coding).stance;
    CHECK(s.topic.str() == "transatlantic-relations");
    CHECK(s.proposition == PropositionId{"nato-foundation-of-transatlantic-relationship"});
    CHECK(s.meeting.str() == "nac-fm-2017-03-31-working-session");
    CHECK(s.speaker == ActorId{"koenders"});
    CHECK(s.basis == Basis::reported);
    CHECK(s.confidence == 0.75);
    CHECK(s.score == 0.5);
}

TEST_CASE("a quote that is not in the document says where it differs, and nothing is written") {
    auto store = seeded_store();
    const std::size_t before = stance_count(*store);
    CHECK_THROWS_WITH_AS((void)code_stance(*store, typed("Nederland heeft ook benadrukt dat de NAVO")),
                         doctest::Contains("quote: the quote is not in \"report\": it matches up to \"Nederland heeft "
                                           "ook\" (line 2, column 1) and differs from the word \"benadrukt\""),
                         not_found_error);
    CHECK(stance_count(*store) == before);
}

TEST_CASE("a quote found more than once lists its places, and --occurrence chooses one") {
    auto store = seeded_store();
    CHECK_THROWS_WITH_AS((void)code_stance(*store, typed("De NAVO blijft waakzaam.")),
                         doctest::Contains("the quote occurs 2 times in \"report\"; quote more words, or choose one "
                                           "with occurrence N (1 to 2, in text order):\n  1. line 4:1 \"…– zonder "
                                           "uitzondering. De NAVO blijft waakzaam. Het risico’s blijft."),
                         not_found_error);
    StanceCoding second = typed("De NAVO blijft waakzaam.");
    second.occurrence = "2";
    const CodedStance coded = code_stance(*store, second);
    CHECK(coded.place.line == 5);
    CHECK(coded.stance.source->start == report_text.rfind("De NAVO blijft waakzaam."));
    second.occurrence = "3";
    second.id = "another";
    CHECK_THROWS_WITH_AS(
        (void)code_stance(*store, second),
        doctest::Contains("occurrence: the quote occurs 2 times in \"report\", so there is no place 3"),
        invalid_input_error);
}

TEST_CASE("an explicit span is used as given, and the quote must be its text") {
    auto store = seeded_store();
    StanceCoding coding = typed("");
    coding.span = std::pair<std::size_t, std::size_t>{0, 31};
    const Stance s = code_stance(*store, coding).stance;
    CHECK(s.quote == "De minister sprak over Rusland.");
    coding.id = "with-wrong-quote";
    coding.quote = "Nederland heeft";
    CHECK_THROWS_WITH_AS((void)code_stance(*store, coding),
                         doctest::Contains("quote: the span [0, 31) of \"report\" does not hold the quote"),
                         invalid_input_error);
    coding.quote.clear();
    coding.span = std::pair<std::size_t, std::size_t>{10, 100000};
    CHECK_THROWS_WITH_AS((void)code_stance(*store, coding), doctest::Contains("span: [10, 100000) is not a span"),
                         invalid_input_error);
}

TEST_CASE("unknown actor, claim and document are not found, with the closest candidates") {
    auto store = seeded_store();
    StanceCoding coding = typed("De minister sprak over Rusland.");
    coding.actor = "Nederlandd";
    try {
        (void)code_stance(*store, coding);
        FAIL("expected not_found_error");
    } catch (const not_found_error& failure) {
        CHECK(std::string(failure.what()).starts_with("actor: unknown actor \"Nederlandd\""));
        CHECK(failure.candidates().front().starts_with("nld"));
    }
    coding = typed("De minister sprak over Rusland.");
    coding.claim = "Ruslandd";
    CHECK_THROWS_WITH_AS((void)code_stance(*store, coding),
                         doctest::Contains("claim: no proposition has the id \"Ruslandd\", and as a topic: unknown "
                                           "topic \"Ruslandd\""),
                         not_found_error);
    coding = typed("De minister sprak over Rusland.");
    coding.document = "reportt";
    CHECK_THROWS_WITH_AS((void)code_stance(*store, coding),
                         doctest::Contains("document: unknown document \"reportt\": add it with stance add-document "
                                           "FILE --id ID; closest: report"),
                         not_found_error);
}

TEST_CASE("every problem of one coding is reported at once") {
    auto store = seeded_store();
    StanceCoding coding;
    coding.document = "report";
    coding.actor = "nowhere-land";
    coding.position = "suport";
    coding.confidence = "high";
    coding.basis = "rumour";
    coding.quote = "De minister sprak over Rusland.";
    const std::size_t before = stance_count(*store);
    const CodingRun run = code_stances(*store, std::span(&coding, 1));
    CHECK_FALSE(run.written);
    std::vector<std::string> fields;
    for (const CodingProblem& problem : run.problems.at(0)) {
        fields.push_back(problem.field);
    }
    CHECK(fields == std::vector<std::string>{"actor", "claim", "position", "meeting", "basis", "confidence"});
    CHECK(run.problems[0][2].message ==
          "\"suport\" is not a position: use one of support, oppose, abstain, neutral, concern, conditional, "
          "no_position, absent, not_member");
    CHECK(stance_count(*store) == before);
}

TEST_CASE("the same stance coded twice is refused, not stored twice; an agenda item of another meeting is refused") {
    auto store = seeded_store();
    const StanceCoding coding = typed("De minister sprak over Rusland.");
    (void)code_stance(*store, coding);
    CHECK_THROWS_WITH_AS((void)code_stance(*store, coding),
                         doctest::Contains("id: stance \"nld.russia.report.0\" is already stored (the same actor and "
                                           "claim at the same place of the document)"),
                         invalid_input_error);
    StanceCoding elsewhere = typed("De minister sprak over Rusland.");
    elsewhere.id = "elsewhere";
    elsewhere.agenda_item = "nrc-2017-03-30-1-ukraine";
    CHECK_THROWS_WITH_AS((void)code_stance(*store, elsewhere),
                         doctest::Contains("agenda item \"nrc-2017-03-30-1-ukraine\" belongs to meeting "
                                           "\"nrc-2017-03-30\", not \"nac-fm-2017-03-31\""),
                         invalid_input_error);
}

TEST_CASE("a batch with one bad coding writes none of them") {
    auto store = seeded_store();
    std::vector<StanceCoding> batch{typed("De minister sprak over Rusland."), typed("Nederland heeft ook onderstreept"),
                                    typed("niet in de tekst")};
    const std::size_t before = stance_count(*store);
    const CodingRun run = code_stances(*store, batch);
    CHECK_FALSE(run.written);
    CHECK(run.problems[0].empty());
    CHECK(run.problems[1].empty());
    CHECK(run.problems[2].size() == 1);
    CHECK(stance_count(*store) == before);
    batch.pop_back();
    CHECK(code_stances(*store, batch).written);
    CHECK(stance_count(*store) == before + 2);
}

TEST_CASE("the write rules still apply: a speaker who spoke for another state is refused") {
    auto store = seeded_store();
    StanceCoding coding = typed("De minister sprak over Rusland.");
    coding.speaker = "tillerson";
    CHECK_THROWS_WITH_AS((void)code_stance(*store, coding),
                         doctest::Contains("speaker \"tillerson\" held no role representing \"nld\""),
                         invalid_input_error);
}

TEST_CASE("two coders code the same sentence: the second gets an id with its coder's name, and each may not code "
          "it twice") {
    auto store = seeded_store();
    StanceCoding ana = typed("De minister sprak over Rusland.");
    ana.coder = "ana";
    StanceCoding bram = ana;
    bram.coder = "Bram V.";
    CHECK(code_stance(*store, ana).stance.id.str() == "nld.russia.report.0");
    const CodedStance second = code_stance(*store, bram);
    CHECK(second.stance.id.str() == "nld.russia.report.0.by-bram-v-");
    CHECK(second.stance.coder == "Bram V.");
    CHECK(is_valid_id(second.stance.id.str()));
    CHECK_THROWS_AS((void)code_stance(*store, ana), invalid_input_error);
    CHECK_THROWS_WITH_AS((void)code_stance(*store, bram), doctest::Contains("nld.russia.report.0.by-bram-v-"),
                         invalid_input_error);
    CHECK(store->stance(StanceId{"nld.russia.report.0"})->coder == "ana");
}

TEST_CASE("generated ids are readable and stay within the id length") {
    CHECK(generated_stance_id(ActorId{"nld"}, "russia", DocumentId{"report"}, 7829).str() == "nld.russia.report.7829");
    const StanceId long_id = generated_stance_id(ActorId{"nld"}, std::string(200, 'c'), DocumentId{"report"}, 12);
    CHECK(long_id.str().size() == max_id_length);
    CHECK(long_id.str().ends_with(".report.12"));
    CHECK(is_valid_id(long_id.str()));
}
