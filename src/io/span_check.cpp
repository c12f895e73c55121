// Checking spans and quotes against source text without putting the source into the message.
#include "io/span_check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stance/io/dataset_json.hpp"
#include "stance/text/utf8.hpp"

namespace stance::detail {

namespace {

/// The number of characters of `text` before byte `offset`.
std::size_t characters_before(std::string_view text, std::size_t offset) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        count += is_char_boundary(text, i) ? 1U : 0U;
    }
    return count;
}

} // namespace

std::string excerpt(std::string_view text) {
    constexpr std::size_t limit = 160;
    std::size_t end = 0;
    std::size_t characters = 0;
    while (end < text.size() && characters < limit) {
        ++end;
        while (end < text.size() && !is_char_boundary(text, end)) {
            ++end;
        }
        ++characters;
    }
    return end < text.size() ? std::string(text.substr(0, end)) + "…" : std::string(text);
}

std::optional<SpanProblem> quote_problem(std::string_view spanned_bytes, const SourceSpan& span,
                                         const std::string& quote, ShowText show) {
    const std::string spanned = collapse_whitespace(spanned_bytes);
    const std::string wanted = collapse_whitespace(quote);
    if (spanned == wanted) {
        return std::nullopt;
    }
    if (show == ShowText::yes) {
        return SpanProblem{"start", fmt::format("the span [{}, {}) reads \"{}\", not the quote; fix the offsets "
                                                "(stance locate DATASET --fix sets them from the quotes)",
                                                span.start, span.end, excerpt(spanned))};
    }
    const auto differ = std::mismatch(wanted.begin(), wanted.end(), spanned.begin(), spanned.end());
    const auto at = static_cast<std::size_t>(differ.first - wanted.begin());
    const std::string where = at >= wanted.size()
                                  ? "the span holds more than the quote"
                                  : fmt::format("they part at character {} of the quote (white space collapsed)",
                                                characters_before(wanted, at) + 1);
    return SpanProblem{"start", fmt::format("the span [{}, {}) does not hold the quote: {}; fix the offsets "
                                            "(stance locate DATASET --fix sets them from the quotes)",
                                            span.start, span.end, where)};
}

std::optional<SpanProblem> span_problem(std::string_view text, const SourceSpan& span, const std::string& quote,
                                        ShowText show) {
    if (span.end > text.size()) {
        return SpanProblem{"end", fmt::format("{} is past the end of document \"{}\" ({} bytes)", span.end,
                                              span.document.str(), text.size())};
    }
    if (!is_char_boundary(text, span.start)) {
        return SpanProblem{"start", fmt::format("{} falls inside a UTF-8 character of \"{}\"; offsets count bytes and "
                                                "must start a character",
                                                span.start, span.document.str())};
    }
    if (!is_char_boundary(text, span.end)) {
        return SpanProblem{"end",
                           fmt::format("{} falls inside a UTF-8 character of \"{}\"", span.end, span.document.str())};
    }
    if (quote.empty()) {
        return std::nullopt;
    }
    return quote_problem(text.substr(span.start, span.end - span.start), span, quote, show);
}

} // namespace stance::detail
