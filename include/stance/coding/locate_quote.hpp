// Finding a typed quote in a document: the analyst types (or pastes) the words, stance finds the exact
// byte span. The search forgives what typing and copying from PDFs change — white space and line
// breaks, hyphens at line ends, curly versus straight quotes, dash variants, no-break spaces, case and
// accents — but the span it returns covers the document's own bytes, so the quote stored with a
// stance is always the exact text of its span. See docs/coding.md, "How a quote is found".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stance {

/// A text reduced to its matching key, with where every key byte came from. Both the document and
/// the quote are reduced the same way, so a match of keys is a match of texts up to the differences
/// the search forgives:
///   - every run of white space (any Unicode white space, including no-break spaces) is one space;
///   - default-ignorable characters (soft hyphens, zero-width spaces and joiners) are dropped;
///   - a hyphen or dash between two letters or digits is dropped together with any white space after
///     it, so "NAVO-\nstaatshoofden", "NAVO-staatshoofden" and "NAVO- staatshoofden" are equal, and so
///     are "verant-\nwoordelijk" and "verantwoordelijk" (the search cannot know which line-end hyphen
///     belongs to the word, so it treats every word-internal hyphen as optional);
///   - every other dash (– — ‐ − …) is "-"; every apostrophe-like mark (’ ‘ ‚ ` ´ ′) is "'"; every
///     other quotation mark (“ ” „ « » ″) is '"';
///   - compatibility decomposition (NFKD: "…" is "...", "ﬁ" is "fi"), accents dropped, case folded.
class MatchKey {
public:
    explicit MatchKey(std::string_view text);

    /// The key: UTF-8, folded.
    [[nodiscard]] const std::string& key() const noexcept { return m_key; }
    /// The bytes of the original text that key byte `i` stands for: `[source_start(i), source_end(i))`.
    [[nodiscard]] std::size_t source_start(std::size_t i) const { return m_start[i]; }
    [[nodiscard]] std::size_t source_end(std::size_t i) const { return m_end[i]; }
    /// The original text (a view: the caller keeps it alive while the key is used).
    [[nodiscard]] std::string_view text() const noexcept { return m_text; }

private:
    std::string_view m_text;
    std::string m_key;
    std::vector<std::size_t> m_start;
    std::vector<std::size_t> m_end;
    friend class MatchKeyBuilder;
};

/// Where a quote occurs: the byte span `[start, end)` of the document, and its first character's
/// line and column (both from 1; the column counts characters, not bytes).
struct QuotePlace {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t line = 0;
    std::size_t column = 0;

    friend bool operator==(const QuotePlace&, const QuotePlace&) = default;
};

/// Why a quote was not found: how far it matched and where.
struct QuoteMismatch {
    std::string matched;          ///< The longest beginning of the quote found somewhere, as typed.
    std::string breaking_word;    ///< The word of the quote in which that match breaks, as typed.
    std::size_t quote_offset = 0; ///< Byte offset in the quote where it breaks.
    /// Where the longest match lies in the document (empty when not even the first word was found).
    std::optional<QuotePlace> nearest;
    /// A short excerpt of the document around the place where the match breaks (white space
    /// collapsed), so the analyst can see what the document says instead.
    std::string nearest_passage;
    /// The whole quote occurs, but only as part of longer words ("Rus" in "Rusland").
    bool only_inside_words = false;
};

enum class QuoteOutcome : unsigned char { found, ambiguous, not_found, empty };

struct QuoteSearch {
    QuoteOutcome outcome = QuoteOutcome::not_found;
    std::vector<QuotePlace> places;        ///< One when found; every place, in text order, when ambiguous.
    std::optional<QuoteMismatch> mismatch; ///< When not found.

    /// One paragraph a person can act on: where the quote is, every place it occurs, or where it
    /// first differs with the nearest passage. `document` names the document in the message.
    [[nodiscard]] std::string explain(std::string_view document) const;
};

/// Searches `quote` in the document whose key is `document`. A match must start and end at word
/// boundaries of the document (a quote "Rus" does not match inside "Rusland"). Linear in the size of
/// the document and the quote (Knuth–Morris–Pratt over the keys).
[[nodiscard]] QuoteSearch locate_quote(const MatchKey& document, std::string_view quote);

/// The same for a text searched once.
[[nodiscard]] QuoteSearch locate_quote(std::string_view document_text, std::string_view quote);

/// The line and column (from 1, column in characters) of byte `offset` of `text`.
[[nodiscard]] QuotePlace place_of(std::string_view text, std::size_t start, std::size_t end);

} // namespace stance
