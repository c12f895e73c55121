// Dates, choices and files from the command line; see command_input.hpp.
#include "command_input.hpp"

#include <fstream>
#include <sstream>

#include "stance/text/utf8.hpp"

namespace stance::cli {

std::optional<Date> parse_date_option(const std::string& text, std::string_view option) {
    if (text.empty()) {
        return std::nullopt;
    }
    std::optional<Date> date = Date::parse(text);
    if (!date) {
        throw invalid_input_error(std::string(option),
                                  fmt::format("\"{}\" is not a date; write it as YYYY-MM-DD, e.g. 2017-03-31", text));
    }
    return date;
}

void check_date_order(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to && *to < *from) {
        throw invalid_input_error("--from/--to",
                                  fmt::format("--from {} is after --to {}; swap them", from->iso(), to->iso()));
    }
}

std::string read_file_bytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw invalid_input_error(file, "cannot read the file: check the path and its permissions");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string read_text_file(const std::string& file) {
    std::string text = read_file_bytes(file);
    if (!is_valid_utf8(text)) {
        throw invalid_input_error(file, "not valid UTF-8 text; convert it (iconv -t UTF-8) first");
    }
    return text;
}

} // namespace stance::cli
