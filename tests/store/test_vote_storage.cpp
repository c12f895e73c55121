// Vote-shaped stances in the compact vote table: which stances go there, that they read back as the
// stances that were put, that ids stay unique across both tables, the vote-shaped write, and the migrations.
#include <algorithm>

#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "backends.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/model/vote.hpp"
#include "stance/store/history.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "store/schema.hpp"
#include "support.hpp"
#include "unga/unga_fixture.hpp"
#include "vote_builders.hpp"

using namespace stance;

namespace {

/// Imports the UN fixture with its full codes into `store`.
void import_fixture(Store& store) {
    UngaImportOptions options;
    options.full_codes_directory = test::unga_fixture();
    (void)import_unga(store, test::unga_fixture(), options);
}

/// The stances of a new SQLite database at `path` after import_fixture, the database closed again.
std::vector<Stance> stances_of_imported_fixture(const std::string& path) {
    auto store = Store::open(path);
    import_fixture(*store);
    return store->stances();
}

int count(const std::string& path, const char* sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

int count(const test::ScratchDatabase& db, const char* sql) {
    return std::stoi(db.sql(sql));
}

Dataset roll_call_dataset() {
    Dataset d;
    d.documents.push_back(Document{DocumentId{"votes-csv"}, "Votes", "en", std::nullopt, "", "", "", "", "votes.csv"});
    d.actors.push_back(Actor{ActorId{"nld"}, ActorKind::state, "Netherlands", "NL", "NLD", {}});
    d.actors.push_back(Actor{ActorId{"usa"}, ActorKind::state, "United States", "US", "USA", {}});
    d.topics.push_back(test::topic("votes", "Votes"));
    d.bodies.push_back(Body{BodyId{"ga"}, "Assembly", {}, std::nullopt});
    d.meetings.push_back(test::ga_meeting("ga-1", "Day one", Date{2001, 9, 12}));
    d.agenda_items.push_back(AgendaItem{AgendaItemId{"rc-1"}, MeetingId{"ga-1"}, 1, "Roll call 1", "", "", {}, {}});
    return d;
}

Stance vote(const std::string& id, const std::string& actor, PositionKind kind) {
    Stance s;
    s.id = StanceId{id};
    s.actor = ActorId{actor};
    s.topic = TopicId{"votes"};
    s.meeting = MeetingId{"ga-1"};
    s.agenda_item = AgendaItemId{"rc-1"};
    s.kind = kind;
    s.score = default_score(kind);
    s.basis = Basis::vote;
    s.source = SourceSpan{DocumentId{"votes-csv"}, 10, 42, std::nullopt};
    return s;
}

} // namespace

TEST_CASE("is_vote_shaped accepts exactly the fields a vote has") {
    const Stance plain = vote("rc-1-nld", "nld", PositionKind::support);
    CHECK(is_vote_shaped(plain));
    Stance without_source = plain;
    without_source.source.reset();
    CHECK(is_vote_shaped(without_source));
    auto differs = [&](auto change) {
        Stance s = plain;
        change(s);
        return !is_vote_shaped(s);
    };
    CHECK(differs([](Stance& s) { s.basis = Basis::statement; }));
    CHECK(differs([](Stance& s) { s.note = "coded by hand"; }));
    CHECK(differs([](Stance& s) { s.quote = "ja"; }));
    CHECK(differs([](Stance& s) { s.score = 0.5; }));
    CHECK(differs([](Stance& s) {
        s.kind = PositionKind::concern;
        s.score = -0.5;
    }));
    CHECK(differs([](Stance& s) { s.confidence = 0.9; }));
    CHECK(differs([](Stance& s) { s.agenda_item.reset(); }));
    CHECK(differs([](Stance& s) { s.source->page = 3; }));
    CHECK(differs([](Stance& s) { s.stated_on = Date{2001, 9, 13}; }));
    CHECK(differs([](Stance& s) { s.includes = {ActorId{"usa"}}; }));
    CHECK(differs([](Stance& s) { s.id = StanceId{"nld"}; }));    // nothing before the actor's id
    CHECK(differs([](Stance& s) { s.id = StanceId{"rc-1-x"}; })); // does not end with it
}

STORE_TEST_CASE("votes go to the vote table and read back as the stances that were put") {
    const test::ScratchDatabase db = backend.create();
    Dataset d = roll_call_dataset();
    d.stances.push_back(vote("rc-1-nld", "nld", PositionKind::support));
    d.stances.push_back(vote("rc-1-usa", "usa", PositionKind::absent));
    Stance noted = vote("noted-usa", "usa", PositionKind::oppose);
    noted.note = "from the verbatim record";
    d.stances.push_back(noted);
    Stance other_prefix = vote("x-nld", "nld", PositionKind::oppose); // a second prefix on rc-1
    d.stances.push_back(other_prefix);
    {
        auto store = db.open();
        store->import(d);
        CHECK(store->stances() == std::vector<Stance>{d.stances[2], d.stances[0], d.stances[1], d.stances[3]});
        CHECK(store->exists(EntityKind::stance, "rc-1-nld"));
        CHECK(store->exists(EntityKind::stance, "x-nld"));
        CHECK_FALSE(store->exists(EntityKind::stance, "rc-1-deu"));
        StanceFilter positions;
        positions.positions_only = true;
        positions.actors = {ActorId{"usa"}};
        CHECK(store->stances(positions) == std::vector<Stance>{noted});
    }
    CHECK(count(db, "SELECT count(*) FROM vote") == 2);
    CHECK(count(db, "SELECT count(*) FROM stance") == 2);

    SUBCASE("a stance re-put with a note moves to the general table, and back") {
        auto store = db.open();
        Dataset change;
        Stance annotated = d.stances[0];
        annotated.note = "recorded wrongly in the roll call";
        change.stances.push_back(annotated);
        store->import(change);
        CHECK(count(db, "SELECT count(*) FROM vote") == 1);
        StanceFilter nld;
        nld.actors = {ActorId{"nld"}};
        CHECK(store->stances(nld) == std::vector<Stance>{annotated, other_prefix});
        Dataset back;
        back.stances.push_back(d.stances[0]);
        store->import(back);
        CHECK(count(db, "SELECT count(*) FROM vote") == 2);
        CHECK(count(db, "SELECT count(*) FROM stance WHERE slug = 'rc-1-nld'") == 0);
        CHECK(store->stances(nld) == std::vector<Stance>{d.stances[0], other_prefix});
    }
}

namespace {

RollCallVotes roll_call_votes() {
    RollCallVotes votes;
    votes.agenda_item = AgendaItemId{"rc-1"};
    votes.meeting = MeetingId{"ga-1"};
    votes.topic = TopicId{"votes"};
    votes.stance_prefix = "rc-1-";
    votes.document = DocumentId{"votes-csv"};
    votes.casts.push_back(RollCallVotes::Cast{ActorId{"usa"}, VoteCode::no, 50, 80});
    votes.casts.push_back(RollCallVotes::Cast{ActorId{"nld"}, VoteCode::abstain, 10, 42});
    return votes;
}

void put_votes(Store& store, const RollCallVotes& votes) {
    auto session = store.begin_import();
    session->put_votes(std::span<const RollCallVotes>(&votes, 1));
    session->commit();
}

} // namespace

STORE_TEST_CASE("put_votes stores the stances its votes stand for, checked as those stances are") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    store->import(roll_call_dataset());
    const RollCallVotes votes = roll_call_votes();
    const std::vector<Stance> expected = vote_stances(votes);
    REQUIRE(expected.size() == 2);
    CHECK(expected[0].id == StanceId{"rc-1-usa"});
    CHECK(expected[0].score == -1.0);
    CHECK(expected[1].kind == PositionKind::abstain);
    CHECK(is_vote_shaped(expected[0]));
    put_votes(*store, votes);
    CHECK(store->stances() == std::vector<Stance>{expected[1], expected[0]});
    CHECK(store->change_sets(HistoryFilter{}).front().bulk_stances == 2);

