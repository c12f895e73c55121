// What positions are about: topics (a graph: a topic may sit under several parents), precise
// propositions under them, and the scales that give "support" a direction (docs/position-scale.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stance/model/actor.hpp"
#include "stance/model/ids.hpp"

namespace stance {

/// A dimension with two named poles, defined on a topic ("Russia": from "cooperation and
/// dialogue with Russia" at -1 to "deterrence of and pressure on Russia" at +1). Each pole has
/// labels in one or more languages; a topic has a scale when both poles have at least one label.
struct Scale {
    std::vector<Name> minus{}; ///< Labels of the -1 pole, one per language.
    std::vector<Name> plus{};  ///< Labels of the +1 pole, one per language.

    friend bool operator==(const Scale&, const Scale&) = default;
};

/// Where supporting a proposition (or any claim under a topic) points on the scale of topic `scale`:
/// `weight` in [-1, 1], its sign the pole, its size how far. 0 means "not on this scale".
struct Direction {
    TopicId scale{};
    double weight = 0.0;

    friend bool operator==(const Direction&, const Direction&) = default;
};

/// A subject of debate ("Russia" > "NATO-Russia dialogue"). `parents` builds a graph without cycles:
/// "Russia's war against Ukraine" sits under both "Russia" and "Ukraine".
struct Topic {
    TopicId id{};
    std::vector<TopicId> parents{};
    std::string label{};         ///< English label.
    std::vector<Name> aliases{}; ///< Labels in other languages and synonyms.
    std::optional<Scale> scale{};
    /// Directions on the scales of this topic's ancestors (or its own), inherited by its subtopics
    /// and propositions that set none for that scale.
    std::vector<Direction> directions{};

    friend bool operator==(const Topic&, const Topic&) = default;
};

/// A claim with a direction, so that "support" has a meaning: supporting the proposition means
/// agreeing with `statement` as written ("NATO should intensify its counter-terrorism role").
struct Proposition {
    PropositionId id{};
    TopicId topic{};
    std::string statement{}; ///< English.
    /// Where supporting `statement` points on a scale; overrides its topic's direction for that scale.
    std::vector<Direction> directions{};

    friend bool operator==(const Proposition&, const Proposition&) = default;
};

} // namespace stance
