// How a stance is known: from a recorded vote, from the actor's own words, from someone else's
// account, from the coder's reading, or from an agreement the text recalls. Queries filter on it:
// agreement counts votes, evolution may leave out inferences.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "stance/model/enum_names.hpp"

namespace stance {

enum class Basis : std::uint8_t {
    vote,      ///< A recorded vote (a UN roll call).
    statement, ///< The actor's own statement at the meeting (the speaker's words).
    reported,  ///< Another actor's account of it (the Dutch minister reports the US position).
    inferred,  ///< The coder's inference from the text (no sentence says it outright).
    recalled,  ///< An earlier agreement the text recalls ("as agreed at Wales").
};

inline constexpr std::array basis_names{
    EnumName<Basis>{Basis::vote, "vote"},         EnumName<Basis>{Basis::statement, "statement"},
    EnumName<Basis>{Basis::reported, "reported"}, EnumName<Basis>{Basis::inferred, "inferred"},
    EnumName<Basis>{Basis::recalled, "recalled"},
};
[[nodiscard]] constexpr const auto& names_of(Basis) noexcept {
    return basis_names;
}

inline constexpr std::array all_bases = values_in(basis_names);

[[nodiscard]] constexpr std::optional<Basis> parse_basis(std::string_view text) noexcept {
    return parse_name<Basis>(text);
}

} // namespace stance