    RollCallVotes unknown_actor = votes;
    unknown_actor.casts.push_back(RollCallVotes::Cast{ActorId{"deu"}, VoteCode::yes, 90, 99});
    CHECK_THROWS_AS(put_votes(*store, unknown_actor), invalid_input_error);
    RollCallVotes backwards = votes;
    backwards.casts[0].end = backwards.casts[0].start - 1;
    CHECK_THROWS_AS(put_votes(*store, backwards), invalid_input_error);
    RollCallVotes bad_prefix = votes;
    bad_prefix.stance_prefix = "RC 1 ";
    CHECK_THROWS_AS(put_votes(*store, bad_prefix), invalid_input_error);
    RollCallVotes unknown_document = votes;
    unknown_document.document = DocumentId{"no-such-table"};
    CHECK_THROWS_AS(put_votes(*store, unknown_document), invalid_input_error);
    CHECK(store->stances() == std::vector<Stance>{expected[1], expected[0]});
    if (backend.is_sqlite()) {
        CHECK(count(db, "SELECT count(*) FROM vote") == 2);
        CHECK(count(db, "SELECT count(*) FROM stance") == 0);
    }
}

STORE_TEST_CASE("put_votes of a batch gives what putting its stances one by one gives") {
    // A batch in the order of a CSV file sorted by country: one roll call in several groups, a
    // (roll call, actor) voting twice (the later vote stands), and a roll call whose prefix is taken
    // by another, so that its votes are general stances.
    Dataset d = roll_call_dataset();
    d.agenda_items.push_back(AgendaItem{AgendaItemId{"rc-2"}, MeetingId{"ga-1"}, 2, "Roll call 2", "", "", {}, {}});
    std::vector<RollCallVotes> batch(4, roll_call_votes());
    batch[0].casts.resize(1);                                                      // usa no on rc-1
    batch[1].casts.erase(batch[1].casts.begin());                                  // nld abstains on rc-1
    batch[2].casts = {RollCallVotes::Cast{ActorId{"usa"}, VoteCode::yes, 81, 99}}; // usa again, yes
    // Started by rc-1's prefix, so rc-2's votes are general stances.
    batch[3].agenda_item = AgendaItemId{"rc-2"};
    batch[3].stance_prefix = "rc-1-x-";
    std::vector<Stance> one_by_one;
    for (const RollCallVotes& group : batch) {
        for (Stance& stance : vote_stances(group)) {
            std::erase_if(one_by_one, [&](const Stance& earlier) { return earlier.id == stance.id; });
            one_by_one.push_back(std::move(stance));
        }
    }
    std::ranges::sort(one_by_one, {}, [](const Stance& stance) { return stance.id; });
    REQUIRE(one_by_one.size() == 4);

    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    store->import(d);
    auto session = store->begin_import();
    session->put_votes(batch);
    session->commit();
    CHECK(store->stances() == one_by_one);
    CHECK(store->stance(StanceId{"rc-1-usa"})->kind == PositionKind::support);
    CHECK(store->change_sets(HistoryFilter{}).front().bulk_stances == 5);
}

