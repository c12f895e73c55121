// The whole UN General Assembly history as stance ships it (data/unvotes, data/voeten_unvotes_2016),
// checked against figures published with the data: the unvotes 0.3.0 README (github.com/cran/unvotes
// at commit 73ca68e96bcb8dafef6686aad11fb810bf97be15) gives 869,937 votes, 6,202 roll calls,
// 5,745 issue rows with 1,092 / 1,061 / 1,015 / 957 / 855 / 765 roll calls on di / me / hr / co / nu / ec,
// the first votes of roll call 3, and per-year counts (Afghanistan 1946: 17 votes, 41.2% yes). The
// unvotes 0.2.0 README, built from the 2016 release, gives that release's 738,764 yes/abstain/no votes.
//
// One import (about 1.2 million stances) into a temporary file, then every check: a few seconds in
// a release build, longer under sanitizers.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "stance/io/csv.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "support.hpp"

using namespace stance;

namespace {

const std::filesystem::path shipped_votes = test::source_dir() / "data/unvotes";
const std::filesystem::path shipped_full_codes = test::source_dir() / "data/voeten_unvotes_2016";

std::optional<Stance> stance_by_id(const Store& store, const ActorId& actor, const std::string& id) {
    StanceFilter filter;
    filter.actors = {actor};
    for (const Stance& stance : store.stances(filter)) {
        if (stance.id.str() == id) {
            return stance;
        }
    }
    return std::nullopt;
}

/// Votes and share of yes in one calendar year, through the generic evolution query.
std::pair<std::size_t, double> year_record(const Store& store, const Catalog& catalog, const char* actor, int year) {
    EvolutionOptions options;
    options.by = Period::year;
    options.from = Date{year, 1, 1};
    options.to = Date{year, 12, 31};
    const Evolution result = evolution(store, catalog, ActorId{actor}, unga_resolutions_topic, options);
    REQUIRE(result.periods.size() == 1);
    return {result.periods[0].summary.n, result.periods[0].summary.share_support.value_or(-1.0)};
}

/// One pair's agreement in one session with unanimous roll calls left out, counted straight from
/// un_votes.csv and un_roll_calls.csv: independent of the store, the vote matrix and the agreement query.
struct RawAgreement {
    std::uint32_t n = 0;
    std::uint32_t agree = 0;
    double distance = 0.0; // on yes +1, abstain 0, no -1
};

std::map<std::tuple<int, std::string, std::string>, RawAgreement>
raw_agreement(const std::vector<std::tuple<int, std::string, std::string>>& wanted) {
    std::map<std::int64_t, int> session_of;
    {
        CsvReader calls(shipped_votes / "un_roll_calls.csv.gz");
        CsvRecord record;
        constexpr std::array<std::string_view, 9> columns{"rcid",  "session", "importantvote", "date", "unres",
                                                          "amend", "para",    "short",         "descr"};
        calls.expect_header(columns);
        while (calls.next(record)) {
            session_of[std::stoll(std::string(record.field(0)))] = std::stoi(std::string(record.field(1)));
        }
    }
    std::map<std::int64_t, std::map<std::string, int>> votes; // rcid → country code → -1, 0, +1
    {
        CsvReader reader(shipped_votes / "un_votes.csv.gz");
        CsvRecord record;
        constexpr std::array<std::string_view, 4> columns{"rcid", "country", "country_code", "vote"};
        reader.expect_header(columns);
        while (reader.next(record)) {
            const std::string vote(record.field(3));
            votes[std::stoll(std::string(record.field(0)))][std::string(record.field(2))] = vote == "yes"  ? 1
                                                                                            : vote == "no" ? -1
                                                                                                           : 0;
        }
    }
    std::map<std::tuple<int, std::string, std::string>, RawAgreement> result;
    for (const auto& [rcid, cast] : votes) {
        // The first vote by name, for the lambda: clang (and so clang-tidy) before 16 cannot capture a
        // structured binding.
        const int first_vote = cast.begin()->second;
        const bool unanimous =
            std::all_of(cast.begin(), cast.end(), [&](const auto& v) { return v.second == first_vote; });
        if (unanimous) {
            continue;
        }
        for (const auto& key : wanted) {
            const auto& [session, first, second] = key;
            const auto a = cast.find(first);
            const auto b = cast.find(second);
            if (session_of.at(rcid) != session || a == cast.end() || b == cast.end()) {
                continue;
            }
            RawAgreement& raw = result[key];
            ++raw.n;
            raw.agree += a->second == b->second ? 1U : 0U;
            raw.distance += std::abs(a->second - b->second);
        }
    }
    return result;
}

} // namespace

