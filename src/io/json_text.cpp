// Dataset text to a JSON value, or an error at the line and column where it stops being JSON, with
// the fix for the usual causes (a file saved as Latin-1, a repeated key).
#include "io/json_text.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/json_duplicate_keys.hpp"
#include "stance/error.hpp"
#include "stance/text/utf8.hpp"

namespace json = boost::json;

namespace stance::detail {

namespace {

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

} // namespace

json::value parse_json(std::string_view text, const std::string& source) {
    // Editors on Windows start UTF-8 files with a byte order mark. It is not JSON, but it says
    // nothing wrong about the data either, so it is skipped rather than refused.
    constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
    if (text.starts_with(byte_order_mark)) {
        text.remove_prefix(byte_order_mark.size());
    }
    json::parse_options options;
    options.max_depth = 64; // datasets nest five levels; anything deep is hostile or broken
    json::stream_parser parser(json::storage_ptr(), options);
    json::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        std::size_t offset = std::min(consumed, text.size());
        std::string what = fmt::format("malformed JSON: {}", ec.message());
        // Boost.JSON calls a bad byte a syntax error; say what it is and how to fix the file.
        if (auto bad = first_invalid_utf8(text); bad && *bad <= offset) {
            offset = *bad;
            what = fmt::format("malformed JSON: byte 0x{:02X} is not valid UTF-8; save the file as UTF-8 (for "
                               "example iconv -f LATIN1 -t UTF-8)",
                               static_cast<unsigned char>(text[offset]));
        }
        auto [line, column] = line_and_column(text, offset);
        throw invalid_input_error(fmt::format("{}:{}:{}", source, line, column), what);
    }
    if (auto duplicate = first_duplicate_key(text)) {
        throw invalid_input_error(fmt::format("{}: {}", source, *duplicate),
                                  "appears twice in one object, and only one can be meant; keep one (for a list, "
                                  "merge the two)");
    }
    return parser.release();
}

} // namespace stance::detail