// On PostgreSQL the first batch into an empty vote table goes in without the table's key
// (pg_vote_indexes.cpp), so the second vote on a pair is caught by the session, not the key.
STORE_TEST_CASE("a later batch of one session replaces the votes of an earlier one on the same pairs") {
    Dataset d = roll_call_dataset();
    d.agenda_items.push_back(AgendaItem{AgendaItemId{"rc-2"}, MeetingId{"ga-1"}, 2, "Roll call 2", "", "", {}, {}});
    RollCallVotes first = roll_call_votes(); // usa no, nld abstains on rc-1
    RollCallVotes second = roll_call_votes();
    second.agenda_item = AgendaItemId{"rc-2"};
    second.stance_prefix = "rc-2-";
    RollCallVotes again = roll_call_votes();
    again.casts = {RollCallVotes::Cast{ActorId{"usa"}, VoteCode::yes, 81, 99}};
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    store->import(d);
    auto session = store->begin_import();
    session->put_votes(std::span<const RollCallVotes>(&first, 1));
    session->put_votes(std::span<const RollCallVotes>(&second, 1)); // new pairs only
    session->put_votes(std::span<const RollCallVotes>(&again, 1));  // usa on rc-1 again
    session->commit();
    CHECK(store->stances().size() == 4);
    CHECK(store->stance(StanceId{"rc-1-usa"})->kind == PositionKind::support);
    CHECK(store->stance(StanceId{"rc-1-nld"})->kind == PositionKind::abstain);
    CHECK(store->stance(StanceId{"rc-2-usa"})->kind == PositionKind::oppose);
    CHECK(db.integrity() == "ok");
    // The key holds again after the session: a vote put once more replaces, never doubles.
    put_votes(*store, again);
    CHECK(store->stances().size() == 4);
}

