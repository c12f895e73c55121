#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "unga_fixture.hpp"

using namespace stance;

namespace {

std::unique_ptr<Store> imported_fixture() {
    auto store = Store::open(":memory:");
    UngaImportOptions options;
    options.full_codes_directory = test::unga_fixture(); // absences must not count
    (void)import_unga(*store, test::unga_fixture(), options);
    return store;
}

int vote_index(const std::string& vote) {
    return vote == "yes" ? 0 : vote == "abstain" ? 1 : 2;
}

/// Agreement of two countries (as named in un_votes.csv) counted from the fixture's lines, per session.
std::map<int, AgreementCounts> counted(const std::string& first, const std::string& second,
                                       const std::string& issue = "") {
    const auto sessions = test::fixture_sessions();
    const auto issues = test::fixture_issues();
    std::map<std::int64_t, std::pair<std::string, std::string>> votes;
    for (const test::FixtureVote& vote : test::fixture_votes()) {
        if (vote.country == first) {
            votes[vote.rcid].first = vote.vote;
        }
        if (vote.country == second) {
            votes[vote.rcid].second = vote.vote;
        }
    }
    std::map<int, AgreementCounts> result;
    for (const auto& [rcid, pair] : votes) {
        const bool on_issue = issue.empty() || (issues.count(rcid) && issues.at(rcid).count(issue));
        if (!pair.first.empty() && !pair.second.empty() && on_issue) {
            result[sessions.at(rcid)].add(vote_index(pair.first), vote_index(pair.second));
        }
    }
    return result;
}

} // namespace

TEST_CASE("kappa and S follow their published formulas on a worked example") {
    // Rows: first actor yes/abstain/no; columns: second actor. n = 11, 5 identical.
    AgreementCounts counts;
    for (int i = 0; i < 2; ++i)
        counts.add(0, 0);
    for (int i = 0; i < 4; ++i)
        counts.add(0, 2);
    for (int i = 0; i < 2; ++i)
        counts.add(1, 2);
    for (int i = 0; i < 3; ++i)
        counts.add(2, 2);
    CHECK(counts.n == 11);
    CHECK(counts.agree == 5);
    CHECK(*counts.share() == doctest::Approx(5.0 / 11.0));
    // p_e = (6*2 + 2*0 + 3*9) / 121 = 39/121; kappa = (55/121 - 39/121) / (82/121) = 16/82.
    CHECK(*counts.kappa() == doctest::Approx(16.0 / 82.0));
    // d = 4*2 (yes against no) + 2*1 (abstain against no) = 10; S = 1 - 2*10/(2*11).
    CHECK(*counts.s_score() == doctest::Approx(1.0 - 10.0 / 11.0));
}

TEST_CASE("agreement figures at their bounds, and undefined where they must be") {
    AgreementCounts none;
    CHECK_FALSE(none.share());
    CHECK_FALSE(none.kappa());
    CHECK_FALSE(none.s_score());

    AgreementCounts always_yes;
    always_yes.add(0, 0);
    always_yes.add(0, 0);
    CHECK(*always_yes.share() == 1.0);
    CHECK(*always_yes.s_score() == 1.0);
    CHECK_FALSE(always_yes.kappa()); // both only ever said yes: agreement by chance alone is 1

    AgreementCounts opposite;
    opposite.add(0, 2);
    opposite.add(2, 0);
    CHECK(*opposite.share() == 0.0);
    CHECK(*opposite.s_score() == -1.0);
    CHECK(*opposite.kappa() == doctest::Approx(-1.0));

    AgreementCounts half;
    half.add(0, 1); // yes against abstain: half the maximum distance
    CHECK(*half.s_score() == 0.0);
}

TEST_CASE("two countries' agreement per session matches a count from the fixture's lines") {
    auto store = imported_fixture();
    const Catalog catalog{*store};
    for (const auto& [first_id, second_id, first_name, second_name] :
         {std::tuple{"nld", "usa", "Netherlands", "United States"},
          std::tuple{"deu", "ddr", "Federal Republic of Germany", "German Democratic Republic"},
          std::tuple{"rus", "usa", "Russia", "United States"}}) {
        // Copies for CAPTURE's lambda: clang (and so clang-tidy) before 16 cannot capture a structured binding.
        const char* const first = first_id;
        const char* const second = second_id;
        CAPTURE(first);
        CAPTURE(second);
        const VoteAgreement result = agreement(*store, catalog, ActorId{first}, ActorId{second});
        const auto expected = counted(first_name, second_name);
        REQUIRE(result.periods.size() == expected.size());
        std::uint32_t total = 0;
        for (const AgreementPeriod& period : result.periods) {
            const int session = *unga_session_of(MeetingId{period.key});
            CAPTURE(session);
            REQUIRE(expected.count(session) == 1);
            CHECK(period.counts.table == expected.at(session).table);
            CHECK(period.counts.kappa() == expected.at(session).kappa());
            CHECK(period.counts.s_score() == expected.at(session).s_score());
            total += period.counts.n;
        }
        CHECK(result.overall.n == total);
    }
}

