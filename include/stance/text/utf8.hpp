// UTF-8 checks for source texts and byte spans. The decoding is ICU's (src/text/utf8.cpp), kept out of
// this header so that a program using stance needs no ICU headers.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace stance {

/// The offset of the first byte that is not part of well-formed UTF-8 (an overlong form, a
/// surrogate, a truncated sequence), or nothing.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

/// True when `text` is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

/// True when byte `offset` starts a character (or is the end): a span must not split a character.
[[nodiscard]] inline bool is_char_boundary(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size()) {
        return offset == text.size();
    }
    return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

} // namespace stance
