// The agreement matrix as a heatmap (charts.hpp): actors down and across in the given order, each
// bloc's square on the diagonal outlined and labelled on the right.
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "stance/chart/charts.hpp"
#include "stance/chart/seriation.hpp"
#include "stance/chart/svg.hpp"
#include "stance/model/format.hpp"

namespace stance::chart {

namespace {

constexpr double top_text = 62.0;
constexpr double label_room = 130.0;
constexpr double bloc_room = 70.0; ///< Right of the grid, for the bloc labels.
constexpr double bloc_label_step = 12.0;

// White for no agreement to dark blue for full agreement, interpolated in RGB.
std::string colour(double share) {
    auto channel = [&](int from, int to) {
        return static_cast<int>(std::lround(from + (to - from) * std::clamp(share, 0.0, 1.0)));
    };
    return fmt::format("#{:02x}{:02x}{:02x}", channel(247, 8), channel(251, 48), channel(255, 107));
}

void check_order(const AgreementMatrix& matrix, const HeatmapOrder& heatmap) {
    const std::vector<std::size_t>& order = heatmap.order;
    std::vector<bool> seen(matrix.actors.size(), false);
    for (const std::size_t i : order) {
        if (i >= seen.size() || seen[i]) {
            throw std::invalid_argument("agreement_matrix_svg: the order must name every actor of the matrix once");
        }
        seen[i] = true;
    }
    if (order.size() != seen.size()) {
        throw std::invalid_argument("agreement_matrix_svg: the order must name every actor of the matrix once");
    }
    std::size_t in_blocs = 0;
    for (const std::size_t size : heatmap.bloc_sizes) {
        in_blocs += size;
        if (size == 0) {
            throw std::invalid_argument("agreement_matrix_svg: a bloc must hold at least one actor");
        }
    }
    if (!heatmap.bloc_sizes.empty() && in_blocs != order.size()) {
        throw std::invalid_argument("agreement_matrix_svg: the blocs must hold every actor of the order once");
    }
}

/// Bloc b (from 0) of every row of the order.
std::vector<std::size_t> bloc_of_rows(const HeatmapOrder& heatmap) {
    std::vector<std::size_t> out;
    for (std::size_t b = 0; b < heatmap.bloc_sizes.size(); ++b) {
        out.insert(out.end(), heatmap.bloc_sizes[b], b);
    }
    return out;
}

struct Grid {
    double left = 0;
    double top = 0;
    double cell = 0;

