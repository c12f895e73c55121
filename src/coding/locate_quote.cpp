// Searching a quote's key in a document's key (Knuth–Morris–Pratt, so linear however repetitive the
// text), and explaining the outcome: every place, or how far the quote matched and where it broke.
#include "stance/coding/locate_quote.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "coding/words.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

namespace {

/// The longest proper prefix of needle[0, i] that is also its suffix, for every i (the KMP table).
std::vector<std::size_t> failure_table(std::string_view needle) {
    std::vector<std::size_t> table(needle.size(), 0);
    std::size_t k = 0;
    for (std::size_t i = 1; i < needle.size(); ++i) {
        while (k > 0 && needle[i] != needle[k]) {
            k = table[k - 1];
        }
        if (needle[i] == needle[k]) {
            ++k;
        }
        table[i] = k;
    }
    return table;
}

struct Scan {
    std::vector<std::size_t> match_ends; ///< Key offsets just past every full match.
    std::size_t longest = 0;             ///< The longest prefix of the needle found anywhere…
    std::size_t longest_end = 0;         ///< …and the key offset just past its first occurrence.
};

Scan scan(std::string_view haystack, std::string_view needle) {
    Scan result;
    const std::vector<std::size_t> table = failure_table(needle);
    std::size_t k = 0;
    for (std::size_t i = 0; i < haystack.size(); ++i) {
        while (k > 0 && haystack[i] != needle[k]) {
            k = table[k - 1];
        }
        if (haystack[i] == needle[k]) {
            ++k;
        }
        if (k > result.longest) {
            result.longest = k;
            result.longest_end = i + 1;
        }
        if (k == needle.size()) {
            result.match_ends.push_back(i + 1);
            k = table[k - 1];
        }
    }
    return result;
}

bool alnum_before(std::string_view key, std::size_t offset) {
    if (offset == 0) {
        return false;
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(key.data());
    auto i = static_cast<std::int32_t>(offset);
    UChar32 c = 0;
    U8_PREV(bytes, 0, i, c);
    return c >= 0 && u_isalnum(c);
}

bool alnum_at(std::string_view key, std::size_t offset) {
    if (offset >= key.size()) {
        return false;
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(key.data());
    auto i = static_cast<std::int32_t>(offset);
    UChar32 c = 0;
    U8_NEXT(bytes, i, static_cast<std::int32_t>(key.size()), c);
    return c >= 0 && u_isalnum(c);
}

/// A match may not begin or end inside a word of the document: "Rus" is not found in "Rusland".
bool on_word_boundaries(std::string_view document, std::size_t begin, std::size_t end, std::string_view needle) {
    const bool starts_with_word = alnum_at(needle, 0);
    const bool ends_with_word = alnum_before(needle, needle.size());
    return !(starts_with_word && alnum_before(document, begin)) && !(ends_with_word && alnum_at(document, end));
}

std::size_t back_to_char_start(std::string_view key, std::size_t offset) {
    while (offset > 0 && offset < key.size() && (static_cast<unsigned char>(key[offset]) & 0xC0) == 0x80) {
        --offset;
    }
    return offset;
}

/// `count` characters of `text` before `offset` (backwards) or after it, cut at a character boundary.
std::size_t step_chars(std::string_view text, std::size_t offset, std::size_t count, bool forward) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    auto i = static_cast<std::int32_t>(offset);
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::size_t n = 0; n < count; ++n) {
        if (forward ? i >= length : i <= 0) {
            break;
        }
        if (forward) {
            U8_FWD_1(bytes, i, length);
        } else {
            U8_BACK_1(bytes, 0, i);
        }
    }
    return static_cast<std::size_t>(i);
}

/// About 40 characters either side of `offset`, cut at white space, "…" where the text goes on.
std::string passage_around(std::string_view text, std::size_t offset) {
    std::size_t from = step_chars(text, offset, 40, false);
    std::size_t to = step_chars(text, offset, 40, true);
    while (from > 0 && from < offset && !detail::is_ascii_space(text[from - 1])) {
        ++from;
    }
    while (to < text.size() && to > offset && !detail::is_ascii_space(text[to])) {
        --to;
    }
    while (from > 0 && from < offset && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) {
        ++from;
    }
    return (from > 0 ? "…" : "") + collapse_whitespace(text.substr(from, to - from)) + (to < text.size() ? "…" : "");
}

/// The word of `text` (between white space) that contains byte `offset`.
std::string word_at(std::string_view text, std::size_t offset) {
    std::size_t begin = std::min(offset, text.size());
    while (begin > 0 && !detail::is_ascii_space(text[begin - 1])) {
        --begin;
    }
    std::size_t end = std::min(offset, text.size());
    while (end < text.size() && !detail::is_ascii_space(text[end])) {
        ++end;
    }
    return std::string(text.substr(begin, end - begin));
}

QuoteMismatch describe_mismatch(const MatchKey& document, const MatchKey& quote, const Scan& found) {
    QuoteMismatch mismatch;
    const std::string& qkey = quote.key();
    const std::size_t matched = back_to_char_start(qkey, found.longest);
    mismatch.quote_offset = matched < qkey.size() ? quote.source_start(matched) : quote.text().size();
    mismatch.matched = collapse_whitespace(quote.text().substr(0, mismatch.quote_offset));
    mismatch.breaking_word = word_at(quote.text(), mismatch.quote_offset);
    mismatch.only_inside_words = found.longest == qkey.size();
    // A match shorter than the quote's first word says nothing about where the quote belongs.
    const std::size_t first_word = std::min(qkey.find(' '), qkey.size());
    if (matched == 0 || matched < first_word) {
        return mismatch;
    }
    const std::size_t end_key = found.longest_end - (found.longest - matched);
    const std::size_t start = document.source_start(end_key - matched);
    const std::size_t break_at = document.source_end(end_key - 1);
    mismatch.nearest = place_of(document.text(), start, break_at);
    const std::string_view text = document.text();
    mismatch.nearest_passage = passage_around(text, break_at);
    return mismatch;
}

/// The last words of a long matched prefix: the part next to where the quote breaks is what helps.
std::string tail(std::string_view text) {
    const std::size_t from = step_chars(text, text.size(), 50, false);
    return from == 0 ? std::string(text) : "…" + std::string(text.substr(from));
}

std::string lines_of(const std::vector<QuotePlace>& places) {
    constexpr std::size_t shown = 10; // a two-word quote can occur hundreds of times; the first few say enough
    std::string out;
    for (std::size_t i = 0; i < places.size() && i < shown; ++i) {
        const QuotePlace& place = places[i];
        out += fmt::format("\n  bytes [{}, {}), line {}, column {}", place.start, place.end, place.line, place.column);
    }
    if (places.size() > shown) {
        out += fmt::format("\n  … and {} more", places.size() - shown);
    }
    return out;
}

} // namespace

