// The SVG writer's escaping, the heatmap's seriation order and its check of a caller's order.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "stance/chart/charts.hpp"
#include "stance/chart/seriation.hpp"
#include "stance/chart/svg.hpp"

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

TEST_CASE("seriation puts the actors who vote alike next to each other") {
    const std::vector<std::size_t> order = seriation_order(two_blocs());
    REQUIRE(order.size() == 4);
    auto at = [&](std::size_t actor) { return std::find(order.begin(), order.end(), actor) - order.begin(); };
    CHECK(std::abs(at(0) - at(2)) == 1);
    CHECK(std::abs(at(1) - at(3)) == 1);
}

TEST_CASE("the heatmap draws one cell per pair in the order given, and refuses an order missing an actor") {
    const AgreementMatrix matrix = two_blocs();
    const std::string svg = agreement_matrix_svg(matrix, {3, 2, 1, 0});
    std::size_t cells = 0;
    for (std::size_t at = svg.find("class=\"cell\""); at != std::string::npos;
         at = svg.find("class=\"cell\"", at + 1)) {
        ++cells;
    }
    CHECK(cells == 16);
    CHECK(svg.find("test &lt;session&gt; &amp; co") != std::string::npos);
    CHECK(svg.find("<session>") == std::string::npos);
    // The first row is d's: its first cell is d with itself.
    CHECK(svg.find("<title>Actor d (d) and Actor d (d): share 1.00 (10 of 10") < svg.find("Actor c (c) and Actor d"));
    CHECK_THROWS_AS((void)agreement_matrix_svg(matrix, {0, 1, 2}), std::invalid_argument);
    CHECK_THROWS_AS((void)agreement_matrix_svg(matrix, {0, 1, 2, 2}), std::invalid_argument);
}
