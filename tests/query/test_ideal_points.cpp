// ideal_points() on a store: which roll calls it reads (never unanimous ones; a topic's only), the
// sessions in time order, names and the reference actor, on a small made-up assembly whose actors
// vote as if they stood on a line (actor 0 at one end, actor 19 at the other).
#include <doctest/doctest.h>

#include <string>

#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/store/store.hpp"
#include "vote_builders.hpp"

using namespace stance;

namespace {

std::string actor_id(int i) {
    return "c" + std::to_string(100 + i);
}

/// Two sessions of 16 roll calls each on "line": roll call k splits the line at actor k (those
/// before vote yes, actor k abstains, the rest vote no). Session 2 adds a unanimous roll call and one
/// on "other" where the line is reversed. Actor 19 does not vote in session 2.
std::unique_ptr<Store> assembly() {
    Dataset d;
    for (int i = 0; i < 20; ++i) {
        d.actors.push_back(Actor{ActorId{actor_id(i)}, ActorKind::state, "Country " + std::to_string(i), "", "", {}});
    }
    d.topics.push_back(test::topic("line", "Line"));
    d.topics.push_back(test::topic("other", "Other"));
    d.bodies.push_back(Body{BodyId{"ga"}, "Assembly", {}, std::nullopt});
    d.meetings.push_back(test::ga_meeting("s2", "Session 2", Date{2002, 9, 12}));
    d.meetings.push_back(test::ga_meeting("s1", "Session 1", Date{2001, 9, 12}));
    int order = 0;
    auto roll_call = [&](const std::string& id, const char* session, const char* topic, auto vote_of) {
        d.agenda_items.push_back(AgendaItem{AgendaItemId{id}, MeetingId{session}, ++order, id, "", "", {}, {}});
        for (int i = 0; i < 20; ++i) {
            const std::optional<PositionKind> kind = vote_of(i);
            if (!kind || (i == 19 && std::string(session) == "s2")) {
                continue;
            }
            Stance s;
            s.id = StanceId{id + "-" + actor_id(i)};
            s.actor = ActorId{actor_id(i)};
            s.topic = TopicId{topic};
            s.meeting = MeetingId{session};
            s.agenda_item = AgendaItemId{id};
            s.kind = *kind;
            s.score = default_score(*kind);
            s.basis = Basis::vote;
            d.stances.push_back(s);
        }
    };
    for (const char* session : {"s1", "s2"}) {
        for (int k = 2; k < 18; ++k) {
            roll_call(std::string(session) + "-rc-" + std::to_string(k), session, "line", [k](int i) {
                return std::optional<PositionKind>(i < k    ? PositionKind::support
                                                   : i == k ? PositionKind::abstain
                                                            : PositionKind::oppose);
            });
        }
    }
    roll_call("s2-unanimous", "s2", "line", [](int) { return std::optional<PositionKind>(PositionKind::support); });
    roll_call("s2-other", "s2", "other", [](int i) {
        return std::optional<PositionKind>(i >= 10 ? PositionKind::support : PositionKind::oppose);
    });
    auto store = Store::open(":memory:");
    store->import(d);
    return store;
}

double position_of(const IdealPointSession& session, const std::string& actor) {
    for (const IdealPoint& point : session.actors) {
        if (point.actor.str() == actor) {
            return point.position;
        }
    }
    FAIL("no position for " << actor);
    return 0.0;
}

} // namespace

TEST_CASE("ideal points place the actors in the order they vote in, session by session") {
    auto store = assembly();
    const Catalog catalog{*store};
    IdealPointOptions options;
    options.reference = ActorId{actor_id(0)};
    const IdealPoints points = ideal_points(*store, catalog, options);
    REQUIRE(points.sessions.size() == 2);
    CHECK(points.sessions[0].session.str() == "s1"); // time order, not id order
    CHECK(points.sessions[1].session.str() == "s2");
    CHECK(points.sessions[0].roll_calls == 16);
    CHECK(points.sessions[1].roll_calls == 17); // the unanimous roll call is left out, "other" counts
    CHECK(points.sessions[0].actors.size() == 20);
    CHECK(points.sessions[1].actors.size() == 19); // actor 19 did not vote in session 2
    CHECK(points.converged);
    for (const IdealPointSession& session : points.sessions) {
        CHECK(session.direction_fixed);
        CHECK(session.actors.front().actor.str() == actor_id(0)); // the reference end is the high end
        for (std::size_t r = 1; r < session.actors.size(); ++r) {
            CHECK(session.actors[r - 1].position >= session.actors[r].position);
            CHECK(session.actors[r].lower < session.actors[r].position);
            CHECK(session.actors[r].upper > session.actors[r].position);
        }
    }
    CHECK(points.sessions[0].actors.front().name == "Country 0");
    CHECK(points.sessions[0].actors.front().votes == 16);
}

TEST_CASE("ideal points on one topic read only its roll calls, and the reference turns the scale") {
    auto store = assembly();
    const Catalog catalog{*store};
    IdealPointOptions options;
    options.topic = TopicId{"line"};
    options.sessions = {MeetingId{"s2"}};
    options.model.dynamic = false;
    options.reference = ActorId{actor_id(18)};
    const IdealPoints points = ideal_points(*store, catalog, options);
    REQUIRE(points.sessions.size() == 1);
    CHECK(points.sessions[0].roll_calls == 16);
    CHECK(points.votes == 16 * 19);
    CHECK(position_of(points.sessions[0], actor_id(18)) > position_of(points.sessions[0], actor_id(0)));
}

TEST_CASE("ideal points without the reference actor's votes say the direction is not fixed") {
    auto store = assembly();
    const Catalog catalog{*store};
    IdealPointOptions options; // the default reference, usa, is not in this assembly
    options.model.dynamic = false;
    const IdealPoints points = ideal_points(*store, catalog, options);
    REQUIRE(points.sessions.size() == 2);
    CHECK_FALSE(points.sessions[0].direction_fixed);
    const std::string json = to_json(points);
    CHECK(json.find("\"direction_fixed\": false") != std::string::npos);
    CHECK(json.find("\"intervals\": \"laplace\"") != std::string::npos);
}

TEST_CASE("ideal points of an unknown session or topic are not found") {
    auto store = assembly();
    const Catalog catalog{*store};
    IdealPointOptions options;
    options.sessions = {MeetingId{"s9"}};
    CHECK_THROWS_AS(static_cast<void>(ideal_points(*store, catalog, options)), not_found_error);
    options.sessions.clear();
    options.topic = TopicId{"nothing"};
    CHECK_THROWS_AS(static_cast<void>(ideal_points(*store, catalog, options)), not_found_error);
}
