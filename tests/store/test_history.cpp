// The append-only history: every write recorded with its before and after, edit, delete and undo
// through the checked write path, and the refusals (conflicts, references, bulk imports).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "backends.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

using namespace stance;

namespace {

std::unique_ptr<Store> seeded_store(const test::ScratchDatabase& db) {
    OpenOptions options;
    options.author = "tester";
    auto store = db.open(options);
    import_dataset_file(*store, test::source_dir() / "data/seed/nato-2017-03-31.json");
    return store;
}

const StanceId nrc_dialogue{"nld-continue-nrc-dialogue-vigorously"};

std::vector<ChangeSet> latest(const Store& store, std::size_t limit = 20) {
    HistoryFilter filter;
    filter.limit = limit;
    return store.change_sets(filter);
}

} // namespace

STORE_TEST_CASE("an import is one change set with every entity created, and an unchanged re-import records nothing") {
    auto db = backend.create();
    auto store = seeded_store(db);
    const std::vector<ChangeSet> sets = latest(*store);
    REQUIRE(sets.size() == 1);
    CHECK(sets.front().action == "import");
    CHECK(sets.front().by == "tester");
    CHECK(sets.front().at.size() == 20); // 2026-12-01T22:40:00Z
    CHECK(sets.front().summary.find("nato-2017-03-31.json") != std::string::npos);
    const Dataset seed = store->to_dataset();
    // Every entity once, created (the seed has no memberships of one member in one group twice).
    std::size_t created = 0;
    for (const EntityChange& change : sets.front().changes) {
        CHECK_FALSE(change.before.has_value());
        created += change.after.has_value() ? 1U : 0U;
    }
    CHECK(created == seed.documents.size() + seed.actors.size() + seed.memberships.size() + seed.roles.size() +
                         seed.topics.size() + seed.propositions.size() + seed.bodies.size() + seed.meetings.size() +
                         seed.agenda_items.size() + seed.participants.size() + seed.stances.size());
    import_dataset_file(*store, test::source_dir() / "data/seed/nato-2017-03-31.json");
    CHECK(latest(*store).size() == 1);
}

STORE_TEST_CASE(
    "an edit is recorded with the fields it changed; a new quote is located, typographic variants allowed") {
    auto db = backend.create();
    auto store = seeded_store(db);
    const Stance before = *store->stance(nrc_dialogue);
    StanceEdit edit;
    edit.note = "checked against the letter";
    edit.kind = PositionKind::conditional;
    const Stance after = edit_stance(*store, nrc_dialogue, edit);
    CHECK(after.kind == PositionKind::conditional);
    CHECK(after.score == default_score(PositionKind::conditional));
    CHECK(*store->stance(nrc_dialogue) == after);

    HistoryFilter filter;
    filter.entity = nrc_dialogue.str();
    const std::vector<ChangeSet> history = store->change_sets(filter);
    REQUIRE(history.size() == 2); // the import, then the edit
    CHECK(history.front().action == "edit");
    REQUIRE(history.front().changes.size() == 1);
    std::vector<std::string> fields;
    for (const FieldChange& field : changed_fields(history.front().changes.front())) {
        fields.push_back(field.field);
    }
    CHECK(fields == std::vector<std::string>{"position", "score", "note"});
    CHECK(history.front().changes.front().before == entity_json(before));

    // The quote typed with straight apostrophes; the document has curly ones.
    StanceEdit requote;
    requote.quote = "Vooral het onderwerp van vermindering van risico's en militaire transparantie";
    const Stance requoted = edit_stance(*store, nrc_dialogue, requote);
    REQUIRE(requoted.source.has_value());
    CHECK(requoted.source->start == 7712);
    CHECK(requoted.source->end == 7792);
    // The stored quote is the document's own text of the span, its line break included.
    CHECK(requoted.quote == store->document(requoted.source->document)->text.substr(7712, 80));
    CHECK(requoted.quote.find("risico’s") != std::string::npos);
}

STORE_TEST_CASE("edits that break a rule, or name nothing, are refused and change nothing") {
    auto db = backend.create();
    auto store = seeded_store(db);
    const std::string before = write_dataset(store->to_dataset());
    StanceEdit contradictory;
    contradictory.kind = PositionKind::oppose;
    contradictory.score = 0.5;
    CHECK_THROWS_AS(edit_stance(*store, nrc_dialogue, contradictory), invalid_input_error);
    StanceEdit missing_quote;
    missing_quote.quote = "words that the letter never says";
    CHECK(test::message_of([&] { edit_stance(*store, nrc_dialogue, missing_quote); }).find("not in") !=
          std::string::npos);
    CHECK_THROWS_AS(edit_stance(*store, StanceId{"no-such-stance"}, contradictory), not_found_error);
    CHECK_THROWS_AS(edit_stance(*store, nrc_dialogue, StanceEdit{}), invalid_input_error);
    CHECK(write_dataset(store->to_dataset()) == before);
    CHECK(latest(*store).size() == 1);
}

STORE_TEST_CASE("a deleted stance comes back byte-identically on export when its delete is undone") {
    auto db = backend.create();
    auto store = seeded_store(db);
    const std::string exported = write_dataset(store->to_dataset());
    const std::int64_t deletion = delete_entity(*store, RecordKey{RecordKind::stance, nrc_dialogue.str()});
    CHECK_FALSE(store->stance(nrc_dialogue).has_value());
    CHECK(latest(*store).front().action == "delete");
    const std::int64_t undo = undo_change_set(*store, deletion);
    CHECK(write_dataset(store->to_dataset()) == exported);
    const ChangeSet undone = latest(*store).front();
    CHECK(undone.id == undo);
    CHECK(undone.action == "undo");
    CHECK(undone.undoes == deletion);
    // Undoing twice is refused; undoing the undo deletes it again.
    CHECK(test::message_of([&] { undo_change_set(*store, deletion); }).find("already undone by change set") !=
          std::string::npos);
    undo_change_set(*store, undo);
    CHECK_FALSE(store->stance(nrc_dialogue).has_value());
}

