// Search terms as quoted tsquery operands; see pg_search.hpp.
#include "store/postgres/pg_search.hpp"

#include <cctype>
#include <string_view>

namespace stance::detail {

namespace {

// ASCII letters and digits, and every byte of a multi-byte character: as FTS5's tokenizer splits the
// SQLite store's quotes, any other ASCII character separates words.
bool is_word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) != 0;
}

// One word as a quoted operand; only ' and \ would be special, and neither is a word byte.
std::string quoted_word(std::string_view word) {
    return "'" + std::string(word) + "'";
}

// The words of a term as a phrase ('defensie' <-> 'uitgaven'), so "defensie-uitgaven" finds the words
// however they are joined, as in the SQLite store; a prefix is the last word's.
std::string operand(const SearchTerm& term) {
    std::string out;
    const std::string_view text = term.text;
    for (std::size_t at = 0; at < text.size();) {
        if (!is_word_byte(text[at])) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && is_word_byte(text[end])) {
            ++end;
        }
        out += (out.empty() ? "" : " <-> ") + quoted_word(text.substr(at, end - at));
        at = end;
    }
    if (term.prefix && !out.empty()) {
        out += ":*";
    }
    return out;
}

std::string any_of(const std::vector<SearchTerm>& terms) {
    std::string out;
    for (const SearchTerm& term : terms) {
        if (const std::string words = operand(term); !words.empty()) {
            out += (out.empty() ? "" : " | ") + words;
        }
    }
    return out.empty() ? std::string{} : "(" + out + ")";
}

} // namespace

std::string tsquery_all(const SearchQuery& query) {
    std::string out;
    for (const std::vector<SearchTerm>& group : query.all_of) {
        if (const std::string terms = any_of(group); !terms.empty()) {
            out += (out.empty() ? "" : " & ") + terms;
        }
    }
    return out;
}

std::string tsquery_any_excluded(const SearchQuery& query) {
    return query.none_of.empty() ? std::string{} : any_of(query.none_of);
}

} // namespace stance::detail
