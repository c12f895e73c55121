#include "query_markdown.hpp"

#include <fmt/format.h>

#include "query_output.hpp"
#include "stance/chart/svg.hpp"
#include "stance/model/format.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

// Long enough to recognise the sentence, short enough for a table cell.
constexpr std::size_t quote_chars = 90;

std::string quote_start(const Stance& stance) {
    return stance.quote.empty() ? std::string{} : "\"" + chart::text_start(stance.quote, quote_chars) + "\"";
}

std::string how_text(const ActorStance& point) {
    switch (point.via) {
    case Via::own: return "own";
    case Via::speaker: return fmt::format("voiced by {}", point.through_name);
    case Via::named: return fmt::format("named by {}", point.through_name);
    case Via::group:
        return fmt::format("via {} ({}){}", point.through_name, point.stance.breadth,
                           is_attributable(point) ? "" : ", part of the group only: not counted");
    }
    return "?";
}

void add_point(Table& table, const ActorStance& point) {
    table.rows.push_back({point.date.iso(), point.meeting_title, position_on_claim(point), scale_text(point.on_scale),
                          std::string(to_string(point.stance.basis)), how_text(point), quote_start(point.stance),
                          span_text(point.stance.source)});
}

void print_periods(std::ostream& out, const Evolution& evolution) {
    Table table{{"Period", "Dates", "Positions", evolution.scale ? "Mean on the scale" : "Mean score",
                 evolution.scale ? "Spread" : "Claims"},
                {}};
    for (const PeriodSummary& period : evolution.periods) {
        const std::optional<double> mean = evolution.scale ? period.on_scale.mean : period.summary.mean_score;
        const std::string dates =
            period.first == period.last ? period.first.iso() : fmt::format("{} to {}", period.first, period.last);
        std::string last = std::to_string(period.claims);
        if (evolution.scale) {
            last = period.on_scale.spread ? fmt::format("{:.2f}", *period.on_scale.spread) : "";
        }
        table.rows.push_back(
            {period.label, dates, std::to_string(period.summary.n), mean ? fmt::format("{:+.2f}", *mean) : "", last});
    }
    out << "\n**Periods**\n\n";
    table.print(out, Format::md);
}

} // namespace

void print_evolution_md(std::ostream& out, const Evolution& evolution) {
    out << fmt::format("### {} ({}) on {} ({})\n\n", evolution.actor_name, evolution.actor, evolution.topic_label,
                       evolution.topic);
    if (evolution.scale) {
        out << fmt::format("On the scale *{}*: +1 = {}, −1 = {}. ", evolution.scale_label, evolution.plus_label,
                           evolution.minus_label);
    }
    if (evolution.options.summary_only) {
        out << fmt::format("The summary only (the stances are not listed); {} shift{}.\n", evolution.shifts.size(),
                           evolution.shifts.size() == 1 ? "" : "s");
    } else {
        out << fmt::format("{} own positions, {} inherited from groups; {} shift{}.\n\n", evolution.points.size(),
                           evolution.inherited.size(), evolution.shifts.size(),
                           evolution.shifts.size() == 1 ? "" : "s");
        Table table{{"Date", "Meeting", "Position on the claim", "On the scale", "Basis", "How", "Quote", "Source"},
                    {}};
        for (const auto* list : {&evolution.points, &evolution.inherited}) {
            for (const ActorStance& point : *list) {
                add_point(table, point);
            }
        }
        table.print(out, Format::md);
    }
    if (!evolution.periods.empty()) {
        print_periods(out, evolution);
    }
    if (!evolution.shifts.empty()) {
        Table shifts{{"Shift", "What moved"}, {}};
        for (const Shift& shift : evolution.shifts) {
            shifts.rows.push_back({std::string(to_string(shift.on)), shift_line(shift, !evolution.periods.empty())});
        }
        out << "\n**Shifts**\n\n";
        shifts.print(out, Format::md);
    }
}

void print_snapshot_md(std::ostream& out, const Snapshot& snapshot) {
    out << fmt::format("### {}\n\n{} · {}", snapshot.meeting.title, snapshot.meeting.id, snapshot.meeting.date);
    out << fmt::format(" · {} stance{}\n", snapshot.stance_count, snapshot.stance_count == 1 ? "" : "s");
    for (const SnapshotTopic& topic : snapshot.topics) {
        out << fmt::format("\n**{}**\n\n", topic.path.empty() ? topic.label : topic.path);
        Table table{{"Actor", "Position on the claim", "Speaker", "Quote", "Source"}, {}};
        for (const SnapshotActor& actor : topic.actors) {
            for (const SnapshotStance& item : actor.stances) {
                const std::string claim = item.proposition.empty() ? topic.label : item.proposition;
                table.rows.push_back({fmt::format("{} ({})", actor.name, actor.actor),
                                      fmt::format("{}: {}", position_text(item.stance), claim), item.speaker_name,
                                      quote_start(item.stance), span_text(item.stance.source)});
            }
        }
        table.print(out, Format::md);
    }
}

void print_comparison_md(std::ostream& out, const Comparison& comparison) {
    out << fmt::format("### {} ({}) compared with {} ({}){}\n\n", comparison.first_name, comparison.first,
                       comparison.second_name, comparison.second,
                       comparison.topic ? fmt::format(" on {} ({})", comparison.topic_label, *comparison.topic)
                                        : std::string{" on every topic"});
    out << fmt::format("Agree on {}, diverge on {}, only {} on {}, only {} on {}.\n\n",
                       comparison.count(Agreement::agree), comparison.count(Agreement::diverge), comparison.first_name,
                       comparison.count(Agreement::only_first), comparison.second_name,
                       comparison.count(Agreement::only_second));
    auto side_text = [](const CompareSide& side) {
        if (!side.has_position()) {
            return std::string{"no position"};
        }
        const auto& s = side.summary;
        std::string text = fmt::format("{} ({:+.2f}){}", s.dominant ? std::string(to_string(*s.dominant)) : "mixed",
                                       s.mean_score.value_or(0.0), side.inherited ? ", inherited" : "");
        for (const ActorStance& point : side.stances) {
            if (!point.stance.quote.empty()) {
                return text + " " + quote_start(point.stance);
            }
        }
        return text;
    };
    Table table{{"Claim", "Verdict", comparison.first_name, comparison.second_name}, {}};
    for (const CompareRow& row : comparison.rows) {
        table.rows.push_back({row.statement.empty() ? row.topic_label : row.statement,
                              std::string(to_string(row.agreement)), side_text(row.first), side_text(row.second)});
    }
    table.print(out, Format::md);
}

} // namespace stance::cli
