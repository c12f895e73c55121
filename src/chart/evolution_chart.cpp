// The evolution timeline (charts.hpp): time across, the position on the scale (or the score) up.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "marks.hpp"
#include "stance/chart/axis.hpp"
#include "stance/chart/charts.hpp"
#include "stance/model/format.hpp"

namespace stance::chart {

namespace {

constexpr double left = 170.0; // room for the pole labels
constexpr double right = page_width - 20.0;
constexpr double top = 64.0;
constexpr double plot_height = 240.0;
constexpr double strip_height = 34.0;
constexpr const char* ink = "#1f4e99";

struct Layout {
    LinearScale x;
    LinearScale y;
    double strip_y; ///< The middle of the strip for stances off the scale.
    double axis_y;  ///< Where the time axis runs.
};

/// Where a stance goes up the plot; nothing when it belongs in the off-scale strip.
std::optional<double> height_of(const Evolution& evolution, const ActorStance& point) {
    if (evolution.scale) {
        if (point.on_scale) {
            return point.on_scale->position;
        }
        return std::nullopt;
    }
    if (!is_position(point.stance.kind)) {
        return std::nullopt;
    }
    return point.stance.score;
}

std::string mark_title(const Evolution& evolution, const ActorStance& point) {
    const Stance& s = point.stance;
    std::string title = fmt::format("{} · {}", point.date.iso(), s.kind);
    if (is_position(s.kind)) {
        title += fmt::format(" ({:+.2f})", s.score);
    }
    title += fmt::format(" on: {}", point.claim);
    if (point.on_scale) {
        title += fmt::format(" · {:+.2f} on the scale", point.on_scale->position);
        if (!point.on_scale->pole.empty()) {
            title += fmt::format(" toward \"{}\"", point.on_scale->pole);
        }
    } else if (evolution.scale) {
        title += " · not on the scale";
    }
    title += fmt::format(" · {}, {}", s.basis, point.via);
    if (point.through) {
        title += fmt::format(" ({})", point.through_name);
    }
    if (!is_direct(point.via) && !is_attributable(point)) {
        title += ", part of the group only: not counted";
    }
    if (!s.quote.empty()) {
        title += fmt::format(" · \"{}\"", text_start(s.quote, 120));
    }
    return title + fmt::format(" [{}]", s.id);
}

void draw_titles(Svg& svg, const Evolution& evolution) {
    svg.text(16, 22,
             fmt::format("{} ({}) on {} ({})", evolution.actor_name, evolution.actor, evolution.topic_label,
                         evolution.topic),
             {{"font-size", 15}, {"font-weight", "bold"}});
    const std::string what =
        evolution.scale ? fmt::format("Position on the scale \"{}\": +1 = {}, −1 = {}", evolution.scale_label,
                                      evolution.plus_label, evolution.minus_label)
                        : std::string{"Score of each stance, from −1 (oppose) to +1 (support); the topic has no scale"};
    svg.text(16, 40, what, {{"fill", "#444"}});
    svg.text(16, 55,
             fmt::format("{} own stances, {} inherited · periods: {} · {} shift{}", evolution.points.size(),
                         evolution.inherited.size(), evolution.options.by, evolution.shifts.size(),
                         evolution.shifts.size() == 1 ? "" : "s"),
             {{"fill", "#444"}});
}

void draw_value_axis(Svg& svg, const Evolution& evolution, const Layout& layout) {
    std::vector<Tick> ticks{{-0.5, "−0.5"}, {0.0, "0"}, {0.5, "+0.5"}};
    if (evolution.scale) {
        ticks.push_back({1.0, text_start("+1 " + evolution.plus_label, 28)});
        ticks.push_back({-1.0, text_start("−1 " + evolution.minus_label, 28)});
    } else {
        ticks.push_back({1.0, "+1 support"});
        ticks.push_back({-1.0, "−1 oppose"});
    }
    for (const Tick& tick : ticks) {
        svg.element("line", {{"x1", left},
                             {"y1", layout.y(tick.value)},
                             {"x2", right},
                             {"y2", layout.y(tick.value)},
                             {"stroke", tick.value == 0.0 ? "#bbb" : "#eee"}});
    }
    draw_vertical_axis(svg, layout.y, left, ticks);
}

// The band goes under the marks and the mean line over them, so that a period of one day, whose
// marks spread sideways, still shows its mean.
void draw_periods(Svg& svg, const Evolution& evolution, const Layout& layout, bool mean_lines) {
    for (const PeriodSummary& period : evolution.periods) {
        const std::optional<double> mean = evolution.scale ? period.on_scale.mean : period.summary.mean_score;
        if (!mean) {
            continue;
        }
        const double spread = evolution.scale ? period.on_scale.spread.value_or(0.0) : 0.0;
        const double x1 = std::max(left, layout.x(day_number(period.first)) - 30);
        const double x2 = std::min(right, layout.x(day_number(period.last)) + 30);
        std::string title =
            fmt::format("{}: {} to {} · mean {:+.2f}", period.label, period.first.iso(), period.last.iso(), *mean);
        if (evolution.scale) {
            title += fmt::format(" on the scale, spread {:.2f}, {} positions", spread, period.on_scale.n);
        } else {
            title += fmt::format(" score over {} positions", period.summary.n);
            if (period.claims > 1) {
                title += fmt::format(" on {} different claims (a mix, not one position)", period.claims);
            }
        }
        if (!mean_lines) {
            svg.element("rect",
                        {{"x", x1},
                         {"y", layout.y(std::min(1.0, *mean + spread))},
                         {"width", x2 - x1},
                         {"height", layout.y(std::max(-1.0, *mean - spread)) - layout.y(std::min(1.0, *mean + spread))},
                         {"fill", "#9ecae1"},
                         {"fill-opacity", 0.35},
                         {"class", "spread"}});
            continue;
        }
        svg.element("line",
                    {{"x1", x1},
                     {"y1", layout.y(*mean)},
                     {"x2", x2},
                     {"y2", layout.y(*mean)},
                     {"stroke", "#e6550d"},
                     {"stroke-width", 3},
                     {"stroke-opacity", 0.85},
                     {"stroke-dasharray", period.claims > 1 && !evolution.scale ? "4 3" : "none"},
                     {"class", "period"}},
                    title);
    }
}

void draw_shifts(Svg& svg, const Evolution& evolution, const Layout& layout) {
    for (const Shift& shift : evolution.shifts) {
        const double x = layout.x((day_number(shift.before_date) + day_number(shift.after_date)) / 2.0);
        std::string title = fmt::format("shift ({}) from {} to {}", shift.on, shift.before, shift.after);
        if (shift.position_before && shift.position_after) {
            title += fmt::format(": {:+.2f} → {:+.2f} on the scale", *shift.position_before, *shift.position_after);
        } else if (shift.score_before && shift.score_after) {
            title += fmt::format(": score {:+.2f} → {:+.2f}", *shift.score_before, *shift.score_after);
        }
        if (shift.kind_before && shift.kind_after && shift.kind_changed) {
            title += fmt::format(", {} → {}", *shift.kind_before, *shift.kind_after);
        }
        if (!shift.claim.empty()) {
            title += fmt::format(" · on: {}", shift.claim);
        }
        svg.open_group({{"class", "shift"}});
        svg.element("line",
                    {{"x1", x},
                     {"y1", top - 2},
                     {"x2", x},
                     {"y2", layout.axis_y},
                     {"stroke", "#c0392b"},
                     {"stroke-width", 1.5},
                     {"stroke-dasharray", "5 3"}},
                    title);
        svg.text(x + 3, top + 8, "shift", {{"fill", "#c0392b"}, {"font-size", 10}});
        svg.close_group();
    }
}

MarkStyle style_of(const ActorStance& point, bool on_plot) {
    const bool counted = is_direct(point.via) || is_attributable(point);
    const std::string colour = !on_plot ? "#777" : counted ? ink : "#999";
    if (is_direct(point.via)) {
        return {colour, colour, "mark own"};
    }
    return {"white", colour, "mark inherited"};
}

struct Offset {
    double x = 0;
    double y = 0;
};

/// Where the `index`-th of `count` marks of one day and height goes, from the exact place: rows of
/// at most three, 5 px apart (a mark is 9 px wide, so they overlap a little but each shows), the
/// rows stacked up and down 5 px apart, closer when there are many, so that the whole block stays
/// within 5 px of the date and 15 px of the height (±0.125 on the scale).
Offset mark_offset(int index, int count) {
    constexpr int per_row = 3;
    constexpr double step = 5.0;
    constexpr double most_rise = 15.0;
    const int rows = (count + per_row - 1) / per_row;
    const int row = index / per_row;
    const int in_row = row == rows - 1 ? count - row * per_row : per_row;
    const double row_step = rows > 1 ? std::min(step, 2 * most_rise / (rows - 1)) : 0.0;
    return {(index % per_row - (in_row - 1) / 2.0) * step, (row - (rows - 1) / 2.0) * row_step};
}

void draw_marks(Svg& svg, const Evolution& evolution, const Layout& layout) {
    std::vector<const ActorStance*> all;
    for (const auto* list : {&evolution.points, &evolution.inherited}) {
        for (const ActorStance& point : *list) {
            all.push_back(&point);
        }
    }
    // Stances of one day at one height would hide each other. They are packed in a small block
    // around their place (mark_offset), so that each stays at its date: spreading them sideways
    // by their number put a day's marks months apart.
    std::map<std::pair<double, long>, int> stacked;
    std::map<std::pair<double, long>, int> placed;
    auto key = [&](const ActorStance& point) {
        const std::optional<double> height = height_of(evolution, point);
        return std::pair{day_number(point.date), height ? std::lround(*height * 20) : 1000L};
    };
    for (const ActorStance* point : all) {
        ++stacked[key(*point)];
    }
    for (const ActorStance* point : all) {
        const auto where = key(*point);
        const Offset offset = mark_offset(placed[where]++, stacked[where]);
        const std::optional<double> height = height_of(evolution, *point);
        const double x = layout.x(where.first) + offset.x;
        const double y = (height ? layout.y(*height) : layout.strip_y) + offset.y;
        // The group names the stance, so that the workbench opens its quote when the mark is clicked.
        svg.open_group({{"class", "stance"}, {"data-stance", point->stance.id.str()}});
        draw_mark(svg, point->stance.basis, x, y, style_of(*point, height.has_value()), mark_title(evolution, *point));
        svg.close_group();
    }
}

void draw_legend(Svg& svg, const Evolution& evolution, double y) {
    std::set<Basis> bases;
    for (const auto* list : {&evolution.points, &evolution.inherited}) {
        for (const ActorStance& point : *list) {
            bases.insert(point.stance.basis);
        }
    }
    double x = 16;
    for (const Basis basis : bases) {
        draw_mark(svg, basis, x + 5, y - 4, {ink, ink, "legend"}, {});
        svg.text(x + 14, y, shape_name(basis));
        x += 24 + 6.2 * static_cast<double>(shape_name(basis).size());
    }
    const double y2 = y + 18;
    draw_mark(svg, Basis::statement, 21, y2 - 4, {ink, ink, "legend"}, {});
    svg.text(30, y2, "own");
    draw_mark(svg, Basis::statement, 71, y2 - 4, {"white", ink, "legend"}, {});
    svg.text(80, y2, "inherited from a group (grey: part of the group only, not counted)");
    if (!evolution.periods.empty()) {
        svg.element(
            "rect",
            {{"x", 430}, {"y", y2 - 9}, {"width", 22}, {"height", 10}, {"fill", "#9ecae1"}, {"fill-opacity", 0.35}});
        svg.element(
            "line",
            {{"x1", 430}, {"y1", y2 - 4}, {"x2", 452}, {"y2", y2 - 4}, {"stroke", "#e6550d"}, {"stroke-width", 2.5}});
        svg.text(458, y2, evolution.scale ? "period mean ± spread" : "period mean score");
    }
    if (!evolution.shifts.empty()) {
        svg.element("line", {{"x1", 610},
                             {"y1", y2 - 10},
                             {"x2", 610},
                             {"y2", y2 + 2},
                             {"stroke", "#c0392b"},
                             {"stroke-dasharray", "5 3"},
                             {"stroke-width", 1.5}});
        svg.text(616, y2, "shift");
    }
}

} // namespace

std::string evolution_svg(const Evolution& evolution) {
    double first = 0;
    double last = 0;
    bool any = false;
    bool off_scale = false;
    for (const auto* list : {&evolution.points, &evolution.inherited}) {
        for (const ActorStance& point : *list) {
            const double day = day_number(point.date);
            first = any ? std::min(first, day) : day;
            last = any ? std::max(last, day) : day;
            any = true;
            off_scale = off_scale || !height_of(evolution, point);
        }
    }
    const double pad = std::max(20.0, (last - first) * 0.04);
    const double plot_bottom = top + plot_height;
    const double strip_y = plot_bottom + strip_height / 2.0 + 4;
    const double axis_y = plot_bottom + (off_scale ? strip_height + 8 : 8);
    const Layout layout{LinearScale{first - pad, last + pad, left + 10, right - 10},
                        LinearScale{-1.0, 1.0, plot_bottom, top + 6}, strip_y, axis_y};
    const double height = axis_y + 90;

    Svg svg{page_width, height, fmt::format("Evolution of {} on {}", evolution.actor_name, evolution.topic_label)};
    draw_titles(svg, evolution);
    draw_value_axis(svg, evolution, layout);
    if (off_scale) {
        svg.element("rect", {{"x", left},
                             {"y", plot_bottom + 6},
                             {"width", right - left},
                             {"height", strip_height - 4},
                             {"fill", "#f4f4f4"}});
        svg.text(left - 7, strip_y + 4, evolution.scale ? "not on the scale" : "no position",
                 {{"text-anchor", "end"}, {"class", "tick"}, {"fill", "#555"}});
    }
    draw_periods(svg, evolution, layout, false);
    draw_shifts(svg, evolution, layout);
    draw_marks(svg, evolution, layout);
    draw_periods(svg, evolution, layout, true);
    draw_horizontal_axis(svg, layout.x, axis_y, date_ticks(first - pad, last + pad));
    if (!any) {
        svg.text(page_width / 2, top + plot_height / 2, "no stances match", {{"text-anchor", "middle"}});
    }
    draw_legend(svg, evolution, axis_y + 44);
    return svg.finish();
}

} // namespace stance::chart
