// One table per enum from each value to the name it has in datasets, query JSON and the CLI. The
// table is the only place a name is written: `to_string`, parsing and the list of allowed values
// that an error message shows all read it, so a new value cannot be spelled two ways. An enum
// takes part by a `names_of(Enum)` beside it that returns its table.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stance {

template <class Enum> struct EnumName {
    Enum value;
    std::string_view name;
};

/// The name of `value`. Tables list values in declaration order, so the lookup is an index; the
/// scan behind it only serves a table that does not.
template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::string_view name_in(const std::array<EnumName<Enum>, N>& names, Enum value) noexcept {
    const auto index = static_cast<std::size_t>(value);
    if (index < N && names[index].value == value) {
        return names[index].name;
    }
    for (const EnumName<Enum>& entry : names) {
        if (entry.value == value) {
            return entry.name;
        }
    }
    return "?";
}

/// The value named `text` exactly (names are lowercase), or nothing.
template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::optional<Enum> value_in(const std::array<EnumName<Enum>, N>& names,
                                                     std::string_view text) noexcept {
    for (const EnumName<Enum>& entry : names) {
        if (entry.name == text) {
            return entry.value;
        }
    }
    return std::nullopt;
}

/// Every value of the table, in its order.
template <class Enum, std::size_t N>
[[nodiscard]] constexpr std::array<Enum, N> values_in(const std::array<EnumName<Enum>, N>& names) noexcept {
    std::array<Enum, N> values{};
    for (std::size_t i = 0; i < N; ++i) {
        values[i] = names[i].value;
    }
    return values;
}

/// "a, b, c": the allowed names as an error message lists them.
template <class Enum, std::size_t N>
[[nodiscard]] std::string names_listed(const std::array<EnumName<Enum>, N>& names) {
    std::string listed;
    for (const EnumName<Enum>& entry : names) {
        if (!listed.empty()) {
            listed += ", ";
        }
        listed += entry.name;
    }
    return listed;
}

/// The name of a value of an enum that has a table, found by `names_of(value)` beside the enum.
template <class Enum>
requires requires(Enum value) {
    names_of(value);
}
[[nodiscard]] constexpr std::string_view to_string(Enum value) noexcept {
    return name_in(names_of(value), value);
}

/// The value of an enum that has a table named `text` exactly, or nothing.
template <class Enum>
requires requires(Enum value) {
    names_of(value);
}
[[nodiscard]] constexpr std::optional<Enum> parse_name(std::string_view text) noexcept {
    return value_in(names_of(Enum{}), text);
}

} // namespace stance
