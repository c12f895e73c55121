// What `stance stances` and --speaker rest on: the store's speaker, document and coder filters, and
// references by a date a meeting spans, by part of a title, to persons and to documents.
#include <doctest/doctest.h>

#include "query_fixture.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/compare.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/filter_references.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/spoken_for.hpp"

using namespace stance;

namespace {

// Two debates and a summit; Schoof speaks for the Netherlands in the second debate, Rutte in the first.
test::DatasetBuilder debates() {
    test::DatasetBuilder builder;
    builder.actor("nld", ActorKind::state, "Netherlands", {}, "NL", "NLD")
        .actor("schoof", ActorKind::person, "Dick Schoof")
        .actor("rutte", ActorKind::person, "Mark Rutte")
        .role("rutte", "nld", Date{2010, 10, 14}, Date{2024, 7, 2})
        .role("schoof", "nld", Date{2024, 7, 2}, Date{2030, 1, 1})
        .topic("un", "United Nations")
        .topic("pact", "The Pact for the Future", "un")
        .topic("charter", "The UN Charter", "un")
        .meeting("gd-78", Date{2023, 9, 19}, {}, "General debate of the 78th session")
        .meeting("gd-79", Date{2024, 9, 24}, {}, "General debate of the 79th session")
        .meeting("summit-2014", Date{2014, 9, 4}, {}, "Wales Summit");
    Dataset& dataset = builder.dataset();
    dataset.meetings[0].end_date = Date{2023, 9, 26};
    dataset.meetings[1].end_date = Date{2024, 9, 30};
    builder.stance("rutte-78", "nld", "charter", "gd-78", PositionKind::support).speaker = ActorId{"rutte"};
    builder.stance("schoof-79", "nld", "pact", "gd-79", PositionKind::support).speaker = ActorId{"schoof"};
    builder.stance("schoof-own", "schoof", "charter", "gd-79", PositionKind::support);
    builder.stance("nld-79", "nld", "charter", "gd-79", PositionKind::concern).coder = "analyst-b";
    for (Stance& stance : dataset.stances) {
        if (stance.coder.empty()) {
            stance.coder = "analyst-a";
        }
    }
    return builder;
}

std::vector<std::string> ids_of(const std::vector<Stance>& stances) {
    std::vector<std::string> ids;
    ids.reserve(stances.size());
    for (const Stance& stance : stances) {
        ids.push_back(stance.id.str());
    }
    return ids;
}

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("the speaker filter selects what a person voiced: as speaker, or as the stance's actor") {
    auto store = debates().store();
    StanceFilter filter;
    filter.speakers = {ActorId{"schoof"}};
    CHECK(ids_of(store->stances(filter)) == Ids{"schoof-79", "schoof-own"});
    filter.speakers = {ActorId{"rutte"}, ActorId{"schoof"}};
    CHECK(ids_of(store->stances(filter)) == Ids{"rutte-78", "schoof-79", "schoof-own"});
    filter.speakers = {ActorId{"nobody"}};
    CHECK(store->stances(filter).empty());
}

TEST_CASE("stances filter by document and by coder") {
    auto store = debates().store();
    StanceFilter filter;
    filter.documents = {DocumentId{"doc"}};
    CHECK(store->stances(filter).size() == 4);
    filter.documents = {DocumentId{"other"}};
    CHECK(store->stances(filter).empty());
    filter = {};
    filter.coders = {"analyst-b"};
    CHECK(ids_of(store->stances(filter)) == Ids{"nld-79"});
    filter.coders = {"analyst-b", "analyst-a"};
    CHECK(store->stances(filter).size() == 4);
    filter.coders = {"Analyst-B"}; // exact
    CHECK(store->stances(filter).empty());
}

TEST_CASE("typed references become a filter: a topic with its subtopics, a meeting, a person, a document") {
    auto store = debates().store();
    const Catalog catalog{*store};
    StanceFilter given;
    given.coders = {"analyst-a"};
    const StanceFilter filter = resolve_references(*store, catalog,
                                                   {.actors = {"NL"},
                                                    .speakers = {"Dick Schoof"},
                                                    .topics = {"United Nations"},
                                                    .meetings = {"79th session"},
                                                    .documents = {"doc"}},
                                                   given);
    CHECK(filter.actors == std::vector<ActorId>{ActorId{"nld"}});
    CHECK(filter.include_named_members);
    CHECK(filter.speakers == std::vector<ActorId>{ActorId{"schoof"}});
    CHECK(filter.topics.size() == 3); // un, and pact and charter under it
    CHECK(filter.meetings == std::vector<MeetingId>{MeetingId{"gd-79"}});
    CHECK(filter.documents == std::vector<DocumentId>{DocumentId{"doc"}});
    CHECK(filter.coders == std::vector<std::string>{"analyst-a"}); // what was given is kept
    CHECK(ids_of(store->stances(filter)) == Ids{"schoof-79"});

    // No references: the filter as given, which selects everything here.
    CHECK(store->stances(resolve_references(*store, catalog, {})).size() == 4);
    // A state is not a person, and an unknown topic lists the closest.
    CHECK_THROWS_AS((void)resolve_references(*store, catalog, {.speakers = {"Netherlands"}}), not_found_error);
    const not_found_error failure =
        test::failure_of([&] { (void)resolve_references(*store, catalog, {.topics = {"Chartre"}}); });
    CHECK(std::string(failure.what()).find("unknown topic \"Chartre\"") != std::string::npos);
}

TEST_CASE("evolution with a speaker keeps only what that person voiced for the actor") {
    auto store = debates().store();
    const Catalog catalog{*store};
    EvolutionOptions options;
    options.speakers = {ActorId{"schoof"}};
    const Evolution result = evolution(*store, catalog, ActorId{"nld"}, TopicId{"un"}, options);
    std::vector<std::string> ids;
    for (const ActorStance& point : result.points) {
        ids.push_back(point.stance.id.str());
    }
    CHECK(ids == Ids{"schoof-79", "schoof-own"});
}

TEST_CASE("evolution asked about a person reads what that person voiced for the actor of their role") {
    auto store = debates().store();
    const Catalog catalog{*store};
    const Evolution result = evolution(*store, catalog, ActorId{"schoof"}, TopicId{"un"}, {});
    CHECK(result.actor == ActorId{"nld"});
    CHECK(result.options.speakers == std::vector<ActorId>{ActorId{"schoof"}});
    std::vector<std::string> ids;
    for (const ActorStance& point : result.points) {
        ids.push_back(point.stance.id.str());
    }
    CHECK(ids == Ids{"schoof-79", "schoof-own"}); // not nld-79: the Netherlands without Schoof
}

TEST_CASE("compare of two persons compares what each voiced for their state") {
    auto store = debates().store();
    const Catalog catalog{*store};
    const Comparison result = compare(*store, catalog, ActorId{"schoof"}, ActorId{"rutte"}, {});
    CHECK(result.first_name == "Dick Schoof");
    CHECK(result.second_name == "Mark Rutte");
    REQUIRE(result.rows.size() == 2);
    for (const CompareRow& row : result.rows) {
        if (row.topic == TopicId{"charter"}) { // schoof-own and rutte-78, both in support; nld-79 is neither's
            CHECK(row.agreement == Agreement::agree);
            REQUIRE(row.first.stances.size() == 1);
            CHECK(row.first.stances[0].stance.id == StanceId{"schoof-own"});
            REQUIRE(row.second.stances.size() == 1);
            CHECK(row.second.stances[0].stance.id == StanceId{"rutte-78"});
        } else {
            CHECK(row.topic == TopicId{"pact"});
            CHECK(row.agreement == Agreement::only_first);
        }
    }
}

TEST_CASE("a person without a role stays the actor; one who spoke for several actors must be told which") {
    test::DatasetBuilder builder = debates();
    builder.actor("eu", ActorKind::organisation, "European Union")
        .actor("expert", ActorKind::person, "An Expert")
        .role("rutte", "eu", Date{2030, 1, 1}, Date{2031, 1, 1});
    auto store = builder.store();
    const Catalog catalog{*store};
    const SpokenFor expert = spoken_for(catalog, ActorId{"expert"}, {}, "actor");
    CHECK(expert.actor == ActorId{"expert"});
    CHECK(expert.speakers.empty());
    // Named speakers mean the person is the actor, as asked.
    CHECK(spoken_for(catalog, ActorId{"schoof"}, {ActorId{"rutte"}}, "actor").actor == ActorId{"schoof"});
    CHECK_THROWS_WITH_AS((void)spoken_for(catalog, ActorId{"rutte"}, {}, "first"),
                         doctest::Contains("Mark Rutte (rutte) spoke for several actors (nld, eu)"),
                         invalid_input_error);
    CHECK_THROWS_AS((void)compare(*store, catalog, ActorId{"nld"}, ActorId{"rutte"}, {}), invalid_input_error);
}

TEST_CASE("a date names the top-level meetings that span it, from the first day to the end date") {
    auto store = debates().store();
    const Catalog catalog{*store};
    CHECK(resolve_meeting(catalog, "2024-09-24") == MeetingId{"gd-79"}); // the first day
    CHECK(resolve_meeting(catalog, "2024-09-27") == MeetingId{"gd-79"}); // inside
    CHECK(resolve_meeting(catalog, "2024-09-30") == MeetingId{"gd-79"}); // the last day
    CHECK(resolve_meeting(catalog, " 2023-09-20 ") == MeetingId{"gd-78"});

    // A date no meeting spans suggests the meetings nearest in time, not those spelled alike.
    const not_found_error failure = test::failure_of([&] { (void)resolve_meeting(catalog, "2024-10-02"); });
    REQUIRE(failure.candidates().size() == 3);
    CHECK(failure.candidates()[0].rfind("gd-79 ", 0) == 0);
    CHECK(failure.candidates()[1].rfind("gd-78 ", 0) == 0);
    CHECK(failure.candidates()[2].rfind("summit-2014 ", 0) == 0);
    // The message lists them; the CLI prints only the message, so they appear once.
    CHECK(std::string(failure.what()).find("closest: gd-79 (2024-09-24, General debate of the 79th session)") !=
          std::string::npos);
}

TEST_CASE("a date spanned by two top-level meetings is ambiguous and says so as a date") {
    test::DatasetBuilder builder = debates();
    builder.meeting("side-event", Date{2024, 9, 25}, {}, "Side event");
    auto store = builder.store();
    const Catalog catalog{*store};
    const not_found_error failure = test::failure_of([&] { (void)resolve_meeting(catalog, "2024-09-25"); });
    CHECK(std::string(failure.what()).find("ambiguous meeting \"2024-09-25\": as a date it matches 2 meetings") !=
          std::string::npos);
    CHECK(failure.candidates().size() == 2);
    CHECK(resolve_meeting(catalog, "2024-09-26") == MeetingId{"gd-79"});
}

TEST_CASE("a unique part of a title names its topic or meeting; a shared part lists them") {
    auto store = debates().store();
    const Catalog catalog{*store};
    CHECK(resolve_topic(catalog, "Pact for the Future") == TopicId{"pact"});
    CHECK(resolve_topic(catalog, "pact for the fut") == TopicId{"pact"});
    CHECK(resolve_topic(catalog, "charter") == TopicId{"charter"});
    CHECK(resolve_meeting(catalog, "79th session") == MeetingId{"gd-79"});
    CHECK(resolve_meeting(catalog, "wales") == MeetingId{"summit-2014"});

    const not_found_error shared = test::failure_of([&] { (void)resolve_meeting(catalog, "general debate"); });
    CHECK(std::string(shared.what()).find("as a part of a title it matches 2 meetings") != std::string::npos);
    // Only from the start of a word, and three characters at least.
    const not_found_error inside = test::failure_of([&] { (void)resolve_topic(catalog, "harter"); });
    CHECK(std::string(inside.what()).find("unknown topic") != std::string::npos);
    (void)test::failure_of([&] { (void)resolve_topic(catalog, "th"); });
}

TEST_CASE("words suggest the names that contain them before names spelled alike") {
    auto store = debates().store();
    const Catalog catalog{*store};
    // "Pact" and "Future" are both in one label; "Charter" only shares "the".
    const not_found_error failure = test::failure_of([&] { (void)resolve_topic(catalog, "future pact"); });
    REQUIRE_FALSE(failure.candidates().empty());
    CHECK(failure.candidates().front() == "pact (The Pact for the Future)");
}

TEST_CASE("a speaker must be a person, and documents resolve by id or title") {
    auto store = debates().store();
    const Catalog catalog{*store};
    CHECK(resolve_person(catalog, "Schoof") == ActorId{"schoof"});
    CHECK(resolve_person(catalog, "Dick Schoof") == ActorId{"schoof"});
    const not_found_error state = test::failure_of([&] { (void)resolve_person(catalog, "NL"); });
    CHECK(std::string(state.what()) ==
          "\"NL\" is Netherlands (nld), a state, not a person: a speaker is the person who spoke (list persons with "
          "`stance actors` or `stance roles`)");
    CHECK(resolve_document(*store, "doc") == DocumentId{"doc"});
    CHECK(resolve_document(*store, "constructed test") == DocumentId{"doc"});
    const not_found_error unknown = test::failure_of([&] { (void)resolve_document(*store, "docs"); });
    CHECK(std::string(unknown.what()).find("unknown document \"docs\"; closest: doc (Constructed test record)") !=
          std::string::npos);
}
