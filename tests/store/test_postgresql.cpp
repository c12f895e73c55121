// The PostgreSQL store against a real server: created on first open, the seed and a UN fixture read
// back exactly as the SQLite store reads them, refusals that leave the database as it was, history
// and undo, one snapshot for a reader while another connection writes, search semantics, and errors
// that show nothing but the user's input. The cases that need a server make their databases as the
// store suite does (backends.hpp), and are skipped, saying why, when there is none.
#include <doctest/doctest.h>

#include "backends.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_schema.hpp"
#include "support.hpp"
#include "unga/unga_fixture.hpp"

using namespace stance;

namespace {

/// A connection to `database` whose writes the history records as by "tester".
std::unique_ptr<Store> open_as_tester(const test::ScratchDatabase& database) {
    OpenOptions options;
    options.author = "tester";
    return database.open(options);
}

std::filesystem::path seed_file() {
    return test::source_dir() / "data/seed/nato-2017-03-31.json";
}

std::unique_ptr<Store> sqlite_with_seed() {
    OpenOptions options;
    options.author = "tester";
    auto store = Store::open(":memory:", options);
    import_dataset_file(*store, seed_file());
    return store;
}

std::vector<std::string> ids(const std::vector<Stance>& stances) {
    std::vector<std::string> out;
    out.reserve(stances.size());
    for (const Stance& stance : stances) {
        out.push_back(stance.id.str());
    }
    return out;
}

std::vector<std::string> search(const Store& store, const std::string& text) {
    StanceFilter filter;
    filter.text = text;
    return ids(store.stances(filter));
}

// The rows of a version-8 database in which recorded votes were rows of the stance table: two
// vote-shaped stances of roll call unga-1-rc (prefix "unga-1-"), one with a coder's note, one
// vote-shaped with another prefix on the same roll call, and a statement.
constexpr const char* version_8_rows = R"sql(
INSERT INTO actor (slug, kind, name) VALUES ('usa', 'state', 'United States'), ('fra', 'state', 'France'),
    ('gbr', 'state', 'United Kingdom'), ('deu', 'state', 'Germany');
INSERT INTO topic (slug, label) VALUES ('un-vote', 'UN vote');
INSERT INTO body (slug, name) VALUES ('unga', 'General Assembly');
INSERT INTO meeting (slug, body_id, date) SELECT 'unga-1', id, '2001-05-01' FROM body;
INSERT INTO agenda_item (slug, meeting_id, ord, title) SELECT 'unga-1-rc', id, 1, 'Resolution 1' FROM meeting;
INSERT INTO document (slug, text) VALUES ('votes-csv', 'usa,yes
fra,no
');
INSERT INTO stance (slug, actor_id, topic_id, meeting_id, agenda_item_id, kind, score, effective_date, basis,
                    document_id, span_start, span_end, note)
SELECT v.slug, a.id, t.id, m.id, ai.id, v.kind, v.score, '2001-05-01', v.basis, d.id, v.span_start, v.span_end, v.note
FROM (VALUES ('unga-1-usa', 'usa', 'support', 1.0, 'vote', 0, 7, ''),
             ('unga-1-fra', 'fra', 'oppose', -1.0, 'vote', NULL, NULL, ''),
             ('unga-1-gbr', 'gbr', 'abstain', 0.0, 'vote', NULL, NULL, 'checked by hand'),
             ('other-1-deu', 'deu', 'support', 1.0, 'vote', NULL, NULL, ''),
             ('usa-says', 'usa', 'support', 1.0, 'statement', NULL, NULL, ''))
    AS v(slug, actor, kind, score, basis, span_start, span_end, note)
JOIN actor a ON a.slug = v.actor CROSS JOIN topic t CROSS JOIN meeting m CROSS JOIN agenda_item ai
LEFT JOIN document d ON v.span_start IS NOT NULL;
)sql";

Stance version_8_stance(const char* id, const char* actor, PositionKind kind, Basis basis) {
    Stance stance;
    stance.id = StanceId{id};
    stance.actor = ActorId{actor};
    stance.topic = TopicId{"un-vote"};
    stance.meeting = MeetingId{"unga-1"};
    stance.agenda_item = AgendaItemId{"unga-1-rc"};
    stance.kind = kind;
    stance.score = default_score(kind);
    stance.basis = basis;
    return stance;
}

/// What version_8_rows hold, as stances.
std::vector<Stance> version_8_stances() {
    std::vector<Stance> stances{version_8_stance("unga-1-usa", "usa", PositionKind::support, Basis::vote),
                                version_8_stance("unga-1-fra", "fra", PositionKind::oppose, Basis::vote),
                                version_8_stance("unga-1-gbr", "gbr", PositionKind::abstain, Basis::vote),
                                version_8_stance("other-1-deu", "deu", PositionKind::support, Basis::vote),
                                version_8_stance("usa-says", "usa", PositionKind::support, Basis::statement)};
    stances[0].source = SourceSpan{DocumentId{"votes-csv"}, 0, 7, std::nullopt};
    stances[2].note = "checked by hand";
    return stances;
}

/// An SQLite store with the entities of version_8_rows and `stances`.
std::unique_ptr<Store> sqlite_with(const std::vector<Stance>& stances) {
    auto store = Store::open(":memory:");
    auto session = store->begin_import();
    for (const char* actor : {"usa", "fra", "gbr", "deu"}) {
        Actor put;
        put.id = ActorId{actor};
        put.name = actor;
        session->put(put);
    }
    Topic topic;
    topic.id = TopicId{"un-vote"};
    topic.label = "UN vote";
    session->put(topic);
    Body body;
    body.id = BodyId{"unga"};
    body.name = "General Assembly";
    session->put(body);
    Meeting meeting;
    meeting.id = MeetingId{"unga-1"};
    meeting.body = body.id;
    meeting.date = *Date::parse("2001-05-01");
    session->put(meeting);
    AgendaItem item;
    item.id = AgendaItemId{"unga-1-rc"};
    item.meeting = meeting.id;
    item.order = 1;
    item.title = "Resolution 1";
    session->put(item);
    Document document;
    document.id = DocumentId{"votes-csv"};
    document.text = "usa,yes\nfra,no\n";
    session->put(document);
    for (const Stance& stance : stances) {
        session->put(stance);
    }
    session->commit();
    return store;
}

/// The stances of `store` in its order, as the dataset format writes them.
std::string stances_text(const Store& store) {
    Dataset stances;
    stances.stances = store.stances();
    return write_dataset(stances);
}

} // namespace

