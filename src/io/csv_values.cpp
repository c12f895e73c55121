// Typed CSV field values; see csv_values.hpp.
#include "io/csv_values.hpp"

#include <charconv>
#include <string_view>

#include <fmt/format.h>

#include "stance/error.hpp"

namespace stance::detail {

std::int64_t csv_integer(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::string_view text = record.field(index);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
        throw invalid_input_error(reader.where(record, index),
                                  fmt::format("{} is \"{}\", which is not a whole number; fix or remove this row",
                                              reader.column_name(index), text));
    }
    return value;
}

std::int64_t csv_positive(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::int64_t value = csv_integer(reader, record, index);
    if (value <= 0) {
        throw invalid_input_error(reader.where(record, index),
                                  fmt::format("{} is {}, but it must be a positive number; fix or remove this row",
                                              reader.column_name(index), value));
    }
    return value;
}

std::optional<bool> csv_flag(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::string_view text = record.field(index);
    if (text.empty()) {
        return std::nullopt;
    }
    if (text == "0" || text == "1") {
        return text == "1";
    }
    throw invalid_input_error(
        reader.where(record, index),
        fmt::format("{} is \"{}\"; expected 1, 0 or nothing (not coded)", reader.column_name(index), text));
}

Date csv_date(const CsvReader& reader, const CsvRecord& record, std::size_t index) {
    const std::string_view text = record.field(index);
    if (auto date = Date::parse(text)) {
        return *date;
    }
    throw invalid_input_error(reader.where(record, index),
                              fmt::format("{} is \"{}\", which is not a date of the form YYYY-MM-DD that exists; fix "
                                          "the date",
                                          reader.column_name(index), text));
}

} // namespace stance::detail
