// The evolution query: read what reaches the actor, split direct from inherited, group into
// periods, and look for shifts.
#include "stance/query/evolution.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

// Scores are multiples of 0.25 in practice; the tolerance keeps 1.0 - 0.5 from missing a 0.5 threshold.
constexpr double score_tolerance = 1e-9;

std::string period_key(Period by, const ActorStance& point) {
    switch (by) {
    case Period::meeting: return point.stance.meeting.str();
    case Period::session: return point.session.str();
    case Period::year: return std::to_string(point.date.year());
    case Period::none: break;
    }
    return {};
}

std::string period_label(Period by, const ActorStance& point) {
    switch (by) {
    case Period::meeting: return point.meeting_title;
    case Period::session: return point.session_title;
    case Period::year: return std::to_string(point.date.year());
    case Period::none: break;
    }
    return {};
}

// What "the same question" is when single stances are compared: the proposition, else the topic.
std::string subject_of(const Stance& stance) {
    return stance.proposition ? "proposition:" + stance.proposition->str() : "topic:" + stance.topic.str();
}

bool score_moved(std::optional<double> before, std::optional<double> after, double threshold) {
    return before && after && std::abs(*after - *before) >= threshold - score_tolerance;
}

bool kind_moved(std::optional<PositionKind> before, std::optional<PositionKind> after) {
    return before && after && *before != *after;
}

std::vector<ActorStance> copy_all(const std::vector<const ActorStance*>& points) {
    std::vector<ActorStance> out;
    out.reserve(points.size());
    for (const ActorStance* point : points) {
        out.push_back(*point);
    }
    return out;
}

struct PeriodBuild {
    PeriodSummary summary;
    std::vector<const ActorStance*> positions; // evidence for shifts
    std::unordered_set<std::string> claims;
};

/// Adds one counted point to a summary, its scale summary and its set of claims.
void count_point(const ActorStance& point, bool on_a_scale, PositionSummary& summary, ScaleSummary& on_scale,
                 std::unordered_set<std::string>& claims) {
    summary.add(point.stance.kind, point.stance.score);
    if (!is_position(point.stance.kind)) {
        return;
    }
    claims.insert(subject_of(point.stance));
    if (on_a_scale) {
        on_scale.add(point.on_scale);
    }
}

std::vector<PeriodBuild> build_periods(Period by, const std::vector<const ActorStance*>& counted, bool on_a_scale) {
    std::vector<PeriodBuild> periods;
    std::unordered_map<std::string, std::size_t> index;
    for (const ActorStance* point : counted) {
        std::string key = period_key(by, *point);
        auto [found, inserted] = index.emplace(key, periods.size());
        if (inserted) {
            PeriodBuild fresh;
            fresh.summary.key = std::move(key);
            fresh.summary.label = period_label(by, *point);
            fresh.summary.first = point->date;
            fresh.summary.last = point->date;
            periods.push_back(std::move(fresh));
        }
        PeriodBuild& period = periods[found->second];
        period.summary.first = std::min(period.summary.first, point->date);
        period.summary.last = std::max(period.summary.last, point->date);
        count_point(*point, on_a_scale, period.summary.summary, period.summary.on_scale, period.claims);
        period.summary.claims = period.claims.size();
        if (is_position(point->stance.kind)) {
            period.positions.push_back(point);
        }
    }
    // Points arrive in date order, so periods already are in order of their first date, except a
    // session whose later meeting sorts before an earlier one of another session; sort to be sure.
    std::stable_sort(periods.begin(), periods.end(),
                     [](const PeriodBuild& a, const PeriodBuild& b) { return a.summary.first < b.summary.first; });
    return periods;
}

/// A shift between two periods is named by their keys and dated by the end of one and the start of the other.
void mark_periods(Shift& shift, const PeriodBuild& before, const PeriodBuild& after) {
    shift.before = before.summary.key;
    shift.after = after.summary.key;
    shift.before_date = before.summary.last;
    shift.after_date = after.summary.first;
}

