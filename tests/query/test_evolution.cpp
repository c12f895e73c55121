#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include "io/entity_writer.hpp"
#include "query_fixture.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/json.hpp"
#include "stance/query/tree.hpp"

using namespace stance;

namespace {

// A constructed record with a real change of position over time:
//   2015  nld supports the dialogue (own)
//   2017  Minister Koenders (representing nld 2014-10-17..2017-10-26) opposes it at the working
//         lunch (speaker), and nld supports the general Russia line at the ministerial (own)
//   2019  the Allies, all of them, voice concern (group; Sweden was not yet a member)
//         and Koenders, out of office, opposes (reaches nobody)
//   2024  "many Allies, including the Netherlands" support (named for nld, partial group for swe),
//         and nld is recorded absent from a vote (not a position)
test::DatasetBuilder record() {
    test::DatasetBuilder b;
    b.actor("nld", ActorKind::state, "Netherlands", {{"nl", "Nederland"}}, "NL", "NLD")
        .actor("swe", ActorKind::state, "Sweden", {{"nl", "Zweden"}}, "SE", "SWE")
        .actor("allies", ActorKind::group, "Allies")
        .actor("koenders", ActorKind::person, "Bert Koenders")
        .member("nld", "allies", Date{1949, 8, 24})
        .member("swe", "allies", Date{2024, 3, 7})
        .role("koenders", "nld", Date{2014, 10, 17}, Date{2017, 10, 26})
        .topic("russia", "Russia", {}, {{"nl", "Rusland"}})
        .topic("russia-dialogue", "Dialogue with Russia", "russia")
        .topic("trade", "Trade")
        .meeting("m2015", Date{2015, 5, 1})
        .meeting("m2017", Date{2017, 3, 31})
        .meeting("m2017-lunch", Date{2017, 3, 31}, "m2017", "Working lunch")
        .meeting("m2019", Date{2019, 6, 1})
        .meeting("m2024", Date{2024, 6, 1});
    b.stance("s1-nld-2015", "nld", "russia-dialogue", "m2015", PositionKind::support);
    b.stance("s2-koenders-2017", "koenders", "russia-dialogue", "m2017-lunch", PositionKind::oppose);
    b.stance("s7-nld-2017", "nld", "russia", "m2017", PositionKind::support);
    b.stance("s3-allies-2019", "allies", "russia", "m2019", PositionKind::concern, Breadth::all);
    b.stance("s6-koenders-2019", "koenders", "russia", "m2019", PositionKind::oppose);
    b.stance("s4-allies-2024", "allies", "russia", "m2024", PositionKind::support, Breadth::many).includes = {
        ActorId{"nld"}};
    b.stance("s5-nld-absent-2024", "nld", "russia", "m2024", PositionKind::absent);
    b.stance("s8-nld-trade", "nld", "trade", "m2015", PositionKind::oppose);
    return b;
}

std::vector<std::string> ids_of(const std::vector<ActorStance>& points) {
    std::vector<std::string> ids;
    ids.reserve(points.size());
    for (const ActorStance& point : points) {
        ids.push_back(point.stance.id.str());
    }
    return ids;
}

const PeriodSummary& period(const Evolution& evolution, const std::string& key) {
    auto found = std::find_if(evolution.periods.begin(), evolution.periods.end(),
                              [&](const PeriodSummary& p) { return p.key == key; });
    REQUIRE(found != evolution.periods.end());
    return *found;
}

} // namespace

