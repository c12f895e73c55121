// Matching names across languages: "Oekraïne", "OEKRAINE" and "oekraine" are the same key.
#pragma once

#include <string>
#include <string_view>

namespace stance {

/// A matching key for `text`: Unicode case folding and removal of accents (canonical decomposition,
/// nonspacing marks dropped), through ICU. Punctuation and spaces are kept, runs of white space
/// collapse to one space.
[[nodiscard]] std::string fold_for_matching(std::string_view text);

} // namespace stance
