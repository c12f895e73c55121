// Adding a source text as a document (see add_document.hpp).
#include "stance/coding/add_document.hpp"

#include <fmt/format.h>

#include "stance/coding/locate_quote.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "stance/text/normalize.hpp"
#include "stance/text/utf8.hpp"

namespace stance {

namespace {

std::string where(std::string_view name, std::string_view text, std::size_t offset) {
    const QuotePlace place = place_of(text, offset, offset);
    return fmt::format("{}:{}:{}", name, place.line, place.column);
}

} // namespace

void check_document_text(std::string_view text, std::string_view name) {
    if (const std::optional<std::size_t> bad = first_invalid_utf8(text)) {
        // The column counts the characters before the bad byte, which are valid.
        throw invalid_input_error(where(name, text.substr(0, *bad), *bad),
                                  "not valid UTF-8 here; convert the file to UTF-8 first (iconv -f ENCODING -t UTF-8)");
    }
    if (const std::optional<TextFault> fault = first_text_fault(text)) {
        throw invalid_input_error(where(name, text, fault->offset),
                                  fmt::format("{}: {}, and add the document again", fault->what, fault->fix));
    }
}

DocumentAdded add_document(Store& store, Document document) {
    check_document_text(document.text, document.id.str());
    document.sha256 = sha256_hex(document.text);
    document.path.clear();
    const std::unique_ptr<ImportSession> session = store.begin_import();
    const std::optional<Document> stored = store.document(document.id);
    if (stored && stored->sha256 != document.sha256) {
        throw invalid_input_error(
            fmt::format("document \"{}\"", document.id.str()),
            "is already stored with another text; stances may point into that text, so it is never replaced: give "
            "the new text another --id");
    }
    session->put(document);
    session->commit();
    return stored ? DocumentAdded::updated : DocumentAdded::added;
}

} // namespace stance
