// The agreement of two actors over time (charts.hpp): periods across, share of agreement up.
#include <fmt/format.h>

#include "stance/chart/axis.hpp"
#include "stance/chart/charts.hpp"
#include "stance/model/format.hpp"

namespace stance::chart {

namespace {

constexpr double left = 60.0;
constexpr double right = page_width - 20.0;
constexpr double top = 74.0;
constexpr double plot_height = 240.0;
constexpr const char* ink = "#1f4e99";

std::string figures(const AgreementCounts& counts) {
    auto figure = [](const std::optional<double>& value) {
        return value ? fmt::format("{:.2f}", *value) : std::string{"undefined"};
    };
    return fmt::format("share {} ({} of {} roll calls alike) · kappa {} · S {}", figure(counts.share()), counts.agree,
                       counts.n, figure(counts.kappa()), figure(counts.s_score()));
}

std::vector<Tick> period_ticks(const VoteAgreement& agreement) {
    const std::size_t count = agreement.periods.size();
    const std::size_t every = count > 24 ? (count + 23) / 24 : 1;
    std::vector<Tick> ticks;
    for (std::size_t i = 0; i < count; i += every) {
        ticks.push_back({static_cast<double>(i), agreement.periods[i].key});
    }
    return ticks;
}

void draw_line(Svg& svg, const VoteAgreement& agreement, const LinearScale& x, const LinearScale& y) {
    std::string points;
    auto flush = [&] {
        if (points.find(' ') != std::string::npos) {
            svg.element("polyline", {{"points", points}, {"fill", "none"}, {"stroke", ink}, {"stroke-width", 1.5}});
        }
        points.clear();
    };
    for (std::size_t i = 0; i < agreement.periods.size(); ++i) {
        const std::optional<double> share = agreement.periods[i].counts.share();
        if (!share) {
            flush(); // no roll call in common: a gap, not a fall to zero
            continue;
        }
        points +=
            fmt::format("{}{},{}", points.empty() ? "" : " ", number(x(static_cast<double>(i))), number(y(*share)));
    }
    flush();
}

} // namespace

std::string agreement_svg(const VoteAgreement& agreement) {
    const std::size_t count = agreement.periods.size();
    const LinearScale x{0.0, static_cast<double>(count > 1 ? count - 1 : 1), left + 12, right - 12};
    const LinearScale y{0.0, 1.0, top + plot_height, top};
    const double axis_y = top + plot_height + 6;
    Svg svg{page_width, axis_y + 90,
            fmt::format("Agreement of {} and {}", agreement.first_name, agreement.second_name)};
    svg.text(16, 22,
             fmt::format("{} ({}) and {} ({}): voting agreement by {}", agreement.first_name, agreement.first,
                         agreement.second_name, agreement.second, agreement.options.by),
             {{"font-size", 15}, {"font-weight", "bold"}});
    svg.text(16, 40, "Share of the roll calls both voted on where they voted alike; a gap where they shared none",
             {{"fill", "#444"}});
    svg.text(16, 54, fmt::format("Overall: {}", figures(agreement.overall)), {{"fill", "#444"}});

    std::vector<Tick> ticks;
    for (const double value : round_ticks(0.0, 1.0, 4)) {
        ticks.push_back({value, fmt::format("{:.0f}%", value * 100)});
        svg.element("line", {{"x1", left}, {"y1", y(value)}, {"x2", right}, {"y2", y(value)}, {"stroke", "#eee"}});
    }
    draw_vertical_axis(svg, y, left, ticks);
    if (const std::optional<double> overall = agreement.overall.share()) {
        svg.element("line",
                    {{"x1", left},
                     {"y1", y(*overall)},
                     {"x2", right},
                     {"y2", y(*overall)},
                     {"stroke", "#c0392b"},
                     {"stroke-dasharray", "5 3"},
                     {"class", "overall"}},
                    fmt::format("overall: {}", figures(agreement.overall)));
    }
    draw_line(svg, agreement, x, y);
    for (std::size_t i = 0; i < count; ++i) {
        const AgreementPeriod& period = agreement.periods[i];
        const std::optional<double> share = period.counts.share();
        if (!share) {
            continue;
        }
        svg.element(
            "circle",
            {{"cx", x(static_cast<double>(i))}, {"cy", y(*share)}, {"r", 3.5}, {"fill", ink}, {"class", "point"}},
            fmt::format("{} ({} to {}): {}", period.label, period.first.iso(), period.last.iso(),
                        figures(period.counts)));
    }
    draw_horizontal_axis(svg, x, axis_y, period_ticks(agreement), true);
    if (count == 0) {
        svg.text(page_width / 2, top + plot_height / 2, "no periods: every roll call counted as one (--by none)",
                 {{"text-anchor", "middle"}});
    }
    return svg.finish();
}

} // namespace stance::chart
