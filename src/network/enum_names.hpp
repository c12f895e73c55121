// The names of an enum's values in options and files, kept in one table per enum so that parsing
// and printing cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace stance::detail {

template <class Enum, std::size_t N> using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
[[nodiscard]] std::optional<Enum> parse_enum(const EnumNames<Enum, N>& names, std::string_view text) noexcept {
    for (const auto& [value, name] : names) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

template <class Enum, std::size_t N>
[[nodiscard]] std::string_view enum_name(const EnumNames<Enum, N>& names, Enum value) noexcept {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return "?";
}

} // namespace stance::detail
