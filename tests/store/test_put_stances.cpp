// ImportSession::put_stances, the batched write the UN vote import uses, must store exactly what
// put() stores, one stance at a time, including on re-import and with included members.
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

/// Writes `dataset` with its stances through put() or put_stances().
void write(Store& store, const Dataset& dataset, bool batched) {
    Dataset without_stances = dataset;
    without_stances.stances.clear();
    store.import(without_stances);
    auto session = store.begin_import();
    if (batched) {
        session->put_stances(dataset.stances);
    } else {
        for (const Stance& stance : dataset.stances) {
            session->put(stance);
        }
    }
    session->commit();
}

/// The example's stance many times over, with included members on some, and an absence.
Dataset grown() {
    Dataset dataset = example();
    REQUIRE_FALSE(dataset.stances.empty());
    const Stance model = dataset.stances.front();
    for (int i = 0; i < 50; ++i) {
        Stance copy = model;
        copy.id = StanceId{"bulk-" + std::to_string(i)};
        copy.kind = i % 5 == 0 ? PositionKind::absent : PositionKind::oppose;
        copy.score = i % 5 == 0 ? 0.0 : -1.0;
        copy.includes.clear();
        if (i % 7 == 0) {
            copy.includes.push_back(dataset.actors.front().id);
        }
        dataset.stances.push_back(copy);
    }
    return dataset;
}

} // namespace

STORE_TEST_CASE("put_stances stores what put stores") {
    const Dataset dataset = grown();
    const test::ScratchDatabase first = backend.create();
    const test::ScratchDatabase second = backend.create();
    auto one_by_one = first.open();
    auto batched = second.open();
    write(*one_by_one, dataset, false);
    write(*batched, dataset, true);
    CHECK(batched->to_dataset() == one_by_one->to_dataset());

    // Kinds are stored as text: the positions-only filter (a comparison in SQL) drops the absences.
    StanceFilter positions;
    positions.positions_only = true;
    CHECK(batched->stances(positions).size() == one_by_one->stances(positions).size());
    CHECK(batched->stances(positions).size() == dataset.stances.size() - 10);
}

STORE_TEST_CASE("put_stances updates on re-import and replaces included members") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    Dataset dataset = grown();
    write(*store, dataset, true);
    for (Stance& stance : dataset.stances) {
        stance.includes.clear();
        stance.kind = PositionKind::support;
        stance.score = 1.0;
    }
    write(*store, dataset, true);
    const Dataset stored = store->to_dataset();
    CHECK(stored.stances.size() == dataset.stances.size());
    for (const Stance& stance : stored.stances) {
        CHECK(stance.includes.empty());
        CHECK(stance.kind == PositionKind::support);
    }
    if (backend.is_sqlite()) { // SQLite's columns take any type: the kinds must still be stored as text
        CHECK(db.sql("SELECT count(*) FROM stance WHERE typeof(kind) <> 'text' OR typeof(breadth) <> 'text'") == "0");
    }
}

STORE_TEST_CASE("put_stances refuses an unknown reference and the session cannot be committed") {
    const test::ScratchDatabase db = backend.create();
    auto store = db.open();
    Dataset dataset = example();
    Dataset without_stances = dataset;
    without_stances.stances.clear();
    store->import(without_stances);
    Stance broken = dataset.stances.front();
    broken.actor = ActorId{"atlantis"};
    auto session = store->begin_import();
    CHECK_THROWS_WITH_AS(session->put_stances(std::span<const Stance>(&broken, 1)),
                         doctest::Contains("unknown actor \"atlantis\""), invalid_input_error);
    CHECK_THROWS_AS(session->commit(), storage_error);
    session.reset();
    CHECK(store->stances().empty());
}
