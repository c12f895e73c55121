// copy_team (stance copy): a team's accounts and reviews move with its data from SQLite into this
// backend: the same passwords log in, every account's role, permissions and state and every review
// (order, times, comments) are as they were; a target that has coders already is refused.
#include <doctest/doctest.h>

#include "stance/error.hpp"
#include "stance/store/copy.hpp"
#include "team_support.hpp"

using namespace stance;
using namespace stance::test;

namespace {

void record(CoderDirectory& directory, const std::string& stance, StanceReview::Verdict verdict,
            const std::string& comment) {
    StanceReview review;
    review.stance = StanceId{stance};
    review.verdict = verdict;
    review.reviewer = "rev";
    review.comment = comment;
    directory.record(review);
}

/// A SQLite database with two coded stances, three coders (one disabled) and three reviews.
ScratchDatabase team_original() {
    ScratchDatabase db = sqlite_backend().create();
    import_two_coded_stances(db);
    const auto directory = open_directory(db);
    directory->add(coder_named("ana", CoderRole::coder), a_password);
    Coder rui = coder_named("rui", CoderRole::coder);
    directory->add(rui, "another long password");
    directory->add(coder_named("rev", CoderRole::reviewer), "the reviewer's password");
    rui.disabled = true;
    directory->update(rui);
    record(*directory, "by-ana", StanceReview::Verdict::accepted, "fine");
    record(*directory, "by-ana", StanceReview::Verdict::rejected, "second thoughts");
    record(*directory, "by-rui", StanceReview::Verdict::accepted, "");
    return db;
}

bool same_review(const StanceReview& a, const StanceReview& b) {
    return a.stance == b.stance && a.verdict == b.verdict && a.reviewer == b.reviewer && a.comment == b.comment &&
           a.reviewed_at == b.reviewed_at;
}

} // namespace

STORE_TEST_CASE("copy_team moves every account and review into the copy, and the same passwords log in") {
    const ScratchDatabase source = team_original();
    const ScratchDatabase target = backend.create();
    (void)copy_store(*source.open(OpenOptions{.read_only = true}), *target.open());
    const TeamCopySummary copied = copy_team(source.address(), target.address(), {});
    CHECK(copied.coders == 3);
    CHECK(copied.reviews == 3);

    const auto before = open_directory(source, true);
    const auto after = open_directory(target);
    const std::vector<Coder> coders = after->coders();
    const std::vector<Coder> original = before->coders();
    REQUIRE(coders.size() == original.size());
    for (std::size_t i = 0; i < coders.size(); ++i) {
        const Coder& was = original[i];
        CAPTURE(was.name);
        CHECK(coders[i].name == was.name);
        CHECK(coders[i].display_name == was.display_name);
        CHECK(coders[i].role == was.role);
        CHECK(coders[i].permissions == was.permissions);
        CHECK(coders[i].disabled == was.disabled);
        CHECK(coders[i].created_at == was.created_at);
    }
    CHECK(after->authenticate("ana", a_password).has_value());
    CHECK_FALSE(after->authenticate("ana", "not ana's password").has_value());
    CHECK_FALSE(after->authenticate("rui", "another long password").has_value()); // still disabled

    for (const char* stance : {"by-ana", "by-rui"}) {
        CAPTURE(stance);
        const std::vector<StanceReview> was = before->reviews(StanceId{stance});
        const std::vector<StanceReview> now = after->reviews(StanceId{stance});
        REQUIRE(now.size() == was.size());
        for (std::size_t i = 0; i < now.size(); ++i) {
            CHECK(same_review(now[i], was[i]));
        }
    }
    CHECK(after->latest_reviews().front().verdict == StanceReview::Verdict::rejected); // by-ana: the newest counts
}

STORE_TEST_CASE("copy_team into a database that has coders already is refused and adds nothing") {
    const ScratchDatabase source = team_original();
    const ScratchDatabase target = backend.create();
    (void)copy_store(*source.open(OpenOptions{.read_only = true}), *target.open());
    open_directory(target)->add(coder_named("zoe", CoderRole::admin), a_password);
    CHECK_THROWS_WITH_AS((void)copy_team(source.address(), target.address(), {}),
                         doctest::Contains("it already has coder accounts"), invalid_input_error);
    const std::vector<Coder> coders = open_directory(target)->coders();
    REQUIRE(coders.size() == 1);
    CHECK(coders.front().name == "zoe");
    CHECK(open_directory(target)->latest_reviews().empty());
}
