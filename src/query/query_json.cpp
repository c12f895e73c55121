// JSON for query results. Built as boost::json values, then laid out by detail::pretty_json
// (Boost's own serializer writes 1.0 as "1E0").
#include "stance/query/json.hpp"

#include <cmath>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/entity_writer.hpp"
#include "io/json_pretty.hpp"
#include "stance/query/compare.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/snapshot.hpp"

namespace json = boost::json;

namespace stance {

namespace {

// Means and shares are rounded to four decimals: enough to compare, short enough to read.
json::value rounded(std::optional<double> value) {
    if (!value) {
        return nullptr;
    }
    return std::round(*value * 10000.0) / 10000.0;
}

template <class Tag> json::value optional_id(const std::optional<Id<Tag>>& id) {
    return id ? json::value(id->str()) : json::value(nullptr);
}

// The stance as its dataset table gives it (entity_writer.hpp, query form): the same keys as in a
// dataset, every one present.
void put_stance_fields(json::object& o, const Stance& stance) {
    detail::put_fields(o, stance, detail::Form::query);
}

json::value place_json(const std::optional<ScalePlace>& place) {
    if (!place) {
        return nullptr;
    }
    json::object o;
    o["scale"] = place->scale.str();
    o["direction"] = rounded(place->direction);
    o["position"] = rounded(place->position);
    o["pole"] = place->pole;
    return o;
}

json::value scale_summary_json(const ScaleSummary& summary) {
    json::object o;
    o["n"] = summary.n;
    o["off_scale"] = summary.off_scale;
    o["mean_position"] = rounded(summary.mean);
    o["spread"] = rounded(summary.spread);
    return o;
}

json::value point_json(const ActorStance& point) {
    json::object o;
    o["date"] = point.date.iso();
    put_stance_fields(o, point.stance);
    o["via"] = to_string(point.via);
    o["through"] = optional_id(point.through);
    o["through_name"] = point.through_name;
    o["attributable"] = is_attributable(point);
    o["session"] = point.session.str();
    o["session_title"] = point.session_title;
    o["meeting_title"] = point.meeting_title;
    o["agenda_item_title"] = point.agenda_item_title;
    o["topic_label"] = point.topic_label;
    o["statement"] = point.statement;
    o["claim"] = point.claim;
    o["on_scale"] = place_json(point.on_scale);
    return o;
}

json::array points_json(const std::vector<ActorStance>& points) {
    json::array list;
    list.reserve(points.size());
    for (const ActorStance& point : points) {
        list.push_back(point_json(point));
    }
    return list;
}

void put_summary(json::object& o, const PositionSummary& summary) {
    o["n"] = summary.n;
    json::object counts;
    for (PositionKind kind : all_position_kinds) {
        if (summary.count(kind) > 0) {
            counts[to_string(kind)] = summary.count(kind);
        }
    }
    o["counts"] = std::move(counts);
    o["mean_score"] = rounded(summary.mean_score);
    o["share_support"] = rounded(summary.share_support);
    o["dominant"] = summary.dominant ? json::value(to_string(*summary.dominant)) : json::value(nullptr);
}

json::value optional_kind(const std::optional<PositionKind>& kind) {
    return kind ? json::value(to_string(*kind)) : json::value(nullptr);
}

json::value shift_json(const Shift& shift) {
    json::object o;
    o["on"] = to_string(shift.on);
    o["before"] = shift.before;
    o["after"] = shift.after;
    o["before_date"] = shift.before_date.iso();
    o["after_date"] = shift.after_date.iso();
    o["score_before"] = rounded(shift.score_before);
    o["score_after"] = rounded(shift.score_after);
    o["delta"] = rounded(shift.delta());
    o["kind_before"] = optional_kind(shift.kind_before);
    o["kind_after"] = optional_kind(shift.kind_after);
    o["score_changed"] = shift.score_changed;
    o["kind_changed"] = shift.kind_changed;
    o["position_before"] = rounded(shift.position_before);
    o["position_after"] = rounded(shift.position_after);
    o["pole_before"] = shift.pole_before;
    o["pole_after"] = shift.pole_after;
    o["claim"] = shift.claim;
    o["mixes_claims"] = shift.mixes_claims;
    o["evidence_before"] = points_json(shift.evidence_before);
    o["evidence_after"] = points_json(shift.evidence_after);
    return o;
}

std::string written(const json::value& value) {
    return detail::pretty_json(value);
}

json::value meeting_json(const Meeting& meeting) {
    return detail::to_json(meeting, detail::Form::query);
}

json::value side_json(const CompareSide& side) {
    json::object o;
    o["has_position"] = side.has_position();
    o["inherited"] = side.inherited;
    put_summary(o, side.summary);
    o["stances"] = points_json(side.stances);
    return o;
}

} // namespace

std::string to_json(const Evolution& evolution) {
    json::object o;
    o["actor"] = evolution.actor.str();
    o["actor_name"] = evolution.actor_name;
    o["topic"] = evolution.topic.str();
    o["topic_label"] = evolution.topic_label;
    json::array topics;
    for (const TopicId& topic : evolution.topics) {
        topics.emplace_back(topic.str());
    }
    o["topics"] = std::move(topics);
    if (evolution.scale) {
        json::object scale;
        scale["topic"] = evolution.scale->str();
        scale["label"] = evolution.scale_label;
        scale["minus"] = evolution.minus_label;
        scale["plus"] = evolution.plus_label;
        o["scale"] = std::move(scale);
    } else {
        o["scale"] = nullptr;
    }
    o["by"] = to_string(evolution.options.by);
    o["from"] = evolution.options.from ? json::value(evolution.options.from->iso()) : json::value(nullptr);
    o["to"] = evolution.options.to ? json::value(evolution.options.to->iso()) : json::value(nullptr);
    o["include_inherited"] = evolution.options.include_inherited;
    o["shift_threshold"] = evolution.options.shift_threshold;
    if (evolution.options.summary_only) { // only then: the output of every other query stays as it was
        o["summary_only"] = true;
    }
    o["points"] = points_json(evolution.points);
    o["inherited"] = points_json(evolution.inherited);
    if (evolution.options.by != Period::none) {
        json::array periods;
        for (const PeriodSummary& period : evolution.periods) {
            json::object p;
            p["period"] = period.key;
            p["label"] = period.label;
            p["first"] = period.first.iso();
            p["last"] = period.last.iso();
            put_summary(p, period.summary);
            p["claims"] = period.claims;
            p["on_scale"] = evolution.scale ? scale_summary_json(period.on_scale) : json::value(nullptr);
            periods.push_back(std::move(p));
        }
        o["periods"] = std::move(periods);
    }
    json::object overall;
    put_summary(overall, evolution.overall);
    overall["claims"] = evolution.claims;
    overall["on_scale"] = evolution.scale ? scale_summary_json(evolution.overall_on_scale) : json::value(nullptr);
    o["overall"] = std::move(overall);
    json::array shifts;
    for (const Shift& shift : evolution.shifts) {
        shifts.push_back(shift_json(shift));
    }
    o["shifts"] = std::move(shifts);
    return written(o);
}

std::string to_json(const Snapshot& snapshot) {
    json::object o;
    o["meeting"] = meeting_json(snapshot.meeting);
    json::array meetings;
    for (const Meeting& meeting : snapshot.meetings) {
        meetings.push_back(meeting_json(meeting));
    }
    o["meetings"] = std::move(meetings);
    o["topic"] = optional_id(snapshot.topic);
    json::array participants;
    for (const SnapshotParticipant& participant : snapshot.participants) {
        json::object p;
        p["actor"] = participant.actor.str();
        p["name"] = participant.name;
        p["person"] = optional_id(participant.person);
        p["person_name"] = participant.person_name;
        p["role"] = participant.role;
        json::array attended;
        for (const MeetingId& meeting : participant.meetings) {
            attended.emplace_back(meeting.str());
        }
        p["meetings"] = std::move(attended);
        participants.push_back(std::move(p));
    }
    o["participants"] = std::move(participants);
    o["stance_count"] = snapshot.stance_count;
    json::array topics;
    for (const SnapshotTopic& topic : snapshot.topics) {
        json::object t;
        t["topic"] = topic.topic.str();
        t["label"] = topic.label;
        t["path"] = topic.path;
        json::array actors;
        for (const SnapshotActor& actor : topic.actors) {
            json::object a;
            a["actor"] = actor.actor.str();
            a["name"] = actor.name;
            a["kind"] = to_string(actor.kind);
            json::array stances;
            for (const SnapshotStance& item : actor.stances) {
                json::object s;
                put_stance_fields(s, item.stance);
                s["speaker"] = optional_id(item.speaker);
                s["speaker_name"] = item.speaker_name;
                s["meeting_title"] = item.meeting_title;
                s["agenda_item_title"] = item.agenda_item_title;
                s["statement"] = item.proposition;
                stances.push_back(std::move(s));
            }
            a["stances"] = std::move(stances);
            actors.push_back(std::move(a));
        }
        t["actors"] = std::move(actors);
        topics.push_back(std::move(t));
    }
    o["topics"] = std::move(topics);
    return written(o);
}

std::string to_json(const Comparison& comparison) {
    json::object o;
    o["first"] = comparison.first.str();
    o["first_name"] = comparison.first_name;
    o["second"] = comparison.second.str();
    o["second_name"] = comparison.second_name;
    o["topic"] = optional_id(comparison.topic);
    o["topic_label"] = comparison.topic_label;
    json::array rows;
    for (const CompareRow& row : comparison.rows) {
        json::object r;
        r["topic"] = row.topic.str();
        r["topic_label"] = row.topic_label;
        r["proposition"] = optional_id(row.proposition);
        r["statement"] = row.statement;
        r["agreement"] = to_string(row.agreement);
        r["first"] = side_json(row.first);
        r["second"] = side_json(row.second);
        rows.push_back(std::move(r));
    }
    o["rows"] = std::move(rows);
    json::object summary;
    for (Agreement agreement :
         {Agreement::agree, Agreement::diverge, Agreement::only_first, Agreement::only_second, Agreement::neither}) {
        summary[to_string(agreement)] = comparison.count(agreement);
    }
    o["summary"] = std::move(summary);
    return written(o);
}

} // namespace stance
