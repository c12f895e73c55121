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

#include <cmath>
#include <map>

#include "stance/io/csv.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/evolution.hpp"
#include "stance/store/store.hpp"
#include "stance/query/agreement.hpp"
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
