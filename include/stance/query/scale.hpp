// Positions on a scale (docs/position-scale.md). A topic may define a scale with two labelled poles;
// topics and propositions give the direction of supporting them on it. A stance's position on a
// scale is its score times the direction of its claim, so "support: sanctions on Russia" and
// "oppose: dialogue with Russia" both lie toward the same pole, and a mean over them means something.
//
// The direction of a stance's claim on scale S:
//   - a stance on a proposition: the proposition's own direction for S; a proposition without one
//     is not on the scale (a precise claim is placed by the coder, never by its topic);
//   - a stance on a topic alone: the topic's direction for S, else that of the nearest ancestor
//     topic, following every parent, nearest first (at equal distance, parents in listed order).
// A direction of 0 says "not on this scale" and stops the search; so does finding none. A stance
// not on the scale is listed but never enters a mean position.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "stance/model/stance.hpp"
#include "stance/model/topic.hpp"

namespace stance {

class Catalog;

/// Where one stance lies on a scale.
struct ScalePlace {
    TopicId scale;
    double direction = 0.0; ///< Of the stance's claim, in [-1, 1], never 0.
    double position = 0.0;  ///< score × direction, in [-1, 1].
    std::string pole;       ///< The label of the pole the position leans to; empty at 0.
};

/// The mean position on a scale of several stances, and how far they spread around it.
struct ScaleSummary {
    std::size_t n = 0;         ///< Positions on the scale.
    std::size_t off_scale = 0; ///< Positions that lie on no direction of the scale.
    std::optional<double> mean;
    std::optional<double> spread; ///< Population standard deviation of the positions.

    void add(const std::optional<ScalePlace>& place);

private:
    double m_sum = 0.0;
    double m_sum_of_squares = 0.0;
};

/// The scale a question about `topic` is answered on: the topic's own, else the nearest ancestor's
/// (following every parent, nearest first). Nothing when there is none.
[[nodiscard]] std::optional<TopicId> scale_for(const Catalog& catalog, const TopicId& topic);

/// The direction of `stance`'s claim on `scale` (rules above); nothing when it is not on the scale.
[[nodiscard]] std::optional<double> direction_on(const Catalog& catalog, const Stance& stance, const TopicId& scale);

/// `stance` placed on `scale`; nothing when it is not on it or is not a position (absent, …).
[[nodiscard]] std::optional<ScalePlace> place_on(const Catalog& catalog, const Stance& stance, const TopicId& scale);

/// The label of the pole `position` leans to, in English when there is one, else the first
/// language; empty at 0 or when `scale` has no scale.
[[nodiscard]] std::string pole_label(const Catalog& catalog, const TopicId& scale, double position);

/// The label of one pole (`plus` true for +1), as pole_label chooses it.
[[nodiscard]] std::string pole_name(const Catalog& catalog, const TopicId& scale, bool plus);

} // namespace stance
