// Text and CSV output of evolution, snapshot and compare.
#include "query_output.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "stance/model/format.hpp"
#include "stance/query/report_order.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

constexpr std::size_t page_width = 100;
constexpr std::size_t label_width = 14; // "coder's note: "

// "lavrov" or "rutte, schoof": the persons a query was narrowed to.
std::string join_ids(const std::vector<ActorId>& ids) {
    std::string out;
    for (const ActorId& id : ids) {
        out += (out.empty() ? "" : ", ") + id.str();
    }
    return out;
}

std::size_t char_count(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "label:  text", the text wrapped and its continuation lines aligned under its first word.
void labelled(std::ostream& out, std::size_t indent, std::string_view label, std::string_view text,
              std::size_t width_of_label = label_width) {
    if (text.empty()) {
        return;
    }
    const std::string pad(indent, ' ');
    const std::string head = fmt::format("{}{:<{}}", pad, fmt::format("{}:", label), width_of_label);
    const std::size_t room = page_width > indent + width_of_label + 20 ? page_width - indent - width_of_label : 20;
    const std::vector<std::string> lines = wrap_words(text, room);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out << (i == 0 ? head : pad + std::string(width_of_label, ' ')) << lines[i] << '\n';
    }
}

} // namespace

// The pieces below are shared with the Markdown form (query_markdown.cpp).
std::string position_text(const Stance& stance) {
    if (!is_position(stance.kind)) {
        return std::string(to_string(stance.kind));
    }
    return fmt::format("{} ({:+.2f})", stance.kind, stance.score);
}

// "+0.50 toward \"deterrence\"" on a scale; empty when the stance is not on one.
std::string scale_text(const std::optional<ScalePlace>& place) {
    if (!place) {
        return {};
    }
    if (place->pole.empty()) {
        return fmt::format("{:+.2f} (the middle of the scale)", place->position);
    }
    return fmt::format("{:+.2f} toward \"{}\"", place->position, place->pole);
}

// "support (+1.00): <claim>": the kind always next to what it is a position on.
std::string position_on_claim(const ActorStance& point) {
    return fmt::format("{}: {}", position_text(point.stance), point.claim);
}

std::string span_text(const std::optional<SourceSpan>& source) {
    if (!source) {
        return "no source span recorded";
    }
    std::string text = fmt::format("{}, bytes [{}, {})", source->document, source->start, source->end);
    if (source->page) {
        text += fmt::format(", page {}", *source->page);
    }
    return text;
}

