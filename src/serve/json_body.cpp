#include "serve/json_body.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/http_error.hpp"
#include "stance/model/ids.hpp"

namespace stance::serve {

namespace {

bool is_known(std::initializer_list<std::string_view> known, std::string_view name) {
    return std::find(known.begin(), known.end(), name) != known.end();
}

std::string known_list(std::initializer_list<std::string_view> known) {
    std::string out;
    for (const std::string_view name : known) {
        out += fmt::format("{}{}", out.empty() ? "" : ", ", name);
    }
    return out.empty() ? "none" : out;
}

[[noreturn]] void bad_parameter(std::string_view name, std::string_view value, std::string_view expected) {
    throw request_error(400, fmt::format(R"(parameter "{}": "{}" is not {})", name, value, expected));
}

} // namespace

std::string path_id(const httplib::Request& request, std::string_view what) {
    std::string id = request.matches[1].str();
    if (!is_valid_id(id)) {
        // The request's own text, cut short (a path may be kilobytes long) at a character's start.
        std::size_t cut = std::min<std::size_t>(id.size(), 80);
        while (cut > 0 && cut < id.size() && (static_cast<unsigned char>(id[cut]) & 0xC0U) == 0x80U) {
            --cut;
        }
        const std::string shown = cut < id.size() ? id.substr(0, cut) + "…" : id;
        throw request_error(400, fmt::format("\"{}\" is not a valid {} id: an id is 1 to {} characters, each a "
                                             "lowercase letter, a digit, - _ . or :",
                                             shown, what, max_id_length));
    }
    return id;
}

QueryParams::QueryParams(const httplib::Request& request, std::initializer_list<std::string_view> known)
    : m_request(request) {
    for (const auto& [name, value] : request.params) {
        if (name != "token" && !is_known(known, name)) { // ?token= may ride along on any URL the page opens
            throw request_error(400,
                                fmt::format("unknown parameter \"{}\"; this route takes: {}", name, known_list(known)));
        }
    }
}

std::string QueryParams::text(std::string_view name) const {
    return m_request.get_param_value(std::string(name));
}

std::string QueryParams::required(std::string_view name) const {
    std::string value = text(name);
    if (value.empty()) {
        throw request_error(400, fmt::format("parameter \"{}\" is required", name));
    }
    return value;
}

std::vector<std::string> QueryParams::list(std::string_view name) const {
    std::vector<std::string> out;
    const std::string key(name);
    for (std::size_t i = 0; i < m_request.get_param_value_count(key); ++i) {
        const std::string value = m_request.get_param_value(key, i);
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            if (comma > start) {
                out.push_back(value.substr(start, comma - start));
            }
            start = comma + 1;
        }
    }
    return out;
}

bool QueryParams::flag(std::string_view name, bool otherwise) const {
    const std::string key(name);
    if (!m_request.has_param(key)) {
        return otherwise;
    }
    const std::string value = text(name);
    if (value.empty() || value == "true" || value == "1") {
        return true;
    }
    if (value == "false" || value == "0") {
        return false;
    }
    bad_parameter(name, value, "true or false");
}

std::optional<std::int64_t> QueryParams::integer(std::string_view name, std::int64_t min, std::int64_t max) const {
    const std::string value = text(name);
    if (value.empty()) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (status != std::errc{} || end != value.data() + value.size() || number < min || number > max) {
        bad_parameter(name, value, fmt::format("a whole number from {} to {}", min, max));
    }
    return number;
}

std::optional<double> QueryParams::number(std::string_view name, double min, double max) const {
    const std::string value = text(name);
    if (value.empty()) {
        return std::nullopt;
    }
    double number = 0;
    const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (status != std::errc{} || end != value.data() + value.size() || !std::isfinite(number) || number < min ||
        number > max) {
        bad_parameter(name, value, fmt::format("a number from {} to {}", min, max));
    }
    return number;
}

boost::json::object json_object_body(const httplib::Request& request, std::initializer_list<std::string_view> known) {
    const std::string type = request.get_header_value("Content-Type");
    if (type.substr(0, type.find(';')) != "application/json") {
        throw request_error(415, "send the body as JSON, with Content-Type: application/json");
    }
    boost::system::error_code failure;
    boost::json::stream_parser parser;
    const std::size_t used = parser.write(request.body.data(), request.body.size(), failure);
    if (!failure) {
        parser.finish(failure);
    }
    if (failure) {
        throw request_error(400, fmt::format("the body is not JSON: {} (at byte {})", failure.message(), used));
    }
    boost::json::value value = parser.release();
    if (!value.is_object()) {
        throw request_error(400, "the body must be a JSON object ({ … })");
    }
    for (const auto& [key, field] : value.as_object()) {
        if (!is_known(known, key)) {
            throw request_error(400, fmt::format("unknown field \"{}\"; this route takes: {}", std::string_view(key),
                                                 known_list(known)));
        }
    }
    return std::move(value.as_object());
}

namespace {

[[noreturn]] void bad_field(std::string_view name, std::string_view expected) {
    throw request_error(400, fmt::format("field \"{}\" must be {}", name, expected));
}

const boost::json::value* present(const boost::json::object& body, std::string_view name) {
    const boost::json::value* value = body.if_contains(name);
    return value == nullptr || value->is_null() ? nullptr : value;
}

} // namespace

std::optional<std::string> string_field(const boost::json::object& body, std::string_view name) {
    const boost::json::value* value = present(body, name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        bad_field(name, "a string");
    }
    return std::string(value->as_string());
}

std::optional<double> number_field(const boost::json::object& body, std::string_view name) {
    const boost::json::value* value = present(body, name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        bad_field(name, "a number");
    }
    return value->to_number<double>();
}

std::optional<std::int64_t> integer_field(const boost::json::object& body, std::string_view name) {
    const boost::json::value* value = present(body, name);
    if (value == nullptr) {
        return std::nullopt;
    }
    boost::system::error_code failure;
    const auto number = value->to_number<std::int64_t>(failure);
    if (failure) {
        bad_field(name, "a whole number");
    }
    return number;
}

std::optional<std::string> scalar_text_field(const boost::json::object& body, std::string_view name) {
    const boost::json::value* value = present(body, name);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_string()) {
        return std::string(value->as_string());
    }
    if (value->is_number()) {
        return boost::json::serialize(*value);
    }
    bad_field(name, "a string or a number");
}

} // namespace stance::serve
