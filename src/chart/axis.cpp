#include "stance/chart/axis.hpp"

#include <array>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace stance::chart {

LinearScale::LinearScale(double domain_low, double domain_high, double range_low, double range_high)
    : m_domain_low(domain_low), m_domain_span(domain_high - domain_low), m_range_low(range_low),
      m_range_high(range_high) {
    if (m_domain_span == 0.0) {
        m_domain_span = 1.0; // one value: it maps to the start of the range rather than dividing by zero
    }
}

double LinearScale::operator()(double value) const noexcept {
    return m_range_low + (value - m_domain_low) / m_domain_span * (m_range_high - m_range_low);
}

double day_number(const Date& date) {
    const std::chrono::year_month_day ymd{std::chrono::year{date.year()}, std::chrono::month{date.month()},
                                          std::chrono::day{date.day()}};
    return static_cast<double>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::vector<double> round_ticks(double low, double high, int count) {
    std::vector<double> ticks;
    if (!(high > low) || count < 1) {
        return {low};
    }
    const double raw = (high - low) / count;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * power;
        if (step >= raw) {
            break;
        }
    }
    // Each tick from its own index rather than by adding step after step, which would carry the
    // rounding error of every addition into the later ticks.
    const double first_index = std::ceil(low / step);
    for (int i = 0;; ++i) {
        const double value = (first_index + i) * step;
        if (value > high + step * 1e-9) {
            break;
        }
        ticks.push_back(std::abs(value) < step * 1e-9 ? 0.0 : value);
    }
    return ticks;
}

namespace {

Date from_day_number(double days) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{static_cast<int>(days)}}};
    return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

} // namespace

std::vector<Tick> date_ticks(double first, double last) {
    const Date start = from_day_number(first);
    const Date end = from_day_number(last);
    std::vector<Tick> ticks;
    if (last - first < 730.0) {
        static constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const int month_count =
            (end.year() - start.year()) * 12 + static_cast<int>(end.month()) - static_cast<int>(start.month()) + 1;
        const int every = month_count > 12 ? 3 : 1;
        for (int i = 0; i <= month_count; ++i) {
            const int index = static_cast<int>(start.month()) - 1 + i;
            const int year = start.year() + index / 12;
            const auto month = static_cast<unsigned>(index % 12 + 1);
            const double day = day_number(Date{year, month, 1});
            if (day >= first && day <= last && (month - 1) % static_cast<unsigned>(every) == 0) {
                ticks.push_back({day, month == 1 || ticks.empty() ? fmt::format("{} {}", months[month - 1], year)
                                                                  : std::string(months[month - 1])});
            }
        }
        return ticks;
    }
    const int years = end.year() - start.year();
    const int every = years > 40 ? 10 : years > 16 ? 5 : years > 8 ? 2 : 1;
    for (int year = start.year() + 1; year <= end.year(); ++year) {
        if (year % every == 0) {
            ticks.push_back({day_number(Date{year, 1, 1}), std::to_string(year)});
        }
    }
    return ticks;
}

void draw_vertical_axis(Svg& svg, const LinearScale& y, double x, const std::vector<Tick>& ticks) {
    svg.element("line", {{"x1", x}, {"y1", y.range_low()}, {"x2", x}, {"y2", y.range_high()}, {"stroke", "#333"}});
    for (const Tick& tick : ticks) {
        const double at = y(tick.value);
        svg.element("line", {{"x1", x - 4}, {"y1", at}, {"x2", x}, {"y2", at}, {"stroke", "#333"}});
        svg.text(x - 7, at + 4, tick.label, {{"text-anchor", "end"}, {"class", "tick"}});
    }
}

void draw_horizontal_axis(Svg& svg, const LinearScale& x, double y, const std::vector<Tick>& ticks, bool slanted) {
    svg.element("line", {{"x1", x.range_low()}, {"y1", y}, {"x2", x.range_high()}, {"y2", y}, {"stroke", "#333"}});
    for (const Tick& tick : ticks) {
        const double at = x(tick.value);
        svg.element("line", {{"x1", at}, {"y1", y}, {"x2", at}, {"y2", y + 4}, {"stroke", "#333"}});
        if (slanted) {
            svg.text(at, y + 14, tick.label,
                     {{"text-anchor", "end"},
                      {"class", "tick"},
                      {"transform", fmt::format("rotate(-40 {} {})", number(at), number(y + 14))}});
        } else {
            svg.text(at, y + 16, tick.label, {{"text-anchor", "middle"}, {"class", "tick"}});
        }
    }
}

} // namespace stance::chart
