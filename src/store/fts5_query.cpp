// Search terms as quoted FTS5 strings; see fts5_query.hpp.
#include "store/fts5_query.hpp"

namespace stance::detail {

namespace {

// Inside an FTS5 string only '"' is special, and it is written twice. The tokenizer splits the
// string into the words of a phrase ("U.N." is the phrase u n), and a '*' after the closing quote
// makes the last of them a prefix.
std::string fts5_string(const SearchTerm& term) {
    std::string out = "\"";
    for (char c : term.text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
    if (term.prefix) {
        out += '*';
    }
    return out;
}

std::string any_of(const std::vector<SearchTerm>& terms) {
    std::string out;
    for (const SearchTerm& term : terms) {
        out += (out.empty() ? "" : " OR ") + fts5_string(term);
    }
    return terms.size() > 1 ? "(" + out + ")" : out;
}

} // namespace

std::string fts5_match_all(const SearchQuery& query) {
    std::string out;
    for (const std::vector<SearchTerm>& group : query.all_of) {
        out += (out.empty() ? "" : " AND ") + any_of(group);
    }
    return out;
}

std::string fts5_match_any_excluded(const SearchQuery& query) {
    return query.none_of.empty() ? std::string{} : any_of(query.none_of);
}

} // namespace stance::detail
