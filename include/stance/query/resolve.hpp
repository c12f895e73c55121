// Turning what a person types into an id: "NL", "NLD", "nld", "Netherlands", "Nederland" and
// "nederland" all name the actor nld; "Rusland" names the topic russia (and the actor rus).
//
// Matching ignores case and accents (stance::fold_for_matching), so "Oekraine" finds "Oekraïne".
// A reference is tried in tiers, and the first tier that matches decides:
//   1. the id itself;
//   2. a code: ISO 3166-1 alpha-2 or alpha-3 for actors, an ISO date for meetings (the top-level
//      meetings held that day);
//   3. the English name or label, or any alias in any language (for meetings: the title).
// So an exact id or code beats a name. When a tier matches more than one entity, or nothing
// matches, a not_found_error is thrown whose message says what was looked for and whose
// candidates() are the closest entries, formatted "id (name)": every match when the reference is
// ambiguous, else those nearest by edit distance on the folded text, or that start with or contain it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance {

class Catalog;

[[nodiscard]] ActorId resolve_actor(const Catalog& catalog, std::string_view reference);
[[nodiscard]] TopicId resolve_topic(const Catalog& catalog, std::string_view reference);
[[nodiscard]] MeetingId resolve_meeting(const Catalog& catalog, std::string_view reference);

/// Edit distance between two strings in Unicode code points (not bytes): insertions, deletions,
/// substitutions and swaps of neighbouring characters each cost one (optimal string alignment).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace stance