TEST_CASE("evolution separates direct from inherited stances and labels how each reaches the actor") {
    auto store = record().store();
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"});
    CHECK(result.actor_name == "Netherlands");
    CHECK(result.topics == std::vector<TopicId>{TopicId{"russia"}, TopicId{"russia-dialogue"}});

    CHECK(ids_of(result.points) ==
          std::vector<std::string>{"s1-nld-2015", "s2-koenders-2017", "s7-nld-2017", "s5-nld-absent-2024"});
    CHECK(result.points[0].via == Via::own);
    CHECK(result.points[1].via == Via::speaker);
    CHECK(result.points[1].through == ActorId{"koenders"});
    CHECK(result.points[1].session == MeetingId{"m2017"});
    CHECK(result.points[1].meeting_title == "Working lunch");

    // Koenders' 2019 words came after his term ended, so they do not speak for the Netherlands.
    CHECK(ids_of(result.inherited) == std::vector<std::string>{"s3-allies-2019", "s4-allies-2024"});
    CHECK(result.inherited[0].via == Via::group);
    CHECK(result.inherited[0].through == ActorId{"allies"});
    CHECK(result.inherited[1].via == Via::named);
    CHECK(is_attributable(result.inherited[1]));

    // Trade is another topic; it never appears.
    for (const auto* list : {&result.points, &result.inherited}) {
        for (const ActorStance& point : *list) {
            CHECK(point.stance.topic != TopicId{"trade"});
        }
    }
}

TEST_CASE("a group stance from before an actor joined does not reach it") {
    auto store = record().store();
    const Evolution result = evolution(*store, ActorId{"swe"}, TopicId{"russia"});
    CHECK(result.points.empty());
    // Sweden joined in 2024: the Allies' 2019 concern is not Sweden's; the 2024 statement of "many"
    // Allies reaches it as a group stance, but only part of the group held it.
    REQUIRE(ids_of(result.inherited) == std::vector<std::string>{"s4-allies-2024"});
    CHECK(result.inherited[0].via == Via::group);
    CHECK_FALSE(is_attributable(result.inherited[0]));

    EvolutionOptions counting;
    counting.include_inherited = true;
    const Evolution counted = evolution(*store, ActorId{"swe"}, TopicId{"russia"}, counting);
    CHECK(counted.overall.n == 0);
}

TEST_CASE("single stances are compared with the previous one on the same subject") {
    auto store = record().store();
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"});
    REQUIRE(result.shifts.size() == 1);
    const Shift& shift = result.shifts[0];
    CHECK(shift.before == "s1-nld-2015");
    CHECK(shift.after == "s2-koenders-2017");
    CHECK(shift.before_date == Date{2015, 5, 1});
    CHECK(shift.after_date == Date{2017, 3, 31});
    CHECK(shift.delta() == doctest::Approx(-2.0));
    CHECK(shift.score_changed);
    CHECK(shift.kind_changed);
    CHECK(shift.kind_before == PositionKind::support);
    CHECK(shift.kind_after == PositionKind::oppose);
    REQUIRE(shift.evidence_before.size() == 1);
    CHECK(shift.evidence_before[0].stance.quote.find("s1-nld-2015") != std::string::npos);
    REQUIRE(shift.evidence_after.size() == 1);
    CHECK(shift.evidence_after[0].stance.source->document == DocumentId{"doc"});
}

TEST_CASE("a kind change is a shift even when the score moves less than the threshold") {
    auto store = record().store();
    EvolutionOptions options;
    options.shift_threshold = 2.5; // more than any score can move
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    REQUIRE(result.shifts.size() == 1);
    CHECK_FALSE(result.shifts[0].score_changed);
    CHECK(result.shifts[0].kind_changed);
}

