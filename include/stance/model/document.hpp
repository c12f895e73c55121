// Source texts: every stance points into one of these by byte span, so its quote can always be shown.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"

namespace stance {

struct Document {
    DocumentId id{};
    std::string title{};
    std::string language{}; ///< BCP 47 ("nl", "en").
    std::optional<Date> date{};
    std::string author{};
    std::string origin{}; ///< Where the text comes from (a URL, an archive reference, a data set).
    std::string sha256{}; ///< Hex SHA-256 of the UTF-8 text, lowercase.
    /// The full UTF-8 text. Empty when the text is only referenced through `path` (large data files).
    std::string text{};
    /// Where the text lives when it is not stored (relative to the dataset or absolute).
    std::string path{};

    friend bool operator==(const Document&, const Document&) = default;
};

/// A half-open byte range `[start, end)` of a document's UTF-8 text, with an optional page number.
struct SourceSpan {
    DocumentId document{};
    std::size_t start = 0;
    std::size_t end = 0;
    std::optional<int> page{};

    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

} // namespace stance
