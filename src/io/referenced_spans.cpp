// Reading referenced source files (possibly gzip'd) to check spans, within the allowed folders.
#include "io/referenced_spans.hpp"

#include <vector>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/csv.hpp"
#include "stance/io/source_bytes.hpp"

namespace stance::detail {

const ReferencedSources::Readable& ReferencedSources::readable(const Document& document) {
    auto [cached, inserted] = m_readable.try_emplace(document.id.str());
    if (!inserted) {
        return cached->second;
    }
    Readable& readable = cached->second;
    readable.file = m_folders ? m_folders->resolve(document.path) : std::nullopt;
    std::error_code ec;
    if (!readable.file || !std::filesystem::is_regular_file(readable.file->full(), ec)) {
        return readable; // a fifo or a device would block or never end
    }
    try {
        auto source = open_data_file(readable.file->full());
        std::vector<char> buffer(std::size_t{1} << 16);
        std::uint64_t length = 0;
        while (const std::size_t count = source->read(buffer.data(), buffer.size())) {
            length += count;
        }
        readable.length = length;
    } catch (const error&) {
        readable.length = std::nullopt; // unreadable here: treated like a file outside the folders
    }
    return readable;
}

std::optional<SpanProblem> ReferencedSources::problem(const Document& document, const SourceSpan& span,
                                                      const std::string& quote) {
    const auto& [file, length] = readable(document);
    if (!length) {
        if (quote.empty()) {
            return std::nullopt; // a bare span claims no words; it is kept as provenance
        }
        return SpanProblem{"document",
                           fmt::format("document \"{}\" keeps no text and its file is not in a folder this import may "
                                       "read, so the quote cannot be checked against bytes [{}, {}); allow the "
                                       "folder that holds the file (--allow-documents-under DIR), or drop the quote",
                                       document.id.str(), span.start, span.end)};
    }
    if (span.end > *length) {
        return SpanProblem{"end", fmt::format("{} is past the end of document \"{}\" ({} bytes)", span.end,
                                              document.id.str(), *length)};
    }
    if (quote.empty()) {
        return std::nullopt;
    }
    return quote_problem(read_source_bytes(file->full(), span.start, span.end), span, quote, ShowText::no);
}

} // namespace stance::detail
