#include <doctest/doctest.h>

#include "stance/model/date.hpp"

using stance::Date;

TEST_CASE("dates parse from ISO 8601 and print back") {
    auto date = Date::parse("2017-03-31");
    REQUIRE(date);
    CHECK(date->year() == 2017);
    CHECK(date->month() == 3);
    CHECK(date->day() == 31);
    CHECK(date->iso() == "2017-03-31");
}

TEST_CASE("dates that do not exist are refused") {
    CHECK_FALSE(Date::parse("2017-02-29"));
    CHECK_FALSE(Date::parse("2017-13-01"));
    CHECK_FALSE(Date::parse("2017-04-31"));
    CHECK(Date::parse("2016-02-29"));
}

TEST_CASE("malformed date text is refused") {
    CHECK_FALSE(Date::parse(""));
    CHECK_FALSE(Date::parse("2017-3-31"));
    CHECK_FALSE(Date::parse("31-03-2017"));
    CHECK_FALSE(Date::parse("2017-03-3x"));
    CHECK_FALSE(Date::parse("2017/03/31"));
}

TEST_CASE("dates order chronologically") {
    CHECK(*Date::parse("2014-09-04") < *Date::parse("2017-03-31"));
    CHECK(*Date::parse("2017-03-30") < *Date::parse("2017-03-31"));
    CHECK(*Date::parse("2017-03-31") == Date(2017, 3, 31));
}
