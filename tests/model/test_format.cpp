#include <doctest/doctest.h>

#include "stance/model/format.hpp"
#include "stance/query/compare.hpp"
#include "stance/query/evolution.hpp"

using namespace stance;

TEST_CASE("model values print as their text through fmt") {
    CHECK(fmt::format("{} {} {} {} {}", ActorId{"nld"}, Date{2017, 3, 31}, PositionKind::support, Breadth::many,
                      ActorKind::state) == "nld 2017-03-31 support many state");
    CHECK(fmt::format("{} {}", MeetingId{"nac-fm-2017-03-31"}, PositionKind::not_member) ==
          "nac-fm-2017-03-31 not_member");
}

TEST_CASE("string format specs apply to model values") {
    CHECK(fmt::format("[{:<8}]", PositionKind::oppose) == "[oppose  ]");
    CHECK(fmt::format("[{:>6}]", TopicId{"ru"}) == "[    ru]");
    CHECK(fmt::format("[{:^12}]", Date{2024, 3, 7}) == "[ 2024-03-07 ]");
}

TEST_CASE("query enums print as their text") {
    CHECK(fmt::format("{} {} {}", Via::named, Period::session, Agreement::only_first) == "named session only_first");
    CHECK(parse_period("year") == Period::year);
    CHECK_FALSE(parse_period("decade"));
}
