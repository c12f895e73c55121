// Whether each stance's span holds its quote: checked against the document's text in the file or
// the database, or against the referenced file when the text is not stored.
#include <unordered_map>

#include "io/dataset_checks.hpp"
#include "io/referenced_spans.hpp"
#include "io/span_check.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

#include <fmt/format.h>

namespace stance::detail {

namespace {

/// Checks each stance's span against its document: the text when it is stored, the file when the
/// text is only referenced.
class SpanChecker {
public:
    SpanChecker(const Dataset& dataset, const Store* store, const DocumentFolders* folders)
        : m_store(store), m_referenced(folders) {
        for (const Document& document : dataset.documents) {
            m_in_file.emplace(document.id.str(), &document);
        }
    }

    void check(const Stance& stance, std::size_t index, const std::string& source) {
        const SourceSpan& span = *stance.source;
        std::optional<Document> stored;
        const Document* document = nullptr;
        if (auto found = m_in_file.find(span.document.str()); found != m_in_file.end()) {
            document = found->second;
        } else if (m_store != nullptr && (stored = m_store->document(span.document))) {
            document = &*stored;
        }
        if (!document) {
            return; // reported as an unknown reference
        }
        // A text written inline in this very file is the user's own input and may be quoted back;
        // a text read from a file or from the database is not shown.
        const ShowText show = stored || !document->path.empty() ? ShowText::no : ShowText::yes;
        const std::optional<SpanProblem> problem = document->text.empty()
                                                       ? m_referenced.problem(*document, span, stance.quote)
                                                       : span_problem(document->text, span, stance.quote, show);
        if (problem) {
            throw invalid_input_error(fmt::format("{}: $.stances[{}].source.{}", source, index, problem->key),
                                      problem->what);
        }
    }

private:
    std::unordered_map<std::string, const Document*> m_in_file;
    const Store* m_store;
    ReferencedSources m_referenced;
};

} // namespace

void check_spans(const Dataset& dataset, const std::string& source, const Store* store,
                 const DocumentFolders* folders) {
    SpanChecker spans(dataset, store, folders);
    for (std::size_t i = 0; i < dataset.stances.size(); ++i) {
        if (dataset.stances[i].source) {
            spans.check(dataset.stances[i], i, source);
        }
    }
}

} // namespace stance::detail