TEST_CASE("agreement on one issue counts only that issue's roll calls; by year groups by calendar year") {
    auto store = imported_fixture();
    const Catalog catalog{*store};
    AgreementOptions options;
    options.topic = TopicId{"unga-me"};
    options.by = Period::year;
    const VoteAgreement result = agreement(*store, catalog, ActorId{"nld"}, ActorId{"usa"}, options);
    std::uint32_t expected_n = 0;
    for (const auto& [session, counts] : counted("Netherlands", "United States", "me")) {
        expected_n += counts.n;
    }
    CHECK(result.overall.n == expected_n);
    REQUIRE_FALSE(result.periods.empty());
    CHECK(result.periods.front().key == "1947");
    CHECK(result.periods.back().key == "2017");
    for (const AgreementPeriod& period : result.periods) {
        CHECK(period.first.year() == std::stoi(period.key));
        CHECK(period.last.year() == std::stoi(period.key));
    }
    options.by = Period::none;
    const VoteAgreement overall = agreement(*store, catalog, ActorId{"nld"}, ActorId{"usa"}, options);
    CHECK(overall.periods.empty());
    CHECK(overall.overall.table == result.overall.table);
    CHECK_THROWS_AS((void)agreement(*store, catalog, ActorId{"nld"}, ActorId{"atlantis"}), not_found_error);
}

TEST_CASE("the agreement matrix of a session agrees with the pairwise figures") {
    auto store = imported_fixture();
    const Catalog catalog{*store};
    const AgreementMatrix matrix = agreement_matrix(*store, catalog, unga_session_meeting(45));
    CHECK(matrix.roll_calls == 2);
    REQUIRE(matrix.actors.size() > 100);
    CHECK(std::is_sorted(matrix.actors.begin(), matrix.actors.end()));
    // Absent and not-member actors are not in the matrix: only those who cast a vote.
    CHECK(std::find(matrix.actors.begin(), matrix.actors.end(), ActorId{"ddr"}) == matrix.actors.end());
    const auto index = [&](const char* id) {
        return static_cast<std::size_t>(std::find(matrix.actors.begin(), matrix.actors.end(), ActorId{id}) -
                                        matrix.actors.begin());
    };
    const std::size_t nld = index("nld");
    const std::size_t usa = index("usa");
    REQUIRE(nld < matrix.actors.size());
    REQUIRE(usa < matrix.actors.size());
    const VoteAgreement pair = agreement(*store, catalog, ActorId{"nld"}, ActorId{"usa"});
    const auto session = std::find_if(pair.periods.begin(), pair.periods.end(),
                                      [](const AgreementPeriod& p) { return p.key == "unga-45"; });
    REQUIRE(session != pair.periods.end());
    CHECK(matrix.at(nld, usa).table == session->counts.table);
    CHECK(matrix.at(usa, nld).n == session->counts.n);
    CHECK(matrix.at(usa, nld).s_score() == session->counts.s_score());
    CHECK(matrix.at(nld, nld).n == 2);
    CHECK(*matrix.at(nld, nld).share() == 1.0);

    AgreementMatrixOptions nuclear;
    nuclear.topic = TopicId{"unga-nu"};
    CHECK(agreement_matrix(*store, catalog, unga_session_meeting(45), nuclear).roll_calls == 1);
    CHECK_THROWS_AS((void)agreement_matrix(*store, catalog, MeetingId{"unga-99"}), not_found_error);
}

TEST_CASE("JSON output names every figure and writes undefined ones as null") {
    auto store = imported_fixture();
    const Catalog catalog{*store};
    const std::string json = to_json(agreement(*store, catalog, ActorId{"nld"}, ActorId{"usa"}));
    for (const char* key : {"\"period\": \"unga-1\"", "\"n\": ", "\"agree\": ", "\"share\": ", "\"kappa\": null",
                            "\"s_score\": ", "\"first\": {\n    \"id\": \"nld\""}) {
        CHECK_MESSAGE(json.find(key) != std::string::npos, key);
    }
    const std::string matrix = to_json(agreement_matrix(*store, catalog, unga_session_meeting(45)));
    CHECK(matrix.find("\"roll_calls\": 2") != std::string::npos);
    CHECK(matrix.find("{\n      \"first\": \"nld\",\n      \"second\": \"usa\"") != std::string::npos);
}

TEST_CASE("the generic evolution query follows a country's votes on an issue session by session") {
    auto store = imported_fixture();
    const Catalog catalog{*store};
    EvolutionOptions options;
    options.by = Period::session;
    const Evolution result = evolution(*store, catalog, ActorId{"nld"}, TopicId{"unga-me"}, options);

    std::map<int, std::map<std::string, std::size_t>> expected;
    const auto sessions = test::fixture_sessions();
    const auto issues = test::fixture_issues();
    for (const test::FixtureVote& vote : test::fixture_votes()) {
        if (vote.country == "Netherlands" && issues.count(vote.rcid) && issues.at(vote.rcid).count("me")) {
            ++expected[sessions.at(vote.rcid)][vote.vote];
        }
    }
    REQUIRE(result.periods.size() == expected.size());
    for (const PeriodSummary& period : result.periods) {
        const int session = *unga_session_of(MeetingId{period.key});
        CAPTURE(session);
        auto& votes = expected.at(session);
        CHECK(period.summary.count(PositionKind::support) == votes["yes"]);
        CHECK(period.summary.count(PositionKind::oppose) == votes["no"]);
        CHECK(period.summary.count(PositionKind::abstain) == votes["abstain"]);
        CHECK(period.summary.n == votes["yes"] + votes["no"] + votes["abstain"]);
    }
}
