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
    /// The file's length in bytes (after decompression), read once per document; nothing when it
    /// cannot be read here.
    std::optional<std::uint64_t> length_of(const Document& document, const ConfinedPath& file);

    const DocumentFolders* m_folders;
    std::unordered_map<std::string, std::optional<std::uint64_t>> m_lengths;
};

} // namespace stance::detail
