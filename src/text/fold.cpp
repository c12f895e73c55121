// ICU does the Unicode work (normalisation and full case folding); we only decide what "same name" means.
#include "stance/text/fold.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "stance/error.hpp"

namespace stance {

std::string fold_for_matching(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
        throw error("ICU could not load its NFD normaliser; check the libicu installation");
    }
    icu::UnicodeString decomposed = nfd->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
    if (U_FAILURE(status)) {
        throw error("ICU could not normalise a name");
    }
    icu::UnicodeString kept;
    bool pending_space = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            continue; // the accent of a decomposed "ï" or "é"
        }
        if (u_isUWhiteSpace(c)) {
            pending_space = kept.length() > 0;
            continue;
        }
        if (pending_space) {
            kept.append(static_cast<UChar32>(' '));
            pending_space = false;
        }
        kept.append(c);
    }
    kept.foldCase();
    std::string out;
    kept.toUTF8String(out);
    return out;
}

} // namespace stance
