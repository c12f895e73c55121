// stance's own search syntax for quotes and paraphrases (StanceFilter::text), read from whatever a
// user types, so that no input is ever a syntax error:
//
//   words            every word must occur (any case, any accents): `Rusland sancties`
//   "a phrase"       these words in this order; an unclosed quote runs to the end of the text
//   a OR b           either; OR (in capitals) binds tighter than the spaces: `sanctions Russia OR Iran`
//   NOT word, -word  must not occur (also before a phrase: -"brede steun")
//   prefix*          any word starting with it: `sanct*`
//
// Anything else is text to look for: punctuation inside a word (`Russia's`, `U.N.`) splits it into
// the words of a phrase, as the index splits the quotes; an operator with nothing to apply to (a
// trailing OR, a lone NOT) is a word; a term with no letter or digit at all (`...`, `-`) is dropped.
// A backend translates the parsed query into its own syntax (the SQLite store: src/store/fts5_query).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace stance {

/// One thing to look for: a word or a phrase, as typed (the backend splits it into words).
struct SearchTerm {
    std::string text;
    bool prefix = false; ///< The last word may be the start of a longer one (typed with a trailing *).

    friend bool operator==(const SearchTerm&, const SearchTerm&) = default;
};

/// A parsed search: every group of `all_of` must match (a group matches when any of its terms
/// does), and no term of `none_of` may.
struct SearchQuery {
    std::vector<std::vector<SearchTerm>> all_of;
    std::vector<SearchTerm> none_of;

    /// Nothing to look for: the text had no letter or digit outside of operators.
    [[nodiscard]] bool empty() const noexcept { return all_of.empty() && none_of.empty(); }

    friend bool operator==(const SearchQuery&, const SearchQuery&) = default;
};

/// Reads `text` in the syntax above. Never throws for any input, valid UTF-8 or not.
[[nodiscard]] SearchQuery parse_search(std::string_view text);

/// Throws invalid_input_error at `where` when `text` is empty or has nothing to look for, saying
/// what to give instead; every front door of a search (the CLI, the facade) checks the same way.
void require_search_words(std::string_view text, const std::string& where);

} // namespace stance
