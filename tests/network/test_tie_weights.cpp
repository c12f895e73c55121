// DNA's one-mode tie weights and normalisations on counts small enough to check by hand.
#include <doctest/doctest.h>

#include "network/tie_weights.hpp"

using namespace stance;
using detail::ClaimCounts;
using detail::tie_weight;

namespace {

// A: claim 0 for twice, claim 1 against once, claim 2 for once (4 statements).
// B: claim 0 for once, claim 1 for once, claim 3 neutral once (3 statements).
const ClaimCounts a{{0, {0, 0, 2}}, {1, {1, 0, 0}}, {2, {0, 0, 1}}};
const ClaimCounts b{{0, {0, 0, 1}}, {1, {0, 0, 1}}, {3, {0, 1, 0}}};

} // namespace

TEST_CASE("congruence counts pairs of same-direction statements on shared claims") {
    // claim 0: 2 x 1 pairs, both for: 2; claim 1: against vs for, distance 2: no congruence.
    const auto tie = tie_weight(a, b, StatementNetworkKind::congruence, Normalization::none);
    REQUIRE(tie);
    CHECK(tie->raw == doctest::Approx(2.0));
    CHECK(tie->weight == doctest::Approx(2.0));
    CHECK(tie->frequency == 3); // claim 0 only: A's two statements and B's one
}

TEST_CASE("conflict counts pairs of opposite statements; neutral against either is half of each") {
    const auto conflict = tie_weight(a, b, StatementNetworkKind::conflict, Normalization::none);
    REQUIRE(conflict);
    CHECK(conflict->raw == doctest::Approx(1.0)); // claim 1: 1 x 1 at distance 2 / 2
    CHECK(conflict->frequency == 2);
    const ClaimCounts neutral{{0, {0, 1, 0}}};
    const ClaimCounts against{{0, {1, 0, 0}}};
    CHECK(tie_weight(neutral, against, StatementNetworkKind::conflict, Normalization::none)->raw ==
          doctest::Approx(0.5));
    CHECK(tie_weight(neutral, against, StatementNetworkKind::congruence, Normalization::none)->raw ==
          doctest::Approx(0.5));
}

TEST_CASE("the normalisations divide by DNA's denominators") {
    // average: (4 + 3) / 2 = 3.5, so 2 / 3.5.
    CHECK(tie_weight(a, b, StatementNetworkKind::congruence, Normalization::average)->weight ==
          doctest::Approx(2.0 / 3.5));
    // cosine as DNA computes it: the product of the totals, 4 x 3 = 12.
    CHECK(tie_weight(a, b, StatementNetworkKind::congruence, Normalization::cosine)->weight ==
          doctest::Approx(2.0 / 12.0));
    // jaccard: A alone in (1, against) 1 and (2, for) 1 = 2; B alone in (1, for) 1 and (3, neutral) 1
    // = 2; both in (0, for): 2 x 1 = 2; denominator 6.
    CHECK(tie_weight(a, b, StatementNetworkKind::congruence, Normalization::jaccard)->weight ==
          doctest::Approx(2.0 / 6.0));
}

TEST_CASE("actors without a shared claim have no tie") {
    const ClaimCounts c{{7, {0, 0, 3}}};
    CHECK_FALSE(tie_weight(a, c, StatementNetworkKind::congruence, Normalization::none));
    CHECK_FALSE(tie_weight(a, c, StatementNetworkKind::conflict, Normalization::jaccard));
    const ClaimCounts same{{0, {0, 0, 1}}};
    CHECK_FALSE(tie_weight(same, same, StatementNetworkKind::conflict, Normalization::none)); // agreement only
}
