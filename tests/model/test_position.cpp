#include <doctest/doctest.h>

#include "stance/model/position.hpp"

using namespace stance;

TEST_CASE("every position kind round-trips through its name") {
    for (PositionKind kind : all_position_kinds) {
        CHECK(parse_position_kind(to_string(kind)) == kind);
    }
    CHECK_FALSE(parse_position_kind("yes"));
}

TEST_CASE("absence kinds are not positions; neutral and abstain are") {
    CHECK_FALSE(is_position(PositionKind::absent));
    CHECK_FALSE(is_position(PositionKind::not_member));
    CHECK_FALSE(is_position(PositionKind::no_position));
    CHECK(is_position(PositionKind::neutral));
    CHECK(is_position(PositionKind::abstain));
}

TEST_CASE("default scores lie on the documented scale") {
    CHECK(default_score(PositionKind::support) == 1.0);
    CHECK(default_score(PositionKind::oppose) == -1.0);
    CHECK(default_score(PositionKind::conditional) == 0.5);
    CHECK(default_score(PositionKind::concern) == -0.5);
    CHECK(default_score(PositionKind::abstain) == 0.0);
}

TEST_CASE("breadth names round-trip") {
    for (Breadth breadth : all_breadths) {
        CHECK(parse_breadth(to_string(breadth)) == breadth);
    }
    CHECK_FALSE(parse_breadth("most"));
}
