// The counting half of the evolution query (evolution.cpp reads): what is counted, in time order,
// grouped into periods, and the shifts between periods and between single stances. What is counted
// is a stance, or in a summary (EvolutionOptions::summary_only) the votes of one tally, so one
// definition of a period serves both ways of reading. Internal.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "stance/query/evolution.hpp"

namespace stance::detail {

/// One thing an evolution counts: a stance, or `count` recorded votes of one tally (all alike).
struct Counted {
    const ActorStance* point = nullptr; ///< The stance; null for tallied votes.
    Date date;
    PositionKind kind = PositionKind::no_position;
    double score = 0.0;
    std::size_t count = 1;
    std::string subject; ///< The claim compared across periods: "proposition:…", else "topic:…".
    std::string key;     ///< The period it falls in, and that period's label.
    std::string label;
    const std::optional<ScalePlace>* on_scale = nullptr; ///< Null for tallied votes (never on a scale).
};

[[nodiscard]] Counted counted_point(Period by, const ActorStance& point);
[[nodiscard]] Counted counted_votes(Period by, const ReachedTally& votes);

/// The period `point` falls in (EvolutionOptions::by).
[[nodiscard]] std::string period_key(Period by, const ActorStance& point);

/// Adds one counted entry to a summary, its scale summary and its set of claims.
void count_entry(const Counted& entry, bool on_a_scale, PositionSummary& summary, ScaleSummary& on_scale,
                 std::unordered_set<std::string>& claims);

struct PeriodBuild {
    PeriodSummary summary;
    std::vector<const ActorStance*> positions; ///< The stances among its positions: evidence for shifts.
    bool tallied_positions = false;            ///< Whether some of its positions are tallied votes.
    std::unordered_set<std::string> claims;
};

/// Periods in time order (of their first date). `counted` arrives in report order or, in a summary,
/// stances in report order and then the tallies: periods that begin on the same day are then in an
/// order that says nothing, which `starts_tie` finds.
[[nodiscard]] std::vector<PeriodBuild> build_periods(const std::vector<Counted>& counted, bool on_a_scale);
[[nodiscard]] bool starts_tie(const std::vector<PeriodBuild>& periods);

/// The counted positions of a period, as a shift's evidence.
using EvidenceOf = std::function<std::vector<ActorStance>(const PeriodBuild&)>;

[[nodiscard]] std::vector<Shift> shifts_between_periods(const std::vector<PeriodBuild>& periods, double threshold,
                                                        const EvidenceOf& evidence_of);
[[nodiscard]] std::vector<Shift> shifts_between_points(const std::vector<Counted>& counted, double threshold);
[[nodiscard]] std::vector<Shift> shifts_on_scale(const std::vector<PeriodBuild>& periods, double threshold,
                                                 const Catalog& catalog, const TopicId& scale);

} // namespace stance::detail
