// Checking and repairing a dataset's spans from its quotes (see fix_spans.hpp). One MatchKey per
// document, built on first use, so a file with many stances searches each text's key once.
#include "stance/coding/fix_spans.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "io/span_check.hpp"
#include "stance/coding/locate_quote.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

namespace {

/// The documents of the file, each with its search key built when first needed.
class DocumentKeys {
public:
    explicit DocumentKeys(const std::vector<Document>& documents) {
        for (const Document& document : documents) {
            m_documents.emplace(document.id.str(), &document);
        }
    }

    [[nodiscard]] const Document* find(const DocumentId& id) const {
        const auto found = m_documents.find(id.str());
        return found == m_documents.end() ? nullptr : found->second;
    }

    [[nodiscard]] const MatchKey& key(const Document& document) {
        auto& slot = m_keys[document.id.str()];
        if (!slot) {
            slot = std::make_unique<MatchKey>(document.text);
        }
        return *slot;
    }

    [[nodiscard]] const std::map<std::string, const Document*>& all() const { return m_documents; }

private:
    std::map<std::string, const Document*> m_documents;
    std::map<std::string, std::unique_ptr<MatchKey>> m_keys;
};

struct Placement {
    std::optional<SourceSpan> span;
    std::string problem; ///< Why there is no span.
};

Placement place_in(DocumentKeys& keys, const Document& document, const std::string& quote) {
    const QuoteSearch search = locate_quote(keys.key(document), quote);
    if (search.outcome != QuoteOutcome::found) {
        return {std::nullopt, search.explain(document.id.str())};
    }
    return {SourceSpan{document.id, search.places[0].start, search.places[0].end, std::nullopt}, ""};
}

/// A stance that names no document: the quote must be found once in exactly one document of the file.
Placement place_anywhere(DocumentKeys& keys, const std::string& quote) {
    Placement only;
    std::vector<std::string> holding;
    std::string last_problem = "the file holds no document to search";
    for (const auto& [id, document] : keys.all()) {
        Placement attempt = place_in(keys, *document, quote);
        if (attempt.span) {
            holding.push_back(id);
            only = attempt;
        } else {
            last_problem = attempt.problem;
        }
    }
    if (holding.size() > 1) {
        return {std::nullopt, fmt::format("the quote is found in {} documents ({}); give the stance a source with "
                                          "the document, e.g. \"source\": {{\"document\": \"{}\", \"start\": 0, "
                                          "\"end\": 0}}",
                                          holding.size(), fmt::join(holding, ", "), holding.front())};
    }
    if (holding.empty()) {
        return {std::nullopt, keys.all().size() == 1 ? last_problem
                                                     : "the quote is in none of the file's documents (the last "
                                                       "searched says: " +
                                                           last_problem + ")"};
    }
    return only;
}

std::string describe(const std::optional<SourceSpan>& span) {
    return span ? fmt::format("[{}, {})", span->start, span->end) : "no span";
}

SpanCheck check_one(Stance& stance, std::size_t index, DocumentKeys& keys, bool fix) {
    SpanCheck check{index, stance.id, SpanStatus::ok, stance.source, stance.source, ""};
    if (stance.quote.empty()) {
        check.status = SpanStatus::skipped;
        check.message = "no quote to check the span against";
        return check;
    }
    const Document* document = stance.source ? keys.find(stance.source->document) : nullptr;
    if (stance.source && document == nullptr) {
        check.status = SpanStatus::skipped;
        check.message = fmt::format("document \"{}\" is not in this file; the import checks the span against the "
                                    "database",
                                    stance.source->document.str());
        return check;
    }
    if (document && span_holds_quote(document->text, *stance.source, stance.quote)) {
        return check;
    }
    Placement placement = document ? place_in(keys, *document, stance.quote) : place_anywhere(keys, stance.quote);
    const std::string was = stance.source ? fmt::format("the span {} does not hold the quote", describe(stance.source))
                                          : std::string("no source span");
    if (!placement.span) {
        check.status = SpanStatus::failed;
        check.message = fmt::format("{}; {}", was, placement.problem);
        return check;
    }
    if (stance.source) {
        placement.span->page = stance.source->page;
    }
    check.after = placement.span;
    check.message =
        fmt::format("{}; the quote is at {} of \"{}\"", was, describe(placement.span), placement.span->document.str());
    if (!fix) {
        check.status = SpanStatus::needs_fix;
        return check;
    }
    const Document& holder = *keys.find(placement.span->document);
    stance.source = placement.span;
    stance.quote = holder.text.substr(placement.span->start, placement.span->end - placement.span->start);
    check.status = SpanStatus::fixed;
    return check;
}

} // namespace

bool span_holds_quote(std::string_view text, const SourceSpan& span, std::string_view quote) {
    // The importer's own check, so `stance locate` and `stance import` never disagree about a span.
    return span.start <= span.end && !quote.empty() &&
           !detail::span_problem(text, span, std::string(quote), detail::ShowText::no);
}

std::size_t SpanReport::count(SpanStatus status) const {
    std::size_t n = 0;
    for (const SpanCheck& check : checks) {
        n += check.status == status ? 1 : 0;
    }
    return n;
}

SpanReport check_spans(Dataset& dataset, bool fix) {
    SpanReport report;
    DocumentKeys keys(dataset.documents);
    for (std::size_t i = 0; i < dataset.stances.size(); ++i) {
        report.checks.push_back(check_one(dataset.stances[i], i, keys, fix));
    }
    return report;
}

} // namespace stance