STORE_TEST_CASE("a record something refers to is not deleted; the refusal says how many and which") {
    auto db = backend.create();
    auto store = seeded_store(db);
    const std::string before = write_dataset(store->to_dataset());
    const std::string message = test::message_of([&] {
        delete_entity(*store, RecordKey{RecordKind::document, "nl-mfa-letter-nac-fm-2017-03-31"});
    });
    CHECK(message.find("document \"nl-mfa-letter-nac-fm-2017-03-31\": cannot be deleted while other records refer to "
                       "it: 46 stances (") != std::string::npos);
    CHECK(message.find(", …)") != std::string::npos);
    CHECK_THROWS_AS(delete_entity(*store, RecordKey{RecordKind::actor, "nld"}), invalid_input_error);
    CHECK_THROWS_AS(delete_entity(*store, RecordKey{RecordKind::stance, "no-such-stance"}), not_found_error);
    CHECK(write_dataset(store->to_dataset()) == before);
    CHECK(latest(*store).size() == 1);
}

STORE_TEST_CASE("an undo that would overwrite a later change is refused, naming the later change set") {
    auto db = backend.create();
    auto store = seeded_store(db);
    const std::string coded_note = store->stance(nrc_dialogue)->note;
    StanceEdit first;
    first.note = "first";
    edit_stance(*store, nrc_dialogue, first);
    const std::int64_t first_edit = latest(*store).front().id;
    StanceEdit second;
    second.note = "second";
    ChangeNote by_alice;
    by_alice.by = "alice";
    edit_stance(*store, nrc_dialogue, second, by_alice);
    const std::int64_t second_edit = latest(*store).front().id;
    const std::string message = test::message_of([&] { undo_change_set(*store, first_edit); });
    CHECK(message.find(fmt::format("stance \"{}\" was changed since by change set {} (edit by alice at",
                                   nrc_dialogue.str(), second_edit)) != std::string::npos);
    CHECK(store->stance(nrc_dialogue)->note == "second");
    undo_change_set(*store, second_edit);
    undo_change_set(*store, first_edit);
    CHECK(store->stance(nrc_dialogue)->note == coded_note);
    CHECK_THROWS_AS(undo_change_set(*store, 999), not_found_error);
}

STORE_TEST_CASE("undoing a whole import takes out everything it created, last written first") {
    auto db = backend.create();
    auto store = seeded_store(db);
    undo_change_set(*store, latest(*store).back().id);
    CHECK(store->to_dataset() == Dataset{});
    CHECK(latest(*store).size() == 2);
}

STORE_TEST_CASE("bulk stances are counted in their change set, not recorded, and such a change set is not undone") {
    auto db = backend.create();
    auto store = seeded_store(db);
    Stance copy = *store->stance(nrc_dialogue);
    std::vector<Stance> batch;
    for (int i = 0; i < 3; ++i) {
        copy.id = StanceId{fmt::format("bulk-{}", i)};
        batch.push_back(copy);
    }
    auto session = store->begin_import();
    session->put_stances(batch);
    session->commit();
    const ChangeSet bulk = latest(*store).front();
    CHECK(bulk.bulk_stances == 3);
    CHECK(bulk.changes.empty());
    CHECK(test::message_of([&] { undo_change_set(*store, bulk.id); }).find("wrote 3 stances in bulk") !=
          std::string::npos);
}

STORE_TEST_CASE("nothing updates or deletes the history, not even SQL written by hand") {
    auto db = backend.create();
    import_dataset_file(*db.open(), test::source_dir() / "examples/data/small-dataset.json");
    CHECK_THROWS_WITH((void)db.sql("UPDATE change_set SET made_by = 'someone else'"),
                      doctest::Contains("the history is append-only"));
    CHECK_THROWS_WITH((void)db.sql("DELETE FROM change_set"), doctest::Contains("the history is append-only"));
    CHECK_THROWS_WITH((void)db.sql("UPDATE change SET after = NULL"), doctest::Contains("the history is append-only"));
    CHECK_THROWS_WITH((void)db.sql("DELETE FROM change"), doctest::Contains("the history is append-only"));
    CHECK(std::stoi(db.sql("SELECT count(*) FROM change")) > 0);
}

STORE_TEST_CASE("a database opened read-only refuses edit, delete and undo, and its history stays as it was") {
    auto db = backend.create();
    import_dataset_file(*db.open(), test::source_dir() / "examples/data/small-dataset.json");
    OpenOptions read_only;
    read_only.read_only = true;
    auto store = db.open(read_only);
    const RecordKey stance{RecordKind::stance, "example-stance"};
    CHECK_THROWS_AS(delete_entity(*store, stance), storage_error);
    CHECK_THROWS_AS(undo_change_set(*store, 1), storage_error);
    StanceEdit edit;
    edit.note = "x";
    CHECK_THROWS_AS(edit_stance(*store, StanceId{stance.id}, edit), storage_error);
    CHECK(store->change_sets({}).size() == 1);
    CHECK(store->stance(StanceId{stance.id}).has_value());
}
