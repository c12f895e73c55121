// copy_store (stance copy): a whole database into a new one of this backend and back into SQLite
// exports the same bytes as the original; suggestions keep their ids; the copy is one change set;
// a target that holds anything is refused; a copy stopped half way leaves the target empty.
#include <doctest/doctest.h>

#include "backends.hpp"
#include "stance/coding/review.hpp"
#include "stance/coding/suggest.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/io/export.hpp"
#include "stance/store/copy.hpp"
#include "stance/unga/import.hpp"
#include "support.hpp"
#include "unga/unga_fixture.hpp"

using namespace stance;

namespace {

const DocumentId letter{"nl-mfa-letter-nac-fm-2017-03-31"};

/// An SQLite database holding the seed report with suggestions stored for its letter (one
/// rejected), and the UN fixture with its full codes: entities, stances, votes and suggestions.
test::ScratchDatabase original() {
    test::ScratchDatabase db = test::sqlite_backend().create();
    auto store = db.open();
    import_dataset_file(*store, test::source_dir() / "data/seed/nato-2017-03-31.json");
    SuggestOptions options;
    options.speaker_actor = ActorId{"nld"};
    const Lexicon lexicon = load_lexicon(test::source_dir() / "data/lexicons");
    (void)store_suggestions(
        *store, letter,
        as_suggestions(suggest_stances(*store->document(letter), store->to_dataset(), lexicon, options), letter,
                       "sha"));
    (void)reject_suggestion(*store, store->suggestions().front().id, "a procedural sentence");
    UngaImportOptions unga;
    unga.full_codes_directory = test::unga_fixture();
    (void)import_unga(*store, test::unga_fixture(), unga);
    return db;
}

/// What `stance export` writes for the whole store.
std::string exported(const Store& store) {
    std::string text;
    export_dataset(store, [&text](std::string_view piece) { text += piece; });
    return text;
}

} // namespace

STORE_TEST_CASE("a copy into this backend and back into SQLite exports the same bytes as the original") {
    const test::ScratchDatabase source = original();
    const auto from = source.open(OpenOptions{.read_only = true});
    const test::ScratchDatabase there = backend.create();
    const test::ScratchDatabase back = test::sqlite_backend().create();
    const CopySummary out = copy_store(*from, *there.open());
    const CopySummary home = copy_store(*there.open(), *back.open());

    const std::string expected = exported(*from);
    CHECK(exported(*there.open()) == expected);
    CHECK(exported(*back.open()) == expected);
    CHECK(there.open()->suggestions() == from->suggestions()); // ids and reviews too
    CHECK(out.stances == from->stances().size());
    CHECK(out.votes > 1000);
    CHECK(out.suggestions > 10);
    CHECK(home.entities == out.entities);
    CHECK(home.stances == out.stances);
    CHECK(home.votes == out.votes);
    CHECK(home.suggestions == out.suggestions);
    CHECK(out.source_last_change_set == from->change_sets({}).front().id);
}

STORE_TEST_CASE("the copy is the first change set of the new database: every entity created, the votes counted") {
    const test::ScratchDatabase source = original();
    const test::ScratchDatabase there = backend.create();
    ChangeNote note;
    note.by = "archivist";
    const CopySummary summary = copy_store(*source.open(), *there.open(), note);
    const std::vector<ChangeSet> history = there.open()->change_sets({});
    REQUIRE(history.size() == 1);
    CHECK(history.front().id == summary.change_set);
    CHECK(history.front().action == "copy");
    CHECK(history.front().by == "archivist");
    CHECK(history.front().bulk_stances == summary.votes);
    CHECK(history.front().changes.size() == summary.entities + (summary.stances - summary.votes) + summary.suggestions);
    for (const EntityChange& change : history.front().changes) {
        CHECK_FALSE(change.before.has_value());
    }
}

STORE_TEST_CASE("a copy into a database that holds anything is refused and writes nothing") {
    const test::ScratchDatabase source = original();
    const test::ScratchDatabase target = backend.create();
    import_dataset_file(*target.open(), test::source_dir() / "examples/data/small-dataset.json");
    const std::string before = exported(*target.open());
    const std::string message = test::message_of([&] { (void)copy_store(*source.open(), *target.open()); });
    CHECK(message.find("copy target: it has a history of changes; copy into a new database") == 0);
    CHECK(exported(*target.open()) == before);
    CHECK(target.open()->change_sets({}).size() == 1);
}

STORE_TEST_CASE("a copy stopped half way leaves the new database empty") {
    const test::ScratchDatabase source = original();
    const test::ScratchDatabase target = backend.create();
    const auto stop_at_stances = [](const CopyProgress& progress) {
        if (progress.stage == "stances") {
            throw storage_error("stopped by the test");
        }
    };
    CHECK_THROWS_WITH(copy_store(*source.open(), *target.open(), {}, stop_at_stances), "stopped by the test");
    const auto store = target.open();
    CHECK(store->to_dataset() == Dataset{});
    CHECK(store->suggestions().empty());
    CHECK(store->change_sets({}).empty());
    (void)copy_store(*source.open(), *store); // and it is still new: a second try succeeds
    CHECK(exported(*store) == exported(*source.open()));
}
