// Which roll calls agreement counts: recorded votes only, and the RollCallFilter options
// (unanimous roll calls, important votes, amendments, paragraphs), on a small made-up assembly.
#include <doctest/doctest.h>

#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"
#include "vote_builders.hpp"

using namespace stance;

namespace {

// Four roll calls on one day; a and b disagree on all but the unanimous one. c votes on every one.
//   rc-1: unanimous yes          rc-2: an amendment (a yes, b no)
//   rc-3: a paragraph (a no, b abstain)   rc-4: an important vote (a yes, b no), flags otherwise unknown
// And a coded statement of a and b on rc-4's agenda item, which is no vote.
std::unique_ptr<Store> assembly() {
    Dataset d;
    for (const char* id : {"a", "b", "c"}) {
        d.actors.push_back(Actor{ActorId{id}, ActorKind::state, id, "", "", {}});
    }
    d.topics.push_back(test::topic("votes", "Votes"));
    d.bodies.push_back(Body{BodyId{"ga"}, "Assembly", {}, std::nullopt});
    d.meetings.push_back(test::ga_meeting("s1", "Session 1", Date{2001, 9, 12}));
    d.meetings.push_back(test::ga_meeting("s1-day", "Day", Date{2001, 9, 12}, MeetingId{"s1"}));
    const RollCallFlags plain{false, false, false};
    const std::vector<std::pair<const char*, RollCallFlags>> items{
        {"rc-1", plain},
        {"rc-2", RollCallFlags{false, true, false}},
        {"rc-3", RollCallFlags{false, false, true}},
        {"rc-4", RollCallFlags{true, std::nullopt, std::nullopt}}};
    int order = 0;
    for (const auto& [id, flags] : items) {
        d.agenda_items.push_back(AgendaItem{AgendaItemId{id}, MeetingId{"s1-day"}, ++order, id, "", "", {}, flags});
    }
    auto vote = [&](const char* item, const char* actor, PositionKind kind) {
        Stance s;
        s.id = StanceId{std::string(item) + "-" + actor};
        s.actor = ActorId{actor};
        s.topic = TopicId{"votes"};
        s.meeting = MeetingId{"s1-day"};
        s.agenda_item = AgendaItemId{item};
        s.kind = kind;
        s.score = default_score(kind);
        s.basis = Basis::vote;
        d.stances.push_back(s);
    };
    for (const char* actor : {"a", "b", "c"}) {
        vote("rc-1", actor, PositionKind::support);
    }
    vote("rc-2", "a", PositionKind::support);
    vote("rc-2", "b", PositionKind::oppose);
    vote("rc-3", "a", PositionKind::oppose);
    vote("rc-3", "b", PositionKind::abstain);
    vote("rc-4", "a", PositionKind::support);
    vote("rc-4", "b", PositionKind::oppose);
    for (const char* item : {"rc-2", "rc-3", "rc-4"}) {
        vote(item, "c", PositionKind::support);
    }
    for (const char* actor : {"a", "b"}) {
        Stance statement;
        statement.id = StanceId{std::string("statement-") + actor};
        statement.actor = ActorId{actor};
        statement.topic = TopicId{"votes"};
        statement.meeting = MeetingId{"s1-day"};
        statement.agenda_item = AgendaItemId{"rc-4"};
        statement.kind = PositionKind::support;
        statement.score = 1.0;
        statement.basis = Basis::statement;
        d.stances.push_back(statement);
    }
    auto store = Store::open(":memory:");
    store->import(d);
    return store;
}

AgreementCounts overall(const Store& store, const RollCallFilter& filter) {
    const Catalog catalog{store};
    AgreementOptions options;
    options.by = Period::none;
    options.roll_calls = filter;
    return agreement(store, catalog, ActorId{"a"}, ActorId{"b"}, options).overall;
}

} // namespace

TEST_CASE("agreement counts recorded votes only, and leaves out the roll calls the filter names") {
    auto store = assembly();
    const AgreementCounts all = overall(*store, {});
    CHECK(all.n == 4); // the statements on rc-4 are not a second vote
    CHECK(all.agree == 1);

    RollCallFilter filter;
    filter.exclude_unanimous = true;
    CHECK(overall(*store, filter).n == 3);
    CHECK(overall(*store, filter).agree == 0);
    filter.exclude_amendments = true;
    filter.exclude_paragraphs = true;
    CHECK(overall(*store, filter).n == 1); // rc-4 stays: its unknown flags exclude nothing
    filter = {};
    filter.important_only = true;
    const AgreementCounts important = overall(*store, filter);
    CHECK(important.n == 1);
    CHECK(important.table[0][2] == 1); // a yes, b no
    CHECK(important.voeten_agreement() == doctest::Approx(0.0));
}

TEST_CASE("the matrices of every period agree with the pairwise query and with one period's matrix") {
    auto store = assembly();
    const Catalog catalog{*store};
    AgreementMatricesOptions options;
    options.roll_calls.exclude_unanimous = true;
    std::vector<AgreementMatrix> matrices;
    agreement_matrices(*store, catalog, options, [&](const AgreementMatrix& m) { matrices.push_back(m); });
    REQUIRE(matrices.size() == 1);
    CHECK(matrices[0].period == "s1");
    CHECK(matrices[0].roll_calls == 3);
    REQUIRE(matrices[0].actors == std::vector<ActorId>{ActorId{"a"}, ActorId{"b"}, ActorId{"c"}});
    RollCallFilter filter;
    filter.exclude_unanimous = true;
    CHECK(matrices[0].at(0, 1).table == overall(*store, filter).table);
    AgreementMatrixOptions one;
    one.roll_calls.exclude_unanimous = true;
    const AgreementMatrix session = agreement_matrix(*store, catalog, MeetingId{"s1"}, one);
    CHECK(session.cells == matrices[0].cells);
    CHECK(session.at(1, 0).table[2][0] == 2); // seen from b: no against a's yes on rc-2 and rc-4
}
