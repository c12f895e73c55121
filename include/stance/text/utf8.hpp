// UTF-8 checks for source texts and byte spans, on top of ICU's decoding macros.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <unicode/utf8.h>

namespace stance {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or truncated sequences).
[[nodiscard]] inline bool is_valid_utf8(std::string_view text) noexcept {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t offset = 0;
    while (offset < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c < 0) {
            return false;
        }
    }
    return true;
}

/// True when byte `offset` starts a character (or is the end): a span must not split a character.
[[nodiscard]] inline bool is_char_boundary(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size()) {
        return offset == text.size();
    }
    return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

} // namespace stance
