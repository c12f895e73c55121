// The position scale: what an actor's stance is, how strong, and how widely a collective holds it.
//
// The scale is documented in docs/position-scale.md. Three kinds are *not* positions (no_position,
// absent, not_member): they record that an actor said or cast nothing, and they never count in
// shares or mean scores, unlike neutral and abstain, which are positions an actor took.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "stance/model/enum_names.hpp"

namespace stance {

enum class PositionKind : std::uint8_t {
    support,
    oppose,
    abstain,
    neutral,
    concern,
    conditional,
    no_position,
    absent,
    not_member,
};

inline constexpr std::array position_kind_names{
    EnumName<PositionKind>{PositionKind::support, "support"},
    EnumName<PositionKind>{PositionKind::oppose, "oppose"},
    EnumName<PositionKind>{PositionKind::abstain, "abstain"},
    EnumName<PositionKind>{PositionKind::neutral, "neutral"},
    EnumName<PositionKind>{PositionKind::concern, "concern"},
    EnumName<PositionKind>{PositionKind::conditional, "conditional"},
    EnumName<PositionKind>{PositionKind::no_position, "no_position"},
    EnumName<PositionKind>{PositionKind::absent, "absent"},
    EnumName<PositionKind>{PositionKind::not_member, "not_member"},
};
[[nodiscard]] constexpr const auto& names_of(PositionKind) noexcept {
    return position_kind_names;
}

inline constexpr std::array all_position_kinds = values_in(position_kind_names);

[[nodiscard]] constexpr std::optional<PositionKind> parse_position_kind(std::string_view text) noexcept {
    return parse_name<PositionKind>(text);
}

/// False for the kinds that record the absence of a position.
[[nodiscard]] constexpr bool is_position(PositionKind kind) noexcept {
    return kind != PositionKind::no_position && kind != PositionKind::absent && kind != PositionKind::not_member;
}

/// The score a coder gets when they give none; see docs/position-scale.md for the reasoning.
[[nodiscard]] constexpr double default_score(PositionKind kind) noexcept {
    switch (kind) {
    case PositionKind::support: return 1.0;
    case PositionKind::conditional: return 0.5;
    case PositionKind::concern: return -0.5;
    case PositionKind::oppose: return -1.0;
    default: return 0.0;
    }
}

/// How much of a collective actor holds the stance ("brede steun" = broad, "veel Bondgenoten" = many).
enum class Breadth : std::uint8_t { single, all, broad, many, some };

inline constexpr std::array breadth_names{
    EnumName<Breadth>{Breadth::single, "single"}, EnumName<Breadth>{Breadth::all, "all"},
    EnumName<Breadth>{Breadth::broad, "broad"},   EnumName<Breadth>{Breadth::many, "many"},
    EnumName<Breadth>{Breadth::some, "some"},
};
[[nodiscard]] constexpr const auto& names_of(Breadth) noexcept {
    return breadth_names;
}

inline constexpr std::array all_breadths = values_in(breadth_names);

[[nodiscard]] constexpr std::optional<Breadth> parse_breadth(std::string_view text) noexcept {
    return parse_name<Breadth>(text);
}

} // namespace stance
