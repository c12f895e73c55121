// Spans into documents whose text the database does not hold (a UN vote table is referenced by
// path, not copied). Such a span is checked against the file when the file lies in a folder the
// import may read; a quote that cannot be checked that way is refused, so no invented quote can
// hide behind a document nobody reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "io/document_folders.hpp"
#include "io/span_check.hpp"
#include "stance/model/document.hpp"

namespace stance::detail {

class ReferencedSources {
public:
    /// `folders` says which files may be read; nullptr: none (every quote is then unverifiable).
    explicit ReferencedSources(const DocumentFolders* folders) : m_folders(folders) {}

    /// What is wrong with `span` and `quote` on `document` (text not stored, `path` set).
    [[nodiscard]] std::optional<SpanProblem> problem(const Document& document, const SourceSpan& span,
                                                     const std::string& quote);

private:
    /// A referenced file as far as this import can read it: where it is, and its length in bytes
    /// after decompression; no length when it is outside the folders or unreadable.
    struct Readable {
        std::optional<ConfinedPath> file;
        std::optional<std::uint64_t> length;
    };

    /// Resolved and measured once per document: a table referenced by a million vote stances is
    /// read once, not a million times.
    const Readable& readable(const Document& document);

    const DocumentFolders* m_folders;
    std::unordered_map<std::string, Readable> m_readable;
};

} // namespace stance::detail
