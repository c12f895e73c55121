// The facade (stance/database.hpp): references in any language, every query equal to the free
// function it wraps, the catalog rebuilt after each write, errors of the library's kinds.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "query/query_fixture.hpp"
#include "stance/database.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/resolve.hpp"
#include "unga/unga_fixture.hpp"

using namespace stance;

namespace {

Database seed_database() {
    Database db = Database::open(":memory:");
    (void)db.import_file(test::seed_dataset());
    return db;
}

Database unga_database() {
    Database db = Database::open(":memory:");
    UngaImportOptions options;
    options.full_codes_directory = test::unga_fixture();
    (void)db.import_unga(test::unga_fixture(), options);
    return db;
}

std::vector<std::string> ids_of(const std::vector<ActorStance>& points) {
    std::vector<std::string> ids;
    ids.reserve(points.size());
    for (const ActorStance& point : points) {
        ids.push_back(point.stance.id.str());
    }
    return ids;
}

std::vector<std::string> ids_of(const std::vector<Stance>& stances) {
    std::vector<std::string> ids;
    ids.reserve(stances.size());
    for (const Stance& stance : stances) {
        ids.push_back(stance.id.str());
    }
    return ids;
}

} // namespace

TEST_CASE("references in any language name the same actor, topic and meeting") {
    const Database db = seed_database();
    CHECK(db.actor("NL") == ActorId{"nld"});
    CHECK(db.actor("Nederland") == ActorId{"nld"});
    CHECK(db.actor("netherlands") == ActorId{"nld"});
    CHECK(db.topic("Rusland") == TopicId{"russia"});
    CHECK(db.meeting("2017-03-31") == MeetingId{"nac-fm-2017-03-31"});
    const auto failure = test::failure_of([&] { (void)db.actor("Atlantis"); });
    CHECK(std::string(failure.what()).find("Atlantis") != std::string::npos);
}

TEST_CASE("the facade's evolution, snapshot and compare equal the free functions'") {
    const Database db = seed_database();
    const Catalog catalog{db.store()};
    EvolutionOptions by_year;
    by_year.by = Period::year;
    const Evolution mine = db.evolution("Nederland", "Rusland", by_year);
    const Evolution theirs = evolution(db.store(), catalog, ActorId{"nld"}, TopicId{"russia"}, by_year);
    REQUIRE_FALSE(mine.points.empty());
    CHECK(ids_of(mine.points) == ids_of(theirs.points));
    CHECK(ids_of(mine.inherited) == ids_of(theirs.inherited));
    CHECK(mine.periods.size() == theirs.periods.size());

    const Snapshot day = db.snapshot("2017-03-31");
    CHECK(day.meeting.id == MeetingId{"nac-fm-2017-03-31"});
    CHECK(day.stance_count == snapshot(db.store(), catalog, MeetingId{"nac-fm-2017-03-31"}).stance_count);

    CompareOptions spending;
    spending.topic = db.topic("defence spending");
    const Comparison both = db.compare("NL", "Verenigde Staten", spending);
    CHECK(both.second == ActorId{"usa"});
    CHECK(both.rows.size() == compare(db.store(), catalog, ActorId{"nld"}, ActorId{"usa"}, spending).rows.size());
}

TEST_CASE("the stance range reads what Store::stances returns, in order, a year at a time") {
    const Database db = seed_database();
    std::vector<Stance> read;
    for (const Stance& stance : db.stances()) {
        read.push_back(stance);
    }
    REQUIRE_FALSE(read.empty());
    CHECK(ids_of(read) == ids_of(db.store().stances()));

    StanceFilter netherlands;
    netherlands.actors = {ActorId{"nld"}};
    CHECK(ids_of(db.stances(netherlands).to_vector()) == ids_of(db.store().stances(netherlands)));

    StanceFilter nothing_before;
    nothing_before.to = Date{1900, 1, 1};
    auto empty = db.stances(nothing_before);
    CHECK(empty.begin() == empty.end());

    // A loop that stops early: the range is an input range, usable with the standard algorithms.
    auto all = db.stances();
    const auto first = std::ranges::find_if(all, [](const Stance& s) { return s.actor == ActorId{"usa"}; });
    REQUIRE(first != all.end());
    CHECK(first->actor == ActorId{"usa"});
}