std::vector<Shift> shifts_between_periods(const std::vector<PeriodBuild>& periods, double threshold) {
    std::vector<Shift> shifts;
    const PeriodBuild* previous = nullptr;
    for (const PeriodBuild& period : periods) {
        if (period.summary.summary.n == 0) {
            continue; // a session of absences says nothing about a change of position
        }
        if (previous != nullptr) {
            const PositionSummary& before = previous->summary.summary;
            const PositionSummary& after = period.summary.summary;
            Shift shift;
            shift.score_changed = score_moved(before.mean_score, after.mean_score, threshold);
            shift.kind_changed = kind_moved(before.dominant, after.dominant);
            if (shift.score_changed || shift.kind_changed) {
                mark_periods(shift, *previous, period);
                shift.score_before = before.mean_score;
                shift.score_after = after.mean_score;
                shift.kind_before = before.dominant;
                shift.kind_after = after.dominant;
                shift.mixes_claims = previous->summary.claims > 1 || period.summary.claims > 1;
                shift.evidence_before = copy_all(previous->positions);
                shift.evidence_after = copy_all(period.positions);
                shifts.push_back(std::move(shift));
            }
        }
        previous = &period;
    }
    return shifts;
}

std::vector<Shift> shifts_between_points(const std::vector<const ActorStance*>& counted, double threshold) {
    std::vector<Shift> shifts;
    std::unordered_map<std::string, const ActorStance*> last_on_subject;
    for (const ActorStance* point : counted) {
        if (!is_position(point->stance.kind)) {
            continue;
        }
        const std::string subject = subject_of(point->stance);
        auto found = last_on_subject.find(subject);
        if (found != last_on_subject.end()) {
            const ActorStance& before = *found->second;
            Shift shift;
            shift.score_changed = score_moved(before.stance.score, point->stance.score, threshold);
            shift.kind_changed = kind_moved(before.stance.kind, point->stance.kind);
            if (shift.score_changed || shift.kind_changed) {
                shift.before = before.stance.id.str();
                shift.after = point->stance.id.str();
                shift.before_date = before.date;
                shift.after_date = point->date;
                shift.score_before = before.stance.score;
                shift.score_after = point->stance.score;
                shift.kind_before = before.stance.kind;
                shift.kind_after = point->stance.kind;
                shift.on = ShiftOn::claim;
                shift.claim = point->claim;
                shift.position_before = before.on_scale ? std::optional{before.on_scale->position} : std::nullopt;
                shift.position_after = point->on_scale ? std::optional{point->on_scale->position} : std::nullopt;
                shift.pole_before = before.on_scale ? before.on_scale->pole : "";
                shift.pole_after = point->on_scale ? point->on_scale->pole : "";
                shift.evidence_before = {before};
                shift.evidence_after = {*point};
                shifts.push_back(std::move(shift));
            }
        }
        last_on_subject[subject] = point;
    }
    return shifts;
}

/// Between consecutive periods with positions on the scale, a move of the mean position by at least
/// `threshold`. Periods whose positions all lie off the scale are skipped: they say nothing about it.
std::vector<Shift> shifts_on_scale(const std::vector<PeriodBuild>& periods, double threshold, const Catalog& catalog,
                                   const TopicId& scale) {
    std::vector<Shift> shifts;
    const PeriodBuild* previous = nullptr;
    for (const PeriodBuild& period : periods) {
        if (period.summary.on_scale.n == 0) {
            continue;
        }
        if (previous != nullptr) {
            const ScaleSummary& before = previous->summary.on_scale;
            const ScaleSummary& after = period.summary.on_scale;
            if (score_moved(before.mean, after.mean, threshold)) {
                Shift shift;
                shift.on = ShiftOn::scale;
                shift.score_changed = true;
                mark_periods(shift, *previous, period);
                shift.score_before = before.mean;
                shift.score_after = after.mean;
                shift.position_before = before.mean;
                shift.position_after = after.mean;
                shift.pole_before = pole_label(catalog, scale, *before.mean);
                shift.pole_after = pole_label(catalog, scale, *after.mean);
                for (const ActorStance* point : previous->positions) {
                    if (point->on_scale) {
                        shift.evidence_before.push_back(*point);
                    }
                }
                for (const ActorStance* point : period.positions) {
                    if (point->on_scale) {
                        shift.evidence_after.push_back(*point);
                    }
                }
                shifts.push_back(std::move(shift));
            }
        }
        previous = &period;
    }
    return shifts;
}

