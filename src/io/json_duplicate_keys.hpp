// Finding a key that appears twice in one JSON object. Boost.JSON keeps the last of them, so a
// dataset could say "score": 5 and "score": 0.5 and only the second would be seen, or drop a whole
// first "actors" list: the reader refuses such a file instead of guessing which one was meant.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stance::detail {

/// The JSON path of the first repeated key in `json` (for example `$.stances[3].score`), or nothing.
/// `json` must already be known to parse; text that does not is reported as having no duplicate.
[[nodiscard]] std::optional<std::string> first_duplicate_key(std::string_view text);

} // namespace stance::detail
