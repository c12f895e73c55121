// Which agreement figure weighs a tie between two actors (stance/query/agreement_counts.hpp): the
// share of identical votes, Cohen's kappa or Signorino and Ritter's S. Shared by the agreement
// network (stance/network/vote_network.hpp) and the voting blocs (stance/query/blocs.hpp), so both
// read the same figure under the same name.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "stance/query/agreement_counts.hpp"

namespace stance {

enum class AgreementWeight : std::uint8_t { share, kappa, s_score };

/// "share", "kappa" or "s".
[[nodiscard]] std::optional<AgreementWeight> parse_agreement_weight(std::string_view text) noexcept;
[[nodiscard]] std::string_view to_string(AgreementWeight weight) noexcept;

/// The figure of `counts`; nothing where it is undefined (no roll call both voted on; kappa when
/// both cast one same kind only).
[[nodiscard]] std::optional<double> agreement_figure(const AgreementCounts& counts, AgreementWeight weight) noexcept;

/// The lowest value the figure can take: 0 for the share, -1 for kappa and S (all are at most 1).
[[nodiscard]] double lowest_figure(AgreementWeight weight) noexcept;

} // namespace stance
