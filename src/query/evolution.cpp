// The evolution query: read what reaches the actor, split direct from inherited, group into
// periods, and look for shifts.
#include "stance/query/evolution.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "query/evolution_periods.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/spoken_for.hpp"
#include "stance/query/tree.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

using detail::Counted;
using detail::PeriodBuild;

std::vector<ActorStance> copy_all(const std::vector<const ActorStance*>& points) {
    std::vector<ActorStance> out;
    out.reserve(points.size());
    for (const ActorStance* point : points) {
        out.push_back(*point);
    }
    return out;
}

/// Places every point on the evolution's scale (its own, not each stance's nearest one).
void place_all(std::vector<ActorStance>& points, const Catalog& catalog, const std::optional<TopicId>& scale) {
    for (ActorStance& point : points) {
        point.on_scale = scale ? place_on(catalog, point.stance, *scale) : std::nullopt;
    }
}

/// Whether a stance that reaches the actor enters periods and shifts.
bool counts(const ActorStance& item, const EvolutionOptions& options) {
    return is_direct(item.via) || (options.include_inherited && is_attributable(item));
}

StanceFilter filter_of(const Evolution& result) {
    StanceFilter filter;
    filter.topics = result.topics;
    filter.bases = result.options.bases;
    filter.speakers = result.options.speakers;
    filter.from = result.options.from;
    filter.to = result.options.to;
    return filter;
}

/// The overall figures, the periods and the shifts of what `counted` holds, in the order it holds it;
/// `periods` are its periods (build_periods; none without periods).
void summarise(Evolution& result, const std::vector<Counted>& counted, std::vector<PeriodBuild> periods,
               const Catalog& catalog, const detail::EvidenceOf& evidence_of) {
    const EvolutionOptions& options = result.options;
    const bool on_a_scale = result.scale.has_value();
    std::unordered_set<std::string> claims;
    for (const Counted& entry : counted) {
        detail::count_entry(entry, on_a_scale, result.overall, result.overall_on_scale, claims);
    }
    result.claims = claims.size();
    if (options.by == Period::none) {
        result.shifts = detail::shifts_between_points(counted, options.shift_threshold);
        return;
    }
    if (on_a_scale) {
        result.shifts = detail::shifts_on_scale(periods, options.shift_threshold, catalog, *result.scale);
        std::vector<Shift> on_claims = detail::shifts_between_points(counted, options.shift_threshold);
        result.shifts.insert(result.shifts.end(), std::make_move_iterator(on_claims.begin()),
                             std::make_move_iterator(on_claims.end()));
        std::stable_sort(result.shifts.begin(), result.shifts.end(),
                         [](const Shift& a, const Shift& b) { return a.after_date < b.after_date; });
    } else {
        result.shifts = detail::shifts_between_periods(periods, options.shift_threshold, evidence_of);
    }
    result.periods.reserve(periods.size());
    for (PeriodBuild& period : periods) {
        result.periods.push_back(std::move(period.summary));
    }
}

/// Every stance read and listed, then counted in report order.
void evolution_of_stances(Evolution& result, const Store& store, const Catalog& catalog) {
    const EvolutionOptions& options = result.options;
    std::vector<ActorStance> all = stances_reaching(store, catalog, result.actor, filter_of(result));
    place_all(all, catalog, result.scale);

    // Split while remembering the time order of what counts, so periods and shifts see one sequence.
    std::vector<std::pair<bool, std::size_t>> counted_refs; // (in inherited list, index)
    result.points.reserve(all.size());
    result.inherited.reserve(all.size());
    for (ActorStance& item : all) {
        const bool direct = is_direct(item.via);
        std::vector<ActorStance>& list = direct ? result.points : result.inherited;
        if (counts(item, options)) {
            counted_refs.emplace_back(!direct, list.size());
        }
        list.push_back(std::move(item));
    }
    std::vector<Counted> counted;
    counted.reserve(counted_refs.size());
    for (const auto& [inherited, index] : counted_refs) {
        counted.push_back(
            detail::counted_point(options.by, inherited ? result.inherited[index] : result.points[index]));
    }
    std::vector<PeriodBuild> periods;
    if (options.by != Period::none) {
        periods = detail::build_periods(counted, result.scale.has_value());
    }
    summarise(result, counted, std::move(periods), catalog,
              [](const PeriodBuild& period) { return copy_all(period.positions); });
}

// A sum of scores that are all multiples of 2^-10 is exact in a double (for fewer than 2^42 of
// them), so it comes out the same in any order. Counting tallies changes the order in which
// scores are added; other scores could then move a mean in its last bit.
bool sums_exactly(double score) {
    const double scaled = std::ldexp(score, 10);
    return scaled == std::floor(scaled);
}

