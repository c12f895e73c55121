// Whether a stance's byte span and quote fit a document's text: used when a dataset is validated
// and when `stance check` re-verifies a store.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "stance/model/document.hpp"

namespace stance::detail {

/// What is wrong with a span: the key of the span at fault ("start", "end") and the explanation.
struct SpanProblem {
    std::string key;
    std::string what;
};

/// Whether a message may show the document's own bytes: only when they are the user's own input
/// (the text is inline in the dataset being read). Otherwise a message says where the quote and
/// the span part, in terms of the quote, and shows nothing of the document.
enum class ShowText : std::uint8_t { no, yes };

/// What is wrong with `span` as a pointer into `text` for `quote`; nothing when it is sound.
[[nodiscard]] std::optional<SpanProblem> span_problem(std::string_view text, const SourceSpan& span,
                                                      const std::string& quote, ShowText show);

/// Whether `spanned` (bytes of the source) holds `quote`, white space collapsed in both; when not,
/// the explanation in the terms of span_problem.
[[nodiscard]] std::optional<SpanProblem> quote_problem(std::string_view spanned, const SourceSpan& span,
                                                       const std::string& quote, ShowText show);

/// At most the first 160 characters of `text` (never splitting one), so a message stays readable.
[[nodiscard]] std::string excerpt(std::string_view text);

} // namespace stance::detail