STORE_TEST_CASE("an agenda item put again has the topics of its last put, no more") {
    Dataset d = roll_call_dataset();
    d.topics.push_back(test::topic("other", "Other"));
    d.agenda_items[0].topics = {TopicId{"votes"}, TopicId{"other"}};
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    store->import(d);
    CHECK(store->agenda_items().at(0).topics == std::vector<TopicId>{TopicId{"other"}, TopicId{"votes"}});
    d.agenda_items[0].topics = {TopicId{"votes"}};
    store->import(d);
    CHECK(store->agenda_items().at(0).topics == std::vector<TopicId>{TopicId{"votes"}});
}

// The vote table has no foreign keys since schema version 9: what they refused is refused by the
// write rules, and what the roll call's cascade removed the store removes itself.
STORE_TEST_CASE("removing what votes refer to is refused while they do, and allowed once they are gone") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    store->import(roll_call_dataset());
    put_votes(*store, roll_call_votes());
    const std::vector<Stance> before = store->stances();
    for (const RecordKey& key : {RecordKey{RecordKind::actor, "nld"}, RecordKey{RecordKind::agenda_item, "rc-1"},
                                 RecordKey{RecordKind::meeting, "ga-1"}, RecordKey{RecordKind::topic, "votes"},
                                 RecordKey{RecordKind::document, "votes-csv"}}) {
        CAPTURE(key.id);
        CHECK_THROWS_AS(delete_entity(*store, key), invalid_input_error);
    }
    CHECK(store->stances() == before);

    (void)delete_entity(*store, RecordKey{RecordKind::stance, "rc-1-nld"});
    CHECK_FALSE(store->exists(EntityKind::stance, "rc-1-nld"));
    CHECK_THROWS_AS(delete_entity(*store, RecordKey{RecordKind::agenda_item, "rc-1"}), invalid_input_error);
    (void)delete_entity(*store, RecordKey{RecordKind::actor, "nld"}); // it has no vote left
    CHECK_FALSE(store->exists(EntityKind::actor, "nld"));
    (void)delete_entity(*store, RecordKey{RecordKind::stance, "rc-1-usa"});
    CHECK(store->stances().empty());
    (void)delete_entity(*store, RecordKey{RecordKind::agenda_item, "rc-1"});
    (void)delete_entity(*store, RecordKey{RecordKind::meeting, "ga-1"});
    CHECK_FALSE(store->exists(EntityKind::agenda_item, "rc-1"));
    CHECK_FALSE(store->exists(EntityKind::meeting, "ga-1"));
    if (backend.is_sqlite()) {
        CHECK(count(db, "SELECT count(*) FROM vote") == 0);
        CHECK(count(db, "SELECT count(*) FROM roll_call") == 0);
        CHECK(store->integrity_problems(false).empty());
    }
}

STORE_TEST_CASE("export, import and export again give the same bytes for the UN fixture") {
    const test::ScratchDatabase original_db = backend.create();
    auto first = original_db.open();
    import_fixture(*first);
    const Dataset original = first->to_dataset();
    auto round_trip = [](const std::string& exported, const test::ScratchDatabase& db) {
        auto store = db.open();
        Dataset again = parse_dataset(exported, "export.json", test::unga_fixture());
        validate_dataset(again, "export.json", store.get()); // also orders topics after their parents
        store->import(again);
        return store->to_dataset();
    };
    const Dataset second = round_trip(write_dataset(original), backend.create());
    // Documents given by path are read in on import (the shipped UN tables then carry their text),
    // so the first round trip is compared entity by entity and the second byte for byte.
    CHECK(second.stances == original.stances);
    CHECK(second.agenda_items == original.agenda_items);
    const std::string exported = write_dataset(second);
    const test::ScratchDatabase third = backend.create();
    CHECK(write_dataset(round_trip(exported, third)) == exported);
    // Every vote of the fixture sits in the compact table, none in the general one.
    CHECK(count(third, "SELECT count(*) FROM stance") == 0);
    CHECK(count(third, "SELECT count(*) FROM vote") == static_cast<int>(original.stances.size()));
}

