// Finding directions and scales by walking up the topic graph, nearest first.
#include "stance/query/scale.hpp"

#include <cmath>
#include <deque>
#include <unordered_set>

#include "stance/query/catalog.hpp"

namespace stance {

namespace {

/// Calls `visit` on `start` and its ancestors, breadth first (nearest first), each once, until it
/// returns true. The visited set also guards against a damaged database with a cycle.
template <class Visit> void walk_up(const Catalog& catalog, const TopicId& start, Visit visit) {
    std::deque<TopicId> queue{start};
    std::unordered_set<TopicId> seen{start};
    while (!queue.empty()) {
        const TopicId id = queue.front();
        queue.pop_front();
        const Topic* topic = catalog.find(id);
        if (topic == nullptr) {
            continue;
        }
        if (visit(*topic)) {
            return;
        }
        for (const TopicId& parent : topic->parents) {
            if (seen.insert(parent).second) {
                queue.push_back(parent);
            }
        }
    }
}

const Direction* find_direction(const std::vector<Direction>& directions, const TopicId& scale) {
    for (const Direction& direction : directions) {
        if (direction.scale == scale) {
            return &direction;
        }
    }
    return nullptr;
}

std::string preferred_label(const std::vector<Name>& labels) {
    for (const Name& label : labels) {
        if (label.language == "en") {
            return label.text;
        }
    }
    return labels.empty() ? std::string{} : labels.front().text;
}

} // namespace

void ScaleSummary::add(const std::optional<ScalePlace>& place) {
    if (!place) {
        ++off_scale;
        return;
    }
    ++n;
    m_sum += place->position;
    m_sum_of_squares += place->position * place->position;
    const auto count = static_cast<double>(n);
    mean = m_sum / count;
    spread = std::sqrt(std::max(0.0, m_sum_of_squares / count - *mean * *mean));
}

std::optional<TopicId> scale_for(const Catalog& catalog, const TopicId& topic) {
    std::optional<TopicId> found;
    walk_up(catalog, topic, [&](const Topic& candidate) {
        if (candidate.scale) {
            found = candidate.id;
        }
        return found.has_value();
    });
    return found;
}

std::optional<double> direction_on(const Catalog& catalog, const Stance& stance, const TopicId& scale) {
    if (stance.proposition) {
        // A proposition is a precise claim: its own direction places it, and without one it is not
        // on the scale (its topic's direction is about claims on the topic as such).
        const Proposition* proposition = catalog.find(*stance.proposition);
        const Direction* own = proposition ? find_direction(proposition->directions, scale) : nullptr;
        return own == nullptr || own->weight == 0.0 ? std::nullopt : std::optional{own->weight};
    }
    std::optional<double> weight;
    bool decided = false;
    walk_up(catalog, stance.topic, [&](const Topic& topic) {
        if (const Direction* direction = find_direction(topic.directions, scale)) {
            decided = true;
            if (direction->weight != 0.0) {
                weight = direction->weight;
            }
        }
        return decided;
    });
    return weight;
}

std::optional<ScalePlace> place_on(const Catalog& catalog, const Stance& stance, const TopicId& scale) {
    if (!is_position(stance.kind)) {
        return std::nullopt;
    }
    const std::optional<double> direction = direction_on(catalog, stance, scale);
    if (!direction) {
        return std::nullopt;
    }
    ScalePlace place;
    place.scale = scale;
    place.direction = *direction;
    place.position = stance.score * *direction;
    place.pole = pole_label(catalog, scale, place.position);
    return place;
}

std::string pole_name(const Catalog& catalog, const TopicId& scale, bool plus) {
    const Topic* topic = catalog.find(scale);
    if (topic == nullptr || !topic->scale) {
        return {};
    }
    return preferred_label(plus ? topic->scale->plus : topic->scale->minus);
}

std::string pole_label(const Catalog& catalog, const TopicId& scale, double position) {
    if (std::abs(position) < 1e-9) {
        return {};
    }
    return pole_name(catalog, scale, position > 0.0);
}

} // namespace stance