TEST_CASE("the shipped UN vote history imports with the figures published with it") {
    test::TempDir dir;
    auto store = Store::open((dir / "unga.db").string());
    UngaImportOptions options;
    options.full_codes_directory = shipped_full_codes;
    const UngaImportSummary summary = import_unga(*store, shipped_votes, options);

    CHECK(summary.yes + summary.no + summary.abstain == 869'937);
    CHECK(summary.roll_calls == 6'202);
    CHECK(summary.issue_links == 5'745);
    CHECK(summary.sessions == 74);
    CHECK(summary.full_codes_confirmed == 738'764);
    CHECK(summary.full_codes_conflicts == 0);
    REQUIRE(summary.notes.size() == 1);
    CHECK(summary.notes[0].find("roll call 4592 is in session 59 here but in session 60") != std::string::npos);
    // Every (roll call, state) pair of the full release is either a vote of un_votes or one of these.
    CHECK(summary.absent == 73'328);
    CHECK(summary.not_member == 254'521);

    std::map<std::string, std::size_t> per_issue;
    for (const AgendaItem& item : store->agenda_items()) {
        for (const TopicId& topic : item.topics) {
            ++per_issue[topic.str()];
        }
    }
    CHECK(per_issue == std::map<std::string, std::size_t>{{"unga-co", 957},
                                                          {"unga-di", 1'092},
                                                          {"unga-ec", 765},
                                                          {"unga-hr", 1'015},
                                                          {"unga-me", 1'061},
                                                          {"unga-nu", 855}});

    // The README's first rows: roll call 3, the United States yes, Canada no, Cuba yes.
    CHECK(stance_by_id(*store, ActorId{"usa"}, "unga-3-usa")->kind == PositionKind::support);
    CHECK(stance_by_id(*store, ActorId{"can"}, "unga-3-can")->kind == PositionKind::oppose);
    CHECK(stance_by_id(*store, ActorId{"cub"}, "unga-3-cub")->kind == PositionKind::support);

    const Catalog catalog{*store};
    const auto [afghanistan_votes, afghanistan_yes] = year_record(*store, catalog, "afg", 1946);
    CHECK(afghanistan_votes == 17);
    CHECK(std::round(afghanistan_yes * 1000) == 412);
    const auto [canada_votes, canada_yes] = year_record(*store, catalog, "can", 1946);
    CHECK(canada_votes == 42);
    CHECK(std::round(canada_yes * 1000) == 643);
    const auto [colombia_votes, colombia_yes] = year_record(*store, catalog, "col", 1946);
    CHECK(colombia_votes == 42);
    CHECK(std::round(colombia_yes * 1000) == 310);

    // The document is the release itself, identified by the hash of its text.
    const auto document = store->document(DocumentId{"unvotes-un-votes"});
    REQUIRE(document);
    CHECK(document->sha256 == "e77ec504be20f918fe5e01247fa8fa27145d7326cab53416567e73659ff55c05");
    CHECK(document->origin.find("unvotes 0.3.0") != std::string::npos);
    CHECK(document->origin.find("73ca68e96bcb8dafef6686aad11fb810bf97be15") != std::string::npos);
    const auto nld = stance_by_id(*store, ActorId{"nld"}, "unga-5479-nld");
    REQUIRE(nld);
    CHECK(read_source_bytes(document->path, nld->source->start, nld->source->end) == "5479,Netherlands,NL,yes");

    // One session's matrix: every pair of the 193 members that voted, consistent with the pairwise query.
    const AgreementMatrix matrix = agreement_matrix(*store, catalog, unga_session_meeting(71));
    CHECK(matrix.actors.size() == 193);
    const VoteAgreement pair = agreement(*store, catalog, ActorId{"nld"}, ActorId{"usa"});
    const auto session = std::find_if(pair.periods.begin(), pair.periods.end(),
                                      [](const AgreementPeriod& p) { return p.key == "unga-71"; });
    REQUIRE(session != pair.periods.end());
    const auto index = [&](const char* id) {
        return static_cast<std::size_t>(std::find(matrix.actors.begin(), matrix.actors.end(), ActorId{id}) -
                                        matrix.actors.begin());
    };
    CHECK(matrix.at(index("nld"), index("usa")).table == session->counts.table);

    // Agreement without unanimous roll calls, against the same count made from the raw CSV.
    const std::vector<std::tuple<int, std::string, std::string>> wanted{
        {40, "NL", "US"}, {55, "NL", "US"}, {71, "NL", "US"}, {71, "FR", "GB"},
        {44, "IN", "PK"}, {62, "BR", "CN"}, {74, "RU", "US"}};
    const auto raw = raw_agreement(wanted);
    const std::map<std::string, ActorId> actor_of{
        {"NL", ActorId{"nld"}}, {"US", ActorId{"usa"}}, {"FR", ActorId{"fra"}},
        {"GB", ActorId{"gbr"}}, {"IN", ActorId{"ind"}}, {"PK", ActorId{"pak"}},
        {"BR", ActorId{"bra"}}, {"CN", ActorId{"chn"}}, {"RU", ActorId{"rus"}}};
    AgreementOptions without_unanimous;
    without_unanimous.roll_calls.exclude_unanimous = true;
    std::size_t fewer = 0;
    for (const auto& key : wanted) {
        // By name, not a structured binding: CAPTURE's lambda cannot capture one in clang before 16.
        const int number = std::get<0>(key);
        const std::string& first = std::get<1>(key);
        const std::string& second = std::get<2>(key);
        CAPTURE(number);
        CAPTURE(first);
        CAPTURE(second);
        const VoteAgreement result =
            agreement(*store, catalog, actor_of.at(first), actor_of.at(second), without_unanimous);
        const auto period = std::find_if(result.periods.begin(), result.periods.end(), [&](const AgreementPeriod& p) {
            return p.key == unga_session_meeting(number).str();
        });
        REQUIRE(period != result.periods.end());
        REQUIRE(raw.count(key) == 1);
        CHECK(period->counts.n == raw.at(key).n);
        CHECK(period->counts.agree == raw.at(key).agree);
        CHECK(period->counts.s_score().value() ==
              doctest::Approx(1.0 - raw.at(key).distance / static_cast<double>(raw.at(key).n)));
        const VoteAgreement all = agreement(*store, catalog, actor_of.at(first), actor_of.at(second));
        for (const AgreementPeriod& p : all.periods) {
            fewer += p.key == period->key && p.counts.n > period->counts.n ? 1U : 0U;
        }
    }
    CHECK(fewer > 0); // the sessions chosen do have unanimous roll calls to leave out
}

TEST_CASE("shared: the shipped gzip tables hold exactly the shared CSV files") {
    if (!std::filesystem::exists(test::shared_dir() / "data/unvotes")) {
        MESSAGE("skipped: " << test::shared_dir() << " is not here (a user's clone has no ../shared)");
        return;
    }
    for (const char* table : {"un_votes", "un_roll_calls", "un_roll_call_issues"}) {
        CAPTURE(table);
        const std::string shared = test::read_text(test::shared_dir() / "data/unvotes" / (std::string(table) + ".csv"));
        auto source = open_data_file(shipped_votes / (std::string(table) + ".csv.gz"));
        std::string shipped;
        std::vector<char> buffer(1 << 16);
        for (std::size_t count = source->read(buffer.data(), buffer.size()); count > 0;
             count = source->read(buffer.data(), buffer.size())) {
            shipped.append(buffer.data(), count);
        }
        CHECK(shipped.size() == shared.size());
        CHECK(sha256_hex(shipped) == sha256_hex(shared));
    }
}