TEST_CASE("PostgreSQL addresses are told from SQLite paths by their form") {
    CHECK(is_postgresql_address("postgresql://stance@localhost/team"));
    CHECK(is_postgresql_address("postgres://localhost:5433/team"));
    CHECK(is_postgresql_address("host=/tmp/pg port=55432 dbname=team"));
    CHECK(is_postgresql_address("  dbname = team"));
    CHECK_FALSE(is_postgresql_address("stance.db"));
    CHECK_FALSE(is_postgresql_address(":memory:"));
    CHECK_FALSE(is_postgresql_address("run=3.db")); // an "=" alone does not make a connection string
    CHECK_FALSE(is_postgresql_address("file::memory:?cache=shared"));
}

POSTGRESQL_TEST_CASE("a password in the address never reaches a message") {
    const std::string message =
        test::message_of([] { (void)Store::open("postgresql://someone:s3cret-word@127.0.0.1:1/nothing"); });
    CHECK(message.find("cannot connect to the PostgreSQL database") != std::string::npos);
    CHECK(message.find("postgresql://someone@127.0.0.1:1/nothing") != std::string::npos);
    CHECK(message.find("s3cret") == std::string::npos);
    const std::string keyword_message =
        test::message_of([] { (void)Store::open("host=127.0.0.1 port=1 dbname=nothing password=s3cret-word"); });
    CHECK(keyword_message.find("s3cret") == std::string::npos);
    CHECK(keyword_message.find("password=***") != std::string::npos);
}

POSTGRESQL_TEST_CASE("a new PostgreSQL database gets the current schema, and opens again as it is") {
    const test::ScratchDatabase database = backend.create();
    {
        auto store = open_as_tester(database);
        CHECK(store->schema_version() == Store::current_schema_version);
        CHECK(store->actors().empty());
        CHECK(store->stances().empty());
        CHECK(store->integrity_problems(false).empty());
    }
    auto again = open_as_tester(database);
    CHECK(again->schema_version() == Store::current_schema_version);
    OpenOptions read_only;
    read_only.read_only = true;
    CHECK(Store::open(database.address(), read_only)->schema_version() == Store::current_schema_version);
}

