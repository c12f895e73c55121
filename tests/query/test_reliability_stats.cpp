// Krippendorff's alpha and Cohen's kappa against figures worked out by hand in each case (the
// coincidence matrix, D_o and D_e written out), and against the worked examples Krippendorff
// published in "Computing Krippendorff's Alpha-Reliability" (2011, Annenberg School for
// Communication, University of Pennsylvania): a binary example with two observers (alpha 0.095) and
// one with four observers, five values and missing data (nominal 0.743, ordinal 0.815, interval
// 0.849). Only the data and his rounded figures are taken from there; the exact values below are
// derived here.
#include <doctest/doctest.h>

#include "stance/query/reliability_stats.hpp"

using namespace stance;

namespace {

constexpr std::optional<double> none = std::nullopt;

std::vector<ReliabilityUnit> two_coders(const std::vector<double>& first, const std::vector<double>& second) {
    std::vector<ReliabilityUnit> units;
    for (std::size_t i = 0; i < first.size(); ++i) {
        units.push_back({first[i], second[i]});
    }
    return units;
}

std::vector<std::pair<double, double>> pairs_of(const std::vector<double>& first, const std::vector<double>& second) {
    std::vector<std::pair<double, double>> pairs;
    for (std::size_t i = 0; i < first.size(); ++i) {
        pairs.emplace_back(first[i], second[i]);
    }
    return pairs;
}

/// Krippendorff's four observers on twelve units; "none" where an observer gave no value.
std::vector<ReliabilityUnit> four_observers() {
    return {{1.0, 1.0, none, 1.0}, {2.0, 2.0, 3.0, 2.0},  {3.0, 3.0, 3.0, 3.0},   {3.0, 3.0, 3.0, 3.0},
            {2.0, 2.0, 2.0, 2.0},  {1.0, 2.0, 3.0, 4.0},  {4.0, 4.0, 4.0, 4.0},   {1.0, 1.0, 2.0, 1.0},
            {2.0, 2.0, 2.0, 2.0},  {none, 5.0, 5.0, 5.0}, {none, none, 1.0, 1.0}, {none, 3.0, none, none}};
}

} // namespace

TEST_CASE("nominal alpha and kappa of two coders on four units, worked by hand") {
    // Coder A: a a b b; coder B: a b b b (a = 0, b = 1).
    // Coincidences: unit 1 adds 2 to o_aa, unit 2 adds 1 to o_ab and to o_ba, units 3 and 4 add 2 each
    // to o_bb. So n_a = 3, n_b = 5, n = 8; D_o = (o_ab + o_ba) / n = 2/8; D_e = 2 n_a n_b / (n (n-1))
    // = 30/56; alpha = 1 - (2/8) / (30/56) = 1 - 14/30 = 8/15.
    const std::vector<double> first{0, 0, 1, 1};
    const std::vector<double> second{0, 1, 1, 1};
    const AlphaResult alpha = krippendorff_alpha(two_coders(first, second), AlphaMetric::nominal);
    CHECK(alpha.units == 4);
    CHECK(alpha.values == 8);
    CHECK(alpha.observed_disagreement == doctest::Approx(0.25));
    CHECK(alpha.expected_disagreement == doctest::Approx(30.0 / 56.0));
    REQUIRE(alpha.alpha);
    CHECK(*alpha.alpha == doctest::Approx(8.0 / 15.0));
    // Kappa: p_o = 3/4; A uses a and b half the time each, B a 1/4 and b 3/4, so
    // p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2 and kappa = (3/4 - 1/2) / (1 - 1/2) = 1/2.
    const KappaResult kappa = cohen_kappa(pairs_of(first, second));
    CHECK(kappa.units == 4);
    CHECK(kappa.agree == 3);
    REQUIRE(kappa.kappa);
    CHECK(*kappa.kappa == doctest::Approx(0.5));
}

