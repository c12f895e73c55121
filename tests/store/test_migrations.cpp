#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include "backends.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "store/schema.hpp"
#include "support.hpp"

using namespace stance;

TEST_CASE("a database from a newer stance is refused with a clear message") {
    test::TempDir dir;
    const std::string path = (dir / "future.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 99");
    }
    try {
        (void)Store::open(path);
        FAIL("opening a newer database must throw");
    } catch (const schema_version_error& failure) {
        const std::string message = failure.what();
        CHECK(message.find("schema version 99") != std::string::npos);
        CHECK(message.find("upgrade stance") != std::string::npos);
    }
}

TEST_CASE("a version 1 database is migrated and keeps its data") {
    test::TempDir dir;
    const std::string path = (dir / "old.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 1);
        db.exec("INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands')");
        db.exec("INSERT INTO topic (slug, label) VALUES ('russia', 'Russia')");
        db.exec("INSERT INTO body (slug, name) VALUES ('nac', 'North Atlantic Council')");
        db.exec("INSERT INTO meeting (slug, body_id, date) VALUES ('m', 1, '2017-03-31')");
        db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, kind, score, quote, effective_date) "
                "VALUES ('s', 1, 1, 1, 'concern', -0.5, 'brede zorg over Rusland', '2017-03-31')");
    }
    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    REQUIRE(store->stances().size() == 1);
    // Version 2 indexed the existing quote for full-text search.
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM stance_text WHERE stance_text MATCH 'rusland'").getInt() == 1);
}

TEST_CASE("a failed migration leaves the database as it was") {
    test::TempDir dir;
    const std::string path = (dir / "broken.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 1);
        // Something in the way of version 2: a table with the name the migration wants to create.
        db.exec("CREATE TABLE stance_text (x)");
    }
    CHECK_THROWS((void)Store::open(path));
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(detail::read_schema_version(db) == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'stance_text_insert'").getInt() == 0);
}

TEST_CASE("a version 2 database is migrated to scales and bases, keeping parents and telling votes apart") {
    test::TempDir dir;
    const std::string path = (dir / "v2.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 2);
        db.exec("INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands'), "
                "('usa', 'state', 'United States')");
        db.exec("INSERT INTO topic (slug, label) VALUES ('russia', 'Russia'), ('unga-resolutions', 'UN votes')");
        db.exec("INSERT INTO topic (slug, parent_id, label) VALUES ('dialogue', 1, 'NATO-Russia dialogue')");
        db.exec("INSERT INTO body (slug, name) VALUES ('nac', 'North Atlantic Council')");
        db.exec("INSERT INTO meeting (slug, body_id, date) VALUES ('m', 1, '2017-03-31')");
        db.exec("INSERT INTO agenda_item (slug, meeting_id, ord, title) VALUES ('rc-1', 1, 1, 'A/RES/1')");
        db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, kind, score, effective_date) "
                "VALUES ('said', 1, 3, 1, 'support', 1, '2017-03-31')");
        db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, kind, score, reported_by_id, "
                "effective_date) VALUES ('told', 2, 3, 1, 'support', 1, 1, '2017-03-31')");
        db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, agenda_item_id, kind, score, "
                "effective_date) VALUES ('voted', 1, 2, 1, 1, 'oppose', -1, '2017-03-31')");
    }
    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    const std::vector<Topic> topics = store->topics();
    REQUIRE(topics.size() == 3);
    CHECK(topics[0].id == TopicId{"dialogue"});
    CHECK(topics[0].parents == std::vector<TopicId>{TopicId{"russia"}});
    CHECK(topics[1].parents.empty());
    CHECK_FALSE(topics[1].scale);
    const std::vector<Stance> stances = store->stances();
    REQUIRE(stances.size() == 3);
    CHECK(stances[0].id == StanceId{"said"});
    CHECK(stances[0].basis == Basis::statement);
    CHECK(stances[1].id == StanceId{"told"});
    CHECK(stances[1].basis == Basis::reported);
    CHECK(stances[2].id == StanceId{"voted"});
    CHECK(stances[2].basis == Basis::vote);
    CHECK_FALSE(store->meetings().front().end_date);
}

