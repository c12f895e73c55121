// Search terms as quoted tsquery operands; see pg_search.hpp.
#include "store/postgres/pg_search.hpp"

namespace stance::detail {

namespace {

std::string operand(const SearchTerm& term) {
    std::string out = "'";
    for (const char c : term.text) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '\'';
    if (term.prefix) {
        out += ":*";
    }
    return out;
}

std::string any_of(const std::vector<SearchTerm>& terms) {
    std::string out;
    for (const SearchTerm& term : terms) {
        out += (out.empty() ? "" : " | ") + operand(term);
    }
    return "(" + out + ")";
}

} // namespace

std::string tsquery_all(const SearchQuery& query) {
    std::string out;
    for (const std::vector<SearchTerm>& group : query.all_of) {
        out += (out.empty() ? "" : " & ") + any_of(group);
    }
    return out;
}

std::string tsquery_any_excluded(const SearchQuery& query) {
    return query.none_of.empty() ? std::string{} : any_of(query.none_of);
}

} // namespace stance::detail
