// Reviews on every backend: who may review which stance, the order they are kept in, the newest
// counting, and that none is ever changed.
#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "team_support.hpp"

using namespace stance;
using test::a_password;
using test::coder_named;
using Verdict = StanceReview::Verdict;

namespace {

StanceReview review_of(std::string stance, std::string reviewer, Verdict verdict, std::string comment = {}) {
    StanceReview review;
    review.stance = StanceId{std::move(stance)};
    review.reviewer = std::move(reviewer);
    review.verdict = verdict;
    review.comment = std::move(comment);
    return review;
}

/// ana and rui coded a stance each and may review; bo may only code.
std::unique_ptr<CoderDirectory> team_of(const test::ScratchDatabase& database) {
    test::import_two_coded_stances(database);
    auto directory = test::open_directory(database);
    directory->add(coder_named("ana", CoderRole::reviewer), a_password);
    directory->add(coder_named("rui", CoderRole::reviewer), a_password);
    directory->add(coder_named("bo", CoderRole::coder), a_password);
    return directory;
}

} // namespace

STORE_TEST_CASE("a reviewer's verdict on another's stance is recorded with its time and comment") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    directory->record(review_of("by-ana", "rui", Verdict::rejected, "the quote is cut short"));
    const std::vector<StanceReview> reviews = directory->reviews(StanceId{"by-ana"});
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].stance == StanceId{"by-ana"});
    CHECK(reviews[0].reviewer == "rui");
    CHECK(reviews[0].verdict == Verdict::rejected);
    CHECK(reviews[0].comment == "the quote is cut short");
    CHECK(reviews[0].reviewed_at.size() == 20);
    CHECK(directory->reviews(StanceId{"by-rui"}).empty());
}

STORE_TEST_CASE("a reviewer cannot review a stance they coded themselves") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    const std::string message =
        test::message_of([&] { directory->record(review_of("by-ana", "ana", Verdict::accepted)); });
    CHECK(message == "review of stance \"by-ana\": coder \"ana\" coded this stance; another reviewer must review it");
    CHECK_THROWS_AS(directory->record(review_of("by-ana", "ana", Verdict::accepted)), invalid_input_error);
    CHECK(directory->reviews(StanceId{"by-ana"}).empty());
    directory->record(review_of("by-rui", "ana", Verdict::accepted));
    CHECK(directory->reviews(StanceId{"by-rui"}).size() == 1);
}

STORE_TEST_CASE("an unknown stance or reviewer is not found, and nothing is recorded") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    const std::string message =
        test::message_of([&] { directory->record(review_of("no-such-stance", "rui", Verdict::accepted)); });
    CHECK(message.find("there is no stance \"no-such-stance\"") != std::string::npos);
    CHECK_THROWS_AS(directory->record(review_of("no-such-stance", "rui", Verdict::accepted)), not_found_error);
    CHECK_THROWS_AS(directory->record(review_of("Not An Id!", "rui", Verdict::accepted)), not_found_error);
    CHECK_THROWS_AS(directory->record(review_of("by-ana", "nobody", Verdict::accepted)), not_found_error);
    CHECK(directory->latest_reviews().empty());
}

STORE_TEST_CASE("only an enabled coder with the review permission may review") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    const std::string message =
        test::message_of([&] { directory->record(review_of("by-ana", "bo", Verdict::accepted)); });
    CHECK(message.find("coder \"bo\" lacks the permission review") != std::string::npos);
    CHECK_THROWS_AS(directory->record(review_of("by-ana", "bo", Verdict::accepted)), invalid_input_error);
    Coder bo = *directory->coder("bo");
    bo.permissions.grant(Permission::review); // a permission granted beyond the role counts
    directory->update(bo);
    directory->record(review_of("by-ana", "bo", Verdict::accepted));
    Coder rui = *directory->coder("rui");
    rui.disabled = true;
    directory->update(rui);
    CHECK_THROWS_AS(directory->record(review_of("by-ana", "rui", Verdict::accepted)), invalid_input_error);
    CHECK(directory->reviews(StanceId{"by-ana"}).size() == 1);
}

STORE_TEST_CASE("reviews come oldest first, and the newest of each stance is the one that counts") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    directory->record(review_of("by-rui", "ana", Verdict::rejected, "first look"));
    directory->record(review_of("by-ana", "rui", Verdict::accepted));
    directory->record(review_of("by-rui", "ana", Verdict::accepted, "fixed"));
    const std::vector<StanceReview> of_rui = directory->reviews(StanceId{"by-rui"});
    REQUIRE(of_rui.size() == 2);
    CHECK(of_rui[0].comment == "first look");
    CHECK(of_rui[1].comment == "fixed");
    const std::vector<StanceReview> latest = directory->latest_reviews();
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].stance == StanceId{"by-ana"}); // by stance id
    CHECK(latest[0].verdict == Verdict::accepted);
    CHECK(latest[1].stance == StanceId{"by-rui"});
    CHECK(latest[1].verdict == Verdict::accepted);
    CHECK(latest[1].comment == "fixed");
}

STORE_TEST_CASE("a review's comment is UTF-8 of at most 4000 bytes") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    CHECK_THROWS_AS(directory->record(review_of("by-ana", "rui", Verdict::accepted, "\xc3")), invalid_input_error);
    CHECK_THROWS_AS(directory->record(review_of("by-ana", "rui", Verdict::accepted, std::string(4001, 'c'))),
                    invalid_input_error);
    directory->record(review_of("by-ana", "rui", Verdict::accepted, "Citação correcta.\nOK"));
    CHECK(directory->reviews(StanceId{"by-ana"}).at(0).comment == "Citação correcta.\nOK");
}

STORE_TEST_CASE("reviews are append-only: the database itself refuses to change or delete one") {
    const test::ScratchDatabase database = backend.create();
    auto directory = team_of(database);
    directory->record(review_of("by-ana", "rui", Verdict::rejected));
    CHECK_THROWS((void)database.sql("UPDATE stance_review SET verdict = 'accepted'"));
    CHECK_THROWS((void)database.sql("DELETE FROM stance_review"));
    CHECK(directory->reviews(StanceId{"by-ana"}).at(0).verdict == Verdict::rejected);
}

STORE_TEST_CASE("a read-only directory lists reviews and refuses to record one") {
    const test::ScratchDatabase database = backend.create();
    team_of(database)->record(review_of("by-ana", "rui", Verdict::accepted));
    auto directory = test::open_directory(database, true);
    CHECK(directory->latest_reviews().size() == 1);
    CHECK_THROWS_AS(directory->record(review_of("by-rui", "ana", Verdict::accepted)), storage_error);
}
