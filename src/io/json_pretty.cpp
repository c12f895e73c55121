#include "io/json_pretty.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace json = boost::json;

namespace stance::detail {

namespace {

void write(std::string& out, const json::value& value, int indent);

void newline(std::string& out, int indent) {
    out += '\n';
    out.append(static_cast<std::size_t>(indent) * 2, ' ');
}

void write_scalar(std::string& out, const json::value& value) {
    if (!value.is_double()) {
        out += json::serialize(value);
        return;
    }
    const double number = value.get_double();
    if (!std::isfinite(number)) {
        out += "null";
        return;
    }
    std::string text = fmt::format("{}", number); // shortest form that reads back as the same double
    if (text.find_first_of(".eE") == std::string::npos) {
        text += ".0";
    }
    out += text;
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
        newline(out, indent + 1);
        out += json::serialize(json::string(key));
        out += ": ";
        write(out, item, indent + 1);
    }
    newline(out, indent);
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
        newline(out, indent + 1);
        write(out, array[i], indent + 1);
    }
    newline(out, indent);
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
            out += json::serialize(json::string(key));
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
    return value ? json::value(std::round(*value * 10000.0) / 10000.0) : json::value(nullptr);
}

} // namespace stance::detail