namespace {

std::string quoted(const std::string& quote) {
    return quote.empty() ? std::string{} : "\"" + quote + "\"";
}

std::string percent(double share) {
    return fmt::format("{:.0f}%", share * 100.0);
}

// "6 positions: support 5, concern 1 · mean score +0.75 · share support 83%", plus non-positions.
std::string summary_text(const PositionSummary& summary) {
    std::string kinds;
    std::string silent;
    for (PositionKind kind : all_position_kinds) {
        if (summary.count(kind) == 0) {
            continue;
        }
        std::string& list = is_position(kind) ? kinds : silent;
        list += fmt::format("{}{} {}", list.empty() ? "" : ", ", kind, summary.count(kind));
    }
    std::string text = fmt::format("{} position{}", summary.n, summary.n == 1 ? "" : "s");
    if (!kinds.empty()) {
        text += ": " + kinds;
    }
    if (summary.mean_score) {
        text += fmt::format(" · mean score {:+.2f} · share support {}", *summary.mean_score,
                            percent(summary.share_support.value_or(0.0)));
    }
    if (!silent.empty()) {
        text += " (not counted: " + silent + ")";
    }
    return text;
}

std::string via_text(const ActorStance& point, std::string_view actor_name) {
    const std::string through = point.through ? fmt::format("{} ({})", point.through_name, *point.through) : "";
    switch (point.via) {
    case Via::own: return {};
    case Via::speaker: return fmt::format("voiced by {}, who represented {} that day", through, actor_name);
    case Via::named: return fmt::format("named in a statement of {}, breadth {}", through, point.stance.breadth);
    case Via::group:
        if (is_attributable(point)) {
            return fmt::format("statement of {}, breadth {}; {} was a member that day", through, point.stance.breadth,
                               actor_name);
        }
        return fmt::format("statement of {}, breadth {}: held by part of the group only, so never counted as a "
                           "position of {}",
                           through, point.stance.breadth, actor_name);
    }
    return {};
}

void collect_source(SourceTitles& used, const SourceTitles& all, const std::optional<SourceSpan>& source) {
    if (source) {
        auto found = all.find(source->document.str());
        used[source->document.str()] = found == all.end() ? std::string{} : found->second;
    }
}

void print_sources(std::ostream& out, const SourceTitles& used) {
    if (used.empty()) {
        return;
    }
    out << "\nSources (spans are byte offsets into the document's UTF-8 text)\n";
    for (const auto& [id, title] : used) {
        labelled(out, 2, id, title.empty() ? "(no title recorded)" : title, char_count(id) + 2);
    }
}

void heading(std::ostream& out, const std::string& title) {
    out << '\n' << title << '\n' << std::string(char_count(title), '-') << '\n';
}

// --- evolution -----------------------------------------------------------------------------------

void print_point(std::ostream& out, const ActorStance& point, bool new_meeting, std::string_view actor_name) {
    if (new_meeting) {
        out << '\n' << fmt::format("{}  {}", point.date, point.meeting_title) << '\n';
        if (point.session != point.stance.meeting) {
            labelled(out, 12, "within", point.session_title, 8);
        }
    }
    out << "  " << position_on_claim(point);
    if (point.stance.breadth != Breadth::single) {
        out << fmt::format(" [{}]", point.stance.breadth);
    }
    out << '\n';
    if (!point.statement.empty()) {
        labelled(out, 4, "topic", point.topic_label);
    }
    labelled(out, 4, "on the scale", scale_text(point.on_scale));
    labelled(out, 4, "basis", std::string(to_string(point.stance.basis)));
    labelled(out, 4, "agenda item", point.agenda_item_title);
    labelled(out, 4, "via", via_text(point, actor_name));
    labelled(out, 4, "quote", quoted(point.stance.quote));
    labelled(out, 4, "source", span_text(point.stance.source));
    labelled(out, 4, "in English", point.stance.paraphrase);
    labelled(out, 4, "coder's note", point.stance.note);
}

// One line per stance, direct and inherited together in time order, before the details.
void print_overview(std::ostream& out, const Evolution& evolution) {
    std::vector<const ActorStance*> all;
    for (const auto* list : {&evolution.points, &evolution.inherited}) {
        for (const ActorStance& point : *list) {
            all.push_back(&point);
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const ActorStance* a, const ActorStance* b) {
        return report_position(a->stance, a->date) < report_position(b->stance, b->date);
    });
    Table table{{"date", "position", "claim", "on the scale", "how"}, {}};
    for (const ActorStance* point : all) {
        std::string how(to_string(point->via));
        if (point->via == Via::named || point->via == Via::group) {
            how += fmt::format(": {}, {}", point->through_name, point->stance.breadth);
            if (!is_attributable(*point)) {
                how += " (not counted)";
            }
        } else if (point->via == Via::speaker) {
            how += ": " + point->through_name;
        }
        table.rows.push_back({point->date.iso(), position_text(point->stance), truncated(point->claim, 48),
                              scale_text(point->on_scale), how});
    }
    heading(out, "At a glance");
    table.print(out, Format::text);
}

void print_points(std::ostream& out, const std::vector<ActorStance>& points, std::string_view actor_name) {
    const ActorStance* previous = nullptr;
    for (const ActorStance& point : points) {
        const bool new_meeting =
            previous == nullptr || previous->date != point.date || previous->stance.meeting != point.stance.meeting;
        print_point(out, point, new_meeting, actor_name);
        previous = &point;
    }
}

// A few stances per side make the point; a UN session can hold a hundred votes, all of them in the JSON.
constexpr std::size_t evidence_shown = 3;

void print_shift_evidence(std::ostream& out, std::string_view side, const std::vector<ActorStance>& evidence) {
    for (std::size_t i = 0; i < evidence.size(); ++i) {
        if (i == evidence_shown) {
            labelled(out, 2, side, fmt::format("… and {} more (all are in --format json)", evidence.size() - i), 8);
            break;
        }
        const ActorStance& point = evidence[i];
        std::string header = fmt::format("{} · {}", point.date, position_on_claim(point));
        if (point.on_scale) {
            header += " · " + scale_text(point.on_scale);
        }
        if (!point.agenda_item_title.empty()) {
            header += fmt::format(" · item \"{}\"", point.agenda_item_title);
        }
        if (!is_direct(point.via)) {
            header += fmt::format(" · via {} {} ({})", point.via, point.through_name, point.stance.breadth);
        }
        labelled(out, 2, side, header, 8);
        labelled(out, 10, "quote", quoted(point.stance.quote), 8);
        labelled(out, 10, "source", span_text(point.stance.source), 8);
    }
}

} // namespace

