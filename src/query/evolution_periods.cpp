// Periods and shifts of the evolution query; see evolution_periods.hpp.
#include "query/evolution_periods.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "stance/model/vote.hpp"
#include "stance/query/catalog.hpp"

namespace stance::detail {

namespace {

// Scores are multiples of 0.25 in practice; the tolerance keeps 1.0 - 0.5 from missing a 0.5 threshold.
constexpr double score_tolerance = 1e-9;

std::string period_key_of(Period by, const MeetingId& meeting, const MeetingId& session, const Date& date) {
    switch (by) {
    case Period::meeting: return meeting.str();
    case Period::session: return session.str();
    case Period::year: return std::to_string(date.year());
    case Period::none: break;
    }
    return {};
}

std::string period_label_of(Period by, const std::string& meeting_title, const std::string& session_title,
                            const Date& date) {
    switch (by) {
    case Period::meeting: return meeting_title;
    case Period::session: return session_title;
    case Period::year: return std::to_string(date.year());
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

/// A shift between two periods is named by their keys and dated by the end of one and the start of the other.
void mark_periods(Shift& shift, const PeriodBuild& before, const PeriodBuild& after) {
    shift.before = before.summary.key;
    shift.after = after.summary.key;
    shift.before_date = before.summary.last;
    shift.after_date = after.summary.first;
}

} // namespace

std::string period_key(Period by, const ActorStance& point) {
    return period_key_of(by, point.stance.meeting, point.session, point.date);
}

Counted counted_point(Period by, const ActorStance& point) {
    Counted entry;
    entry.point = &point;
    entry.date = point.date;
    entry.kind = point.stance.kind;
    entry.score = point.stance.score;
    entry.subject = subject_of(point.stance);
    entry.key = period_key(by, point);
    entry.label = period_label_of(by, point.meeting_title, point.session_title, point.date);
    entry.on_scale = &point.on_scale;
    return entry;
}

Counted counted_votes(Period by, const ReachedTally& votes) {
    Counted entry;
    entry.date = votes.date;
    entry.kind = position_kind(votes.tally.vote);
    entry.score = default_score(entry.kind); // a recorded vote has its kind's score (model/vote.hpp)
    entry.count = votes.tally.count;
    entry.subject = "topic:" + votes.tally.topic.str(); // a recorded vote has no proposition
    entry.key = period_key_of(by, votes.tally.meeting, votes.session, votes.date);
    entry.label = period_label_of(by, votes.meeting_title, votes.session_title, votes.date);
    return entry;
}

void count_entry(const Counted& entry, bool on_a_scale, PositionSummary& summary, ScaleSummary& on_scale,
                 std::unordered_set<std::string>& claims) {
    for (std::size_t i = 0; i < entry.count; ++i) {
        summary.add(entry.kind, entry.score);
    }
    if (!is_position(entry.kind)) {
        return;
    }
    claims.insert(entry.subject);
    if (on_a_scale && entry.on_scale != nullptr) { // an evolution on a scale tallies nothing (evolution.cpp)
        for (std::size_t i = 0; i < entry.count; ++i) {
            on_scale.add(*entry.on_scale);
        }
    }
}

std::vector<PeriodBuild> build_periods(const std::vector<Counted>& counted, bool on_a_scale) {
    std::vector<PeriodBuild> periods;
    std::unordered_map<std::string, std::size_t> index;
    for (const Counted& entry : counted) {
        auto [found, inserted] = index.emplace(entry.key, periods.size());
        if (inserted) {
            PeriodBuild fresh;
            fresh.summary.key = entry.key;
            fresh.summary.label = entry.label;
            fresh.summary.first = entry.date;
            fresh.summary.last = entry.date;
            periods.push_back(std::move(fresh));
        }
        PeriodBuild& period = periods[found->second];
        period.summary.first = std::min(period.summary.first, entry.date);
        period.summary.last = std::max(period.summary.last, entry.date);
        count_entry(entry, on_a_scale, period.summary.summary, period.summary.on_scale, period.claims);
        period.summary.claims = period.claims.size();
        if (is_position(entry.kind)) {
            if (entry.point != nullptr) {
                period.positions.push_back(entry.point);
            } else {
                period.tallied_positions = true;
            }
        }
    }
    // Points arrive in date order, so periods already are in order of their first date, except a
    // session whose later meeting sorts before an earlier one of another session; sort to be sure.
    std::stable_sort(periods.begin(), periods.end(),
                     [](const PeriodBuild& a, const PeriodBuild& b) { return a.summary.first < b.summary.first; });
    return periods;
}

bool starts_tie(const std::vector<PeriodBuild>& periods) {
    return std::adjacent_find(periods.begin(), periods.end(), [](const PeriodBuild& a, const PeriodBuild& b) {
               return a.summary.first == b.summary.first;
           }) != periods.end();
}

std::vector<Shift> shifts_between_periods(const std::vector<PeriodBuild>& periods, double threshold,
                                          const EvidenceOf& evidence_of) {
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
                shift.evidence_before = evidence_of(*previous);
                shift.evidence_after = evidence_of(period);
                shifts.push_back(std::move(shift));
            }
        }
        previous = &period;
    }
    return shifts;
}

std::vector<Shift> shifts_between_points(const std::vector<Counted>& counted, double threshold) {
    std::vector<Shift> shifts;
    std::unordered_map<std::string, const ActorStance*> last_on_subject;
    for (const Counted& entry : counted) {
        const ActorStance* point = entry.point;
        if (point == nullptr || !is_position(point->stance.kind)) {
            continue; // tallied votes are never compared one by one (evolution.cpp reads them so)
        }
        auto found = last_on_subject.find(entry.subject);
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
        last_on_subject[entry.subject] = point;
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

} // namespace stance::detail