TEST_CASE("yearly periods count kinds, but n, mean and share only over positions") {
    auto store = record().store();
    EvolutionOptions options;
    options.by = Period::year;
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    REQUIRE(result.periods.size() == 3);
    CHECK(result.periods[0].key == "2015");
    CHECK(result.periods[1].key == "2017");
    CHECK(result.periods[2].key == "2024");

    const PositionSummary& y2017 = period(result, "2017").summary;
    CHECK(y2017.n == 2);
    CHECK(y2017.count(PositionKind::support) == 1);
    CHECK(y2017.count(PositionKind::oppose) == 1);
    CHECK(*y2017.mean_score == doctest::Approx(0.0));
    CHECK(*y2017.share_support == doctest::Approx(0.5));
    CHECK_FALSE(y2017.dominant); // one each: no dominant kind

    // 2024 holds only an absence: it is counted by kind and nothing else.
    const PositionSummary& y2024 = period(result, "2024").summary;
    CHECK(y2024.count(PositionKind::absent) == 1);
    CHECK(y2024.n == 0);
    CHECK_FALSE(y2024.mean_score);
    CHECK_FALSE(y2024.share_support);

    // 2015 → 2017: the mean falls from +1 to 0. 2024 has no positions, so no shift into it.
    REQUIRE(result.shifts.size() == 1);
    CHECK(result.shifts[0].before == "2015");
    CHECK(result.shifts[0].after == "2017");
    CHECK(result.shifts[0].delta() == doctest::Approx(-1.0));
    CHECK(result.shifts[0].evidence_after.size() == 2);
    CHECK(result.overall.n == 3);
    CHECK(result.overall.count(PositionKind::absent) == 1);
}

TEST_CASE("including inherited stances counts named and whole-group ones") {
    auto store = record().store();
    EvolutionOptions options;
    options.by = Period::year;
    options.include_inherited = true;
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    REQUIRE(result.periods.size() == 4);
    CHECK(period(result, "2019").summary.n == 1);
    CHECK(*period(result, "2019").summary.mean_score == doctest::Approx(-0.5));
    CHECK(period(result, "2024").summary.n == 1); // the named support; the absence still does not count
    CHECK(*period(result, "2024").summary.mean_score == doctest::Approx(1.0));

    REQUIRE(result.shifts.size() == 3);
    CHECK(result.shifts[1].before == "2017");
    CHECK(result.shifts[1].after == "2019");
    CHECK(result.shifts[1].score_changed);      // exactly the 0.5 threshold
    CHECK_FALSE(result.shifts[1].kind_changed); // 2017 has no dominant kind
    CHECK(result.shifts[2].kind_changed);       // concern → support
    CHECK(result.shifts[2].evidence_after.at(0).via == Via::named);
}

TEST_CASE("periods by meeting and by session differ for nested meetings") {
    auto store = record().store();
    EvolutionOptions by_meeting;
    by_meeting.by = Period::meeting;
    const Evolution meetings = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, by_meeting);
    CHECK(meetings.periods.size() == 4);
    CHECK(period(meetings, "m2017-lunch").summary.n == 1);
    CHECK(period(meetings, "m2017-lunch").label == "Working lunch");
    CHECK(period(meetings, "m2017").summary.n == 1);

    EvolutionOptions by_session;
    by_session.by = Period::session;
    const Evolution sessions = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, by_session);
    CHECK(sessions.periods.size() == 3);
    CHECK(period(sessions, "m2017").summary.n == 2);
}

TEST_CASE("a date range and the subtopic switch narrow the evolution") {
    auto store = record().store();
    EvolutionOptions options;
    options.from = Date{2017, 1, 1};
    options.to = Date{2019, 12, 31};
    const Evolution ranged = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    CHECK(ids_of(ranged.points) == std::vector<std::string>{"s2-koenders-2017", "s7-nld-2017"});
    CHECK(ids_of(ranged.inherited) == std::vector<std::string>{"s3-allies-2019"});
    CHECK(ranged.shifts.empty()); // the 2015 stance before the change is outside the range

    EvolutionOptions top_only;
    top_only.include_subtopics = false;
    const Evolution narrow = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, top_only);
    CHECK(ids_of(narrow.points) == std::vector<std::string>{"s7-nld-2017", "s5-nld-absent-2024"});
}

TEST_CASE("evolution of an unknown actor or topic is a not_found_error") {
    auto store = record().store();
    CHECK_THROWS_AS((void)evolution(*store, ActorId{"xxx"}, TopicId{"russia"}), not_found_error);
    CHECK_THROWS_AS((void)evolution(*store, ActorId{"nld"}, TopicId{"nope"}), not_found_error);
}

