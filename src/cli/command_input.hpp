// Reading what a user typed into a command: dates, one of an enumeration's values, and the files an
// option names. Each throws invalid_input_error naming the option or the file, with what to do.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/model/date.hpp"

namespace stance::cli {

/// The date of a `--from`/`--to` style option; nothing when the option was not given.
/// Throws invalid_input_error naming the option when the text is not an existing YYYY-MM-DD date.
[[nodiscard]] std::optional<Date> parse_date_option(const std::string& text, std::string_view option);
/// Throws invalid_input_error when --to is before --from.
void check_date_order(const std::optional<Date>& from, const std::optional<Date>& to);

/// The value of an option naming one of an enumeration's values (`parse` reads it); nothing when
/// the option was not given. Throws invalid_input_error naming the option and `choices` otherwise.
template <class Value>
std::optional<Value> parse_choice_option(const std::string& text, std::string_view option, std::string_view choices,
                                         std::optional<Value> (*parse)(std::string_view) noexcept) {
    if (text.empty()) {
        return std::nullopt;
    }
    if (std::optional<Value> value = parse(text)) {
        return value;
    }
    throw invalid_input_error(std::string(option), fmt::format("\"{}\" is not one of {}", text, choices));
}
inline constexpr std::string_view position_choices =
    "support, oppose, concern, conditional, abstain, neutral, no_position, absent, not_member";
inline constexpr std::string_view basis_choices = "vote, statement, reported, inferred, recalled";
inline constexpr std::string_view breadth_choices = "single, all, broad, many, some";

/// The bytes of a file, as they are; throws invalid_input_error naming the file when it cannot be read.
[[nodiscard]] std::string read_file_bytes(const std::string& file);
/// The contents of a UTF-8 text file; throws invalid_input_error naming the file when it cannot be
/// read or is not UTF-8.
[[nodiscard]] std::string read_text_file(const std::string& file);

} // namespace stance::cli
