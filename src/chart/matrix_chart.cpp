// The agreement matrix as a heatmap (charts.hpp): actors down and across in the given order.
#include <algorithm>
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

// White for no agreement to dark blue for full agreement, interpolated in RGB.
std::string colour(double share) {
    auto channel = [&](int from, int to) {
        return static_cast<int>(from + (to - from) * std::clamp(share, 0.0, 1.0) + 0.5);
    };
    return fmt::format("#{:02x}{:02x}{:02x}", channel(247, 8), channel(251, 48), channel(255, 107));
}

void check_order(const AgreementMatrix& matrix, const std::vector<std::size_t>& order) {
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
}

std::string cell_title(const AgreementMatrix& matrix, std::size_t i, std::size_t j) {
    const AgreementCounts& counts = matrix.at(i, j);
    auto figure = [](const std::optional<double>& value) {
        return value ? fmt::format("{:.2f}", *value) : std::string{"undefined"};
    };
    return fmt::format("{} ({}) and {} ({}): share {} ({} of {} roll calls alike) · kappa {} · S {}", matrix.names[i],
                       matrix.actors[i], matrix.names[j], matrix.actors[j], figure(counts.share()), counts.agree,
                       counts.n, figure(counts.kappa()), figure(counts.s_score()));
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

std::string agreement_matrix_svg(const AgreementMatrix& matrix, const std::vector<std::size_t>& order) {
    check_order(matrix, order);
    const std::size_t n = order.size();
    const double cell = n == 0 ? 10.0 : std::min(16.0, (page_width - label_room - 20) / static_cast<double>(n));
    const double font = std::clamp(cell * 0.8, 2.0, 10.0); // tiny on a full session, but sharp when zoomed
    const double grid_left = label_room;
    const double grid_top = top_text + 52; // room for the column labels
    const double height = grid_top + cell * static_cast<double>(n) + 50;

    Svg svg{page_width, height, fmt::format("Agreement matrix: {}", matrix.label)};
    svg.text(16, 22, fmt::format("Voting agreement at {}", matrix.label), {{"font-size", 15}, {"font-weight", "bold"}});
    svg.text(16, 40,
             fmt::format("{} roll calls, {} voting actors; share of the roll calls each pair both voted on where they "
                         "voted alike",
                         matrix.roll_calls, n),
             {{"fill", "#444"}});
    svg.text(16, 54, "Ordered so that those who vote alike sit together (average-linkage clustering)",
             {{"fill", "#444"}});
    for (std::size_t row = 0; row < n; ++row) {
        const std::size_t i = order[row];
        const double y = grid_top + cell * static_cast<double>(row);
        svg.text(grid_left - 4, y + cell * 0.5 + font * 0.35, text_start(matrix.names[i], 22),
                 {{"text-anchor", "end"},
                  {"font-size", font},
                  {"class", "row-label"},
                  {"data-actor", matrix.actors[i].str()}});
        const double x = grid_left + cell * static_cast<double>(row) + cell * 0.5 + font * 0.35;
        svg.text(x, grid_top - 4, matrix.actors[i].str(),
                 {{"font-size", font},
                  {"class", "column-label"},
                  {"transform", fmt::format("rotate(-90 {} {})", number(x), number(grid_top - 4))}});
    }
    svg.open_group({{"class", "cells"}});
    for (std::size_t row = 0; row < n; ++row) {
        for (std::size_t column = 0; column < n; ++column) {
            const std::size_t i = order[row];
            const std::size_t j = order[column];
            const std::optional<double> share = matrix.at(i, j).share();
            svg.element("rect",
                        {{"x", grid_left + cell * static_cast<double>(column)},
                         {"y", grid_top + cell * static_cast<double>(row)},
                         {"width", cell},
                         {"height", cell},
                         {"fill", share ? colour(*share) : "#ddd"},
                         {"class", "cell"}},
                        cell_title(matrix, i, j));
        }
    }
    svg.close_group();
    draw_scale_legend(svg, grid_left, grid_top + cell * static_cast<double>(n) + 14);
    return svg.finish();
}

std::string agreement_matrix_svg(const AgreementMatrix& matrix) {
    return agreement_matrix_svg(matrix, seriation_order(matrix));
}

} // namespace stance::chart
