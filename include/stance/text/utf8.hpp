// UTF-8 checks for source texts and byte spans, on top of ICU's decoding macros.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <unicode/utf8.h>

namespace stance {

/// The offset of the first byte that is not part of well-formed UTF-8 (an overlong form, a
/// surrogate, a truncated sequence), or nothing.
[[nodiscard]] inline std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    std::int32_t offset = 0;
    while (offset < length) {
        const std::int32_t start = offset;
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c < 0) {
            return static_cast<std::size_t>(start);
        }
    }
    return std::nullopt;
}

/// True when `text` is well-formed UTF-8.
[[nodiscard]] inline bool is_valid_utf8(std::string_view text) noexcept {
    return text.size() <= INT32_MAX && !first_invalid_utf8(text);
}

/// True when byte `offset` starts a character (or is the end): a span must not split a character.
[[nodiscard]] inline bool is_char_boundary(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size()) {
        return offset == text.size();
    }
    return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

} // namespace stance