TEST_CASE("search finds quoted words and refuses a text with nothing to look for") {
    const Database db = seed_database();
    const std::vector<Stance> found = db.search("Rusland").to_vector();
    REQUIRE_FALSE(found.empty());
    for (const Stance& stance : found) {
        const std::string text = stance.quote + " " + stance.paraphrase;
        CHECK((text.find("Rusland") != std::string::npos || text.find("Russia") != std::string::npos ||
               text.find("Russisch") != std::string::npos));
    }
    CHECK_THROWS_WITH_AS((void)db.search("   "),
                         doctest::Contains("the search text is empty; give the words to look for"),
                         invalid_input_error);
    CHECK_THROWS_WITH_AS((void)db.search("... -"), doctest::Contains("has no word to look for"), invalid_input_error);
}

TEST_CASE("summary counts the positions of what a filter selects") {
    const Database db = seed_database();
    StanceFilter netherlands;
    netherlands.actors = {ActorId{"nld"}};
    const PositionSummary summary = db.summary(netherlands);
    std::size_t positions = 0;
    for (const Stance& stance : db.store().stances(netherlands)) {
        positions += is_position(stance.kind) ? 1U : 0U;
    }
    CHECK(summary.n == positions);
    CHECK(summary.n > 0);
}

TEST_CASE("a write through the facade is seen by the next query: the catalog is rebuilt") {
    Database db = Database::open(":memory:");
    test::DatasetBuilder data;
    data.actor("nld", ActorKind::state, "Netherlands", {{"nl", "Nederland"}})
        .topic("russia", "Russia", {}, {{"nl", "Rusland"}})
        .meeting("m1", Date{2017, 3, 31});
    data.stance("s1", "nld", "russia", "m1", PositionKind::support);
    db.import(data.dataset());
    CHECK(db.evolution("Nederland", "Rusland").points.size() == 1);

    // A new actor, then a stance coded by quote against it: both need the catalog rebuilt.
    stance::DatasetBuilder more;
    more.actor("bel", ActorKind::state, "Belgium", {{"nl", "België"}});
    db.import(more.build());
    CHECK(db.actor("België") == ActorId{"bel"});

    StanceCoding coding;
    coding.document = "doc";
    coding.actor = "Belgium";
    coding.claim = "Rusland";
    coding.position = "oppose";
    coding.meeting = "m1";
    coding.quote = "Record s1 says nld took the position support on russia.";
    const CodedStance coded = db.code(coding);
    CHECK(db.evolution("België", "Russia").points.size() == 1);

    const std::int64_t deleted = db.remove(record_key(coded.stance));
    CHECK(db.evolution("België", "Russia").points.empty());
    (void)db.undo(deleted);
    CHECK(db.evolution("België", "Russia").points.size() == 1);
    CHECK(db.history().size() >= 4);
}

TEST_CASE("an edit through the facade changes the stance the queries read") {
    Database db = seed_database();
    const Evolution before = db.evolution("NL", "Russia");
    REQUIRE_FALSE(before.points.empty());
    const StanceId id = before.points.front().stance.id;
    StanceEdit edit;
    edit.note = "checked again";
    const Stance edited = db.edit(id.str(), edit);
    CHECK(edited.note == "checked again");
    CHECK(db.find(id)->note == "checked again");
    CHECK_THROWS_AS((void)db.edit("no-such-stance", edit), not_found_error);
}

TEST_CASE("agreement, the agreement matrix and the vote network through the facade") {
    const Database db = unga_database();
    const VoteAgreement mine = db.agreement("Nederland", "Verenigde Staten");
    const Catalog catalog{db.store()};
    const VoteAgreement theirs = agreement(db.store(), catalog, ActorId{"nld"}, ActorId{"usa"});
    REQUIRE_FALSE(mine.periods.empty());
    CHECK(mine.overall.table == theirs.overall.table);
    CHECK(mine.periods.size() == theirs.periods.size());

    const AgreementMatrix matrix = db.agreement_matrix(mine.periods.front().key);
    CHECK(std::find(matrix.actors.begin(), matrix.actors.end(), ActorId{"nld"}) != matrix.actors.end());
    std::size_t periods = 0;
    db.agreement_matrices(AgreementMatricesOptions{}, [&periods](const AgreementMatrix&) { ++periods; });
    CHECK(periods >= mine.periods.size()); // every session with votes, not only those both voted in
    CHECK_FALSE(db.vote_network(AgreementMatricesOptions{}).nodes.empty());
    CHECK_THROWS_AS((void)db.agreement("Netherlands", "Atlantis"), not_found_error);
}

TEST_CASE("export gives the canonical dataset of the store") {
    const Database db = seed_database();
    CHECK(db.export_json() == write_dataset(db.store().to_dataset()));
}
