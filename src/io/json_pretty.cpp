#include "io/json_pretty.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string_view>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace json = boost::json;

namespace stance::detail {

// A string as json::serialize writes it, appended in place: the export writes some thirty strings
// (keys and values) a stance, and a json::string and a std::string made for each were a good part
// of its time. Boost.JSON escapes the quote, the backslash and every control character (\b \t \n
// \f \r by name, the rest as \u00xx), and nothing else; test_export checks the two agree.
void append_json_string(std::string& out, std::string_view text) {
    static constexpr std::string_view hex = "0123456789abcdef";
    out += '"';
    std::size_t unwritten = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(text, unwritten, i - unwritten);
        unwritten = i + 1;
        out += '\\';
        switch (c) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\t': out += 't'; break;
        case '\n': out += 'n'; break;
        case '\f': out += 'f'; break;
        case '\r': out += 'r'; break;
        default:
            out += "u00";
            out += hex[c >> 4U];
            out += hex[c & 0xfU];
        }
    }
    out.append(text, unwritten);
    out += '"';
}

namespace {

// Whole numbers up to this size print as their digits in the shortest form (an exponent starts far
// beyond it), so they need not go through the shortest-form search.
constexpr double whole_number_limit = 1e9;

bool is_small_whole_number(double number) {
    return std::abs(number) <= whole_number_limit && number == std::trunc(number) &&
           !(number == 0.0 && std::signbit(number)); // -0.0 keeps its sign in the shortest form: "-0"
}

} // namespace

// Most numbers an export writes are whole: every vote's score is -1, 0 or +1, and there is one or
// two a stance, so those skip the shortest-form search; the rest are formatted on the stack, not
// a character at a time into the output.
void append_json_number(std::string& out, double number) {
    if (!std::isfinite(number)) {
        out += "null";
        return;
    }
    if (is_small_whole_number(number)) {
        append_json_integer(out, static_cast<std::int64_t>(number));
        out += ".0";
        return;
    }
    std::array<char, 40> buffer{}; // the shortest form of a double has at most 24 characters
    const auto written = fmt::format_to_n(buffer.data(), buffer.size(), "{}", number); // reads back as the same
    const std::string_view text(buffer.data(), std::min(written.size, buffer.size()));
    out += text;
    if (text.find_first_of(".eE") == std::string_view::npos) {
        out += ".0";
    }
}

void append_json_integer(std::string& out, std::int64_t number) {
    const fmt::format_int digits(number);
    out.append(digits.data(), digits.size());
}

void append_json_integer(std::string& out, std::uint64_t number) {
    const fmt::format_int digits(number);
    out.append(digits.data(), digits.size());
}

void append_json_newline(std::string& out, int indent) {
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * 2, ' ');
}

namespace {

void write(std::string& out, const json::value& value, int indent);

void write_scalar(std::string& out, const json::value& value) {
    if (value.is_string()) {
        append_json_string(out, value.get_string());
        return;
    }
    if (value.is_int64()) {
        append_json_integer(out, value.get_int64());
        return;
    }
    if (value.is_uint64()) {
        append_json_integer(out, value.get_uint64());
        return;
    }
    if (!value.is_double()) {
        out += json::serialize(value);
        return;
    }
    append_json_number(out, value.get_double());
}

bool all_scalars(const json::array& array) {
    return std::none_of(array.begin(), array.end(),
                        [](const json::value& item) { return item.is_array() || item.is_object(); });
}

void write_object(std::string& out, const json::object& object, int indent) {
    if (object.empty()) {
        out += "{}";
        return;
    }
    out += '{';
    bool first = true;
    for (const auto& [key, item] : object) {
        out += first ? "" : ",";
        first = false;
        append_json_newline(out, indent + 1);
        append_json_string(out, key);
        out += ": ";
        write(out, item, indent + 1);
    }
    append_json_newline(out, indent);
    out += '}';
}

void write_array(std::string& out, const json::array& array, int indent) {
    if (array.empty() || all_scalars(array)) {
        out += '[';
        for (std::size_t i = 0; i < array.size(); ++i) {
            out += i ? ", " : "";
            write_scalar(out, array[i]);
        }
        out += ']';
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < array.size(); ++i) {
        out += i ? "," : "";
        append_json_newline(out, indent + 1);
        write(out, array[i], indent + 1);
    }
    append_json_newline(out, indent);
    out += ']';
}

void write(std::string& out, const json::value& value, int indent) {
    if (value.is_object()) {
        write_object(out, value.get_object(), indent);
    } else if (value.is_array()) {
        write_array(out, value.get_array(), indent);
    } else {
        write_scalar(out, value);
    }
}

void write_compact(std::string& out, const json::value& value) {
    if (value.is_object()) {
        out += '{';
        bool first = true;
        for (const auto& [key, item] : value.get_object()) {
            out += first ? "" : ",";
            first = false;
            append_json_string(out, key);
            out += ':';
            write_compact(out, item);
        }
        out += '}';
    } else if (value.is_array()) {
        out += '[';
        bool first = true;
        for (const json::value& item : value.get_array()) {
            out += first ? "" : ",";
            first = false;
            write_compact(out, item);
        }
        out += ']';
    } else {
        write_scalar(out, value);
    }
}

} // namespace

std::string compact_json(const json::value& value) {
    std::string out;
    write_compact(out, value);
    return out;
}

std::string pretty_json(const json::value& value) {
    std::string out;
    write(out, value, 0);
    return out;
}

void append_pretty_json(std::string& out, const json::value& value, int indent) {
    write(out, value, indent);
}

json::value rounded_or_null(const std::optional<double>& value) {
    return value && std::isfinite(*value) ? json::value(std::round(*value * 10000.0) / 10000.0) : json::value(nullptr);
}

} // namespace stance::detail