TEST_CASE("stances whose agenda item carries the topic are found without asking") {
    test::DatasetBuilder b = record();
    auto store = b.store();
    // Put a vote on trade under an agenda item tagged "russia" (as UN roll calls carry their issues).
    Dataset extra;
    extra.agenda_items.push_back(AgendaItem{
        AgendaItemId{"vote-1"}, MeetingId{"m2019"}, 1, "Sanctions vote", "A/RES/1", "", {TopicId{"russia"}}, {}});
    StanceFilter trade;
    trade.actors = {ActorId{"nld"}};
    trade.topics = {TopicId{"trade"}};
    Stance vote = store->stances(trade).at(0);
    vote.id = StanceId{"vote-1-nld"};
    vote.meeting = MeetingId{"m2019"};
    vote.agenda_item = AgendaItemId{"vote-1"};
    extra.stances.push_back(vote);
    store->import(extra);

    // The stance itself is on trade, its agenda item on Russia: both topics find it.
    const auto on_trade = ids_of(evolution(*store, ActorId{"nld"}, TopicId{"trade"}).points);
    CHECK(std::count(on_trade.begin(), on_trade.end(), "vote-1-nld") == 1);
    const Evolution matched = evolution(*store, ActorId{"nld"}, TopicId{"russia"});
    const auto ids = ids_of(matched.points);
    CHECK(std::count(ids.begin(), ids.end(), "vote-1-nld") == 1);
    auto vote_point = std::find_if(matched.points.begin(), matched.points.end(),
                                   [](const ActorStance& point) { return point.stance.id == StanceId{"vote-1-nld"}; });
    REQUIRE(vote_point != matched.points.end());
    CHECK(vote_point->agenda_item_title == "Sanctions vote");
    CHECK(vote_point->date == Date{2019, 6, 1});
}

TEST_CASE("the JSON form carries points, inherited points, periods and shifts") {
    auto store = record().store();
    EvolutionOptions options;
    options.by = Period::year;
    const Evolution result = evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options);
    const boost::json::object json = boost::json::parse(to_json(result)).as_object();
    CHECK(json.at("actor").as_string() == "nld");
    CHECK(json.at("topic").as_string() == "russia");
    const auto& points = json.at("points").as_array();
    REQUIRE(points.size() == 4);
    const auto& first = points[0].as_object();
    CHECK(first.at("date").as_string() == "2015-05-01");
    CHECK(first.at("meeting").as_string() == "m2015");
    CHECK(first.at("position").as_string() == "support");
    CHECK(first.at("score").to_number<double>() == 1.0);
    // The stance part of a point is the stance as a dataset writes it, every key present.
    for (const auto& [key, value] : detail::to_json(result.points[0].stance, detail::Form::query)) {
        // A copy for CAPTURE's lambda: clang (and so clang-tidy) before 16 cannot capture a structured binding.
        const std::string field(key);
        CAPTURE(field);
        CHECK(first.at(key) == value);
    }
    CHECK(first.at("via").as_string() == "own");
    CHECK(first.at("source").at("document").as_string() == "doc");
    CHECK(first.at("source").at("end").to_number<std::size_t>() >
          first.at("source").at("start").to_number<std::size_t>());
    CHECK(points[1].at("via").as_string() == "speaker");
    CHECK(json.at("inherited").as_array().size() == 2);
    const auto& y2017 = json.at("periods").as_array()[1].as_object();
    CHECK(y2017.at("period").as_string() == "2017");
    CHECK(y2017.at("n").to_number<int>() == 2);
    CHECK(y2017.at("counts").at("oppose").to_number<int>() == 1);
    CHECK(y2017.at("share_support").to_number<double>() == 0.5);
    CHECK(json.at("shifts").as_array().size() == 1);
}

