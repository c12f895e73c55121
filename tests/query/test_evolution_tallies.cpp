// An evolution's summary (EvolutionOptions::summary_only) counts recorded votes through the store's
// tallies instead of reading each vote: its periods, overall figures and shifts must be exactly
// those of the evolution that reads every stance, on a record that mixes votes and statements.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>

#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/store/store.hpp"
#include "vote_builders.hpp"

using namespace stance;

namespace {

// Three sessions of an assembly, two voting days each (the last one in the next calendar year), two
// roll calls a day. "a" votes on every roll call (its kinds move: all yes, then mostly no, then yes
// and absent); the envoy votes for "a" on one roll call while in office (speaker); the bloc, of
// which "a" is a member, votes on two (group, inherited); one vote of "a" sits in the general
// table (another id prefix on its roll call). The votes' own topic is "resolutions"; half the roll
// calls carry "votes" on their agenda item, the other half's votes are on "votes" themselves. "a"
// also makes statements on "votes" and its subtopic "votes-sub" on some of the days.
struct Record {
    double statement_score = 0.5;   // of the first statement; 0.3 is finer than tallies may be summed around
    bool same_day_meetings = false; // a second meeting on a voting day's date: periods that tie
};

Stance vote_stance(const std::string& prefix, const std::string& item, const std::string& meeting,
                   const std::string& actor, PositionKind kind, const std::string& topic) {
    Stance s;
    s.id = StanceId{prefix + actor};
    s.actor = ActorId{actor};
    s.topic = TopicId{topic};
    s.meeting = MeetingId{meeting};
    s.agenda_item = AgendaItemId{item};
    s.kind = kind;
    s.score = default_score(kind);
    s.basis = Basis::vote;
    return s;
}

Stance statement(const std::string& id, const std::string& meeting, const std::string& topic, PositionKind kind,
                 double score) {
    Stance s;
    s.id = StanceId{id};
    s.actor = ActorId{"a"};
    s.topic = TopicId{topic};
    s.meeting = MeetingId{meeting};
    s.kind = kind;
    s.score = score;
    s.basis = Basis::statement;
    return s;
}

std::unique_ptr<Store> record(const Record& options) {
    Dataset d;
    d.actors.push_back(Actor{ActorId{"a"}, ActorKind::state, "A", "", "", {}});
    d.actors.push_back(Actor{ActorId{"b"}, ActorKind::state, "B", "", "", {}});
    d.actors.push_back(Actor{ActorId{"bloc"}, ActorKind::group, "Bloc", "", "", {}});
    d.actors.push_back(Actor{ActorId{"envoy"}, ActorKind::person, "Envoy", "", "", {}});
    d.memberships.push_back(Membership{ActorId{"a"}, ActorId{"bloc"}, Date{2000, 1, 1}, std::nullopt});
    d.roles.push_back(Role{ActorId{"envoy"}, ActorId{"a"}, "ambassador", Date{2002, 1, 1}, Date{2002, 12, 31}});
    d.topics.push_back(test::topic("votes", "Votes"));
    Topic sub = test::topic("votes-sub", "Votes, in part");
    sub.parents = {TopicId{"votes"}};
    d.topics.push_back(sub);
    d.topics.push_back(test::topic("resolutions", "Resolutions"));
    d.bodies.push_back(Body{BodyId{"ga"}, "Assembly", {}, std::nullopt});
    const std::vector<std::pair<const char*, std::vector<Date>>> sessions{
        {"s1", {Date{2001, 9, 12}, Date{2001, 12, 10}}},
        {"s2", {Date{2002, 9, 20}, Date{2002, 12, 1}}},
        {"s3", {Date{2003, 10, 1}, Date{2004, 3, 1}}}};
    // The kinds "a" votes, roll call by roll call (four a session).
    const std::vector<PositionKind> kinds_of_a{PositionKind::support, PositionKind::support, PositionKind::support,
                                               PositionKind::support, PositionKind::oppose,  PositionKind::oppose,
                                               PositionKind::abstain, PositionKind::support, PositionKind::support,
                                               PositionKind::absent,  PositionKind::support, PositionKind::oppose};
    int roll_call = 0;
    for (const auto& [session, days] : sessions) {
        d.meetings.push_back(test::ga_meeting(session, session, days.front()));
        d.meetings.back().end_date = days.back();
        for (std::size_t day = 0; day < days.size(); ++day) {
            const std::string meeting = std::string(session) + "-d" + std::to_string(day + 1);
            d.meetings.push_back(test::ga_meeting(meeting.c_str(), meeting.c_str(), days[day], MeetingId{session}));
            for (int i = 0; i < 2; ++i) {
                const std::string item = "rc-" + std::to_string(++roll_call);
                const bool item_carries_topic = roll_call % 2 == 0;
                AgendaItem agenda{AgendaItemId{item}, MeetingId{meeting}, i + 1, "Roll call " + item, "", "", {}, {}};
                if (item_carries_topic) {
                    agenda.topics = {TopicId{"votes"}};
                }
                d.agenda_items.push_back(agenda);
                const std::string topic = item_carries_topic ? "resolutions" : "votes";
                const std::string prefix = item + "-";
                d.stances.push_back(vote_stance(prefix, item, meeting, "b", PositionKind::support, topic));
                const PositionKind kind = kinds_of_a[static_cast<std::size_t>(roll_call - 1)];
                // rc-2's vote of "a" has another prefix than b's: it stays in the general table.
                d.stances.push_back(
                    vote_stance(roll_call == 2 ? "other-rc-2-" : prefix, item, meeting, "a", kind, topic));
                if (roll_call == 6) {
                    d.stances.push_back(vote_stance(prefix, item, meeting, "envoy", PositionKind::oppose, topic));
                }
                if (roll_call == 3 || roll_call == 10) {
                    d.stances.push_back(vote_stance(prefix, item, meeting, "bloc", PositionKind::oppose, topic));
                }
            }
        }
    }
    d.stances.push_back(statement("st-1", "s1-d1", "votes-sub", PositionKind::conditional, options.statement_score));
    d.stances.push_back(statement("st-2", "s2-d2", "votes", PositionKind::concern, -0.5));
    d.stances.push_back(statement("st-3", "s3-d2", "votes-sub", PositionKind::support, 1.0));
    if (options.same_day_meetings) {
        d.meetings.push_back(test::ga_meeting("side-event", "Side event", Date{2002, 9, 20}));
        d.stances.push_back(statement("st-4", "side-event", "votes", PositionKind::oppose, -1.0));
    }
    auto store = Store::open(":memory:");
    store->import(d);
    return store;
}

std::vector<std::string> ids_of(const std::vector<ActorStance>& points) {
    std::vector<std::string> ids;
    ids.reserve(points.size());
    for (const ActorStance& point : points) {
        ids.push_back(point.stance.id.str());
    }
    return ids;
}

void check_same_summary(const PositionSummary& a, const PositionSummary& b) {
    CHECK(a.counts == b.counts);
    CHECK(a.n == b.n);
    CHECK(a.mean_score == b.mean_score); // exactly, not approximately
    CHECK(a.share_support == b.share_support);
    CHECK(a.dominant == b.dominant);
}

void check_same_period(const PeriodSummary& a, const PeriodSummary& b) {
    CAPTURE(a.key);
    CHECK(a.key == b.key);
    CHECK(a.label == b.label);
    CHECK(a.first == b.first);
    CHECK(a.last == b.last);
    CHECK(a.claims == b.claims);
    CHECK(a.on_scale.n == b.on_scale.n);
    check_same_summary(a.summary, b.summary);
}

void check_same_shift(const Shift& a, const Shift& b) {
    CAPTURE(a.after);
    CHECK(a.on == b.on);
    CHECK(a.before == b.before);
    CHECK(a.after == b.after);
    CHECK(a.before_date == b.before_date);
    CHECK(a.after_date == b.after_date);
    CHECK(a.score_before == b.score_before);
    CHECK(a.score_after == b.score_after);
    CHECK(a.kind_before == b.kind_before);
    CHECK(a.kind_after == b.kind_after);
    CHECK(a.score_changed == b.score_changed);
    CHECK(a.kind_changed == b.kind_changed);
    CHECK(a.mixes_claims == b.mixes_claims);
    CHECK(ids_of(a.evidence_before) == ids_of(b.evidence_before));
    CHECK(ids_of(a.evidence_after) == ids_of(b.evidence_after));
}

/// Both lists hold as many items, and each pair agrees by `check_same`.
template <class Item, class CheckSame>
void check_pairwise(const std::vector<Item>& listed, const std::vector<Item>& summary, CheckSame check_same) {
    REQUIRE(listed.size() == summary.size());
    for (std::size_t i = 0; i < listed.size(); ++i) {
        check_same(listed[i], summary[i]);
    }
}

void check_same_result(const Evolution& listed, const Evolution& summary) {
    CHECK(summary.points.empty());
    CHECK(summary.inherited.empty());
    check_same_summary(listed.overall, summary.overall);
    CHECK(listed.claims == summary.claims);
    check_pairwise(listed.periods, summary.periods, check_same_period);
    check_pairwise(listed.shifts, summary.shifts, check_same_shift);
}

/// The evolution of "a" on "votes" both ways, for every kind of period and with and without inherited stances.
void check_both_ways_agree(const Store& store) {
    const Catalog catalog{store};
    for (Period by : {Period::meeting, Period::session, Period::year}) {
        for (bool inherited : {false, true}) {
            const std::string period{to_string(by)};
            CAPTURE(period);
            CAPTURE(inherited);
            EvolutionOptions options;
            options.by = by;
            options.include_inherited = inherited;
            const Evolution listed = evolution(store, catalog, ActorId{"a"}, TopicId{"votes"}, options);
            options.summary_only = true;
            const Evolution summary = evolution(store, catalog, ActorId{"a"}, TopicId{"votes"}, options);
            check_same_result(listed, summary);
        }
    }
}

} // namespace

