// The mark shapes of the charts: one shape per basis, so that a vote and a reported statement at the
// same place can be told apart in print, without colour.
#pragma once

#include <string>
#include <string_view>

#include "stance/chart/svg.hpp"
#include "stance/model/basis.hpp"

namespace stance::chart {

struct MarkStyle {
    std::string fill; ///< "none" for a hollow mark.
    std::string stroke;
    std::string css_class; ///< What tests and stylesheets find the mark by ("mark own").
};

/// A mark of `basis`'s shape centred on (x, y), about 8 pixels across, with `title` as its tooltip.
void draw_mark(Svg& svg, Basis basis, double x, double y, const MarkStyle& style, std::string_view title);

/// The legend entry's name for the shape of `basis` ("statement (circle)").
[[nodiscard]] std::string shape_name(Basis basis);

} // namespace stance::chart
