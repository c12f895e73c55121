// One JSON layout for everything stance writes: two-space indentation, arrays of scalars on one
// line, doubles in their shortest round-trip form with ".0" kept on whole numbers (so a score reads
// back as a number of the same kind), non-finite numbers as null. Internal: the public API returns
// strings, so Boost.JSON types stay out of the public headers.
#pragma once

#include <string>

#include <boost/json/value.hpp>

namespace stance::detail {

[[nodiscard]] std::string pretty_json(const boost::json::value& value);
/// The same values on one line without spaces (what the history records).
[[nodiscard]] std::string compact_json(const boost::json::value& value);

} // namespace stance::detail
