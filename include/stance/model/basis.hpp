// How a stance is known: from a recorded vote, from the actor's own words, from someone else's
// account, from the coder's reading, or from an agreement the text recalls. Queries filter on it:
// agreement counts votes, evolution may leave out inferences.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stance {

enum class Basis : std::uint8_t {
    vote,      ///< A recorded vote (a UN roll call).
    statement, ///< The actor's own statement at the meeting (the speaker's words).
    reported,  ///< Another actor's account of it (the Dutch minister reports the US position).
    inferred,  ///< The coder's inference from the text (no sentence says it outright).
    recalled,  ///< An earlier agreement the text recalls ("as agreed at Wales").
};

inline constexpr std::array all_bases{Basis::vote, Basis::statement, Basis::reported, Basis::inferred, Basis::recalled};

[[nodiscard]] constexpr std::string_view to_string(Basis basis) noexcept {
    switch (basis) {
    case Basis::vote: return "vote";
    case Basis::statement: return "statement";
    case Basis::reported: return "reported";
    case Basis::inferred: return "inferred";
    case Basis::recalled: return "recalled";
    }
    return "?";
}

[[nodiscard]] constexpr std::optional<Basis> parse_basis(std::string_view text) noexcept {
    for (Basis basis : all_bases) {
        if (to_string(basis) == text) {
            return basis;
        }
    }
    return std::nullopt;
}

} // namespace stance
