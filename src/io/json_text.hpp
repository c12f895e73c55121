// Parsing a dataset's text as JSON: a byte order mark skipped, nesting bounded, a bad byte or a
// repeated key reported as what it is, at its line and column (characters, not bytes). Internal.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace stance::detail {

/// The JSON value of `text`; throws invalid_input_error at "source:line:column" or at the repeated
/// key's JSON path.
[[nodiscard]] boost::json::value parse_json(std::string_view text, const std::string& source);

} // namespace stance::detail