TEST_CASE("a version 3 database of UN votes migrates, and its stances stay the same") {
    test::TempDir dir;
    const std::string path = (dir / "v3.db").string();
    std::vector<Stance> before;
    {
        auto store = Store::open(path);
        (void)import_unga(*store, test::unga_fixture());
        before = store->stances();
    }
    {
        // Turn it into what version 3 wrote: every vote a row of the general table, no vote tables
        // (and none of version 6's history tables).
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec(R"sql(
            INSERT INTO stance (slug, actor_id, topic_id, meeting_id, agenda_item_id, kind, score, document_id,
                                span_start, span_end, effective_date, basis)
            SELECT rc.stance_prefix || a.slug, v.actor_id, v.topic_id, ai.meeting_id, v.agenda_item_id,
                   CASE v.vote WHEN 1 THEN 'support' WHEN 2 THEN 'abstain' WHEN 3 THEN 'oppose'
                               WHEN 8 THEN 'absent' ELSE 'not_member' END,
                   CASE v.vote WHEN 1 THEN 1.0 WHEN 3 THEN -1.0 ELSE 0.0 END, v.document_id, v.span_start,
                   v.span_start + v.span_length, m.date, 'vote'
            FROM vote v JOIN roll_call rc ON rc.agenda_item_id = v.agenda_item_id
            JOIN agenda_item ai ON ai.id = v.agenda_item_id JOIN meeting m ON m.id = ai.meeting_id
            JOIN actor a ON a.id = v.actor_id ORDER BY v.agenda_item_id, a.slug;
            DROP TABLE vote; DROP TABLE roll_call; ALTER TABLE agenda_item DROP COLUMN important;
            ALTER TABLE agenda_item DROP COLUMN amendment; ALTER TABLE agenda_item DROP COLUMN paragraph;
            DROP TABLE change; DROP TABLE change_set; DROP TABLE suggestion; -- version 6
            DROP TABLE stance_review; DROP TABLE coder; -- version 8
            PRAGMA user_version = 3;)sql");
        // One vote with a coder's note, which must stay in the general table.
        db.exec("UPDATE stance SET note = 'checked against the verbatim record' WHERE id = 1");
    }
    REQUIRE(count(path, "SELECT count(*) FROM stance") == static_cast<int>(before.size()));
    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(count(path, "SELECT count(*) FROM stance") == 1);
    CHECK(count(path, "SELECT count(*) FROM vote") == static_cast<int>(before.size()) - 1);
    std::vector<Stance> after = store->stances();
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        after[i].note.clear();
        CHECK(after[i] == before[i]);
    }
}

TEST_CASE("a version 2 database migrates through version 3: its UN votes end in the vote table") {
    test::TempDir dir;
    const std::string path = (dir / "v2.db").string();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        detail::migrate(db, 2);
        db.exec(R"sql(
            INSERT INTO actor (slug, kind, name) VALUES ('nld', 'state', 'Netherlands'), ('usa', 'state', 'United States');
            INSERT INTO topic (slug, label) VALUES ('unga-resolutions', 'UN General Assembly resolutions and motions');
            INSERT INTO body (slug, name) VALUES ('unga', 'United Nations General Assembly');
            INSERT INTO meeting (slug, body_id, date) VALUES ('unga-1-1946-01-04', 1, '1946-01-04');
            INSERT INTO agenda_item (slug, meeting_id, ord, title) VALUES ('unga-rc-5', 1, 1, 'VOTING PROCEDURE');
            INSERT INTO document (slug, path) VALUES ('unvotes-un-votes', 'un_votes.csv');
            INSERT INTO stance (slug, actor_id, topic_id, meeting_id, agenda_item_id, kind, score, document_id,
                                span_start, span_end, effective_date) VALUES
                ('unga-5-usa', 2, 1, 1, 1, 'oppose', -1, 1, 31, 53, '1946-01-04'),
                ('unga-5-nld', 1, 1, 1, 1, 'support', 1, 1, 600, 624, '1946-01-04');)sql");
    }
    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(count(path, "SELECT count(*) FROM stance") == 0);
    CHECK(count(path, "SELECT count(*) FROM vote") == 2);
    const std::vector<Stance> stances = store->stances();
    REQUIRE(stances.size() == 2);
    CHECK(stances[0].id == StanceId{"unga-5-nld"});
    CHECK(stances[0].basis == Basis::vote);
    CHECK(stances[0].kind == PositionKind::support);
    CHECK(stances[0].source == SourceSpan{DocumentId{"unvotes-un-votes"}, 600, 624, std::nullopt});
    CHECK(stances[1].id == StanceId{"unga-5-usa"});
    CHECK(stances[1].score == -1.0);
}

