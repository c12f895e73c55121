// UTF-8 validation on ICU's decoding macros; see stance/text/utf8.hpp.
#include "stance/text/utf8.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/utf8.h>

namespace stance {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept {
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

bool is_valid_utf8(std::string_view text) noexcept {
    return text.size() <= INT32_MAX && !first_invalid_utf8(text);
}

} // namespace stance
