// The pieces of a team server that depend on time, with the clock given: sessions that expire
// when idle and at the latest a day after login, bounded failed logins, cookies, If-Match lists.
#include <chrono>

#include <doctest/doctest.h>

#include "serve/etag.hpp"
#include "serve/login_throttle.hpp"
#include "serve/sessions.hpp"

using namespace stance::serve;
using namespace std::chrono_literals;

TEST_CASE("team sessions: found while used, gone after idling or after the longest life, or when closed") {
    SessionTable table(60s, 300s);
    const auto t0 = SessionTable::Clock::time_point{} + 1000s;
    const NewSession made = table.open("ada", t0);
    CHECK(made.token.size() == 64);
    CHECK(made.csrf_token != made.token);
    REQUIRE(table.find(made.token, t0 + 50s));
    CHECK(table.find(made.token, t0 + 50s)->coder == "ada");
    CHECK(table.find(made.token, t0 + 100s));       // 50 s after its last use: still there
    CHECK_FALSE(table.find(made.token, t0 + 161s)); // idle for more than a minute
    const NewSession busy = table.open("ben", t0);
    for (auto t = t0; t < t0 + 290s; t += 50s) {
        CHECK(table.find(busy.token, t));
    }
    CHECK_FALSE(table.find(busy.token, t0 + 301s)); // used all along, but past its longest life
    const NewSession closed = table.open("ada", t0);
    table.close(closed.token);
    CHECK_FALSE(table.find(closed.token, t0));
    CHECK_FALSE(table.find("", t0));
    CHECK_FALSE(table.find(std::string(64, 'a'), t0));
}

TEST_CASE("team sessions: a full table drops the least recently used, and a disabled coder's all go") {
    SessionTable table(600s, 6000s, 2);
    const auto t0 = SessionTable::Clock::time_point{} + 1000s;
    const NewSession a = table.open("ada", t0);
    const NewSession b = table.open("ben", t0 + 1s);
    CHECK(table.find(a.token, t0 + 2s));
    const NewSession c = table.open("ada", t0 + 3s); // b is the least recently used
    CHECK_FALSE(table.find(b.token, t0 + 4s));
    CHECK(table.find(c.token, t0 + 4s));
    table.close_all_of("ada");
    CHECK_FALSE(table.find(a.token, t0 + 5s));
    CHECK_FALSE(table.find(c.token, t0 + 5s));
}

TEST_CASE("team logins: failures per name and per client bound the attempts within a window") {
    LoginThrottle throttle(LoginLimits{3, 5, 60s});
    const auto t0 = LoginThrottle::Clock::time_point{} + 1000s;
    for (int i = 0; i < 3; ++i) {
        CHECK_FALSE(throttle.wait("ada", "10.0.0.1", t0));
        throttle.failed("ada", "10.0.0.1", t0 + std::chrono::seconds{i});
    }
    REQUIRE(throttle.wait("ada", "10.0.0.2", t0 + 10s)); // the name, from any client
    CHECK(*throttle.wait("ada", "10.0.0.2", t0 + 10s) == 50s);
    CHECK_FALSE(throttle.wait("ben", "10.0.0.2", t0 + 10s));
    CHECK_FALSE(throttle.wait("ada", "10.0.0.2", t0 + 61s)); // the oldest failure left the window
    throttle.failed("ben", "10.0.0.1", t0 + 20s);
    throttle.failed("cid", "10.0.0.1", t0 + 21s);
    CHECK(throttle.wait("dan", "10.0.0.1", t0 + 22s)); // five failures from one client, over four names
    CHECK_FALSE(throttle.wait("dan", "10.0.0.3", t0 + 22s));
    throttle.succeeded("ben");
    CHECK(throttle.wait("ben", "10.0.0.1", t0 + 22s)); // a success clears the name, not the client
}

TEST_CASE("team cookies and If-Match lists") {
    CHECK(cookie_value("a=1; stance_session=abc; b=2", "stance_session") == "abc");
    CHECK(cookie_value("stance_session=abc", "stance_session") == "abc");
    CHECK(cookie_value("xstance_session=abc", "stance_session").empty());
    CHECK(cookie_value("", "stance_session").empty());
    const std::string tag = state_etag("{\"id\": \"x\"}");
    CHECK(tag.size() == 2 + 2 + 32);
    CHECK(tag != state_etag("{\"id\": \"y\"}"));
    CHECK(if_match_accepts(tag, tag));
    CHECK(if_match_accepts("\"other\", " + tag, tag));
    CHECK(if_match_accepts("*", tag));
    CHECK_FALSE(if_match_accepts("W/" + tag, tag)); // weak tags never match If-Match
    CHECK_FALSE(if_match_accepts("\"other\"", tag));
}