POSTGRESQL_TEST_CASE("a database with another program's tables is refused untouched") {
    const test::ScratchDatabase database = backend.create();
    {
        detail::PgConnection other(database.address());
        other.script("CREATE TABLE inventory (item text)");
    }
    const std::string message = test::message_of([&] { (void)open_as_tester(database); });
    CHECK(message.find("is not a stance database; stance leaves it as it is") != std::string::npos);
    detail::PgConnection check(database.address());
    CHECK(check.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").integer(0, 0) == 1);
}

POSTGRESQL_TEST_CASE("the seed reads back from PostgreSQL exactly as from SQLite") {
    const test::ScratchDatabase database = backend.create();
    auto postgres = open_as_tester(database);
    import_dataset_file(*postgres, seed_file());
    auto sqlite = sqlite_with_seed();
    CHECK(write_dataset(postgres->to_dataset()) == write_dataset(sqlite->to_dataset()));
    CHECK(ids(postgres->stances()) == ids(sqlite->stances())); // date, meeting, id order
    StanceFilter netherlands;
    netherlands.actors = {ActorId{"nld"}};
    netherlands.include_named_members = true;
    CHECK(ids(postgres->stances(netherlands)) == ids(sqlite->stances(netherlands)));
    // Importing it again changes nothing and records nothing.
    import_dataset_file(*postgres, seed_file());
    CHECK(write_dataset(postgres->to_dataset()) == write_dataset(sqlite->to_dataset()));
    HistoryFilter all;
    CHECK(postgres->change_sets(all).size() == 1);
}

POSTGRESQL_TEST_CASE("search means on PostgreSQL what it means on SQLite") {
    const test::ScratchDatabase database = backend.create();
    auto postgres = open_as_tester(database);
    import_dataset_file(*postgres, seed_file());
    auto sqlite = sqlite_with_seed();
    for (const char* text : {"brede steun", "\"brede steun\"", "Rusland", "rusland OR Oekraïne", "dialoog -Rusland",
                             "NOT dialoog", "sanct*", "defensie-uitgaven", "\"it's\"", "...", "o'brien \\ 'x'"}) {
        const std::string typed = text;
        CAPTURE(typed);
        CHECK(search(*postgres, typed) == search(*sqlite, typed));
    }
    CHECK_FALSE(search(*postgres, "Rusland").empty());
}

POSTGRESQL_TEST_CASE("UN votes import into PostgreSQL and read back as from SQLite") {
    const test::ScratchDatabase database = backend.create();
    auto postgres = open_as_tester(database);
    UngaImportOptions options;
    options.full_codes_directory = test::unga_fixture();
    (void)import_unga(*postgres, test::unga_fixture(), options);
    auto sqlite = Store::open(":memory:");
    (void)import_unga(*sqlite, test::unga_fixture(), options);
    CHECK(write_dataset(postgres->to_dataset()) == write_dataset(sqlite->to_dataset()));
    StanceFilter usa;
    usa.actors = {ActorId{"usa"}};
    usa.positions_only = true;
    CHECK(ids(postgres->stances(usa)) == ids(sqlite->stances(usa)));
    CHECK(postgres->recorded_votes(usa).casts.size() == sqlite->recorded_votes(usa).casts.size());
    CHECK(postgres->change_sets(HistoryFilter{}).front().bulk_stances > 0);
}

POSTGRESQL_TEST_CASE("a version 8 database migrates: vote-shaped stances move to the vote table (version 9), whose "
                     "by-actor index holds the vote (version 10)") {
    const test::ScratchDatabase database = backend.create();
    {
        detail::PgConnection db(database.address());
        detail::pg_migrate(db, 8, "the test database");
        db.script(version_8_rows);
    }
    auto store = open_as_tester(database);
    CHECK(store->schema_version() == Store::current_schema_version);
    CHECK(database.sql("SELECT string_agg(a.attname, ' ' ORDER BY k.n) FROM pg_index i "
                       "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
                       "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                       "WHERE i.indexrelid = 'vote_by_actor'::regclass") == "actor_id agenda_item_id topic_id vote");
    // The two plain votes with the roll call's prefix moved; the annotated one, the one with
    // another prefix and the statement stayed.
    CHECK(database.sql("SELECT count(*) FROM vote") == "2");
    CHECK(database.sql("SELECT stance_prefix FROM roll_call") == "unga-1-");
    CHECK(database.sql("SELECT string_agg(slug, ' ' ORDER BY slug) FROM stance") == "other-1-deu unga-1-gbr usa-says");
    // Read back as the SQLite store reads the same stances: ids, spans, kinds, order.
    const std::vector<Stance> stances = version_8_stances();
    CHECK(stances_text(*store) == stances_text(*sqlite_with(stances)));
    const std::optional<Stance> usa = store->stance(StanceId{"unga-1-usa"});
    REQUIRE(usa.has_value());
    REQUIRE(usa->source.has_value());
    CHECK(usa->source->end == 7);
    CHECK(store->exists(EntityKind::stance, "unga-1-fra"));
    CHECK_FALSE(store->exists(EntityKind::stance, "unga-1-nzl"));
    CHECK(store->integrity_problems(false).empty());

    // Rewritten, a vote with a note leaves the vote table and one without it enters it.
    std::vector<Stance> rewritten = stances;
    rewritten[1].note = "recorded as absent in the journal";
    rewritten[2].note.clear();
    {
        auto session = store->begin_import();
        session->put_stances(rewritten);
        session->commit();
    }
    CHECK(
        database.sql("SELECT string_agg(a.slug, ' ' ORDER BY a.slug) FROM vote v JOIN actor a ON a.id = v.actor_id") ==
        "gbr usa");
    CHECK(stances_text(*store) == stances_text(*sqlite_with(rewritten)));
    const RecordedVotes votes = store->recorded_votes(StanceFilter{});
    CHECK(votes.casts.size() == sqlite_with(rewritten)->recorded_votes(StanceFilter{}).casts.size());
}

POSTGRESQL_TEST_CASE("a refused write leaves the PostgreSQL database as it was") {
    const test::ScratchDatabase database = backend.create();
    auto store = open_as_tester(database);
    import_dataset_file(*store, seed_file());
    const std::string before = write_dataset(store->to_dataset());

    Dataset broken = store->to_dataset();
    broken.stances.front().score = 7.0; // outside every kind's range
    broken.stances.back().quote = "a changed quote that would be written if the import went through";
    CHECK_THROWS_AS(store->import(broken), invalid_input_error);
    CHECK(write_dataset(store->to_dataset()) == before);

    {
        // A reference that turns out unknown fails the write: the session refuses to go on or commit.
        auto session = store->begin_import();
        Stance orphan = store->stances().front();
        orphan.id = StanceId{"orphan"};
        orphan.actor = ActorId{"nobody-of-that-name"};
        CHECK_THROWS(session->put(orphan));
        CHECK_THROWS_AS(session->commit(), storage_error);
    }
    CHECK(write_dataset(store->to_dataset()) == before);
    CHECK(store->change_sets(HistoryFilter{}).size() == 1);

    // A removal of what is still referred to is refused with who refers to it.
    const std::string message = test::message_of([&] { delete_entity(*store, RecordKey{RecordKind::actor, "nld"}); });
    CHECK(message.find("stances") != std::string::npos);
    CHECK(write_dataset(store->to_dataset()) == before);
}

POSTGRESQL_TEST_CASE("history and undo work on PostgreSQL as on SQLite") {
    const test::ScratchDatabase database = backend.create();
    auto store = open_as_tester(database);
    import_dataset_file(*store, seed_file());
    const std::string imported = write_dataset(store->to_dataset());
    const StanceId nrc_dialogue{"nld-continue-nrc-dialogue-vigorously"};
    StanceEdit edit;
    edit.note = "checked against the letter";
    edit.kind = PositionKind::conditional;
    (void)edit_stance(*store, nrc_dialogue, edit);
    CHECK(store->stance(nrc_dialogue)->kind == PositionKind::conditional);

    HistoryFilter of_stance;
    of_stance.entity = nrc_dialogue.str();
    const std::vector<ChangeSet> sets = store->change_sets(of_stance);
    REQUIRE(sets.size() == 2);
    CHECK(sets.front().action == "edit");
    CHECK(sets.front().by == "tester");
    REQUIRE(sets.front().changes.size() == 1);
    CHECK_FALSE(changed_fields(sets.front().changes.front()).empty());

    const std::int64_t undo = undo_change_set(*store, sets.front().id);
    CHECK(write_dataset(store->to_dataset()) == imported);
    const std::vector<ChangeSet> after = store->change_sets(HistoryFilter{});
    CHECK(after.front().id == undo);
    CHECK(after.front().undoes == sets.front().id);
    CHECK(after.at(1).undone_by == undo);
    CHECK_THROWS_AS(undo_change_set(*store, sets.front().id), invalid_input_error); // already undone

    // The history is append-only in the database itself.
    detail::PgConnection direct(database.address());
    CHECK_THROWS_AS(direct.script("DELETE FROM change_set"), detail::PgFailure);
    CHECK_THROWS_AS(direct.script("UPDATE change SET after = NULL"), detail::PgFailure);
}

POSTGRESQL_TEST_CASE("a suggestion is stored, replaced and removed on PostgreSQL") {
    const test::ScratchDatabase database = backend.create();
    auto store = open_as_tester(database);
    import_dataset_file(*store, seed_file());
    Suggestion suggestion;
    suggestion.document = store->documents().front().id;
    suggestion.start = 0;
    suggestion.end = 10;
    suggestion.actor = ActorId{"nld"};
    suggestion.cues = {"steunt", "benadrukt"};
    std::int64_t id = 0;
    {
        auto session = store->begin_import();
        id = session->put(suggestion);
        session->commit();
    }
    const std::vector<Suggestion> stored = store->suggestions();
    REQUIRE(stored.size() == 1);
    CHECK(stored.front().id == id);
    CHECK(stored.front().cues == suggestion.cues);
    suggestion.end = 1'000'000'000; // past the text
    auto session = store->begin_import();
    CHECK_THROWS_AS(session->put(suggestion), invalid_input_error);
}

namespace {

/// The vote table's index definitions, one a line in name order, as the catalog gives them.
std::string vote_indexes(const test::ScratchDatabase& database) {
    return database.sql("SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes "
                        "WHERE schemaname = current_schema() AND tablename = 'vote'");
}

} // namespace

// A load into the empty vote table sets its indexes aside and builds them before it commits
// (pg_vote_indexes.cpp); with a reader on the table it keeps them up instead of waiting for it.
POSTGRESQL_TEST_CASE("a vote load into the empty table ends with the schema's indexes, and waits for no reader") {
    const test::ScratchDatabase fresh = backend.create();
    (void)open_as_tester(fresh);
    const std::string schema_indexes = vote_indexes(fresh);
    REQUIRE(schema_indexes.find("vote_pkey") != std::string::npos);
    REQUIRE(schema_indexes.find("vote_by_actor") != std::string::npos);
    UngaImportOptions options;
    options.full_codes_directory = test::unga_fixture();
    auto sqlite = Store::open(":memory:");
    (void)import_unga(*sqlite, test::unga_fixture(), options);
    const std::string expected = write_dataset(sqlite->to_dataset());

    SUBCASE("alone: the indexes are built at the end") {
        const test::ScratchDatabase database = backend.create();
        auto postgres = open_as_tester(database);
        (void)import_unga(*postgres, test::unga_fixture(), options);
        CHECK(vote_indexes(database) == schema_indexes);
        CHECK(write_dataset(postgres->to_dataset()) == expected);
        CHECK(database.integrity() == "ok");
    }
    SUBCASE("beside an open read of the vote table: it goes on without waiting") {
        const test::ScratchDatabase database = backend.create();
        auto postgres = open_as_tester(database);
        detail::PgConnection reader(database.address());
        reader.script("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM vote");
        (void)import_unga(*postgres, test::unga_fixture(), options);
        CHECK(reader.query("SELECT count(*) FROM vote").integer(0, 0) == 0); // its snapshot
        reader.script("COMMIT");
        CHECK(vote_indexes(database) == schema_indexes);
        CHECK(write_dataset(postgres->to_dataset()) == expected);
    }
}

POSTGRESQL_TEST_CASE("a snapshot on PostgreSQL sees one state while another connection writes") {
    const test::ScratchDatabase database = backend.create();
    auto writer = open_as_tester(database);
    import_dataset_file(*writer, seed_file());
    auto reader = open_as_tester(database);
    const std::size_t stances = reader->stances().size();
    {
        const auto snapshot = reader->read_snapshot();
        REQUIRE(snapshot != nullptr);
        CHECK(reader->stances().size() == stances); // the snapshot's first read fixes it
        delete_entity(*writer, RecordKey{RecordKind::stance, "nld-continue-nrc-dialogue-vigorously"});
        CHECK(writer->stances().size() == stances - 1);
        CHECK(reader->stances().size() == stances);
        CHECK(reader->stance(StanceId{"nld-continue-nrc-dialogue-vigorously"}).has_value());
    }
    CHECK(reader->stances().size() == stances - 1);
}

POSTGRESQL_TEST_CASE("a second writer waits for the first, and gives up with busy_error") {
    const test::ScratchDatabase database = backend.create();
    auto first = open_as_tester(database);
    import_dataset_file(*first, seed_file());
    OpenOptions impatient;
    impatient.busy_timeout_ms = 200;
    auto second = Store::open(database.address(), impatient);
    auto holding = first->begin_import();
    CHECK_THROWS_AS((void)second->begin_import(), busy_error);
}
