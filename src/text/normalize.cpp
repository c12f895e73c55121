// NFC, invisible characters and mixed-script checks through ICU (libicuuc, libicui18n).
#include "stance/text/normalize.hpp"

#include <memory>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include "stance/error.hpp"

namespace stance {

namespace {

bool is_invisible(UChar32 c) {
    if (c == 0x200C || c == 0x200D) {
        return false; // ZWNJ and ZWJ are part of correct spelling in Persian and Indic scripts
    }
    const auto type = static_cast<UCharCategory>(u_charType(c));
    return type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR ||
           u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/// Controls that lay out a source text rather than hide in it: line breaks, tabs, and the form feed
/// pdftotext writes between pages.
bool is_layout(UChar32 c) {
    return c == '\n' || c == '\r' || c == '\t' || c == '\f';
}

struct CloseSpoofChecker {
    void operator()(USpoofChecker* checker) const noexcept { uspoof_close(checker); }
};

/// One checker for the program: building it loads ICU's confusable data.
const USpoofChecker& spoof_checker() {
    static const std::unique_ptr<USpoofChecker, CloseSpoofChecker> checker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<USpoofChecker, CloseSpoofChecker> made(uspoof_open(&status));
        uspoof_setChecks(made.get(), USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS, &status);
        uspoof_setRestrictionLevel(made.get(), USPOOF_MODERATELY_RESTRICTIVE);
        if (U_FAILURE(status)) {
            throw error(fmt::format("ICU's spoof checker could not start: {}", u_errorName(status)));
        }
        return made;
    }();
    return *checker;
}

} // namespace

std::string to_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        throw error(fmt::format("ICU's NFC normaliser is unavailable: {}", u_errorName(status)));
    }
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (nfc->isNormalized(source, status) && U_SUCCESS(status)) {
        return std::string(text);
    }
    const icu::UnicodeString normalized = nfc->normalize(source, status);
    if (U_FAILURE(status)) {
        throw error(fmt::format("ICU could not normalise a name: {}", u_errorName(status)));
    }
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::optional<std::string> first_invisible_character(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t offset = 0;
    for (std::size_t character = 1; offset < length; ++character) {
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c >= 0 && is_invisible(c)) {
            return fmt::format("U+{:04X} at character {}", static_cast<std::uint32_t>(c), character);
        }
    }
    return std::nullopt;
}

std::optional<TextFault> first_text_fault(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t offset = 0;
    while (offset < length) {
        const std::int32_t start = offset;
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c >= 0 && !is_layout(c) && is_invisible(c)) {
            return TextFault{static_cast<std::size_t>(start),
                             fmt::format("U+{:04X}, a character that cannot be seen", static_cast<std::uint32_t>(c)),
                             "a quote holding it would show words that are not what is stored; remove it (a copy "
                             "from a PDF often holds soft hyphens and zero-width spaces)"};
        }
    }
    const std::string normalized = to_nfc(text);
    if (normalized == text) {
        return std::nullopt;
    }
    // The first byte that NFC changes lies in the character to report, or in the accent after it.
    std::size_t first = 0;
    while (first < text.size() && first < normalized.size() && text[first] == normalized[first]) {
        ++first;
    }
    while (first > 0 && (static_cast<unsigned char>(text[first]) & 0xC0) == 0x80) {
        --first;
    }
    return TextFault{first,
                     "a character not in Unicode NFC (a letter and an accent written apart, or a form with a "
                     "canonical equivalent)",
                     "the same letters would be stored in two ways; save the text in NFC (uconv -x any-nfc)"};
}

bool mixes_confusable_scripts(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t result =
        uspoof_check2UTF8(&spoof_checker(), text.data(), static_cast<std::int32_t>(text.size()), nullptr, &status);
    if (U_FAILURE(status)) {
        return false;
    }
    return result != 0;
}

} // namespace stance
