// Checking, and on request repairing, the source spans of a dataset's stances from their quotes:
// what `stance locate DATASET --fix` does. A coder writes the quote; stance finds the span, in the
// stance's own document (`source.document`) or, when the stance names none, in whichever document
// of the file holds the quote.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/dataset.hpp"

namespace stance {

enum class SpanStatus : unsigned char {
    ok,        ///< The span holds the quote (up to runs of white space, the importer's rule).
    fixed,     ///< The span was missing or wrong and was set from the quote.
    needs_fix, ///< The span is missing or wrong and the quote is found: `--fix` would set it.
    failed,    ///< The span is missing or wrong and the quote cannot be placed (not found, ambiguous, empty).
    skipped,   ///< Nothing to check: no quote, or a document that is not in the file.
};

struct SpanCheck {
    std::size_t index = 0; ///< Position in `dataset.stances`.
    StanceId stance;
    SpanStatus status = SpanStatus::ok;
    std::optional<SourceSpan> before; ///< The span as it was.
    std::optional<SourceSpan> after;  ///< The span it has (or would have) now.
    std::string message;              ///< Why, for anything but ok: what is wrong and what to do.
};

struct SpanReport {
    std::vector<SpanCheck> checks;
    [[nodiscard]] std::size_t count(SpanStatus status) const;
};

/// Checks every stance with a quote against the documents of `dataset` (their texts must be loaded,
/// as parse_dataset does). With `fix`, a missing or wrong span is replaced by the span where the
/// quote is found, and the quote by the exact text of that span (so a quote typed with straight
/// apostrophes is stored as the document writes it). A span that holds its quote is never moved.
[[nodiscard]] SpanReport check_spans(Dataset& dataset, bool fix);

/// True when `span` lies in `text` on character boundaries and its text equals `quote` up to runs of
/// white space (the importer's rule, docs/dataset-format.md).
[[nodiscard]] bool span_holds_quote(std::string_view text, const SourceSpan& span, std::string_view quote);

} // namespace stance
