// Which addresses are PostgreSQL's, and how they are shown; see pg_address.hpp.
#include "store/postgres/pg_address.hpp"

#include <libpq-fe.h>

#include <memory>

#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

namespace {

struct ConninfoFree {
    void operator()(PQconninfoOption* options) const noexcept { PQconninfoFree(options); }
};
using Conninfo = std::unique_ptr<PQconninfoOption, ConninfoFree>;

Conninfo parse_conninfo(const std::string& address) {
    char* error = nullptr;
    Conninfo options(PQconninfoParse(address.c_str(), &error));
    if (!options) {
        const std::string text = error != nullptr ? error : "cannot parse";
        PQfreemem(error);
        throw PgFailure("", text);
    }
    return options;
}

// A value in a key=value string: quoted, with ' and \ escaped.
std::string quoted(std::string_view value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

} // namespace

std::string with_database(const std::string& address, const std::string& dbname) {
    const Conninfo options = parse_conninfo(address);
    std::string out;
    for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
        if (option->val == nullptr || std::string_view(option->keyword) == "dbname") {
            continue;
        }
        out += std::string(option->keyword) + "=" + quoted(option->val) + " ";
    }
    return out + "dbname=" + quoted(dbname);
}

} // namespace stance::detail