QuotePlace place_of(std::string_view text, std::size_t start, std::size_t end) {
    QuotePlace place{start, end, 1, 1};
    const std::size_t stop = std::min(start, text.size());
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < stop; ++i) {
        if (text[i] == '\n') {
            ++place.line;
            line_start = i + 1;
        }
    }
    for (std::size_t i = line_start; i < stop; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++place.column;
        }
    }
    return place;
}

QuoteSearch locate_quote(const MatchKey& document, std::string_view quote) {
    QuoteSearch result;
    const MatchKey needle(quote);
    if (needle.key().empty()) {
        result.outcome = QuoteOutcome::empty;
        return result;
    }
    const Scan found = scan(document.key(), needle.key());
    for (std::size_t end : found.match_ends) {
        const std::size_t begin = end - needle.key().size();
        if (on_word_boundaries(document.key(), begin, end, needle.key())) {
            result.places.push_back(
                place_of(document.text(), document.source_start(begin), document.source_end(end - 1)));
        }
    }
    if (result.places.empty()) {
        result.outcome = QuoteOutcome::not_found;
        result.mismatch = describe_mismatch(document, needle, found);
    } else {
        result.outcome = result.places.size() == 1 ? QuoteOutcome::found : QuoteOutcome::ambiguous;
    }
    return result;
}

QuoteSearch locate_quote(std::string_view document_text, std::string_view quote) {
    return locate_quote(MatchKey(document_text), quote);
}

std::string QuoteSearch::explain(std::string_view document) const {
    switch (outcome) {
    case QuoteOutcome::found:
        return fmt::format("found in \"{}\" at bytes [{}, {}), line {}, column {}", document, places[0].start,
                           places[0].end, places[0].line, places[0].column);
    case QuoteOutcome::ambiguous:
        return fmt::format("the quote occurs {} times in \"{}\"; quote more words so it is found once:{}",
                           places.size(), document, lines_of(places));
    case QuoteOutcome::empty: return "the quote is empty: give the words of the document that the stance rests on";
    case QuoteOutcome::not_found: break;
    }
    if (!mismatch || !mismatch->nearest) {
        return fmt::format("the quote is not in \"{}\": not even its first word \"{}\" occurs there; check the "
                           "document and the spelling",
                           document, mismatch ? mismatch->breaking_word : std::string());
    }
    if (mismatch->only_inside_words) {
        return fmt::format("the quote is in \"{}\" only inside longer words (line {}); quote whole words", document,
                           mismatch->nearest->line);
    }
    return fmt::format("the quote is not in \"{}\": it matches up to \"{}\" (line {}, column {}) and differs "
                       "from the word \"{}\" on; the document reads there: \"{}\"",
                       document, tail(mismatch->matched), mismatch->nearest->line, mismatch->nearest->column,
                       mismatch->breaking_word, mismatch->nearest_passage);
}

} // namespace stance