TEST_CASE("an evolution's summary counts tallied votes to the same periods and shifts as listing every stance") {
    auto store = record({});
    check_both_ways_agree(*store);

    // The record is one where the two ways could differ: votes reach "a" in all four ways and sit in
    // both tables, there are shifts, and periods mix votes with statements.
    EvolutionOptions options;
    options.by = Period::session;
    options.include_inherited = true;
    const Evolution listed = evolution(*store, ActorId{"a"}, TopicId{"votes"}, options);
    const std::vector<std::string> ids = ids_of(listed.points);
    const std::vector<std::string> inherited = ids_of(listed.inherited);
    CHECK(std::count(ids.begin(), ids.end(), "other-rc-2-a") == 1);
    CHECK(std::count(ids.begin(), ids.end(), "rc-6-envoy") == 1);
    CHECK(std::count(inherited.begin(), inherited.end(), "rc-3-bloc") == 1);
    CHECK(std::count(ids.begin(), ids.end(), "st-2") == 1);
    REQUIRE(listed.periods.size() == 3);
    CHECK(listed.periods[1].summary.count(PositionKind::oppose) == 3); // rc-5, rc-6 and the envoy's on rc-6
    CHECK_FALSE(listed.shifts.empty());
}

TEST_CASE("an evolution's summary is the same where tallies cannot be used: fine scores, periods that tie") {
    SUBCASE("a statement's score finer than 1/1024") {
        auto store = record({0.3, false});
        check_both_ways_agree(*store);
    }
    SUBCASE("two meetings on one day") {
        auto store = record({0.5, true});
        check_both_ways_agree(*store);
    }
}

