// CSV field quoting, the formula guard and records (stance/io/csv_field.hpp).
#include "stance/io/csv_field.hpp"

#include <charconv>

namespace stance {

namespace {

bool is_number(std::string_view value) noexcept {
    double number = 0.0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    return error == std::errc{} && end == value.data() + value.size();
}

std::string quoted(std::string_view value) {
    std::string out = "\"";
    for (char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

} // namespace

bool csv_formula_risk(std::string_view value) noexcept {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
           !is_number(value);
}

std::string csv_field(std::string_view value) {
    if (csv_formula_risk(value)) {
        return quoted("'" + std::string(value));
    }
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
        return std::string(value);
    }
    return quoted(value);
}

void write_csv_row(std::ostream& out, std::span<const std::string> fields) {
    for (std::size_t c = 0; c < fields.size(); ++c) {
        out << (c ? "," : "") << csv_field(fields[c]);
    }
    out << '\n';
}

} // namespace stance