std::string shift_line(const Shift& shift, bool aggregated) {
    auto kind = [](const std::optional<PositionKind>& k) { return k ? std::string(to_string(*k)) : "mixed"; };
    auto on_scale = [](std::optional<double> position, const std::string& pole) {
        return pole.empty() ? fmt::format("{:+.2f}", position.value_or(0.0))
                            : fmt::format("{:+.2f} (toward \"{}\")", position.value_or(0.0), pole);
    };
    switch (shift.on) {
    case ShiftOn::scale:
        return fmt::format("{} → {}: mean position on the scale {} → {} ({:+.2f}), periods {} → {}", shift.before_date,
                           shift.after_date, on_scale(shift.position_before, shift.pole_before),
                           on_scale(shift.position_after, shift.pole_after), shift.delta(), shift.before, shift.after);
    case ShiftOn::claim:
        return fmt::format("{} → {}: on the same claim, {} {:+.2f} → {} {:+.2f}: {}", shift.before_date,
                           shift.after_date, kind(shift.kind_before), shift.score_before.value_or(0.0),
                           kind(shift.kind_after), shift.score_after.value_or(0.0), shift.claim);
    case ShiftOn::score: break;
    }
    std::string line =
        fmt::format("{} → {}: {} {:+.2f} → {:+.2f} ({:+.2f}); {} → {}", shift.before_date, shift.after_date,
                    aggregated ? "mean score" : "score", shift.score_before.value_or(0.0),
                    shift.score_after.value_or(0.0), shift.delta(), kind(shift.kind_before), kind(shift.kind_after));
    if (aggregated) {
        line += fmt::format(", periods {} → {}", shift.before, shift.after);
    }
    if (shift.mixes_claims) {
        line += " (the periods hold different claims on no common scale: compare the evidence, not the means)";
    }
    return line;
}

