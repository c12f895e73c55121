// The compare query: both actors' reaching stances, paired by subject (topic and proposition).
#include "stance/query/compare.hpp"

#include <algorithm>
#include <unordered_map>

#include "stance/query/catalog.hpp"
#include "stance/query/report_order.hpp"
#include "stance/query/spoken_for.hpp"
#include "stance/query/tree.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

std::string subject_key(const Stance& stance) {
    return stance.topic.str() + '\x1f' + (stance.proposition ? stance.proposition->str() : std::string{});
}

// Summarises the positions the verdict rests on: direct ones if there are any, else attributable
// inherited ones. Group stances of only part of a group are listed but never decide.
void decide_basis(CompareSide& side) {
    PositionSummary direct;
    PositionSummary inherited;
    for (const ActorStance& item : side.stances) {
        if (is_direct(item.via)) {
            direct.add(item.stance.kind, item.stance.score);
        } else if (is_attributable(item)) {
            inherited.add(item.stance.kind, item.stance.score);
        }
    }
    if (direct.n > 0) {
        side.summary = direct;
        side.inherited = false;
    } else {
        side.summary = inherited;
        side.inherited = inherited.n > 0;
    }
}

int sign_of(double value) {
    constexpr double zero = 1e-9;
    return value > zero ? 1 : (value < -zero ? -1 : 0);
}

Agreement verdict(const CompareSide& first, const CompareSide& second) {
    if (!first.has_position() && !second.has_position()) {
        return Agreement::neither;
    }
    if (!second.has_position()) {
        return Agreement::only_first;
    }
    if (!first.has_position()) {
        return Agreement::only_second;
    }
    const auto& a = first.summary;
    const auto& b = second.summary;
    if (a.dominant && b.dominant && *a.dominant == *b.dominant) {
        return Agreement::agree;
    }
    return sign_of(a.mean_score.value_or(0.0)) == sign_of(b.mean_score.value_or(0.0)) ? Agreement::agree
                                                                                      : Agreement::diverge;
}

} // namespace

std::size_t Comparison::count(Agreement agreement) const noexcept {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [&](const CompareRow& row) { return row.agreement == agreement; }));
}

Comparison compare(const Store& store, const Catalog& catalog, const ActorId& first, const ActorId& second,
                   const CompareOptions& options) {
    Comparison result;
    result.first = first;
    result.first_name = catalog.actor(first).name;
    result.second = second;
    result.second_name = catalog.actor(second).name;
    result.topic = options.topic;

    StanceFilter filter;
    if (options.topic) {
        result.topic_label = catalog.topic(*options.topic).label;
        filter.topics = options.include_subtopics ? topic_with_descendants(catalog, *options.topic)
                                                  : std::vector<TopicId>{*options.topic};
    }
    filter.from = options.from;
    filter.to = options.to;
    // Each side on its own: two ministers are compared as what each voiced for their state.
    const auto side_stances = [&](const ActorId& actor, std::string_view field) {
        const SpokenFor side = spoken_for(catalog, actor, options.speakers, field);
        StanceFilter side_filter = filter;
        side_filter.speakers = side.speakers;
        return stances_reaching(store, catalog, side.actor, side_filter);
    };

    // Tag each side's stances, then walk both in report order so rows come out as the sources tell them.
    struct Tagged {
        ActorStance item;
        bool second_side;
    };
    std::vector<Tagged> all;
    for (ActorStance& item : side_stances(first, "first")) {
        all.push_back(Tagged{std::move(item), false});
    }
    for (ActorStance& item : side_stances(second, "second")) {
        all.push_back(Tagged{std::move(item), true});
    }
    std::stable_sort(all.begin(), all.end(), [](const Tagged& a, const Tagged& b) {
        return report_position(a.item.stance, a.item.date) < report_position(b.item.stance, b.item.date);
    });

    std::unordered_map<std::string, std::size_t> row_index;
    for (Tagged& tagged : all) {
        const Stance& stance = tagged.item.stance;
        auto [found, inserted] = row_index.emplace(subject_key(stance), result.rows.size());
        if (inserted) {
            CompareRow row;
            row.topic = stance.topic;
            row.topic_label = catalog.topic_label(stance.topic);
            row.proposition = stance.proposition;
            if (stance.proposition) {
                const Proposition* proposition = catalog.find(*stance.proposition);
                row.statement = proposition ? proposition->statement : stance.proposition->str();
            }
            result.rows.push_back(std::move(row));
        }
        CompareRow& row = result.rows[found->second];
        (tagged.second_side ? row.second : row.first).stances.push_back(std::move(tagged.item));
    }
    for (CompareRow& row : result.rows) {
        decide_basis(row.first);
        decide_basis(row.second);
        row.agreement = verdict(row.first, row.second);
    }
    return result;
}

Comparison compare(const Store& store, const ActorId& first, const ActorId& second, const CompareOptions& options) {
    const Catalog catalog{store};
    return compare(store, catalog, first, second, options);
}

} // namespace stance
