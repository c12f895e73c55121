#include "marks.hpp"

#include <fmt/format.h>

namespace stance::chart {

void draw_mark(Svg& svg, Basis basis, double x, double y, const MarkStyle& style, std::string_view title) {
    constexpr double r = 4.5;
    const Attribute fill{"fill", style.fill};
    const Attribute stroke{"stroke", style.stroke};
    const Attribute css{"class", style.css_class};
    const Attribute width{"stroke-width", 1.5};
    auto polygon = [&](const std::string& points) {
        svg.element("polygon", {{"points", points}, fill, stroke, width, css}, title);
    };
    switch (basis) {
    case Basis::statement:
        svg.element("circle", {{"cx", x}, {"cy", y}, {"r", r}, fill, stroke, width, css}, title);
        break;
    case Basis::vote:
        svg.element("rect", {{"x", x - r}, {"y", y - r}, {"width", 2 * r}, {"height", 2 * r}, fill, stroke, width, css},
                    title);
        break;
    case Basis::reported:
        polygon(fmt::format("{},{} {},{} {},{} {},{}", number(x), number(y - r - 1), number(x + r + 1), number(y),
                            number(x), number(y + r + 1), number(x - r - 1), number(y)));
        break;
    case Basis::inferred:
        polygon(fmt::format("{},{} {},{} {},{}", number(x), number(y - r - 1), number(x + r + 1), number(y + r),
                            number(x - r - 1), number(y + r)));
        break;
    case Basis::recalled:
        polygon(fmt::format("{},{} {},{} {},{}", number(x), number(y + r + 1), number(x + r + 1), number(y - r),
                            number(x - r - 1), number(y - r)));
        break;
    }
}

std::string shape_name(Basis basis) {
    switch (basis) {
    case Basis::statement: return "statement (circle)";
    case Basis::vote: return "vote (square)";
    case Basis::reported: return "reported (diamond)";
    case Basis::inferred: return "inferred (triangle)";
    case Basis::recalled: return "recalled (triangle down)";
    }
    return "?";
}

} // namespace stance::chart