/// The filter that reads the stances of `periods` again: their meetings, or their days
/// for years (a period's stances all lie within its first and last day).
StanceFilter filter_for_periods(const Evolution& result, const std::vector<const PeriodSummary*>& periods,
                                const Catalog& catalog) {
    StanceFilter filter = filter_of(result);
    if (result.options.by == Period::year) { // inside the evolution's own dates, as its periods are
        filter.from = periods.front()->first;
        filter.to = periods.front()->last;
        for (const PeriodSummary* period : periods) {
            filter.from = std::min(*filter.from, period->first);
            filter.to = std::max(*filter.to, period->last);
        }
        return filter;
    }
    for (const PeriodSummary* period : periods) {
        const MeetingId meeting{period->key};
        if (result.options.by == Period::session && catalog.find(meeting)) {
            const std::vector<MeetingId> held = meeting_with_descendants(catalog, meeting);
            filter.meetings.insert(filter.meetings.end(), held.begin(), held.end());
        } else {
            filter.meetings.push_back(meeting);
        }
    }
    return filter;
}

/// A summary's shifts get their evidence here where a side's positions include tallied votes:
/// the stances of those periods are read again, all in one read, and their counted positions
/// taken in report order (what the evolution without summary_only holds).
void add_tallied_evidence(Evolution& result, const std::unordered_set<std::string>& tallied, const Store& store,
                          const Catalog& catalog) {
    std::vector<const PeriodSummary*> needed;
    for (const PeriodSummary& period : result.periods) {
        const bool in_a_shift = std::any_of(result.shifts.begin(), result.shifts.end(), [&](const Shift& shift) {
            return shift.before == period.key || shift.after == period.key;
        });
        if (in_a_shift && tallied.contains(period.key)) {
            needed.push_back(&period);
        }
    }
    if (needed.empty()) {
        return;
    }
    std::vector<ActorStance> read =
        stances_reaching(store, catalog, result.actor, filter_for_periods(result, needed, catalog));
    place_all(read, catalog, result.scale);
    std::unordered_map<std::string, std::vector<ActorStance>> positions; // by period key
    for (ActorStance& item : read) {
        std::string key = detail::period_key(result.options.by, item);
        if (tallied.contains(key) && counts(item, result.options) && is_position(item.stance.kind)) {
            positions[std::move(key)].push_back(std::move(item));
        }
    }
    for (Shift& shift : result.shifts) {
        if (tallied.contains(shift.before)) {
            shift.evidence_before = positions[shift.before];
        }
        if (tallied.contains(shift.after)) {
            shift.evidence_after = positions[shift.after];
        }
    }
}

/// A summary with the recorded votes counted by the store. False, with `result` untouched, when
/// that could give another result than counting stance by stance: then the caller does that.
bool evolution_of_tallies(Evolution& result, const Store& store, const Catalog& catalog) {
    const EvolutionOptions& options = result.options;
    // Without periods single stances are compared one by one, and so are claims on a scale: both
    // need every vote as a stance.
    if (options.by == Period::none || result.scale) {
        return false;
    }
    const ReachingTallied read = stances_reaching_tallying_votes(store, catalog, result.actor, filter_of(result));
    std::vector<Counted> counted;
    counted.reserve(read.stances.size() + read.votes.size());
    for (const ActorStance& item : read.stances) {
        if (counts(item, options)) {
            if (!sums_exactly(item.stance.score)) {
                return false;
            }
            counted.push_back(detail::counted_point(options.by, item));
        }
    }
    for (const ReachedTally& votes : read.votes) {
        // A vote (breadth single) is attributable whoever cast it: only direct or inherited matters.
        if (is_direct(votes.via) || options.include_inherited) {
            counted.push_back(detail::counted_votes(options.by, votes));
        }
    }
    // Periods that begin on the same day are in the order a report tells their first stances, which
    // tallies do not carry.
    std::vector<PeriodBuild> periods = detail::build_periods(counted, false);
    if (detail::starts_tie(periods)) {
        return false;
    }
    std::unordered_set<std::string> tallied; // the periods whose positions include tallied votes
    for (const PeriodBuild& period : periods) {
        if (period.tallied_positions) {
            tallied.insert(period.summary.key);
        }
    }
    summarise(result, counted, std::move(periods), catalog, [](const PeriodBuild& period) {
        return period.tallied_positions ? std::vector<ActorStance>{} : copy_all(period.positions);
    });
    add_tallied_evidence(result, tallied, store, catalog);
    return true;
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
    if (const SpokenFor followed = spoken_for(catalog, actor, options.speakers, "actor"); followed.actor != actor) {
        EvolutionOptions asked = options;
        asked.speakers = followed.speakers;
        return evolution(store, catalog, followed.actor, topic, asked);
    }
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

    result.scale = scale_for(catalog, topic);
    if (result.scale) {
        result.scale_label = catalog.topic_label(*result.scale);
        result.minus_label = pole_name(catalog, *result.scale, false);
        result.plus_label = pole_name(catalog, *result.scale, true);
    }
    if (options.summary_only && evolution_of_tallies(result, store, catalog)) {
        return result;
    }
    evolution_of_stances(result, store, catalog);
    if (options.summary_only) {
        result.points.clear();
        result.inherited.clear();
    }
    return result;
}

Evolution evolution(const Store& store, const ActorId& actor, const TopicId& topic, const EvolutionOptions& options) {
    const Catalog catalog{store};
    return evolution(store, catalog, actor, topic, options);
}

} // namespace stance
