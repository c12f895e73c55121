// Scales and axes for the charts: mapping data values to pixels, choosing round tick values, and
// drawing an axis with its labels. Dates map through their day number, so gaps in time stay visible.
#pragma once

#include <string>
#include <vector>

#include "stance/chart/svg.hpp"
#include "stance/model/date.hpp"

namespace stance::chart {

/// Maps [domain_low, domain_high] linearly onto [range_low, range_high] (pixels; may run downwards).
class LinearScale {
public:
    LinearScale(double domain_low, double domain_high, double range_low, double range_high);

    [[nodiscard]] double operator()(double value) const noexcept;
    [[nodiscard]] double range_low() const noexcept { return m_range_low; }
    [[nodiscard]] double range_high() const noexcept { return m_range_high; }

private:
    double m_domain_low;
    double m_domain_span;
    double m_range_low;
    double m_range_high;
};

struct Tick {
    double value = 0.0;
    std::string label;
};

/// Days since 1970-01-01, the x value of a date.
[[nodiscard]] double day_number(const Date& date);

/// Round values (1, 2 or 5 times a power of ten) from `low` to `high`, about `count` of them.
[[nodiscard]] std::vector<double> round_ticks(double low, double high, int count);

/// Ticks on a day-number axis from `first` to `last`: the 1st of January of every year (every
/// n-th year on long spans), or of every month when the span is under two years.
[[nodiscard]] std::vector<Tick> date_ticks(double first, double last);

/// A vertical axis line at `x`, with tick marks and right-aligned labels to its left.
void draw_vertical_axis(Svg& svg, const LinearScale& y, double x, const std::vector<Tick>& ticks);

/// A horizontal axis line at `y`, with tick marks and labels under it; `slanted` turns them 40°.
void draw_horizontal_axis(Svg& svg, const LinearScale& x, double y, const std::vector<Tick>& ticks,
                          bool slanted = false);

} // namespace stance::chart
