// Adding a source text to a store as a Document, so that stances can be coded by quote against it
// (`stance add-document`, docs/coding.md). The text is stored whole with its SHA-256; it must be
// text a quote can be typed to match: valid UTF-8, in Unicode NFC, and without characters that
// cannot be seen. A refusal says where (line and column) and what to do, and writes nothing.
#pragma once

#include <string>
#include <string_view>

#include "stance/model/document.hpp"

namespace stance {

class Store;

/// Throws invalid_input_error at "`name`:line:column" when `text` is not UTF-8, not in NFC or holds
/// an invisible character (text/normalize.hpp, first_text_fault). `name` is how the message names it.
void check_document_text(std::string_view text, std::string_view name);

/// What happened to the document.
enum class DocumentAdded : unsigned char {
    added,   ///< A new document.
    updated, ///< The id was stored with the same text; the title, date and the rest were updated.
};

/// Writes `document` (its `text` set, its `sha256` computed here) in one transaction through the
/// store's checked write path. An id already stored with another text is refused: stances may
/// point into that text, so it is never replaced (give the new text another id).
DocumentAdded add_document(Store& store, Document document);

} // namespace stance
