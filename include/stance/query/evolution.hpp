// How one actor's position on a topic developed over time: every stance that reaches the actor on
// the topic or any subtopic, in time order, optionally summarised per meeting, session or year,
// with the shifts between consecutive periods and the evidence for each shift.
//
// Direct positions (own, speaker) and inherited ones (named, group; see reach.hpp) are kept in
// separate lists. Only direct positions enter the period summaries and shifts unless
// `include_inherited` is set, and even then a group stance held by only part of the group
// (breadth broad/many/some) is listed but never counted.
//
// Shifts. Aggregated (by meeting, session or year): between consecutive periods that contain
// positions, a shift is recorded when the mean score moves by at least `shift_threshold` or the
// dominant kind changes (both periods must have one). Not aggregated: stances are compared with the
// previous counted stance on the same subject (the same proposition, or the same topic when there
// is no proposition), with the same two tests on single scores and kinds, so that different
// subtopics discussed at one meeting are not mistaken for a change of mind.
//
// On a scale. When the topic (or its nearest ancestor) defines a scale (scale.hpp), every point is
// placed on it, periods carry the mean position on the scale and its spread, and shifts between
// periods are moves of that mean by at least `shift_threshold` (ShiftOn::scale). A change of
// position on the same proposition (or the same topic, for stances without one) between two
// counted stances is a shift too (ShiftOn::claim), whether or not the periods moved. Without a
// scale, periods compare mean scores as before (ShiftOn::score); when a period holds stances on
// more than one claim that mean mixes claims, so `claims` says how many there were and renderers
// say so instead of printing it as a position.
//
// A topic matches a stance when the stance or its agenda item carries it, so roll-call votes, whose
// issues sit on the agenda item, are found like statements. One query reads only the actor's (and
// its groups') stances, so a country's full UN voting record (~10,000 votes) is a single pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "stance/query/reach.hpp"
#include "stance/query/summary.hpp"

namespace stance {

class Catalog;
class Store;

/// What a period of the evolution is.
enum class Period : std::uint8_t {
    none,    ///< No aggregation: one point per stance.
    meeting, ///< The stance's own meeting (a working lunch is its own period).
    session, ///< The top-level ancestor meeting (the ministerial; a UN General Assembly session).
    year,    ///< The calendar year of the stance's effective date.
};

[[nodiscard]] constexpr std::string_view to_string(Period period) noexcept {
    switch (period) {
    case Period::none: return "none";
    case Period::meeting: return "meeting";
    case Period::session: return "session";
    case Period::year: return "year";
    }
    return "?";
}

[[nodiscard]] std::optional<Period> parse_period(std::string_view text) noexcept;

struct EvolutionOptions {
    std::optional<Date> from; ///< Inclusive, on the effective date.
    std::optional<Date> to;   ///< Inclusive.
    Period by = Period::none;
    /// Count attributable inherited stances (named, whole-group) in periods and shifts.
    bool include_inherited = false;
    /// The smallest change of mean score that counts as a shift (scores run from -1 to +1).
    double shift_threshold = 0.5;
    bool include_subtopics = true;
    /// Only stances known this way (statement, vote, …); empty means all.
    std::vector<Basis> bases;
    /// Only stances these persons voiced (StanceFilter::speakers); empty means all.
    std::vector<ActorId> speakers;
    /// Only the summaries: periods, overall figures and shifts (with their evidence), the same as
    /// without this option, but `points` and `inherited` left empty. The recorded votes are then
    /// counted by the store (Store::for_each_stance_tallying_votes) instead of read one by one,
    /// several times less work for a voting record, wherever that gives the same result: with
    /// periods, without a scale (claims on a scale are compared vote by vote), and unless two
    /// periods begin on the same day or a statement's score is finer than 1/1024 (docs/queries.md).
    bool summary_only = false;
};

/// What a shift compares.
enum class ShiftOn : std::uint8_t {
    score, ///< Mean scores of two periods (no scale; may mix claims, see PeriodSummary::claims).
    scale, ///< Mean positions on the scale of two periods.
    claim, ///< Two stances on the same proposition (or topic, without one).
};

[[nodiscard]] constexpr std::string_view to_string(ShiftOn on) noexcept {
    switch (on) {
    case ShiftOn::score: return "score";
    case ShiftOn::scale: return "scale";
    case ShiftOn::claim: return "claim";
    }
    return "?";
}

struct PeriodSummary {
    std::string key;   ///< The meeting or session id, or the year ("2017").
    std::string label; ///< The meeting or session title, or the year.
    Date first;        ///< Earliest and latest effective date of the period's stances.
    Date last;
    PositionSummary summary;
    ScaleSummary on_scale;  ///< Over the counted positions; empty when the evolution has no scale.
    std::size_t claims = 0; ///< Distinct claims (propositions, or topics without one) among the positions.
};

struct Shift {
    ShiftOn on = ShiftOn::score;
    std::string before; ///< Period key, or the stance id when not aggregated.
    std::string after;
    Date before_date; ///< Last date of the earlier period (the stance's date when not aggregated).
    Date after_date;  ///< First date of the later period.
    std::optional<double> score_before;
    std::optional<double> score_after;
    std::optional<PositionKind> kind_before;
    std::optional<PositionKind> kind_after;
    bool score_changed = false; ///< |score_after - score_before| >= threshold.
    bool kind_changed = false;
    /// ShiftOn::scale: the mean positions on the scale and the poles they lean to.
    std::optional<double> position_before;
    std::optional<double> position_after;
    std::string pole_before;
    std::string pole_after;
    std::string claim; ///< ShiftOn::claim: the claim both stances are on.
    /// ShiftOn::score: true when either period holds stances on more than one claim.
    bool mixes_claims = false;
    /// The counted positions on each side of the shift.
    std::vector<ActorStance> evidence_before;
    std::vector<ActorStance> evidence_after;

    [[nodiscard]] double delta() const noexcept { return score_after.value_or(0.0) - score_before.value_or(0.0); }
};

struct Evolution {
    ActorId actor;
    std::string actor_name;
    TopicId topic;
    std::string topic_label;
    std::vector<TopicId> topics;  ///< The topic and, unless excluded, its subtopics.
    std::optional<TopicId> scale; ///< The scale the evolution is read on (scale_for the topic).
    std::string scale_label;      ///< The label of the scale's topic.
    std::string minus_label;      ///< The labels of the scale's poles.
    std::string plus_label;
    EvolutionOptions options;
    std::vector<ActorStance> points;    ///< Direct: own and speaker, in time order.
    std::vector<ActorStance> inherited; ///< named and group, in time order.
    std::vector<PeriodSummary> periods; ///< In time order; empty when not aggregated.
    PositionSummary overall;            ///< Over everything counted.
    ScaleSummary overall_on_scale;      ///< Over everything counted, on the scale.
    std::size_t claims = 0;             ///< Distinct claims among everything counted.
    std::vector<Shift> shifts;          ///< In time order.
};

[[nodiscard]] Evolution evolution(const Store& store, const Catalog& catalog, const ActorId& actor,
                                  const TopicId& topic, const EvolutionOptions& options = {});

/// Convenience overload that loads a catalog for this one query.
[[nodiscard]] Evolution evolution(const Store& store, const ActorId& actor, const TopicId& topic,
                                  const EvolutionOptions& options = {});

} // namespace stance

template <> struct fmt::formatter<stance::ShiftOn> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::ShiftOn on, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(on), context);
    }
};

template <> struct fmt::formatter<stance::Period> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::Period period, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(period), context);
    }
};