STORE_TEST_CASE("scales, directions, several parents, bases and end dates survive a write and a read") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    Dataset dataset;
    dataset.actors.push_back(Actor{ActorId{"nld"}, ActorKind::state, "Netherlands", "NL", "NLD", {}});
    Topic russia{TopicId{"russia"},
                 {},
                 "Russia",
                 {},
                 Scale{{{"en", "cooperation"}, {"nl", "samenwerking"}}, {{"en", "pressure"}}},
                 {}};
    Topic ukraine{TopicId{"ukraine"}, {}, "Ukraine", {}, std::nullopt, {}};
    Topic war{TopicId{"war"}, {TopicId{"russia"}, TopicId{"ukraine"}}, "Russia's war against Ukraine", {},
              std::nullopt,   {Direction{TopicId{"russia"}, 1.0}}};
    dataset.topics = {russia, ukraine, war};
    dataset.propositions.push_back(Proposition{
        PropositionId{"dialogue"}, TopicId{"russia"}, "Talk with Russia", {Direction{TopicId{"russia"}, -0.5}}});
    dataset.bodies.push_back(Body{BodyId{"unga"}, "General Assembly", {}, std::nullopt});
    Meeting debate{MeetingId{"gd"},   BodyId{"unga"}, "General debate", "",
                   Date{2024, 9, 24}, "New York",     std::nullopt,     Date{2024, 9, 30}};
    dataset.meetings.push_back(debate);
    Stance stance;
    stance.id = StanceId{"s"};
    stance.actor = ActorId{"nld"};
    stance.topic = TopicId{"russia"};
    stance.proposition = PropositionId{"dialogue"};
    stance.meeting = MeetingId{"gd"};
    stance.kind = PositionKind::oppose;
    stance.score = -1.0;
    stance.basis = Basis::inferred;
    dataset.stances.push_back(stance);
    store->import(dataset);

    const Dataset back = store->to_dataset();
    CHECK(back.topics == std::vector<Topic>{russia, ukraine, war});
    CHECK(back.propositions == dataset.propositions);
    CHECK(back.meetings == dataset.meetings);
    REQUIRE(back.stances.size() == 1);
    CHECK(back.stances[0].basis == Basis::inferred);
    StanceFilter votes_only;
    votes_only.bases = {Basis::vote};
    CHECK(store->stances(votes_only).empty());
    StanceFilter inferred;
    inferred.bases = {Basis::vote, Basis::inferred};
    CHECK(store->stances(inferred).size() == 1);
}

namespace {

/// Rows of the search index that match `words`, read straight from SQLite.
int search_hits(const std::string& path, const std::string& words) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement query(db, "SELECT count(*) FROM stance_text WHERE stance_text MATCH ?");
    query.bind(1, words);
    query.executeStep();
    return query.getColumn(0).getInt();
}

} // namespace

TEST_CASE("an updated stance stays in the search index, and version 5 repairs indexes that lost one") {
    test::TempDir dir;
    const std::string path = (dir / "search.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 4);
        db.exec("INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands')");
        db.exec("INSERT INTO topic (slug, label) VALUES ('russia', 'Russia')");
        db.exec("INSERT INTO body (slug, name) VALUES ('nac', 'North Atlantic Council')");
        db.exec("INSERT INTO meeting (slug, body_id, date) VALUES ('m', 1, '2017-03-31')");
        db.exec("INSERT INTO document (slug, text) VALUES ('d', 'brede steun voor dialoog')");
        db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, kind, score, quote, document_id, "
                "span_start, span_end, effective_date) "
                "VALUES ('s', 1, 1, 1, 'support', 1, 'brede steun voor dialoog', 1, 0, 24, '2017-03-31')");
        // Version 4's triggers: an update that leaves the quote as it was drops it from the index.
        db.exec("UPDATE stance SET note = 'checked' WHERE slug = 's'");
    }
    CHECK(search_hits(path, "dialoog") == 0);
    auto store = Store::open(path); // migrates to version 5 (which fills the index again) and on
    CHECK(search_hits(path, "dialoog") == 1);
    CHECK(store->integrity_problems(false).empty());

    StanceFilter filter;
    filter.text = "dialoog";
    REQUIRE(store->stances(filter).size() == 1);
    Stance changed = store->stances(filter).front();
    changed.note = "checked again";
    changed.coded_at = "2026-12-01";
    {
        auto session = store->begin_import();
        session->put(changed);
        session->commit();
    }
    CHECK(store->stances(filter).size() == 1);
    CHECK(store->integrity_problems(false).empty());
}

TEST_CASE("every older version migrates through version 6: an empty history that records from then on") {
    for (int version = 1; version < Store::current_schema_version; ++version) {
        CAPTURE(version);
        test::TempDir dir;
        const std::string path = (dir / "old.db").string();
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            detail::migrate(db, version);
            db.exec("INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands')");
            db.exec("INSERT INTO topic (slug, label) VALUES ('russia', 'Russia')");
            db.exec("INSERT INTO body (slug, name) VALUES ('nac', 'North Atlantic Council')");
            db.exec("INSERT INTO meeting (slug, body_id, date) VALUES ('m', 1, '2017-03-31')");
            db.exec("INSERT INTO stance (slug, actor_id, topic_id, meeting_id, kind, score, effective_date) "
                    "VALUES ('s', 1, 1, 1, 'support', 1, '2017-03-31')");
        }
        auto store = Store::open(path);
        CHECK(store->schema_version() == Store::current_schema_version);
        REQUIRE(store->stance(StanceId{"s"}).has_value());
        CHECK(store->change_sets({}).empty()); // what was there before has no recorded past
        CHECK(store->suggestions().empty());
        const std::int64_t deletion = delete_entity(*store, RecordKey{RecordKind::stance, "s"});
        HistoryFilter filter;
        filter.entity = "s";
        const std::vector<ChangeSet> history = store->change_sets(filter);
        REQUIRE(history.size() == 1);
        CHECK(history.front().id == deletion);
        REQUIRE(history.front().changes.size() == 1);
        CHECK(history.front().changes.front().before.has_value());
        CHECK_FALSE(history.front().changes.front().after.has_value());
        undo_change_set(*store, deletion);
        CHECK(store->stance(StanceId{"s"}).has_value());
        CHECK(store->integrity_problems(false).empty());
    }
}
