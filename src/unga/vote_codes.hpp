// How the two UN releases write a vote: words in un_votes ("yes", "no", "abstain"), numbers in the
// 2016 full-codes release (1 yes, 2 abstain, 3 no, 8 absent, 9 not a member), each as a position
// kind (docs/unga.md), and back to words for the importer's reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "stance/model/position.hpp"

namespace stance::unga {

/// "yes" support, "no" oppose, "abstain" abstain; nothing for anything else.
[[nodiscard]] std::optional<PositionKind> vote_kind(std::string_view text);
/// A full-codes vote code as a kind; nothing for a code the release does not use.
[[nodiscard]] std::optional<PositionKind> full_code_kind(std::int64_t code);
/// The vote as a report says it: "yes", "no", "abstain", "absent", "not a member".
[[nodiscard]] std::string_view vote_word(PositionKind kind);

} // namespace stance::unga
