// What positions are about: a hierarchy of topics and, optionally, precise propositions under them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stance/model/actor.hpp"
#include "stance/model/ids.hpp"

namespace stance {

/// A subject of debate ("Russia" > "NATO-Russia dialogue"). `parent` builds the hierarchy.
struct Topic {
    TopicId id;
    std::optional<TopicId> parent;
    std::string label;         ///< English label.
    std::vector<Name> aliases; ///< Labels in other languages and synonyms.

    friend bool operator==(const Topic&, const Topic&) = default;
};

/// A claim with a direction, so that "support" has a meaning: supporting the proposition means
/// agreeing with `statement` as written ("NATO should intensify its counter-terrorism role").
struct Proposition {
    PropositionId id;
    TopicId topic;
    std::string statement; ///< English.

    friend bool operator==(const Proposition&, const Proposition&) = default;
};

} // namespace stance
