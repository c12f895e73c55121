// The values of each model enum that a dataset names, for the code written once for every enum (the
// entity reader and writer). Names come from the model's own `to_string`, so each is spelled in one
// place; parsing and the list of allowed values that a message shows are derived from it. Internal.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "stance/model/actor.hpp"
#include "stance/model/basis.hpp"
#include "stance/model/position.hpp"

namespace stance::detail {

/// Every actor kind, in declaration order (actor.hpp lists them only inside parse_actor_kind).
inline constexpr std::array all_actor_kinds{ActorKind::state, ActorKind::organisation, ActorKind::group,
                                            ActorKind::person};

[[nodiscard]] constexpr const auto& values_of(ActorKind) noexcept {
    return all_actor_kinds;
}
[[nodiscard]] constexpr const auto& values_of(PositionKind) noexcept {
    return all_position_kinds;
}
[[nodiscard]] constexpr const auto& values_of(Breadth) noexcept {
    return all_breadths;
}
[[nodiscard]] constexpr const auto& values_of(Basis) noexcept {
    return all_bases;
}

/// The value of `Enum` named `text` exactly, or nothing.
template <class Enum> [[nodiscard]] constexpr std::optional<Enum> parse_name(std::string_view text) noexcept {
    for (const Enum value : values_of(Enum{})) {
        if (to_string(value) == text) {
            return value;
        }
    }
    return std::nullopt;
}

/// "a, b, c": the allowed names as an error message lists them.
template <class Enum> [[nodiscard]] std::string names_listed() {
    std::string listed;
    for (const Enum value : values_of(Enum{})) {
        if (!listed.empty()) {
            listed += ", ";
        }
        listed += to_string(value);
    }
    return listed;
}

} // namespace stance::detail