TEST_CASE("interval alpha of two coders on three units, worked by hand") {
    // A: 1 2 3; B: 1 2 4. Values 1 (n = 2), 2 (n = 2), 3 (n = 1), 4 (n = 1); n = 6.
    // D_o = (o_34 + o_43) (3 - 4)^2 / n = 2/6. D_e sums n_c n_k (c - k)^2 over ordered pairs:
    // 1-2: 4·1, 1-3: 2·4, 1-4: 2·9, 2-3: 2·1, 2-4: 2·4, 3-4: 1·1, so 4 + 8 + 18 + 2 + 8 + 1 = 41,
    // twice for both orders: 82, over n (n-1) = 30. alpha = 1 - (1/3) / (82/30) = 1 - 10/82 = 72/82.
    const AlphaResult alpha = krippendorff_alpha(two_coders({1, 2, 3}, {1, 2, 4}), AlphaMetric::interval);
    CHECK(alpha.observed_disagreement == doctest::Approx(1.0 / 3.0));
    CHECK(alpha.expected_disagreement == doctest::Approx(82.0 / 30.0));
    REQUIRE(alpha.alpha);
    CHECK(*alpha.alpha == doctest::Approx(72.0 / 82.0));
    // Nominally 3 and 4 are just two other categories: D_o = 2/6, D_e = (6·6 - (4+4+1+1)) / 30 = 26/30.
    const AlphaResult nominal = krippendorff_alpha(two_coders({1, 2, 3}, {1, 2, 4}), AlphaMetric::nominal);
    REQUIRE(nominal.alpha);
    CHECK(*nominal.alpha == doctest::Approx(1.0 - (2.0 / 6.0) / (26.0 / 30.0)));
}

