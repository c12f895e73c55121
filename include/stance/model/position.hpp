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

inline constexpr std::array all_position_kinds{
    PositionKind::support,     PositionKind::oppose,  PositionKind::abstain,
    PositionKind::neutral,     PositionKind::concern, PositionKind::conditional,
    PositionKind::no_position, PositionKind::absent,  PositionKind::not_member,
};

[[nodiscard]] constexpr std::string_view to_string(PositionKind kind) noexcept {
    switch (kind) {
    case PositionKind::support: return "support";
    case PositionKind::oppose: return "oppose";
    case PositionKind::abstain: return "abstain";
    case PositionKind::neutral: return "neutral";
    case PositionKind::concern: return "concern";
    case PositionKind::conditional: return "conditional";
    case PositionKind::no_position: return "no_position";
    case PositionKind::absent: return "absent";
    case PositionKind::not_member: return "not_member";
    }
    return "?";
}

[[nodiscard]] constexpr std::optional<PositionKind> parse_position_kind(std::string_view text) noexcept {
    for (PositionKind kind : all_position_kinds) {
        if (to_string(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
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

inline constexpr std::array all_breadths{Breadth::single, Breadth::all, Breadth::broad, Breadth::many, Breadth::some};

[[nodiscard]] constexpr std::string_view to_string(Breadth breadth) noexcept {
    switch (breadth) {
    case Breadth::single: return "single";
    case Breadth::all: return "all";
    case Breadth::broad: return "broad";
    case Breadth::many: return "many";
    case Breadth::some: return "some";
    }
    return "?";
}

[[nodiscard]] constexpr std::optional<Breadth> parse_breadth(std::string_view text) noexcept {
    for (Breadth breadth : all_breadths) {
        if (to_string(breadth) == text) {
            return breadth;
        }
    }
    return std::nullopt;
}

} // namespace stance
