// XML escaping (src/network/xml_text.hpp). Decoding uses ICU's U8_NEXT, as stance/text/utf8.hpp does,
// so malformed UTF-8 (overlong forms, surrogates, truncated sequences) is caught the same way.
#include "xml_text.hpp"

#include <cstdint>

#include <unicode/utf8.h>

namespace stance::detail {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD

/// The escape of a character markup would misread, or nothing.
std::string_view escape_of(UChar32 c) {
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    case '\t': return "&#9;"; // as references, so that attribute-value normalisation keeps them
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    default: return {};
    }
}

/// XML 1.0's Char production, for what U8_NEXT can return (never a surrogate).
bool allowed_in_xml(UChar32 c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : false;
}

} // namespace

std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t offset = 0;
    while (offset < length) {
        const std::int32_t start = offset;
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (const std::string_view escape = escape_of(c); !escape.empty()) {
            out += escape;
        } else if (c < 0 || !allowed_in_xml(c)) {
            out += replacement;
        } else {
            out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(offset - start)));
        }
    }
    return out;
}

} // namespace stance::detail