namespace {

std::vector<std::string> column_list(const std::string& path, const char* sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    std::vector<std::string> columns;
    while (query.executeStep()) {
        columns.push_back(query.getColumn(0).getString());
    }
    return columns;
}

// What version 6 wrote: the vote table of version 4, with foreign keys on every reference and the
// by-actor index without the topic.
void make_version_6(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(R"sql(
        CREATE TABLE vote_v6 (
            agenda_item_id INTEGER NOT NULL REFERENCES roll_call(agenda_item_id) ON DELETE CASCADE,
            actor_id INTEGER NOT NULL REFERENCES actor(id), vote INTEGER NOT NULL,
            topic_id INTEGER NOT NULL REFERENCES topic(id),
            document_id INTEGER REFERENCES document(id), span_start INTEGER, span_length INTEGER,
            PRIMARY KEY (agenda_item_id, actor_id)) WITHOUT ROWID;
        INSERT INTO vote_v6 SELECT * FROM vote;
        DROP TABLE vote;
        ALTER TABLE vote_v6 RENAME TO vote;
        CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id);
        DROP TABLE stance_review; DROP TABLE coder; -- version 8
        PRAGMA user_version = 6;)sql");
}

} // namespace

TEST_CASE("a version 6 database of UN votes migrates: the same stances, topics tested in the index") {
    test::TempDir dir;
    const std::string path = (dir / "v6.db").string();
    const std::vector<Stance> before = stances_of_imported_fixture(path);
    make_version_6(path);
    REQUIRE(column_list(path, "SELECT name FROM pragma_index_info('vote_by_actor')").size() == 2);
    REQUIRE(column_list(path, "SELECT \"from\" FROM pragma_foreign_key_list('vote') ORDER BY 1").size() == 4);

    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(store->stances() == before);
    CHECK(count(path, "SELECT count(*) FROM vote") == static_cast<int>(before.size()));
    CHECK(column_list(path, "SELECT name FROM pragma_index_info('vote_by_actor')") ==
          std::vector<std::string>{"actor_id", "agenda_item_id", "topic_id", "vote"});
    // Every reference is resolved from stored rows by the import and guarded against removal by the
    // write rules (versions 7 and 9).
    CHECK(column_list(path, "SELECT \"from\" FROM pragma_foreign_key_list('vote') ORDER BY 1").empty());
    CHECK(store->integrity_problems(false).empty());
    // A topic that votes use still cannot be removed.
    CHECK_THROWS_AS(delete_entity(*store, RecordKey{RecordKind::topic, before.front().topic.str()}),
                    invalid_input_error);
    CHECK(store->stances() == before);
}

namespace {

// What version 8 wrote: the vote table of version 7, whose roll call (with its cascade) and actor
// were foreign keys.
void make_version_8(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(R"sql(
        CREATE TABLE vote_v8 (
            agenda_item_id INTEGER NOT NULL REFERENCES roll_call(agenda_item_id) ON DELETE CASCADE,
            actor_id INTEGER NOT NULL REFERENCES actor(id), vote INTEGER NOT NULL, topic_id INTEGER NOT NULL,
            document_id INTEGER, span_start INTEGER, span_length INTEGER,
            PRIMARY KEY (agenda_item_id, actor_id)) WITHOUT ROWID;
        INSERT INTO vote_v8 SELECT * FROM vote;
        DROP TABLE vote;
        ALTER TABLE vote_v8 RENAME TO vote;
        CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id, topic_id);
        PRAGMA user_version = 8;)sql");
}

} // namespace