/// Places every point on the evolution's scale (its own, not each stance's nearest one).
void place_all(std::vector<ActorStance>& points, const Catalog& catalog, const std::optional<TopicId>& scale) {
    for (ActorStance& point : points) {
        point.on_scale = scale ? place_on(catalog, point.stance, *scale) : std::nullopt;
    }
}

} // namespace

std::optional<Period> parse_period(std::string_view text) noexcept {
    for (Period period : {Period::none, Period::meeting, Period::session, Period::year}) {
        if (to_string(period) == text) {
            return period;
        }
    }
    return std::nullopt;
}

Evolution evolution(const Store& store, const Catalog& catalog, const ActorId& actor, const TopicId& topic,
                    const EvolutionOptions& options) {
    // NaN compares false with everything: it would silently mean "never a shift".
    if (!std::isfinite(options.shift_threshold) || options.shift_threshold < 0.0) {
        throw invalid_input_error("shift_threshold", fmt::format("{} is not a threshold; give a finite number, 0 or "
                                                                 "more (scores run from -1 to +1, so 2 is the "
                                                                 "largest change)",
                                                                 options.shift_threshold));
    }
    Evolution result;
    result.actor = actor;
    result.actor_name = catalog.actor(actor).name;
    result.topic = topic;
    result.topic_label = catalog.topic(topic).label;
    result.topics = options.include_subtopics ? topic_with_descendants(catalog, topic) : std::vector<TopicId>{topic};
    result.options = options;

    StanceFilter filter;
    filter.topics = result.topics;
    filter.bases = options.bases;
    filter.speakers = options.speakers;
    filter.from = options.from;
    filter.to = options.to;
    std::vector<ActorStance> all = stances_reaching(store, catalog, actor, filter);
    result.scale = scale_for(catalog, topic);
    place_all(all, catalog, result.scale);
    if (result.scale) {
        result.scale_label = catalog.topic_label(*result.scale);
        result.minus_label = pole_name(catalog, *result.scale, false);
        result.plus_label = pole_name(catalog, *result.scale, true);
    }

    // Split while remembering the time order of what counts, so periods and shifts see one sequence.
    std::vector<std::pair<bool, std::size_t>> counted_refs; // (in inherited list, index)
    result.points.reserve(all.size());
    result.inherited.reserve(all.size());
    for (ActorStance& item : all) {
        const bool direct = is_direct(item.via);
        const bool counts = direct || (options.include_inherited && is_attributable(item));
        std::vector<ActorStance>& list = direct ? result.points : result.inherited;
        if (counts) {
            counted_refs.emplace_back(!direct, list.size());
        }
        list.push_back(std::move(item));
    }
    std::vector<const ActorStance*> counted;
    counted.reserve(counted_refs.size());
    for (const auto& [inherited, index] : counted_refs) {
        counted.push_back(inherited ? &result.inherited[index] : &result.points[index]);
    }

    const bool on_a_scale = result.scale.has_value();
    std::unordered_set<std::string> claims;
    for (const ActorStance* point : counted) {
        count_point(*point, on_a_scale, result.overall, result.overall_on_scale, claims);
    }
    result.claims = claims.size();
    if (options.by == Period::none) {
        result.shifts = shifts_between_points(counted, options.shift_threshold);
        return result;
    }
    std::vector<PeriodBuild> periods = build_periods(options.by, counted, on_a_scale);
    if (on_a_scale) {
        result.shifts = shifts_on_scale(periods, options.shift_threshold, catalog, *result.scale);
        std::vector<Shift> on_claims = shifts_between_points(counted, options.shift_threshold);
        result.shifts.insert(result.shifts.end(), std::make_move_iterator(on_claims.begin()),
                             std::make_move_iterator(on_claims.end()));
        std::stable_sort(result.shifts.begin(), result.shifts.end(),
                         [](const Shift& a, const Shift& b) { return a.after_date < b.after_date; });
    } else {
        result.shifts = shifts_between_periods(periods, options.shift_threshold);
    }
    result.periods.reserve(periods.size());
    for (PeriodBuild& period : periods) {
        result.periods.push_back(std::move(period.summary));
    }
    return result;
}

Evolution evolution(const Store& store, const ActorId& actor, const TopicId& topic, const EvolutionOptions& options) {
    const Catalog catalog{store};
    return evolution(store, catalog, actor, topic, options);
}

} // namespace stance
