// Which addresses name a PostgreSQL database rather than a SQLite file (stance/store/store.hpp),
// and the form of an address that messages may show (stance/store/shown_address.hpp). Needs no libpq: Store::open
// decides with it whether or not stance was built with PostgreSQL support.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "stance/store/shown_address.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

// The libpq keywords a connection string most often starts with: a SQLite path that merely holds
// an "=" ("run=3.db") is not taken for one.
constexpr std::array<std::string_view, 12> connection_keywords{
    "host",     "hostaddr", "port",    "dbname",           "user",
    "password", "service",  "sslmode", "application_name", "connect_timeout",
    "options",  "passfile"};

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

bool is_url(std::string_view address) {
    return address.starts_with("postgresql://") || address.starts_with("postgres://");
}

} // namespace

bool is_postgresql_address(std::string_view address) noexcept {
    const std::string_view text = trimmed(address);
    if (is_url(text)) {
        return true;
    }
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) {
        return false;
    }
    const std::string_view keyword = trimmed(text.substr(0, equals));
    return std::ranges::any_of(connection_keywords, [keyword](std::string_view known) { return keyword == known; });
}

std::string shown_address(std::string_view address) {
    std::string shown(trimmed(address));
    if (is_url(shown)) {
        // postgresql://user:secret@host/db → postgresql://user@host/db
        const std::size_t scheme_end = shown.find("://") + 3;
        const std::size_t at = shown.find('@', scheme_end);
        const std::size_t slash = shown.find('/', scheme_end);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const std::size_t colon = shown.find(':', scheme_end);
            if (colon != std::string::npos && colon < at) {
                shown.erase(colon, at - colon);
            }
        }
    }
    // password=… in a key=value string or a URL's query: the value goes, up to the next separator.
    for (std::size_t at = shown.find("password="); at != std::string::npos; at = shown.find("password=", at + 1)) {
        const std::size_t value = at + 9;
        std::size_t end = value;
        if (end < shown.size() && shown[end] == '\'') {
            for (++end; end < shown.size() && shown[end] != '\''; ++end) {
                end += shown[end] == '\\' ? 1U : 0U;
            }
            end = std::min(end + 1, shown.size());
        } else {
            while (end < shown.size() && shown[end] != ' ' && shown[end] != '&') {
                ++end;
            }
        }
        shown.replace(value, end - value, "***");
    }
    return shown;
}

} // namespace stance
