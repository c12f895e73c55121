// The SVG writer's escaping, the heatmap's order by blocs and its check of a caller's order.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "network/network_data.hpp"
#include "stance/chart/charts.hpp"
#include "stance/chart/seriation.hpp"
#include "stance/chart/svg.hpp"
#include "stance/query/blocs.hpp"
#include "stance/query/catalog.hpp"

using namespace stance;
using namespace stance::chart;

namespace {

// Four actors; a and c vote alike, b and d vote alike, the two pairs mostly apart.
AgreementMatrix two_blocs() {
    AgreementMatrix matrix;
    matrix.label = "test <session> & co";
    for (const char* id : {"a", "b", "c", "d"}) {
        matrix.actors.emplace_back(id);
        matrix.names.emplace_back(std::string("Actor ") + id);
    }
    matrix.cells.resize(16);
    auto set = [&](std::size_t i, std::size_t j, std::uint32_t agree) {
        for (auto [x, y] : {std::pair{i, j}, std::pair{j, i}}) {
            matrix.cells[x * 4 + y].n = 10;
            matrix.cells[x * 4 + y].agree = agree;
        }
    };
    for (std::size_t i = 0; i < 4; ++i) {
        set(i, i, 10);
    }
    set(0, 2, 9);
    set(1, 3, 8);
    set(0, 1, 2);
    set(0, 3, 1);
    set(2, 1, 3);
    set(2, 3, 2);
    return matrix;
}

// Twelve actors in three planted blocs of four, interleaved (actor i is in bloc i % 3): within a
// bloc they voted alike on 18 or 19 of 20 roll calls, across blocs on 3 to 5.
AgreementMatrix three_blocs() {
    AgreementMatrix matrix;
    matrix.label = "planted";
    const std::size_t n = 12;
    for (std::size_t i = 0; i < n; ++i) {
        matrix.actors.emplace_back(fmt::format("a{:02}", i));
        matrix.names.emplace_back(fmt::format("Actor {}", i));
    }
    matrix.cells.resize(n * n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            AgreementCounts& cell = matrix.cells[i * n + j];
            cell.n = 20;
            const std::size_t wobble = (i + j) % 2;
            cell.agree = i == j           ? 20U
                         : i % 3 == j % 3 ? static_cast<std::uint32_t>(18 + wobble)
                                          : static_cast<std::uint32_t>(3 + 2 * wobble);
        }
    }
    return matrix;
}

/// The data-bloc numbers of the heatmap's row labels, top to bottom.
std::vector<int> row_blocs(const std::string& svg) {
    std::vector<int> out;
    const std::regex label("class=\"row-label\" data-actor=\"[^\"]+\" data-bloc=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it) {
        out.push_back(std::stoi((*it)[1].str()));
    }
    return out;
}

} // namespace

TEST_CASE("escape_xml escapes markup and drops the control characters XML forbids") {
    CHECK(escape_xml("a < b & \"c\" 'd' > e") == "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e");
    CHECK(escape_xml(std::string("bell\x07 tab\t")) == "bell tab\t");
}

TEST_CASE("text_start cuts at a character, never inside one") {
    CHECK(text_start("Oekraïne", 5) == "Oekra…");
    CHECK(text_start("Oekraïne", 6) == "Oekraï…");
    CHECK(text_start("kort", 10) == "kort");
}

TEST_CASE("number writes coordinates compactly and refuses what is not a number") {
    CHECK(number(12.5) == "12.5");
    CHECK(number(3.0) == "3");
    CHECK(number(-0.001) == "0");
    CHECK_THROWS_AS((void)number(std::nan("")), std::invalid_argument);
}

TEST_CASE("the heatmap order puts the actors who vote alike next to each other") {
    const HeatmapOrder heatmap = heatmap_order(two_blocs());
    const std::vector<std::size_t>& order = heatmap.order;
    REQUIRE(order.size() == 4);
    auto at = [&](std::size_t actor) { return std::find(order.begin(), order.end(), actor) - order.begin(); };
    CHECK(std::abs(at(0) - at(2)) == 1);
    CHECK(std::abs(at(1) - at(3)) == 1);
}

TEST_CASE("the heatmap is ordered by blocs: each planted bloc contiguous, outlined and labelled") {
    const AgreementMatrix matrix = three_blocs();
    const HeatmapOrder heatmap = heatmap_order(matrix);
    REQUIRE(heatmap.order.size() == 12);
    CHECK(std::set<std::size_t>(heatmap.order.begin(), heatmap.order.end()).size() == 12);
    CHECK(heatmap.bloc_sizes == std::vector<std::size_t>{4, 4, 4});
    // Each run of four is one planted bloc; the first holds actor 0 (equal sizes: lowest actor first).
    for (std::size_t run = 0; run < 3; ++run) {
        const std::size_t planted = heatmap.order[run * 4] % 3;
        for (std::size_t k = 0; k < 4; ++k) {
            CHECK(heatmap.order[run * 4 + k] % 3 == planted);
        }
    }
    CHECK(heatmap.order[0] % 3 == 0);
    // The blocs are what the bloc finder gives with `stance blocs votes`' defaults.
    const Partition partition = find_partition(agreement_ties(matrix, AgreementWeight::share), {});
    for (std::size_t row = 0; row < 12; ++row) {
        CHECK(partition.bloc_of[heatmap.order[row]] == row / 4);
    }

    const std::string svg = agreement_matrix_svg(matrix);
    const std::vector<int> blocs = row_blocs(svg);
    CHECK(blocs == std::vector<int>{1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3});
    CHECK(svg.find("class=\"bloc\" data-bloc=\"3\"><title>bloc 3: 4 actors</title>") != std::string::npos);
    CHECK(svg.find(">bloc 2 (4)</text>") != std::string::npos);
    std::size_t boundaries = 0;
    for (std::size_t at = svg.find("class=\"bloc-boundary\""); at != std::string::npos;
         at = svg.find("class=\"bloc-boundary\"", at + 1)) {
        ++boundaries;
    }
    CHECK(boundaries == 4); // across and down between blocs 1 and 2, and 2 and 3
    CHECK(svg.find("3 voting blocs (Louvain modularity on the share") != std::string::npos);
}

