// Cutting text into words for phrase matching (see words.hpp).
#include "coding/words.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "stance/text/fold.hpp"

namespace stance::detail {

namespace {

bool is_word_character(UChar32 c) {
    const auto type = u_charType(c);
    return u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

} // namespace

std::vector<Word> words_of(std::string_view text, std::size_t base) {
    std::vector<Word> words;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t offset = 0;
    std::int32_t word_start = -1;
    while (offset <= length) {
        const std::int32_t here = offset;
        bool inside = false;
        if (offset < length) {
            UChar32 c = 0;
            U8_NEXT(bytes, offset, length, c);
            inside = c >= 0 && is_word_character(c);
        } else {
            ++offset; // one step past the end closes the last word
        }
        if (inside && word_start < 0) {
            word_start = here;
        } else if (!inside && word_start >= 0) {
            const auto start = static_cast<std::size_t>(word_start);
            const std::string_view raw = text.substr(start, static_cast<std::size_t>(here) - start);
            words.push_back(Word{fold_for_matching(raw), raw, base + start, base + static_cast<std::size_t>(here)});
            word_start = -1;
        }
    }
    return words;
}

bool is_acronym(std::string_view raw) {
    if (raw.size() < 2 || raw.size() > 6) {
        return false;
    }
    return std::ranges::all_of(raw, [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace stance::detail
