// Builds the matching key of a text (the rules are listed on MatchKey in locate_quote.hpp). One pass
// over the code points; each key byte remembers the original bytes it came from, so a match of keys
// turns back into an exact byte span of the original text.
#include <cstdint>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "stance/coding/locate_quote.hpp"
#include "stance/error.hpp"

namespace stance {

namespace {

const icu::Normalizer2& compatibility_decomposition() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status) || nfkd == nullptr) {
        throw error("ICU could not load its NFKD normaliser; check the libicu installation");
    }
    return *nfkd;
}

bool is_apostrophe_like(UChar32 c) {
    switch (c) {
    case 0x0027: // '
    case 0x0060: // `
    case 0x00B4: // ´
    case 0x02BC: // ʼ
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201A: // ‚
    case 0x201B: // ‛
    case 0x2032: // ′
    case 0x2039: // ‹
    case 0x203A: // ›
        return true;
    default: return false;
    }
}

/// What a decomposed character contributes to the key.
enum class Kind : std::uint8_t { space, ignorable, mark, dash, letter };

Kind kind_of(UChar32 c) {
    if (u_isUWhiteSpace(c)) {
        return Kind::space;
    }
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
        return Kind::ignorable; // soft hyphen, zero-width space and joiners, byte order mark
    }
    if (u_charType(c) == U_NON_SPACING_MARK) {
        return Kind::mark;
    }
    if (u_hasBinaryProperty(c, UCHAR_DASH)) {
        return Kind::dash;
    }
    return Kind::letter;
}

/// The character a letter-like code point stands for in the key: one quotation mark per family,
/// otherwise the case-folded character.
UChar32 key_character(UChar32 c) {
    if (is_apostrophe_like(c)) {
        return '\'';
    }
    if (u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)) {
        return '"';
    }
    return u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

void append_utf8(std::string& out, UChar32 c) {
    const auto u = static_cast<std::uint32_t>(c);
    if (u < 0x80) {
        out += static_cast<char>(u);
    } else if (u < 0x800) {
        out += static_cast<char>(0xC0 | (u >> 6));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else if (u < 0x10000) {
        out += static_cast<char>(0xE0 | (u >> 12));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (u >> 18));
        out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (u & 0x3F));
    }
}

} // namespace

/// The state of one pass. A hyphen after a letter or digit is held back until the next character
/// shows whether it joins two parts of a word (then it is dropped with the white space after it);
/// white space is held back so a run becomes one space and none trails.
class MatchKeyBuilder {
public:
    explicit MatchKeyBuilder(MatchKey& key) : m_out(key), m_nfkd(compatibility_decomposition()) {}

    void build() {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(m_out.m_text.data());
        const auto length = static_cast<std::int32_t>(m_out.m_text.size());
        std::int32_t offset = 0;
        while (offset < length) {
            const std::int32_t begin = offset;
            UChar32 c = 0;
            U8_NEXT(bytes, offset, length, c);
            if (c < 0) {
                c = 0xFFFD; // not UTF-8: still a character, so offsets stay right
            }
            add(c, static_cast<std::size_t>(begin), static_cast<std::size_t>(offset));
        }
        if (m_hyphen_pending) {
            emit('-', m_hyphen_begin, m_hyphen_end);
        }
    }

private:
    void add(UChar32 c, std::size_t begin, std::size_t end) {
        if (c < 0x80 || kind_of(c) == Kind::space) {
            add_decomposed(c, begin, end);
            return;
        }
        icu::UnicodeString decomposition;
        if (!m_nfkd.getDecomposition(c, decomposition)) {
            add_decomposed(c, begin, end);
            return;
        }
        for (std::int32_t i = 0; i < decomposition.length();) {
            const UChar32 part = decomposition.char32At(i);
            i += U16_LENGTH(part);
            add_decomposed(part, begin, end);
        }
    }

    void add_decomposed(UChar32 c, std::size_t begin, std::size_t end) {
        switch (kind_of(c)) {
        case Kind::space:
            if (!m_space_pending) {
                m_space_begin = begin;
            }
            m_space_end = end;
            m_space_pending = !m_out.m_key.empty() || m_hyphen_pending;
            return;
        case Kind::ignorable: return;
        case Kind::mark:
            extend_last(end); // an accent belongs to the letter before it, so a span never splits them
            return;
        case Kind::dash:
            if (m_last_alnum && !m_space_pending && !m_hyphen_pending) {
                m_hyphen_pending = true;
                m_hyphen_begin = begin;
                m_hyphen_end = end;
                return;
            }
            flush_pending(false);
            emit('-', begin, end);
            return;
        case Kind::letter: {
            const UChar32 k = key_character(c);
            flush_pending(u_isalnum(k) != 0);
            emit(k, begin, end);
            return;
        }
        }
    }

    /// Writes the held-back hyphen and space, unless the hyphen joins two parts of a word.
    void flush_pending(bool next_is_alnum) {
        if (m_hyphen_pending) {
            m_hyphen_pending = false;
            if (next_is_alnum) {
                m_space_pending = false;
                return;
            }
            emit('-', m_hyphen_begin, m_hyphen_end);
        }
        if (m_space_pending) {
            m_space_pending = false;
            emit(' ', m_space_begin, m_space_end);
        }
    }

    void emit(UChar32 c, std::size_t begin, std::size_t end) {
        m_last_begin = m_out.m_key.size();
        append_utf8(m_out.m_key, c);
        m_out.m_start.resize(m_out.m_key.size(), begin);
        m_out.m_end.resize(m_out.m_key.size(), end);
        m_last_alnum = u_isalnum(c) != 0;
    }

    void extend_last(std::size_t end) {
        if (m_space_pending || m_hyphen_pending) {
            return;
        }
        for (std::size_t i = m_last_begin; i < m_out.m_end.size(); ++i) {
            m_out.m_end[i] = end;
        }
    }

    MatchKey& m_out;
    const icu::Normalizer2& m_nfkd;
    bool m_last_alnum = false;
    std::size_t m_last_begin = 0;
    bool m_space_pending = false;
    std::size_t m_space_begin = 0;
    std::size_t m_space_end = 0;
    bool m_hyphen_pending = false;
    std::size_t m_hyphen_begin = 0;
    std::size_t m_hyphen_end = 0;
};

MatchKey::MatchKey(std::string_view text) : m_text(text) {
    m_key.reserve(text.size());
    m_start.reserve(text.size());
    m_end.reserve(text.size());
    MatchKeyBuilder(*this).build();
}

} // namespace stance