namespace {

void print_shifts(std::ostream& out, const Evolution& evolution) {
    const bool aggregated = evolution.options.by != Period::none;
    if (evolution.scale && aggregated) {
        heading(out, fmt::format("Shifts (mean position on the scale moves by at least {:.2f}, or a change of "
                                 "position on the same claim)",
                                 evolution.options.shift_threshold));
    } else {
        heading(out, fmt::format("Shifts (score change of at least {:.2f}, or a change of {})",
                                 evolution.options.shift_threshold, aggregated ? "dominant kind" : "kind"));
    }
    if (evolution.shifts.empty()) {
        out << (aggregated ? "None: no two consecutive periods with positions differ that much.\n"
                           : "None: no statement differs that much from the previous one on the same subject.\n");
        return;
    }
    for (const Shift& shift : evolution.shifts) {
        labelled(out, 0, to_string(shift.on), shift_line(shift, aggregated), 7);
        print_shift_evidence(out, "before", shift.evidence_before);
        print_shift_evidence(out, "after", shift.evidence_after);
    }
}

std::string kinds_text(const PositionSummary& s) {
    std::string kinds;
    for (PositionKind kind : all_position_kinds) {
        if (s.count(kind) > 0) {
            kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", kind, s.count(kind));
        }
    }
    return kinds;
}

std::string dates_text(const PeriodSummary& period) {
    return period.first == period.last ? period.first.iso() : fmt::format("{}..{}", period.first, period.last);
}

void print_periods_on_scale(std::ostream& out, const Evolution& evolution) {
    Table table{{"period", "dates", "n", "mean position", "spread", "leaning", "not on the scale", "title"}, {}};
    for (const PeriodSummary& period : evolution.periods) {
        const ScaleSummary& s = period.on_scale;
        const std::string leaning = s.mean ? (*s.mean > 0.0   ? evolution.plus_label
                                              : *s.mean < 0.0 ? evolution.minus_label
                                                              : "middle")
                                           : "";
        table.rows.push_back({period.key, dates_text(period), std::to_string(s.n),
                              s.mean ? fmt::format("{:+.2f}", *s.mean) : "-",
                              s.spread ? fmt::format("{:.2f}", *s.spread) : "-", leaning, std::to_string(s.off_scale),
                              period.label == period.key ? "" : period.label});
    }
    table.print(out, Format::text);
}

void print_periods(std::ostream& out, const Evolution& evolution) {
    if (evolution.scale) {
        heading(out, fmt::format("Periods (by {}) on the scale of {}: -1 \"{}\" … +1 \"{}\"", evolution.options.by,
                                 evolution.scale_label, evolution.minus_label, evolution.plus_label));
        print_periods_on_scale(out, evolution);
        return;
    }
    heading(out, fmt::format("Periods (by {})", evolution.options.by));
    Table table{{"period", "dates", "n", "positions", "mean", "share support", "title"}, {}};
    for (const PeriodSummary& period : evolution.periods) {
        const PositionSummary& s = period.summary;
        // A mean over several claims on no common scale is no position; say so instead.
        const std::string mean = !s.mean_score       ? "-"
                                 : period.claims > 1 ? fmt::format("none: {} claims", period.claims)
                                                     : fmt::format("{:+.2f}", *s.mean_score);
        table.rows.push_back({period.key, dates_text(period), std::to_string(s.n), kinds_text(s), mean,
                              s.share_support ? percent(*s.share_support) : "-",
                              period.label == period.key ? "" : period.label});
    }
    table.print(out, Format::text);
}

std::string overall_text(const Evolution& evolution) {
    const PositionSummary& summary = evolution.overall;
    if (evolution.scale) {
        const ScaleSummary& s = evolution.overall_on_scale;
        std::string text = fmt::format("{} position{} ({}); on the scale of {} (-1 \"{}\" … +1 \"{}\"): ", summary.n,
                                       summary.n == 1 ? "" : "s", kinds_text(summary), evolution.scale_label,
                                       evolution.minus_label, evolution.plus_label);
        if (s.mean) {
            text += fmt::format("{} on it, mean position {:+.2f}, spread {:.2f}", s.n, *s.mean, s.spread.value_or(0.0));
        } else {
            text += "none lies on it";
        }
        if (s.off_scale > 0) {
            text += fmt::format("; {} not on the scale (their claims have no direction on it)", s.off_scale);
        }
        return text;
    }
    if (evolution.claims > 1) {
        return fmt::format("{} positions on {} different claims ({}); no mean: the claims lie on no common scale "
                           "(give the topic a scale and its claims directions, docs/position-scale.md)",
                           summary.n, evolution.claims, kinds_text(summary));
    }
    return summary_text(summary);
}

// The stances themselves, direct then inherited, and the documents they cite into `used`.
void print_listing(std::ostream& out, const Evolution& evolution, const SourceTitles& sources, SourceTitles& used) {
    heading(out, fmt::format("Own positions ({})", evolution.points.size()));
    if (evolution.points.empty()) {
        out << "None recorded on this topic.\n";
    }
    print_points(out, evolution.points, evolution.actor_name);
    heading(out, fmt::format("Inherited from groups and collective statements ({})", evolution.inherited.size()));
    if (evolution.inherited.empty()) {
        out << "None.\n";
    } else {
        out << (evolution.options.include_inherited
                    ? "Counted in the summary (--include-inherited), except statements held by only part of a group.\n"
                    : "Shown for context; not counted in the summary (count them with --include-inherited).\n");
    }
    print_points(out, evolution.inherited, evolution.actor_name);
    for (const auto* list : {&evolution.points, &evolution.inherited}) {
        for (const ActorStance& point : *list) {
            collect_source(used, sources, point.stance.source);
        }
    }
}

} // namespace

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_chars = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t\n\r", at);
        if (start == std::string_view::npos) {
            break;
        }
        std::size_t end = text.find_first_of(" \t\n\r", start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view word = text.substr(start, end - start);
        const std::size_t word_chars = char_count(word);
        if (!line.empty() && line_chars + 1 + word_chars > width) {
            lines.push_back(std::move(line));
            line.clear();
            line_chars = 0;
        }
        if (!line.empty()) {
            line += ' ';
            ++line_chars;
        }
        line += word;
        line_chars += word_chars;
        at = end;
    }
    if (!line.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

void print_evolution_text(std::ostream& out, const Evolution& evolution, const SourceTitles& sources) {
    out << fmt::format("{} ({}) on {} ({})", evolution.actor_name, evolution.actor, evolution.topic_label,
                       evolution.topic)
        << '\n';
    if (evolution.topics.size() > 1) {
        out << fmt::format("{} and its {} subtopic{}.\n", evolution.topic_label, evolution.topics.size() - 1,
                           evolution.topics.size() == 2 ? "" : "s");
    }
    if (evolution.options.from || evolution.options.to) {
        out << fmt::format("Dates {} to {}.\n", evolution.options.from ? evolution.options.from->iso() : "the start",
                           evolution.options.to ? evolution.options.to->iso() : "the end");
    }
    if (!evolution.options.speakers.empty()) {
        out << fmt::format("Only what {} voiced.\n", join_ids(evolution.options.speakers));
    }
    if (evolution.options.summary_only) {
        out << "The summary only (--summary-only): the stances themselves are not listed.\n";
    } else {
        out << fmt::format("{} direct statement{} (its own, or by a person representing it) and {} inherited from "
                           "collective statements.",
                           evolution.points.size(), evolution.points.size() == 1 ? "" : "s", evolution.inherited.size())
            << '\n';
    }

    // Aggregated output can be long (a country's UN votes): the period table comes first then.
    if (evolution.options.by != Period::none) {
        print_periods(out, evolution);
    } else if (!evolution.points.empty() || !evolution.inherited.empty()) {
        print_overview(out, evolution);
    }
    SourceTitles used;
    if (!evolution.options.summary_only) {
        print_listing(out, evolution, sources, used);
    }

    heading(out, "Summary");
    out << fmt::format("{} {}", evolution.options.include_inherited ? "Own and attributable inherited:" : "Own:",
                       overall_text(evolution))
        << '\n';
    print_shifts(out, evolution);
    print_sources(out, used);
}

void print_evolution_csv(std::ostream& out, const Evolution& evolution) {
    Table table{{"date",
                 "stance",
                 "via",
                 "through",
                 "counted",
                 "meeting",
                 "meeting_title",
                 "session",
                 "agenda_item",
                 "agenda_item_title",
                 "topic",
                 "topic_label",
                 "proposition",
                 "claim",
                 "kind",
                 "score",
                 "scale",
                 "scale_position",
                 "pole",
                 "basis",
                 "breadth",
                 "quote",
                 "paraphrase",
                 "note",
                 "document",
                 "start",
                 "end"},
                {}};
    auto add = [&](const ActorStance& point, bool counted) {
        const Stance& s = point.stance;
        table.rows.push_back({point.date.iso(),
                              s.id.str(),
                              std::string(to_string(point.via)),
                              point.through ? point.through->str() : "",
                              counted ? "yes" : "no",
                              s.meeting.str(),
                              point.meeting_title,
                              point.session.str(),
                              s.agenda_item ? s.agenda_item->str() : "",
                              point.agenda_item_title,
                              s.topic.str(),
                              point.topic_label,
                              s.proposition ? s.proposition->str() : "",
                              point.claim,
                              std::string(to_string(s.kind)),
                              fmt::format("{}", s.score),
                              point.on_scale ? point.on_scale->scale.str() : "",
                              point.on_scale ? fmt::format("{}", point.on_scale->position) : "",
                              point.on_scale ? point.on_scale->pole : "",
                              std::string(to_string(s.basis)),
                              std::string(to_string(s.breadth)),
                              s.quote,
                              s.paraphrase,
                              s.note,
                              s.source ? s.source->document.str() : "",
                              s.source ? std::to_string(s.source->start) : "",
                              s.source ? std::to_string(s.source->end) : ""});
    };
    for (const ActorStance& point : evolution.points) {
        add(point, true);
    }
    for (const ActorStance& point : evolution.inherited) {
        add(point, evolution.options.include_inherited && is_attributable(point));
    }
    table.print(out, Format::csv);
}

// --- snapshot ------------------------------------------------------------------------------------

void print_snapshot_text(std::ostream& out, const Snapshot& snapshot, const SourceTitles& sources) {
    const Meeting& meeting = snapshot.meeting;
    out << (meeting.title.empty() ? meeting.id.str() : meeting.title) << '\n';
    out << fmt::format("{} · {}{}{}", meeting.id, meeting.date, meeting.place.empty() ? "" : " · " + meeting.place,
                       meeting.level.empty() ? "" : " · " + meeting.level)
        << '\n';
    if (snapshot.meetings.size() > 1) {
        out << "\nHeld within it:\n";
        std::size_t id_width = 0;
        for (const Meeting& inner : snapshot.meetings) {
            id_width = std::max(id_width, char_count(inner.id.str()));
        }
        for (std::size_t i = 1; i < snapshot.meetings.size(); ++i) {
            out << fmt::format("  {:<{}}  {}", snapshot.meetings[i].id, id_width, snapshot.meetings[i].title) << '\n';
        }
    }
    out << "\nParticipants recorded:\n";
    if (snapshot.participants.empty()) {
        out << "  none\n";
    }
    for (const SnapshotParticipant& p : snapshot.participants) {
        std::string line = fmt::format("  {} ({})", p.name, p.actor);
        if (p.person) {
            line += fmt::format(": {}{}", p.person_name, p.role.empty() ? "" : ", " + p.role);
        } else if (!p.role.empty()) {
            line += ": " + p.role;
        }
        out << line << '\n';
    }
    out << fmt::format("\n{} stance{} on {} topic{}{}", snapshot.stance_count, snapshot.stance_count == 1 ? "" : "s",
                       snapshot.topics.size(), snapshot.topics.size() == 1 ? "" : "s",
                       snapshot.topic ? fmt::format(" (topic {} and subtopics)", *snapshot.topic) : "")
        << '\n';
    if (!snapshot.speakers.empty()) {
        out << fmt::format("Only what {} voiced.\n", join_ids(snapshot.speakers));
    }

    SourceTitles used;
    for (const SnapshotTopic& topic : snapshot.topics) {
        heading(out, topic.path);
        for (const SnapshotActor& actor : topic.actors) {
            for (const SnapshotStance& item : actor.stances) {
                const Stance& s = item.stance;
                std::string line = fmt::format("  {} ({}): {}", actor.name, actor.actor, position_text(s));
                if (s.breadth != Breadth::single) {
                    line += fmt::format(", breadth {}", s.breadth);
                }
                if (!s.includes.empty()) {
                    std::string named;
                    for (const ActorId& id : s.includes) {
                        named += (named.empty() ? "" : ", ") + id.str();
                    }
                    line += ", naming " + named;
                }
                out << line << '\n';
                if (item.speaker) {
                    labelled(out, 4, "speaker", fmt::format("{} ({})", item.speaker_name, *item.speaker));
                }
                labelled(out, 4, "proposition", item.proposition);
                std::string at = s.meeting != meeting.id ? item.meeting_title : std::string{};
                if (!item.agenda_item_title.empty()) {
                    at += fmt::format("{}agenda item \"{}\"", at.empty() ? "" : "; ", item.agenda_item_title);
                }
                labelled(out, 4, "at", at);
                labelled(out, 4, "quote", quoted(s.quote));
                labelled(out, 4, "source", span_text(s.source));
                labelled(out, 4, "in English", s.paraphrase);
                labelled(out, 4, "coder's note", s.note);
                collect_source(used, sources, s.source);
            }
        }
    }
    print_sources(out, used);
}

void print_snapshot_csv(std::ostream& out, const Snapshot& snapshot) {
    Table table{{"topic", "topic_label", "actor", "actor_name", "kind", "score", "breadth", "speaker", "meeting",
                 "agenda_item", "proposition", "stance", "quote", "paraphrase", "document", "start", "end"},
                {}};
    for (const SnapshotTopic& topic : snapshot.topics) {
        for (const SnapshotActor& actor : topic.actors) {
            for (const SnapshotStance& item : actor.stances) {
                const Stance& s = item.stance;
                table.rows.push_back(
                    {topic.topic.str(), topic.label, actor.actor.str(), actor.name, std::string(to_string(s.kind)),
                     fmt::format("{}", s.score), std::string(to_string(s.breadth)),
                     item.speaker ? item.speaker->str() : "", s.meeting.str(),
                     s.agenda_item ? s.agenda_item->str() : "", s.proposition ? s.proposition->str() : "", s.id.str(),
                     s.quote, s.paraphrase, s.source ? s.source->document.str() : "",
                     s.source ? std::to_string(s.source->start) : "", s.source ? std::to_string(s.source->end) : ""});
            }
        }
    }
    table.print(out, Format::csv);
}

// --- compare -------------------------------------------------------------------------------------

namespace {

std::string verdict_text(const Comparison& comparison, Agreement agreement) {
    switch (agreement) {
    case Agreement::agree: return "AGREE";
    case Agreement::diverge: return "DIVERGE";
    case Agreement::only_first: return fmt::format("ONLY {}", comparison.first_name);
    case Agreement::only_second: return fmt::format("ONLY {}", comparison.second_name);
    case Agreement::neither: return "NO POSITIONS";
    }
    return "?";
}

void print_side(std::ostream& out, const std::string& name, const CompareSide& side, SourceTitles& used,
                const SourceTitles& sources) {
    std::string verdict = "no position";
    if (side.has_position()) {
        const auto& s = side.summary;
        verdict = fmt::format("{} ({:+.2f}){}", s.dominant ? std::string(to_string(*s.dominant)) : "mixed",
                              s.mean_score.value_or(0.0), side.inherited ? ", inherited" : "");
    }
    out << fmt::format("  {}: {}", name, verdict) << '\n';
    for (const ActorStance& point : side.stances) {
        std::string how;
        switch (point.via) {
        case Via::own: how = "own"; break;
        case Via::speaker: how = fmt::format("voiced by {}", point.through_name); break;
        case Via::named: how = fmt::format("named by {} ({})", point.through_name, point.stance.breadth); break;
        case Via::group:
            how = fmt::format("via {} ({}){}", point.through_name, point.stance.breadth,
                              is_attributable(point) ? "" : ": part of the group only, not counted");
            break;
        }
        const std::string line = fmt::format("{} · {} · {}", position_text(point.stance), how, point.meeting_title);
        labelled(out, 4, point.date.iso(), line, 12);
        labelled(out, 16, "quote", quoted(point.stance.quote), 8);
        labelled(out, 16, "source", span_text(point.stance.source), 8);
        collect_source(used, sources, point.stance.source);
    }
}

} // namespace

void print_comparison_text(std::ostream& out, const Comparison& comparison, const SourceTitles& sources) {
    out << fmt::format("{} ({}) compared with {} ({}){}", comparison.first_name, comparison.first,
                       comparison.second_name, comparison.second,
                       comparison.topic
                           ? fmt::format(" on {} ({}) and its subtopics", comparison.topic_label, *comparison.topic)
                           : std::string{" on every topic"})
        << '\n';
    out << fmt::format("Agree on {} · diverge on {} · only {} on {} · only {} on {}",
                       comparison.count(Agreement::agree), comparison.count(Agreement::diverge), comparison.first_name,
                       comparison.count(Agreement::only_first), comparison.second_name,
                       comparison.count(Agreement::only_second));
    if (comparison.count(Agreement::neither) > 0) {
        out << fmt::format(" · no positions on {}", comparison.count(Agreement::neither));
    }
    out << '\n'
        << "Verdicts use each side's own positions, or failing those its inherited ones (then marked inherited).\n";

    SourceTitles used;
    for (const CompareRow& row : comparison.rows) {
        heading(out, fmt::format("{}: {}", verdict_text(comparison, row.agreement), row.topic_label));
        labelled(out, 2, "proposition", row.statement);
        print_side(out, comparison.first_name, row.first, used, sources);
        print_side(out, comparison.second_name, row.second, used, sources);
    }
    print_sources(out, used);
}

void print_comparison_csv(std::ostream& out, const Comparison& comparison) {
    Table table{{"topic",         "proposition", "agreement",      "side",  "actor",
                 "side_position", "side_mean",   "side_inherited", "date",  "stance",
                 "via",           "through",     "kind",           "score", "breadth",
                 "meeting",       "quote",       "document",       "start", "end"},
                {}};
    for (const CompareRow& row : comparison.rows) {
        auto add_side = [&](std::string_view side, const ActorId& actor, const CompareSide& data) {
            const std::string dominant = data.summary.dominant ? std::string(to_string(*data.summary.dominant))
                                                               : (data.has_position() ? "mixed" : "");
            const std::string mean = data.summary.mean_score ? fmt::format("{:.4f}", *data.summary.mean_score) : "";
            for (const ActorStance& point : data.stances) {
                const Stance& s = point.stance;
                table.rows.push_back({row.topic.str(),
                                      row.proposition ? row.proposition->str() : "",
                                      std::string(to_string(row.agreement)),
                                      std::string(side),
                                      actor.str(),
                                      dominant,
                                      mean,
                                      data.inherited ? "yes" : "no",
                                      point.date.iso(),
                                      s.id.str(),
                                      std::string(to_string(point.via)),
                                      point.through ? point.through->str() : "",
                                      std::string(to_string(s.kind)),
                                      fmt::format("{}", s.score),
                                      std::string(to_string(s.breadth)),
                                      s.meeting.str(),
                                      s.quote,
                                      s.source ? s.source->document.str() : "",
                                      s.source ? std::to_string(s.source->start) : "",
                                      s.source ? std::to_string(s.source->end) : ""});
            }
        };
        add_side("first", comparison.first, row.first);
        add_side("second", comparison.second, row.second);
    }
    table.print(out, Format::csv);
}

std::string truncated(const std::string& text, std::size_t limit) {
    if (char_count(text) <= limit) {
        return text;
    }
    std::string out;
    std::size_t chars = 0;
    for (char c : text) {
        const bool starts_char = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts_char && ++chars > limit - 1) {
            break;
        }
        out += c;
    }
    return out + "…";
}

} // namespace stance::cli