    [[nodiscard]] double at(std::size_t row) const { return top + cell * static_cast<double>(row); }
    [[nodiscard]] double x_at(std::size_t column) const { return left + cell * static_cast<double>(column); }
};

/// The y of each bloc's label: beside the middle of its rows, pushed down where a small bloc's
/// label would sit on the one before.
std::vector<double> bloc_label_rows(const HeatmapOrder& heatmap, const Grid& grid) {
    std::vector<double> out;
    std::size_t first = 0;
    for (const std::size_t size : heatmap.bloc_sizes) {
        const double middle = grid.at(first) + grid.cell * static_cast<double>(size) / 2.0 + 3.5;
        out.push_back(out.empty() ? middle : std::max(middle, out.back() + bloc_label_step));
        first += size;
    }
    return out;
}

// Each bloc's square on the diagonal outlined, a thin line across the whole grid where one bloc
// ends and the next begins, and beside the grid a bracket over the bloc's rows with its number and size.
void draw_blocs(Svg& svg, const HeatmapOrder& heatmap, const Grid& grid, const std::vector<double>& label_y) {
    const std::size_t n = heatmap.order.size();
    const double right = grid.x_at(n);
    svg.open_group({{"class", "blocs"}});
    std::size_t first = 0;
    for (std::size_t b = 0; b < heatmap.bloc_sizes.size(); ++b) {
        const std::size_t size = heatmap.bloc_sizes[b];
        const double from = grid.at(first);
        const double side = grid.cell * static_cast<double>(size);
        if (first > 0) {
            svg.element("line", {{"x1", grid.left},
                                 {"y1", from},
                                 {"x2", right},
                                 {"y2", from},
                                 {"stroke", "#555"},
                                 {"stroke-width", 0.6},
                                 {"class", "bloc-boundary"}});
            svg.element("line", {{"x1", grid.x_at(first)},
                                 {"y1", grid.top},
                                 {"x2", grid.x_at(first)},
                                 {"y2", grid.at(n)},
                                 {"stroke", "#555"},
                                 {"stroke-width", 0.6},
                                 {"class", "bloc-boundary"}});
        }
        const std::string title = fmt::format("bloc {}: {} actor{}", b + 1, size, size == 1 ? "" : "s");
        svg.element("rect",
                    {{"x", grid.x_at(first)},
                     {"y", from},
                     {"width", side},
                     {"height", side},
                     {"fill", "none"},
                     {"stroke", "#e6550d"},
                     {"stroke-width", 1.5},
                     {"class", "bloc"},
                     {"data-bloc", static_cast<double>(b + 1)}},
                    title);
        svg.element("line", {{"x1", right + 4},
                             {"y1", from + 0.5},
                             {"x2", right + 4},
                             {"y2", from + side - 0.5},
                             {"stroke", "#e6550d"},
                             {"stroke-width", 2}});
        svg.text(right + 9, label_y[b], fmt::format("bloc {} ({})", b + 1, size),
                 {{"font-size", 10}, {"class", "bloc-label"}, {"data-bloc", static_cast<double>(b + 1)}});
        first += size;
    }
    svg.close_group();
}

constexpr int colour_steps = 20; ///< Cells are drawn in 21 shades, one per 5 % of agreement.

// The cells as one path per shade (and one for the pairs without a roll call in common), each cell a
// square of that path: a full UN session has 37,000 cells, which as one element each made an 8 MB
// file that took a browser over 3 seconds to draw (docs/benchmarks.md, "Workbench"). Each path's
// title says its shade; a pair's own figures are in `agreement-matrix --format csv` and the
// workbench's pair chart. The group carries the grid's geometry (data-x, data-y, data-cell, data-n),
// so that a page can tell which pair was clicked.
void draw_cells(Svg& svg, const AgreementMatrix& matrix, const std::vector<std::size_t>& order, const Grid& grid) {
    const std::size_t n = order.size();
    std::map<int, std::string> squares; // shade (-1: no roll call in common) → path data
    const std::string side = number(grid.cell);
    for (std::size_t row = 0; row < n; ++row) {
        for (std::size_t column = 0; column < n; ++column) {
            const std::optional<double> share = matrix.at(order[row], order[column]).share();
            const int shade = share ? static_cast<int>(std::lround(std::clamp(*share, 0.0, 1.0) * colour_steps)) : -1;
            squares[shade] +=
                fmt::format("M{} {}h{}v{}h-{}z", number(grid.x_at(column)), number(grid.at(row)), side, side, side);
        }
    }
    svg.open_group({{"class", "cells"},
                    {"shape-rendering", "crispEdges"},
                    {"data-x", grid.left},
                    {"data-y", grid.top},
                    {"data-cell", grid.cell},
                    {"data-n", static_cast<double>(n)}});
    for (const auto& [shade, path] : squares) {
        const std::string title =
            shade < 0 ? std::string{"pairs with no roll call in common"}
                      : fmt::format("pairs that voted alike on about {}% of the roll calls both voted on",
                                    shade * 100 / colour_steps);
        svg.element("path",
                    {{"d", path},
                     {"fill", shade < 0 ? std::string{"#ddd"} : colour(shade / static_cast<double>(colour_steps))},
                     {"class", "shade"}},
                    title);
    }
    svg.close_group();
}

void draw_scale_legend(Svg& svg, double x, double y) {
    for (int step = 0; step <= 10; ++step) {
        svg.element("rect",
                    {{"x", x + step * 14.0}, {"y", y}, {"width", 14}, {"height", 10}, {"fill", colour(step / 10.0)}});
    }
    svg.text(x, y + 22, "0%");
    svg.text(x + 154, y + 22, "100% alike", {{"text-anchor", "end"}});
    svg.element("rect", {{"x", x + 180}, {"y", y}, {"width", 14}, {"height", 10}, {"fill", "#ddd"}});
    svg.text(x + 200, y + 9, "no roll call in common");
}

} // namespace

std::string agreement_matrix_svg(const AgreementMatrix& matrix, const HeatmapOrder& heatmap) {
    check_order(matrix, heatmap);
    const std::vector<std::size_t>& order = heatmap.order;
    const std::size_t n = order.size();
    const bool blocs = !heatmap.bloc_sizes.empty();
    const double room = page_width - label_room - (blocs ? bloc_room : 20.0);
    // In quarter pixels, so that every square's corners are exact in the file and neighbours share
    // their edges (rounded to two decimals, some left a white seam between them).
    const double cell =
        n == 0 ? 10.0 : std::max(0.25, std::floor(std::min(16.0, room / static_cast<double>(n)) * 4) / 4);
    const double font = std::clamp(cell * 0.8, 2.0, 10.0); // tiny on a full session, but sharp when zoomed
    const double grid_left = label_room;
    const double grid_top = top_text + 52; // room for the column labels
    const Grid grid{grid_left, grid_top, cell};
    const std::vector<double> label_y = bloc_label_rows(heatmap, grid);
    const double grid_bottom =
        std::max(grid.at(n), label_y.empty() ? 0.0 : *std::max_element(label_y.begin(), label_y.end()));
    const double height = grid_bottom + 50;
    const std::vector<std::size_t> bloc_of = bloc_of_rows(heatmap);

    Svg svg{page_width, height, fmt::format("Agreement matrix: {}", matrix.label)};
    svg.text(16, 22, fmt::format("Voting agreement at {}", matrix.label), {{"font-size", 15}, {"font-weight", "bold"}});
    svg.text(16, 40,
             fmt::format("{} roll calls, {} voting actors; share of the roll calls each pair both voted on where they "
                         "voted alike",
                         matrix.roll_calls, n),
             {{"fill", "#444"}});
    svg.text(16, 54,
             blocs ? fmt::format("{} voting bloc{} (Louvain modularity on the share, as stance blocs votes), each "
                                 "ordered by average-linkage clustering",
                                 heatmap.bloc_sizes.size(), heatmap.bloc_sizes.size() == 1 ? "" : "s")
                   : std::string{"In the order given"},
             {{"fill", "#444"}});
    for (std::size_t row = 0; row < n; ++row) {
        const std::size_t i = order[row];
        const double y = grid_top + cell * static_cast<double>(row);
        const double label_x = grid_left - 4;
        const double label_y_at = y + cell * 0.5 + font * 0.35;
        const std::string name = text_start(matrix.names[i], 22);
        if (blocs) {
            svg.text(label_x, label_y_at, name,
                     {{"text-anchor", "end"},
                      {"font-size", font},
                      {"class", "row-label"},
                      {"data-actor", matrix.actors[i].str()},
                      {"data-bloc", static_cast<double>(bloc_of[row] + 1)}});
        } else {
            svg.text(label_x, label_y_at, name,
                     {{"text-anchor", "end"},
                      {"font-size", font},
                      {"class", "row-label"},
                      {"data-actor", matrix.actors[i].str()}});
        }
        const double x = grid_left + cell * static_cast<double>(row) + cell * 0.5 + font * 0.35;
        svg.text(x, grid_top - 4, matrix.actors[i].str(),
                 {{"font-size", font},
                  {"class", "column-label"},
                  {"transform", fmt::format("rotate(-90 {} {})", number(x), number(grid_top - 4))}});
    }
    draw_cells(svg, matrix, order, grid);
    if (blocs) {
        draw_blocs(svg, heatmap, grid, label_y);
    }
    draw_scale_legend(svg, grid_left, grid_bottom + 14);
    return svg.finish();
}

std::string agreement_matrix_svg(const AgreementMatrix& matrix) {
    return agreement_matrix_svg(matrix, heatmap_order(matrix));
}

} // namespace stance::chart
