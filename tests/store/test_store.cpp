#include <doctest/doctest.h>

#include "backends.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

Dataset example() {
    return read_dataset_file(test::source_dir() / "examples/data/small-dataset.json");
}

std::size_t count_stances(const Store& store) {
    return store.stances().size();
}

} // namespace

STORE_TEST_CASE("a new store has the current schema and no data") {
    auto db = backend.create();
    auto store = db.open();
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(store->actors().empty());
    CHECK(store->stances().empty());
}

STORE_TEST_CASE("an imported dataset reads back entity for entity") {
    auto db = backend.create();
    auto store = db.open();
    Dataset dataset = example();
    validate_dataset(dataset, "example", store.get());
    store->import(dataset);

    auto actors = store->actors();
    REQUIRE(actors.size() == 2);
    CHECK(actors[1].id == ActorId{"usa"});
    CHECK(actors[1].iso3 == "USA");
    REQUIRE(actors[1].aliases.size() == 2);
    CHECK(actors[1].aliases[0] == Name{"nl", "Verenigde Staten"});

    auto stances = store->stances();
    REQUIRE(stances.size() == 1);
    const Stance& stance = stances[0];
    CHECK(stance.actor == ActorId{"usa"});
    CHECK(stance.speaker == ActorId{"tillerson"});
    CHECK(stance.kind == PositionKind::support);
    CHECK(stance.score == 1.0);
    REQUIRE(stance.source);
    CHECK(stance.source->start == 90);
    CHECK(stance.source->end == 167);
    CHECK(store->roles().at(0).title == "Secretary of State");
}

// Two coders' name lists merge (pg_writer.cpp writes a list in one statement, SQLite name by name).
STORE_TEST_CASE("an actor's names accumulate across imports, each once, a language's in the order they came") {
    auto db = backend.create();
    auto store = db.open();
    Dataset first;
    first.actors.push_back(
        Actor{.id = ActorId{"nld"},
              .kind = ActorKind::state,
              .name = "Netherlands",
              .aliases = {Name{"nl", "Nederland"}, Name{"fr", "Pays-Bas"}, Name{"nl", "Nederland"}}});
    store->import(first);
    Dataset second = first;
    second.actors[0].aliases = {Name{"de", "Niederlande"}, Name{"fr", "Pays-Bas"}, Name{"nl", "Holland"}};
    store->import(second);
    // Read back by language, and within one in the order they came ("Holland" after "Nederland").
    CHECK(store->actors().at(0).aliases == std::vector<Name>{Name{"de", "Niederlande"}, Name{"fr", "Pays-Bas"},
                                                             Name{"nl", "Nederland"}, Name{"nl", "Holland"}});
}

STORE_TEST_CASE("re-importing the same dataset changes nothing") {
    auto db = backend.create();
    auto store = db.open();
    Dataset dataset = example();
    store->import(dataset);
    const Dataset first = store->to_dataset();
    store->import(dataset);
    store->import(dataset);
    CHECK(store->to_dataset() == first);
    CHECK(count_stances(*store) == 1);
}

STORE_TEST_CASE("an upsert updates the stance in place") {
    auto db = backend.create();
    auto store = db.open();
    Dataset dataset = example();
    store->import(dataset);
    dataset.stances[0].kind = PositionKind::conditional;
    dataset.stances[0].score = 0.5;
    dataset.stances[0].note = "inferred from the reporter's summary";
    store->import(dataset);
    auto stances = store->stances();
    REQUIRE(stances.size() == 1);
    CHECK(stances[0].kind == PositionKind::conditional);
    CHECK(stances[0].note == "inferred from the reporter's summary");
}

STORE_TEST_CASE("a failed import leaves the store exactly as it was") {
    auto db = backend.create();
    auto store = db.open();
    store->import(example());
    const Dataset before = store->to_dataset();

    Dataset bad = example();
    bad.stances[0].id = StanceId{"second"};
    bad.stances.push_back(bad.stances[0]);
    bad.stances[1].id = StanceId{"third"};
    bad.stances[1].actor = ActorId{"nobody"}; // the second stance refers to an unknown actor
    CHECK_THROWS_AS(store->import(bad), invalid_input_error);
    CHECK(store->to_dataset() == before);
}

STORE_TEST_CASE("stance filters select by actor, topic, meeting and date") {
    auto db = backend.create();
    auto store = db.open();
    store->import(example());
    StanceFilter filter;
    filter.actors = {ActorId{"usa"}};
    CHECK(store->stances(filter).size() == 1);
    filter.actors = {ActorId{"tillerson"}};
    CHECK(store->stances(filter).empty());
    filter = {};
    filter.topics = {TopicId{"transatlantic-relations"}};
    CHECK(store->stances(filter).size() == 1);
    filter.from = Date::parse("2017-04-01");
    CHECK(store->stances(filter).empty());
    filter.from = Date::parse("2017-03-31");
    filter.to = Date::parse("2017-03-31");
    CHECK(store->stances(filter).size() == 1);
    filter = {};
    filter.meetings = {MeetingId{"no-such-meeting"}};
    CHECK(store->stances(filter).empty());
}

STORE_TEST_CASE("full-text search finds quotes regardless of case and accents") {
    auto db = backend.create();
    auto store = db.open();
    store->import(example());
    StanceFilter filter;
    filter.text = "FUNDAMENT";
    CHECK(store->stances(filter).size() == 1);
    filter.text = "\"Trans-Atlantische relatie\"";
    CHECK(store->stances(filter).size() == 1);
    filter.text = "foundation"; // in the English paraphrase
    CHECK(store->stances(filter).size() == 1);
    filter.text = "Rusland";
    CHECK(store->stances(filter).empty());
    filter.text = "\"trans-atlantische"; // an unclosed quote runs to the end, no syntax error
    CHECK(store->stances(filter).size() == 1);
}

STORE_TEST_CASE("collective stances are found through the members they name") {
    auto db = backend.create();
    auto store = db.open();
    Dataset dataset = example();
    dataset.actors.push_back(Actor{ActorId{"allies"}, ActorKind::group, "Allies", "", "", {}});
    dataset.actors.push_back(Actor{ActorId{"nld"}, ActorKind::state, "Netherlands", "NL", "NLD", {}});
    dataset.stances[0].actor = ActorId{"allies"};
    dataset.stances[0].speaker.reset(); // the US Secretary of State does not speak for the Allies
    dataset.stances[0].includes = {ActorId{"nld"}};
    store->import(dataset);
    StanceFilter filter;
    filter.actors = {ActorId{"nld"}};
    CHECK(store->stances(filter).empty());
    filter.include_named_members = true;
    auto found = store->stances(filter);
    REQUIRE(found.size() == 1);
    CHECK(found[0].includes == std::vector<ActorId>{ActorId{"nld"}});
}

STORE_TEST_CASE("a database persists across opens") {
    auto db = backend.create();
    db.open()->import(example());
    auto reopened = db.open();
    CHECK(count_stances(*reopened) == 1);
    auto read_only = db.open(OpenOptions{.read_only = true});
    CHECK(read_only->actors().size() == 2);
}
