// check_spans: spans checked against quotes and, with fix, set from them, in files with one or
// several documents.
#include <doctest/doctest.h>

#include "stance/coding/fix_spans.hpp"

using namespace stance;

namespace {

Document document(const std::string& id, const std::string& text) {
    Document d;
    d.id = DocumentId{id};
    d.text = text;
    return d;
}

Stance stance_quoting(const std::string& id, const std::string& quote, std::optional<SourceSpan> source = {}) {
    Stance s;
    s.id = StanceId{id};
    s.quote = quote;
    s.source = std::move(source);
    return s;
}

Dataset two_documents() {
    Dataset dataset;
    dataset.documents = {document("speech", "We condemn the attack. You won’t divide us."),
                         document("letter", "Nederland steunt het voorstel.\nDe EU ook.")};
    return dataset;
}

} // namespace

TEST_CASE("a span that holds its quote is kept as it is") {
    Dataset dataset = two_documents();
    dataset.stances = {stance_quoting("a", "We condemn the attack.", SourceSpan{DocumentId{"speech"}, 0, 22, 3})};
    const SpanReport report = check_spans(dataset, true);
    CHECK(report.checks.at(0).status == SpanStatus::ok);
    CHECK(dataset.stances[0].source == SourceSpan{DocumentId{"speech"}, 0, 22, 3});
}

TEST_CASE("without fix a wrong span is reported with where the quote is, and nothing changes") {
    Dataset dataset = two_documents();
    dataset.stances = {stance_quoting("a", "You won't divide us.", SourceSpan{DocumentId{"speech"}, 0, 5, {}})};
    const Dataset before = dataset;
    const SpanReport report = check_spans(dataset, false);
    CHECK(report.checks.at(0).status == SpanStatus::needs_fix);
    CHECK(report.checks[0].message ==
          "the span [0, 5) does not hold the quote; the quote is at [23, 45) of \"speech\"");
    CHECK(dataset == before);
}

TEST_CASE("fix sets the span in the stance's own document, keeps the page and stores the exact text") {
    Dataset dataset = two_documents();
    dataset.stances = {stance_quoting("a", "You won't divide us.", SourceSpan{DocumentId{"speech"}, 0, 5, 2})};
    const SpanReport report = check_spans(dataset, true);
    CHECK(report.checks.at(0).status == SpanStatus::fixed);
    CHECK(dataset.stances[0].source == SourceSpan{DocumentId{"speech"}, 23, 45, 2});
    CHECK(dataset.stances[0].quote == "You won’t divide us.");
    CHECK(report.count(SpanStatus::fixed) == 1);
}

TEST_CASE("a stance without a source is searched in every document of the file") {
    Dataset dataset = two_documents();
    dataset.stances = {stance_quoting("a", "nederland steunt het voorstel"), stance_quoting("b", "de EU ook")};
    const SpanReport report = check_spans(dataset, true);
    CHECK(report.count(SpanStatus::fixed) == 2);
    CHECK(dataset.stances[0].source == SourceSpan{DocumentId{"letter"}, 0, 29, {}});
    CHECK(dataset.stances[1].source->document == DocumentId{"letter"});
}

TEST_CASE("a quote in two documents, or in none, is not placed and says why") {
    Dataset dataset;
    dataset.documents = {document("one", "Wij steunen dit."), document("two", "Wij steunen dit ook.")};
    dataset.stances = {stance_quoting("a", "Wij steunen dit"), stance_quoting("b", "Zij steunen dat")};
    const SpanReport report = check_spans(dataset, true);
    CHECK(report.checks.at(0).status == SpanStatus::failed);
    CHECK(report.checks[0].message.find("the quote is found in 2 documents (one, two); give the stance a source "
                                        "with the document") != std::string::npos);
    CHECK(report.checks.at(1).status == SpanStatus::failed);
    CHECK(report.checks[1].message.find("in none of the file's documents") != std::string::npos);
    CHECK(!dataset.stances[0].source);
}

TEST_CASE("stances without a quote, or pointing at a document not in the file, are skipped") {
    Dataset dataset = two_documents();
    dataset.stances = {stance_quoting("a", ""),
                       stance_quoting("b", "x", SourceSpan{DocumentId{"elsewhere"}, 0, 1, {}})};
    const SpanReport report = check_spans(dataset, true);
    CHECK(report.count(SpanStatus::skipped) == 2);
    CHECK(report.checks[1].message.find("document \"elsewhere\" is not in this file") != std::string::npos);
}

TEST_CASE("span_holds_quote is the importer's rule") {
    const std::string text = "Tweede zin met\nregelovergang.";
    CHECK(span_holds_quote(text, SourceSpan{DocumentId{"d"}, 0, text.size(), {}}, "Tweede zin met regelovergang."));
    CHECK_FALSE(span_holds_quote(text, SourceSpan{DocumentId{"d"}, 0, text.size() + 1, {}}, "x"));
    CHECK(span_holds_quote("Oekraïne", SourceSpan{DocumentId{"d"}, 0, 5, {}}, "Oekra"));
    CHECK_FALSE(span_holds_quote("Oekraïne", SourceSpan{DocumentId{"d"}, 0, 6, {}}, "Oekra")); // inside the ï
}
