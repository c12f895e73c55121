// Text for an XML 1.0 document: every character escaped that would end or change markup, and the
// characters XML 1.0 cannot hold at all replaced, so that a name in any script or a hostile one
// (quotes, angle brackets, control characters, broken UTF-8) yields a well-formed file.
#pragma once

#include <string>
#include <string_view>

namespace stance::detail {

/// For element content and for attribute values in double or single quotes: & < > " ' escaped; tab,
/// line feed and carriage return as character references (an attribute keeps them as written);
/// other C0 controls, U+FFFE, U+FFFF and bytes that are not UTF-8 become U+FFFD.
[[nodiscard]] std::string xml_text(std::string_view text);

} // namespace stance::detail