TEST_CASE("a version 8 database of UN votes migrates: every vote kept, the vote table without foreign keys") {
    test::TempDir dir;
    const std::string path = (dir / "v8.db").string();
    const std::vector<Stance> before = stances_of_imported_fixture(path);
    make_version_8(path);
    REQUIRE(column_list(path, "SELECT \"from\" FROM pragma_foreign_key_list('vote') ORDER BY 1") ==
            std::vector<std::string>{"actor_id", "agenda_item_id"});
    REQUIRE(count(path, "PRAGMA user_version") == 8);
    const int votes = count(path, "SELECT count(*) FROM vote");
    REQUIRE(votes == static_cast<int>(before.size()));

    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(count(path, "SELECT count(*) FROM vote") == votes);
    CHECK(store->stances() == before);
    CHECK(column_list(path, "SELECT \"from\" FROM pragma_foreign_key_list('vote') ORDER BY 1").empty());
    CHECK(column_list(path, "SELECT name FROM pragma_index_info('vote_by_actor')") ==
          std::vector<std::string>{"actor_id", "agenda_item_id", "topic_id", "vote"});
    CHECK(store->integrity_problems(false).empty());
    // What the foreign keys refused, the write rules still refuse.
    CHECK_THROWS_AS(delete_entity(*store, RecordKey{RecordKind::actor, before.front().actor.str()}),
                    invalid_input_error);
    CHECK_THROWS_AS(delete_entity(*store, RecordKey{RecordKind::agenda_item, before.front().agenda_item->str()}),
                    invalid_input_error);
    CHECK(store->stances() == before);
}

TEST_CASE("a version 9 database of UN votes migrates: the vote joins the by-actor index, every vote kept") {
    test::TempDir dir;
    const std::string path = (dir / "v9.db").string();
    const std::vector<Stance> before = stances_of_imported_fixture(path);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("DROP INDEX vote_by_actor; CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id, topic_id); "
                "PRAGMA user_version = 9;");
    }
    REQUIRE(column_list(path, "SELECT name FROM pragma_index_info('vote_by_actor')").size() == 3);

    auto store = Store::open(path);
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(column_list(path, "SELECT name FROM pragma_index_info('vote_by_actor')") ==
          std::vector<std::string>{"actor_id", "agenda_item_id", "topic_id", "vote"});
    CHECK(store->stances() == before);
    CHECK(store->integrity_problems(false).empty());
    // A read of one actor's votes is answered from the index alone: SQLite's plan says so.
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT agenda_item_id, actor_id, vote FROM vote WHERE actor_id = 1");
    REQUIRE(plan.executeStep());
    CHECK(plan.getColumn(3).getString().find("COVERING INDEX vote_by_actor") != std::string::npos);
}

TEST_CASE("a bulk load into an empty vote table builds the by-actor index at the end, and a rollback keeps it") {
    test::TempDir dir;
    const std::string path = (dir / "votes.db").string();
    const auto index_columns = [&] { return column_list(path, "SELECT name FROM pragma_index_info('vote_by_actor')"); };
    const std::vector<std::string> full{"actor_id", "agenda_item_id", "topic_id", "vote"};
    auto store = Store::open(path);
    (void)import_unga(*store, test::unga_fixture()); // thousands of votes into an empty table
    CHECK(index_columns() == full);
    CHECK(store->integrity_problems(false).empty()); // SQLite compares the rebuilt index with its table
    const std::vector<Stance> votes = store->stances();
    REQUIRE(votes.size() > 1000);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM vote");
    }
    {
        auto session = store->begin_import();
        session->put_stances(votes);
        // destroyed without commit: rolled back, the index with it
    }
    CHECK(index_columns() == full);
    CHECK(count(path, "SELECT count(*) FROM vote") == 0);
    {
        // The same vote twice in one load, the second with another position: the second wins, as it
        // would one vote at a time.
        std::vector<Stance> load = votes;
        Stance changed = votes[5];
        changed.kind = changed.kind == PositionKind::oppose ? PositionKind::support : PositionKind::oppose;
        changed.score = default_score(changed.kind);
        load.push_back(changed);
        auto session = store->begin_import();
        session->put_stances(load);
        session->commit();
        REQUIRE(store->stance(changed.id).has_value());
        CHECK(store->stance(changed.id)->kind == changed.kind);
    }
    std::vector<Stance> expected = votes;
    expected[5].kind = store->stance(votes[5].id)->kind;
    expected[5].score = default_score(expected[5].kind);
    CHECK(store->stances() == expected);
    CHECK(index_columns() == full);
    CHECK(store->integrity_problems(false).empty());
}