TEST_CASE("position summaries never count absences or silence") {
    PositionSummary summary;
    summary.add(PositionKind::absent, 0.0);
    summary.add(PositionKind::not_member, 0.0);
    summary.add(PositionKind::no_position, 0.0);
    CHECK(summary.n == 0);
    CHECK_FALSE(summary.mean_score);
    CHECK_FALSE(summary.dominant);
    summary.add(PositionKind::abstain, 0.0);
    summary.add(PositionKind::support, 1.0);
    summary.add(PositionKind::support, 1.0);
    CHECK(summary.n == 3);
    CHECK(*summary.mean_score == doctest::Approx(2.0 / 3.0));
    CHECK(*summary.share_support == doctest::Approx(2.0 / 3.0));
    CHECK(summary.dominant == PositionKind::support);
    CHECK(summary.count(PositionKind::absent) == 1);
}

TEST_CASE("topic and meeting trees expand to descendants and find the session") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    const auto russia = topic_with_descendants(catalog, TopicId{"russia"});
    CHECK(russia.size() == 8); // with Russia's war against Ukraine, which also sits under Ukraine
    CHECK(russia.front() == TopicId{"russia"});
    CHECK(std::find(russia.begin(), russia.end(), TopicId{"russia-war-against-ukraine"}) != russia.end());
    const auto ukraine = topic_with_descendants(catalog, TopicId{"ukraine"});
    CHECK(std::find(ukraine.begin(), ukraine.end(), TopicId{"russia-war-against-ukraine"}) != ukraine.end());
    CHECK(std::find(russia.begin(), russia.end(), TopicId{"nato-russia-risk-reduction"}) != russia.end());
    CHECK(topic_path(catalog, TopicId{"nato-russia-risk-reduction"}) ==
          "Russia > NATO–Russia dialogue > NATO–Russia military risk reduction and transparency");

    const auto ministerial = meeting_with_descendants(catalog, MeetingId{"nac-fm-2017-03-31"});
    CHECK(ministerial.size() == 4);
    CHECK(std::find(ministerial.begin(), ministerial.end(), MeetingId{"nuc-fm-2017-03-31"}) != ministerial.end());
    CHECK(std::find(ministerial.begin(), ministerial.end(), MeetingId{"nrc-2017-03-30"}) == ministerial.end());
    CHECK(session_of(catalog, MeetingId{"nac-fm-2017-03-31-working-lunch"}) == MeetingId{"nac-fm-2017-03-31"});
    CHECK(session_of(catalog, MeetingId{"nrc-2017-03-30"}) == MeetingId{"nrc-2017-03-30"});
    CHECK_THROWS_AS((void)topic_with_descendants(catalog, TopicId{"nope"}), not_found_error);
    CHECK_THROWS_AS((void)session_of(catalog, MeetingId{"nope"}), not_found_error);
}

TEST_CASE("the Netherlands on Russia in the seed report: own statements and the Allies' context") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    const Evolution result = evolution(*store, catalog, ActorId{"nld"}, TopicId{"russia"});
    REQUIRE_FALSE(result.points.empty());
    for (const ActorStance& point : result.points) {
        CHECK(point.via == Via::own);
        CHECK(point.date == Date{2017, 3, 31});
        REQUIRE(point.stance.source);
        CHECK(point.stance.source->end > point.stance.source->start);
        CHECK_FALSE(point.stance.quote.empty());
    }
    // The Warsaw summit agreement of all Allies (2016) reaches the Netherlands as a group stance.
    const auto ids = ids_of(result.inherited);
    CHECK(std::find(ids.begin(), ids.end(), "nato-allies-dual-track-agreed-warsaw-2016") != ids.end());
}

TEST_CASE("a threshold that is not a finite number from 0 up is refused, not taken as never a shift") {
    auto store = test::seed_store();
    for (const double threshold : {std::nan(""), std::numeric_limits<double>::infinity(), -0.5}) {
        EvolutionOptions options;
        options.shift_threshold = threshold;
        CHECK_THROWS_WITH_AS((void)evolution(*store, ActorId{"nld"}, TopicId{"russia"}, options),
                             doctest::Contains("is not a threshold; give a finite number, 0 or more"),
                             invalid_input_error);
    }
}