TEST_CASE("Krippendorff's binary example of two observers: alpha 0.095") {
    // Observer A: 0 1 0 0 0 0 0 0 1 0; B: 1 1 1 0 0 1 0 0 0 0. Units 1, 3, 6, 9 disagree (o_01 = o_10
    // = 4), unit 2 gives o_11 = 2, the five 0-0 units o_00 = 10: n_0 = 14, n_1 = 6, n = 20.
    // D_o = 8/20, D_e = 2·14·6 / (20·19) = 168/380, alpha = 1 - 152/168 = 16/168 = 0.0952.
    const std::vector<double> first{0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    const std::vector<double> second{1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    const AlphaResult alpha = krippendorff_alpha(two_coders(first, second), AlphaMetric::nominal);
    REQUIRE(alpha.alpha);
    CHECK(*alpha.alpha == doctest::Approx(16.0 / 168.0));
    CHECK(*alpha.alpha == doctest::Approx(0.095).epsilon(0.005)); // the published, rounded figure
    // Kappa on the same data: p_o = 6/10; A says 1 in 2 of 10, B in 4: p_e = 0.2·0.4 + 0.8·0.6 = 0.56;
    // kappa = (0.6 - 0.56) / 0.44 = 1/11.
    const KappaResult kappa = cohen_kappa(pairs_of(first, second));
    REQUIRE(kappa.kappa);
    CHECK(*kappa.kappa == doctest::Approx(1.0 / 11.0));
}

TEST_CASE("Krippendorff's example of four observers with missing values: nominal, ordinal, interval") {
    // Unit 12 has one value and does not count: 11 units, n = 40 values. Coincidence totals:
    // n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3. Nominally, the disagreeing pairs weigh 8 in all
    // (unit 2: 3 pairs of 1/3 twice, unit 6: 12 pairs of 1/3, unit 8: 2), so D_o = 8/40; D_e =
    // (40² - (81 + 169 + 100 + 25 + 9)) / (40·39) = 1216/1560; alpha = 1 - (1/5) / (1216/1560) = 113/152.
    const std::vector<ReliabilityUnit> units = four_observers();
    const AlphaResult nominal = krippendorff_alpha(units, AlphaMetric::nominal);
    CHECK(nominal.units == 11);
    CHECK(nominal.values == 40);
    CHECK(nominal.observed_disagreement == doctest::Approx(0.2));
    CHECK(nominal.expected_disagreement == doctest::Approx(1216.0 / 1560.0));
    REQUIRE(nominal.alpha);
    CHECK(*nominal.alpha == doctest::Approx(113.0 / 152.0));
    CHECK(*nominal.alpha == doctest::Approx(0.743).epsilon(0.001));
    // The ordinal and interval figures, checked against the published ones to their three decimals.
    const AlphaResult ordinal = krippendorff_alpha(units, AlphaMetric::ordinal);
    REQUIRE(ordinal.alpha);
    CHECK(*ordinal.alpha == doctest::Approx(0.815).epsilon(0.001));
    const AlphaResult interval = krippendorff_alpha(units, AlphaMetric::interval);
    REQUIRE(interval.alpha);
    CHECK(*interval.alpha == doctest::Approx(0.849).epsilon(0.001));
    // Interval, by hand: unit 2 has 6 ordered pairs of weight 1/3 at squared distance 1 (2 in all),
    // unit 6 weighs 1/3 of 2·(1+4+9+1+4+1) = 40/3, unit 8 like unit 2 weighs 2: D_o = (52/3) / 40 = 13/30.
    CHECK(interval.observed_disagreement == doctest::Approx(13.0 / 30.0));
}

TEST_CASE("degenerate reliability data: perfect agreement, perfect disagreement, no variation, too few values") {
    SUBCASE("coders who always agree, on data that varies: alpha 1 and kappa 1") {
        const std::vector<double> same{0, 1, 2, 1};
        const AlphaResult alpha = krippendorff_alpha(two_coders(same, same), AlphaMetric::nominal);
        REQUIRE(alpha.alpha);
        CHECK(*alpha.alpha == doctest::Approx(1.0));
        CHECK(alpha.observed_disagreement == 0.0);
        const KappaResult kappa = cohen_kappa(pairs_of(same, same));
        REQUIRE(kappa.kappa);
        CHECK(*kappa.kappa == doctest::Approx(1.0));
        CHECK(*krippendorff_alpha(two_coders(same, same), AlphaMetric::interval).alpha == doctest::Approx(1.0));
    }
    SUBCASE("coders who never agree on two categories: alpha below 0, kappa -1") {
        // A: a b a b; B: b a b a. o_ab = o_ba = 4, n_a = n_b = 4, n = 8; D_o = 1; D_e = 32/56;
        // alpha = 1 - 56/32 = -0.75. Kappa: p_o = 0, p_e = 1/2: kappa = -1.
        const AlphaResult alpha = krippendorff_alpha(two_coders({0, 1, 0, 1}, {1, 0, 1, 0}), AlphaMetric::nominal);
        REQUIRE(alpha.alpha);
        CHECK(*alpha.alpha == doctest::Approx(-0.75));
        const KappaResult kappa = cohen_kappa(pairs_of({0, 1, 0, 1}, {1, 0, 1, 0}));
        CHECK(kappa.agree == 0);
        REQUIRE(kappa.kappa);
        CHECK(*kappa.kappa == doctest::Approx(-1.0));
    }
    SUBCASE("one value everywhere: nothing to tell agreement from chance, so no figure") {
        const AlphaResult alpha = krippendorff_alpha(two_coders({1, 1, 1}, {1, 1, 1}), AlphaMetric::nominal);
        CHECK(alpha.units == 3);
        CHECK(alpha.expected_disagreement == 0.0);
        CHECK_FALSE(alpha.alpha);
        const KappaResult kappa = cohen_kappa(pairs_of({1, 1, 1}, {1, 1, 1}));
        CHECK(kappa.agree == 3);
        CHECK_FALSE(kappa.kappa);
    }
    SUBCASE("one coder, or no unit with two values: no figure") {
        const std::vector<ReliabilityUnit> one_coder{{1.0}, {2.0}, {3.0}};
        const AlphaResult alone = krippendorff_alpha(one_coder, AlphaMetric::nominal);
        CHECK(alone.units == 0);
        CHECK(alone.values == 0);
        CHECK_FALSE(alone.alpha);
        const std::vector<ReliabilityUnit> never_both{{1.0, none}, {none, 2.0}};
        CHECK_FALSE(krippendorff_alpha(never_both, AlphaMetric::nominal).alpha);
        CHECK_FALSE(krippendorff_alpha({}, AlphaMetric::interval).alpha);
        const KappaResult empty = cohen_kappa({});
        CHECK(empty.units == 0);
        CHECK_FALSE(empty.kappa);
    }
}