TEST_CASE("the store's tallies of recorded votes are those the default implementation counts from its stances") {
    auto store = record({});
    StanceFilter filter;
    filter.actors = {ActorId{"a"}, ActorId{"envoy"}};
    filter.topics = {TopicId{"votes"}, TopicId{"votes-sub"}};
    auto sorted = [](std::vector<VoteTally> tallies) {
        std::sort(tallies.begin(), tallies.end(), [](const VoteTally& x, const VoteTally& y) {
            return std::tie(x.actor, x.meeting, x.topic, x.vote) < std::tie(y.actor, y.meeting, y.topic, y.vote);
        });
        return tallies;
    };
    std::vector<std::string> visited;
    std::vector<std::string> visited_by_default;
    const std::vector<VoteTally> tallies = sorted(store->for_each_stance_tallying_votes(
        filter, [&](const Stance& stance) { visited.push_back(stance.id.str()); }));
    const std::vector<VoteTally> by_default = sorted(store->Store::for_each_stance_tallying_votes(
        filter, [&](const Stance& stance) { visited_by_default.push_back(stance.id.str()); }));
    CHECK(visited == std::vector<std::string>{"st-1", "st-2", "st-3"});
    CHECK(visited == visited_by_default);
    REQUIRE(tallies.size() == by_default.size());
    std::size_t votes = 0;
    for (std::size_t i = 0; i < tallies.size(); ++i) {
        CHECK(tallies[i].actor == by_default[i].actor);
        CHECK(tallies[i].meeting == by_default[i].meeting);
        CHECK(tallies[i].topic == by_default[i].topic);
        CHECK(tallies[i].vote == by_default[i].vote);
        CHECK(tallies[i].count == by_default[i].count);
        votes += tallies[i].count;
    }
    CHECK(votes == 12 + 1); // every roll call's vote of "a" (the general table's one too), and the envoy's
    // On the first day "a" voted yes twice: on rc-1 (a vote on "votes") and rc-2 (one on "resolutions").
    const auto first_day_yes = std::find_if(tallies.begin(), tallies.end(), [](const VoteTally& t) {
        return t.actor == ActorId{"a"} && t.meeting == MeetingId{"s1-d1"} && t.vote == VoteCode::yes &&
               t.topic == TopicId{"votes"};
    });
    REQUIRE(first_day_yes != tallies.end());
    CHECK(first_day_yes->count == 1);
}