TEST_CASE("a caller's blocs must hold every actor of the order") {
    const AgreementMatrix matrix = three_blocs();
    HeatmapOrder heatmap = heatmap_order(matrix);
    heatmap.bloc_sizes = {4, 4};
    CHECK_THROWS_AS((void)agreement_matrix_svg(matrix, heatmap), std::invalid_argument);
    heatmap.bloc_sizes = {4, 0, 8};
    CHECK_THROWS_AS((void)agreement_matrix_svg(matrix, heatmap), std::invalid_argument);
}

TEST_CASE("the heatmap draws one cell per pair in the order given, and refuses an order missing an actor") {
    const AgreementMatrix matrix = two_blocs();
    const std::string svg = agreement_matrix_svg(matrix, HeatmapOrder{{3, 2, 1, 0}, {}});
    std::size_t cells = 0;
    for (std::size_t at = svg.find("h-16z"); at != std::string::npos; at = svg.find("h-16z", at + 1)) {
        ++cells; // each cell is one closed square of its shade's path
    }
    CHECK(cells == 16);
    CHECK(svg.find("test &lt;session&gt; &amp; co") != std::string::npos);
    CHECK(svg.find("<session>") == std::string::npos);
    // 16 px cells from (130, 114). The first row is d's: d with itself (share 1) at the corner, and
    // d with a (1 of 10 alike, the 10 % shade) in the fourth column.
    const auto shade_of = [&](const std::string& square) {
        const std::size_t at = svg.find(square);
        REQUIRE(at != std::string::npos);
        const std::size_t fill = svg.find("fill=\"", at);
        return svg.substr(fill + 6, 7);
    };
    CHECK(shade_of("M130 114h16v16h-16z") == "#08306b");
    CHECK(shade_of("M178 114h16v16h-16z") == shade_of("M130 162h16v16h-16z")); // (d, a) and (a, d)
    CHECK(shade_of("M178 114h16v16h-16z") != "#08306b");
    CHECK(svg.find("data-cell=\"16\" data-n=\"4\"") != std::string::npos);
    CHECK(svg.find("data-bloc") == std::string::npos); // no blocs given, none drawn
    CHECK_THROWS_AS((void)agreement_matrix_svg(matrix, HeatmapOrder{{0, 1, 2}, {}}), std::invalid_argument);
    CHECK_THROWS_AS((void)agreement_matrix_svg(matrix, HeatmapOrder{{0, 1, 2, 2}, {}}), std::invalid_argument);
}

TEST_CASE("the evolution chart keeps each mark at its date: a day's marks within 5 px of one another's middle") {
    const auto store = test::bundled_statements();
    const Catalog catalog{*store};
    EvolutionOptions options;
    options.by = Period::year;
    const Evolution nl = evolution(*store, catalog, ActorId{"nld"}, TopicId{"russia"}, options);
    const std::string svg = evolution_svg(nl);
    // Each mark: its group, its shape's x (a circle's centre, a square's corner, a polygon's top
    // point) and the date its title starts with.
    const std::regex mark("<g class=\"stance\" data-stance=\"[^\"]+\">\n<(?:circle cx=\"([^\"]+)\"|rect x=\"([^\"]+)\"|"
                          "polygon points=\"([^,]+),)[^>]*><title>([0-9]{4}-[0-9]{2}-[0-9]{2}) ");
    std::map<std::string, std::pair<double, double>> span_of; // date → lowest and highest x
    std::map<std::string, std::size_t> marks_on;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), mark); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const double x = m[1].matched   ? std::stod(m[1].str())
                         : m[2].matched ? std::stod(m[2].str()) + 4.5
                                        : std::stod(m[3].str());
        const auto entry = span_of.try_emplace(m[4].str(), x, x).first;
        entry->second = {std::min(entry->second.first, x), std::max(entry->second.second, x)};
        ++marks_on[m[4].str()];
    }
    std::size_t marks = 0;
    std::size_t busiest = 0;
    for (const auto& [date, count] : marks_on) {
        marks += count;
        busiest = std::max(busiest, count);
    }
    CHECK(marks == nl.points.size() + nl.inherited.size());
    // A speech holds many stances on one day (the layout before spread them over 100 px or more).
    CHECK(busiest > 6);
    for (const auto& [day, span] : span_of) {
        // A copy for CAPTURE's lambda: clang (and so clang-tidy) before 16 cannot capture a structured binding.
        const auto date = day;
        CAPTURE(date);
        CHECK(span.second - span.first <= 10.0 + 1e-9);
    }
}
