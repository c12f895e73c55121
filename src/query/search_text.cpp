// Reading stance's search syntax (search_text.hpp): split into tokens, give the operators that have
// something to apply to their meaning and make the others words, then group the terms.
#include "stance/query/search_text.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "stance/error.hpp"

namespace stance {

namespace {

enum class TokenKind : std::uint8_t { term, op_or, op_and, op_not };

struct Token {
    TokenKind kind = TokenKind::term;
    SearchTerm term;      ///< For a term; for an operator, its own text, should it turn out to be a word.
    bool negated = false; ///< Typed with a leading '-', or after a NOT.
};

// Control characters (a NUL included) separate words like spaces: the index never holds them, and a
// NUL would cut the backend's query short.
bool is_separator(char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '\x7f';
}

// The operators are the capitalised words only, as in most search boxes: "or" is a word.
TokenKind kind_of_word(std::string_view word) {
    if (word == "OR") {
        return TokenKind::op_or;
    }
    if (word == "AND") {
        return TokenKind::op_and;
    }
    if (word == "NOT") {
        return TokenKind::op_not;
    }
    return TokenKind::term;
}

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : m_text(text) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        while (skip_separators()) {
            out.push_back(next());
        }
        return out;
    }

private:
    bool skip_separators() {
        while (m_at < m_text.size() && is_separator(m_text[m_at])) {
            ++m_at;
        }
        return m_at < m_text.size();
    }

    Token next() {
        Token token;
        // A '-' starts an exclusion only when something follows it directly: "a - b" has a lone dash.
        if (m_text[m_at] == '-' && m_at + 1 < m_text.size() && !is_separator(m_text[m_at + 1])) {
            token.negated = true;
            ++m_at;
        }
        if (m_text[m_at] == '"') {
            token.term.text = phrase();
        } else {
            token.term.text = word();
            if (!token.negated) {
                token.kind = kind_of_word(token.term.text);
            }
        }
        token.term.prefix = take_stars() || strip_trailing_stars(token.term.text);
        return token;
    }

    // From after the opening quote to the closing one, or to the end of the text when there is none.
    std::string phrase() {
        ++m_at;
        const std::size_t end = std::min(m_text.find('"', m_at), m_text.size());
        std::string text(m_text.substr(m_at, end - m_at));
        m_at = std::min(end + 1, m_text.size());
        return text;
    }

    std::string word() {
        const std::size_t start = m_at;
        while (m_at < m_text.size() && !is_separator(m_text[m_at]) && m_text[m_at] != '"') {
            ++m_at;
        }
        return std::string(m_text.substr(start, m_at - start));
    }

    // The '*' right after a closing quote: "brede st"*.
    bool take_stars() {
        bool any = false;
        while (m_at < m_text.size() && m_text[m_at] == '*') {
            any = true;
            ++m_at;
        }
        return any;
    }

    static bool strip_trailing_stars(std::string& word) {
        const std::size_t keep = word.find_last_not_of('*') + 1; // npos + 1 == 0: only stars
        const bool any = keep < word.size();
        word.resize(keep);
        return any;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

// True when the index would find a word in `text`: it holds a letter, a digit or a private-use
// character (what the unicode61 tokenizer keeps). Invalid bytes count as nothing.
bool has_searchable_character(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
    std::int32_t offset = 0;
    while (offset < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK)) != 0) {
            return true;
        }
    }
    return false;
}

bool is_positive_term(const std::vector<Token>& tokens, std::size_t i) {
    return i < tokens.size() && tokens[i].kind == TokenKind::term && !tokens[i].negated;
}

void make_word(Token& token) {
    token.kind = TokenKind::term;
}

// NOT applies to the term after it; with none, it is the word "NOT". Left to right, so in
// "NOT NOT x" the first is a word and the second excludes x.
void apply_not(std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::op_not) {
            continue;
        }
        if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::term) {
            tokens[i + 1].negated = true;
            tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(i));
            --i;
        } else {
            make_word(tokens[i]);
        }
    }
}

// OR and AND join the positive terms on both sides; an OR or AND without them is a word.
void check_joins(std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const TokenKind kind = tokens[i].kind;
        if (kind != TokenKind::op_or && kind != TokenKind::op_and) {
            continue;
        }
        if (i == 0 || !is_positive_term(tokens, i - 1) || !is_positive_term(tokens, i + 1)) {
            make_word(tokens[i]);
        }
    }
}

SearchQuery group(const std::vector<Token>& tokens) {
    SearchQuery query;
    constexpr auto no_group = static_cast<std::size_t>(-1);
    std::size_t last_group = no_group; // where the previous kept positive term went
    bool join = false;                 // an OR came after it
    for (const Token& token : tokens) {
        if (token.kind == TokenKind::op_or) {
            join = true;
            continue;
        }
        if (token.kind == TokenKind::op_and) {
            continue; // the spaces already mean "and"
        }
        const bool searchable = has_searchable_character(token.term.text);
        if (token.negated) {
            if (searchable) {
                query.none_of.push_back(token.term);
            }
            last_group = no_group;
            join = false;
        } else if (!searchable) {
            // Dropped; inside "a OR ... OR b" it leaves the chain whole, elsewhere it ends the group.
            if (!join) {
                last_group = no_group;
            }
        } else if (join && last_group != no_group) {
            query.all_of[last_group].push_back(token.term);
            join = false;
        } else {
            query.all_of.push_back({token.term});
            last_group = query.all_of.size() - 1;
            join = false;
        }
    }
    return query;
}

} // namespace

SearchQuery parse_search(std::string_view text) {
    std::vector<Token> tokens = Tokenizer(text).tokens();
    apply_not(tokens);
    check_joins(tokens);
    return group(tokens);
}

void require_search_words(std::string_view text, const std::string& where) {
    if (text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
        throw invalid_input_error(where, "the search text is empty; give the words to look for, e.g. "
                                         "stance search Rusland (to list stances by actor or topic, use "
                                         "stances, evolution or snapshot)");
    }
    if (parse_search(text).empty()) {
        throw invalid_input_error(where, fmt::format("\"{}\" has no word to look for (no letter or digit outside "
                                                     "of OR, NOT and quotes); give words, e.g. stance search "
                                                     "Rusland",
                                                     text));
    }
}

} // namespace stance
