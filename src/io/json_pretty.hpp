// One JSON layout for everything stance writes: two-space indentation, arrays of scalars on one
// line, doubles in their shortest round-trip form with ".0" kept on whole numbers (so a score reads
// back as a number of the same kind), non-finite numbers as null. Internal: the public API returns
// strings, so Boost.JSON types stay out of the public headers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

namespace stance::detail {

[[nodiscard]] std::string pretty_json(const boost::json::value& value);
/// The same values on one line without spaces (what the history records).
[[nodiscard]] std::string compact_json(const boost::json::value& value);

/// Appends `value` laid out as pretty_json does, as if it stood `indent` levels deep in a larger
/// document: the pieces of a document written one at a time (the streaming export).
void append_pretty_json(std::string& out, const boost::json::value& value, int indent);

/// The pieces of that layout, for writers that lay out values without building them first (the
/// export's entities, entity_writer.hpp): a string with Boost.JSON's escapes, a double in the
/// shortest form with ".0" on whole numbers (null when not finite), an integer, and a new line
/// `indent` levels in.
void append_json_string(std::string& out, std::string_view text);
void append_json_number(std::string& out, double number);
void append_json_integer(std::string& out, std::int64_t number);
void append_json_integer(std::string& out, std::uint64_t number);
void append_json_newline(std::string& out, int indent);

/// A query figure rounded to four decimals, as every query result prints them; null when there is none.
[[nodiscard]] boost::json::value rounded_or_null(const std::optional<double>& value);

} // namespace stance::detail
