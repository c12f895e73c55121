// Completion of names as a user types them (the workbench's forms), by the rules of resolve.hpp:
// the same folding of case and accents, the same tiers, the same nearness, so that every entry a
// completion offers resolves to itself. Implemented in src/query/resolve.cpp, beside the resolver
// whose internals it shares.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/topic.hpp"

namespace stance {

class Catalog;

/// The kinds of name complete_names lists. Persons are the actors of kind person (speakers).
enum class NameKind : std::uint8_t { actor, person, topic, meeting };

/// One entry of a completion list.
struct NameMatch {
    std::string id;
    std::string display;   ///< "id (name)", as resolve.hpp's messages list candidates.
    bool resolves = false; ///< True for the one entity resolution reads the typed text as.
};

/// What `typed` may mean, best first, at most `limit`: the entities it matches tier by tier as
/// resolution tries them (id, code, name, part of a title), then the nearest names as resolution
/// proposes them when nothing matches. Empty when nothing was typed.
[[nodiscard]] std::vector<NameMatch> complete_names(const Catalog& catalog, NameKind kind, std::string_view typed,
                                                    std::size_t limit);

/// The same for propositions, which have no names: by their id, and by the words of their statement.
[[nodiscard]] std::vector<NameMatch> complete_propositions(const std::vector<Proposition>& propositions,
                                                           std::string_view typed, std::size_t limit);

} // namespace stance
