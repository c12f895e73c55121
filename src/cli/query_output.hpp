// Text and CSV renderings of the query results (JSON comes from the library: stance/query/json.hpp).
// The text form is meant to be pasted into a memo: dated entries, the source words wrapped, where
// they come from, the English paraphrase, direct and inherited positions apart, then the shifts.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "stance/query/compare.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/snapshot.hpp"

namespace stance::cli {

/// Document id → a one-line description ("title, author"), for the "Sources" footer.
using SourceTitles = std::map<std::string, std::string>;

void print_evolution_text(std::ostream& out, const Evolution& evolution, const SourceTitles& sources);
void print_evolution_csv(std::ostream& out, const Evolution& evolution);

void print_snapshot_text(std::ostream& out, const Snapshot& snapshot, const SourceTitles& sources);
void print_snapshot_csv(std::ostream& out, const Snapshot& snapshot);

void print_comparison_text(std::ostream& out, const Comparison& comparison, const SourceTitles& sources);
void print_comparison_csv(std::ostream& out, const Comparison& comparison);

/// `text` cut to `limit` characters (not bytes), the cut marked with an ellipsis.
[[nodiscard]] std::string truncated(const std::string& text, std::size_t limit);
// Pieces of the text form that the Markdown form (query_markdown.hpp) shares.
/// "support (+1.00)", or the kind alone for a non-position ("absent").
[[nodiscard]] std::string position_text(const Stance& stance);
/// "+0.50 toward \"deterrence\""; empty when the stance is not on a scale.
[[nodiscard]] std::string scale_text(const std::optional<ScalePlace>& place);
/// "support (+1.00): <claim>": the kind always next to what it is a position on.
[[nodiscard]] std::string position_on_claim(const ActorStance& point);
/// "document, bytes [start, end), page n", or that none was recorded.
[[nodiscard]] std::string span_text(const std::optional<SourceSpan>& source);
/// One line saying what moved between the two sides of a shift.
[[nodiscard]] std::string shift_line(const Shift& shift, bool aggregated);

/// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
[[nodiscard]] std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

} // namespace stance::cli
