// Names as people type them: one Unicode form for the same letters, and no characters that cannot
// be seen. "Nederland" typed with a precomposed or a combining accent is one name (NFC); a name
// with a zero-width space or a right-to-left override would look like another and match nothing,
// so it is refused; a name mixing scripts whose letters look alike (a Cyrillic "е" in a Latin
// word) is allowed, since real names can mix scripts, but reported as a warning (ICU's spoof checker).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stance {

/// `text` (valid UTF-8) in Unicode Normalization Form C.
[[nodiscard]] std::string to_nfc(std::string_view text);

/// The first character of `text` that cannot be seen or controls layout: control characters, line
/// and paragraph separators, and default-ignorable characters (zero-width space, bidirectional
/// controls, word joiner, byte order mark, variation selectors …), except the zero-width joiner
/// and non-joiner that Persian and Indic spellings need. Described as "U+200B at character 3".
[[nodiscard]] std::optional<std::string> first_invisible_character(std::string_view text);

/// Where a source text breaks the rules a stored document follows (docs/coding.md, "Adding the
/// document"): the byte offset of the first character that is not in NFC or cannot be seen, and
/// what it is. Line breaks, tabs and form feeds (page breaks) are text here; every other character
/// `first_invisible_character` refuses in a name is refused in a document too, since a quote could never be typed to
/// match it.
struct TextFault {
    std::size_t offset = 0;
    std::string what; ///< "U+200B, a character that cannot be seen", "a character not in Unicode NFC …".
    std::string fix;  ///< What to do about it.
};
/// `text` must be valid UTF-8.
[[nodiscard]] std::optional<TextFault> first_text_fault(std::string_view text);

/// True when ICU's spoof checker finds `text` mixing scripts beyond what a moderately restrictive
/// profile allows (Latin with one other script, Cyrillic and Greek excluded), or mixing digits of
/// different systems: the usual form of a look-alike name.
[[nodiscard]] bool mixes_confusable_scripts(std::string_view text);

} // namespace stance
