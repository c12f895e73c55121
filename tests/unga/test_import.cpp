#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include <zlib.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "unga_fixture.hpp"

using namespace stance;

namespace {

std::unique_ptr<Store> imported_fixture(const UngaImportOptions& options = {}) {
    auto store = Store::open(":memory:");
    (void)import_unga(*store, test::unga_fixture(), options);
    return store;
}

UngaImportOptions with_full_codes() {
    UngaImportOptions options;
    options.full_codes_directory = test::unga_fixture();
    return options;
}

std::optional<Stance> stance_by_id(const Store& store, const std::string& id) {
    for (const Stance& stance : store.stances()) {
        if (stance.id.str() == id) {
            return stance;
        }
    }
    return std::nullopt;
}

/// A copy of the fixture's three unvotes tables in `dir`, optionally gzip-compressed.
void copy_tables(const std::filesystem::path& dir, bool compress) {
    for (const char* table : {"un_votes.csv", "un_roll_calls.csv", "un_roll_call_issues.csv"}) {
        const std::string text = test::read_text(test::unga_fixture() / table);
        if (!compress) {
            test::write_text(dir / table, text);
            continue;
        }
        gzFile out = gzopen((dir / (std::string(table) + ".gz")).string().c_str(), "wb");
        REQUIRE(out != nullptr);
        REQUIRE(gzwrite(out, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
        gzclose(out);
    }
}

/// Replaces the first `from` in `dir/table` with `to`.
void edit_table(const std::filesystem::path& dir, const std::string& table, const std::string& from,
                const std::string& to) {
    std::string text = test::read_text(dir / table);
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    test::write_text(dir / table, text);
}

} // namespace

TEST_CASE("the fixture imports with the counts of its own files") {
    auto store = Store::open(":memory:");
    const UngaImportSummary summary = import_unga(*store, test::unga_fixture());

    std::map<std::string, std::uint64_t> votes;
    for (const test::FixtureVote& vote : test::fixture_votes()) {
        ++votes[vote.vote];
    }
    std::set<int> sessions;
    for (const auto& [rcid, session] : test::fixture_sessions()) {
        sessions.insert(session);
    }
    CHECK(summary.roll_calls == test::fixture_sessions().size());
    CHECK(summary.sessions == sessions.size());
    CHECK(summary.issue_links == test::fixture_rows("un_roll_call_issues.csv").size());
    CHECK(summary.yes == votes["yes"]);
    CHECK(summary.no == votes["no"]);
    CHECK(summary.abstain == votes["abstain"]);
    CHECK(summary.absent == 0);
    CHECK(store->stances().size() == test::fixture_votes().size());
    CHECK(store->agenda_items().size() == summary.roll_calls);
}

TEST_CASE("every vote points at the exact CSV row it came from") {
    auto store = imported_fixture();
    const std::string text = test::read_text(test::unga_fixture() / "un_votes.csv");
    const auto document = store->document(DocumentId{"unvotes-un-votes"});
    REQUIRE(document);
    CHECK(document->sha256 == sha256_hex(text));
    CHECK(document->text.empty()); // referenced by path, not stored
    CHECK(std::filesystem::equivalent(document->path, test::unga_fixture() / "un_votes.csv"));
    // The fixture is not the shipped table, and the document says so instead of claiming the release.
    CHECK(document->origin.find("differs from the table stance ships") != std::string::npos);

    const std::map<std::string, PositionKind> kinds{
        {"yes", PositionKind::support}, {"no", PositionKind::oppose}, {"abstain", PositionKind::abstain}};
    std::size_t checked = 0;
    for (const Stance& stance : store->stances()) {
        REQUIRE(stance.source);
        CHECK(stance.source->document == document->id);
        const std::string row = text.substr(stance.source->start, stance.source->end - stance.source->start);
        CAPTURE(row);
        REQUIRE(row.find('\n') == std::string::npos);
        CHECK(text[stance.source->end] == '\n');
        CHECK((stance.source->start == 0 || text[stance.source->start - 1] == '\n'));
        CHECK(kinds.at(row.substr(row.rfind(',') + 1)) == stance.kind);
        CHECK(stance.id.str().starts_with("unga-" + row.substr(0, row.find(',')) + "-"));
        CHECK(stance.quote.empty());
        ++checked;
    }
    CHECK(checked == test::fixture_votes().size());
    const auto frg = stance_by_id(*store, "unga-3386-deu");
    REQUIRE(frg);
    CHECK(read_source_bytes(document->path, frg->source->start, frg->source->end) ==
          "3386,Federal Republic of Germany,,yes");
}

TEST_CASE("votes map to the actors, scores and structure docs/unga.md describes") {
    auto store = imported_fixture();
    const auto expect = [&](const std::string& id, PositionKind kind, double score) {
        CAPTURE(id);
        const auto stance = stance_by_id(*store, id);
        REQUIRE(stance);
        CHECK(stance->kind == kind);
        CHECK(stance->score == score);
        CHECK(stance->topic == unga_resolutions_topic);
    };
    expect("unga-3386-deu", PositionKind::support, 1.0);     // Federal Republic of Germany, no code in the data
    expect("unga-3386-ddr", PositionKind::support, 1.0);     // German Democratic Republic, DD
    expect("unga-874-zanzibar", PositionKind::abstain, 0.0); // no code in the data
    expect("unga-874-yem", PositionKind::abstain, 0.0);      // Yemen Arab Republic, no code in the data
    expect("unga-874-yug", PositionKind::support, 1.0);      // Yugoslavia in 1963
    expect("unga-9144-srb", PositionKind::support, 1.0);     // "Yugoslavia" in 2019 is Serbia
    expect("unga-874-csk", PositionKind::oppose, -1.0);      // Czechoslovakia, CS
    expect("unga-874-rus", PositionKind::oppose, -1.0);      // the USSR, as Russia in the data
    expect("unga-9144-nam", PositionKind::support, 1.0);     // Namibia, code "NA"
    CHECK_FALSE(stance_by_id(*store, "unga-9144-yug"));

    const Catalog catalog{*store};
    CHECK(catalog.actor(ActorId{"nam"}).iso2 == "NA");
    CHECK(resolve_actor(catalog, "USSR") == ActorId{"rus"});
    CHECK(resolve_actor(catalog, "Federal Republic of Germany") == ActorId{"deu"});
    CHECK(resolve_actor(catalog, "Nederland") == ActorId{"nld"});

    const Meeting& session = catalog.meeting(MeetingId{"unga-44"});
    CHECK_FALSE(session.parent);
    CHECK(session.body == unga_body);
    CHECK(session.level == "plenary");
    const Meeting& day = catalog.meeting(MeetingId{"unga-44-1989-10-06"});
    CHECK(day.parent == MeetingId{"unga-44"});
    CHECK(day.date == Date{1989, 10, 6});
    CHECK(catalog.meeting(MeetingId{"unga-34"}).date == Date{1979, 11, 2});

    const auto items = store->agenda_items(MeetingId{"unga-1-1946-01-04"});
    REQUIRE(items.size() == 1);
    CHECK(items[0].id == AgendaItemId{"unga-rc-5"});
    CHECK(items[0].code == "R/1/98");
    CHECK(items[0].title == "VOTING PROCEDURE");
    CHECK(items[0].description.find("\\MEMBERS PRESENT AND VOTING\\\\,") != std::string::npos);
    const auto nuclear = store->agenda_items(MeetingId{"unga-45-1990-12-03"});
    REQUIRE(nuclear.size() == 1);
    CHECK(nuclear[0].topics == std::vector<TopicId>{TopicId{"unga-di"}, TopicId{"unga-me"}, TopicId{"unga-nu"}});
    const auto same_day = store->agenda_items(MeetingId{"unga-34-1979-11-02"});
    REQUIRE(same_day.size() == 2);
    CHECK(same_day[0].order == 1);
    CHECK(same_day[1].order == 2);

    const Topic& palestine = catalog.topic(TopicId{"unga-me"});
    CHECK(palestine.label == "Palestinian conflict");
    CHECK(palestine.parents == std::vector<TopicId>{unga_resolutions_topic});
    CHECK(resolve_topic(catalog, "me") == TopicId{"unga-me"});
    CHECK(resolve_topic(catalog, "human rights") == TopicId{"unga-hr"});
    CHECK(resolve_topic(catalog, "Palestinian conflict") == TopicId{"unga-me"});
    CHECK(store->bodies().at(0).organisation == united_nations);
}

TEST_CASE("importing again changes nothing, and gzip and plain copies give the same votes") {
    auto store = imported_fixture();
    const Dataset first = store->to_dataset();
    (void)import_unga(*store, test::unga_fixture());
    CHECK(store->to_dataset() == first);

    test::TempDir dir;
    copy_tables(dir.path(), true);
    auto from_gzip = Store::open(":memory:");
    (void)import_unga(*from_gzip, dir.path());
    CHECK(from_gzip->to_dataset().stances == first.stances);
    CHECK(from_gzip->agenda_items() == store->agenda_items());
    const auto document = from_gzip->document(DocumentId{"unvotes-un-votes"});
    REQUIRE(document);
    CHECK(document->path.ends_with("un_votes.csv.gz"));
    CHECK(document->sha256 == sha256_hex(test::read_text(test::unga_fixture() / "un_votes.csv")));
    const auto stance = stance_by_id(*from_gzip, "unga-874-zanzibar");
    REQUIRE(stance);
    CHECK(read_source_bytes(document->path, stance->source->start, stance->source->end) == "874,Zanzibar,,abstain");
}

TEST_CASE("a failing import leaves the database as it was") {
    test::TempDir dir;
    auto store = Store::open((dir / "stance.db").string());
    (void)import_unga(*store, test::unga_fixture());
    const Dataset before = store->to_dataset();

    const std::filesystem::path broken = dir / "broken";
    std::filesystem::create_directories(broken);
    copy_tables(broken, false);
    // The very last row: everything before it has been written inside the transaction.
    edit_table(broken, "un_votes.csv", "9144,Zambia,ZM,abstain", "9144,Zambia,ZM,maybe");
    edit_table(broken, "un_votes.csv", "3386,Netherlands,NL,yes", "3386,Netherlands,NL,no");
    try {
        (void)import_unga(*store, broken);
        FAIL("the broken tables were imported");
    } catch (const invalid_input_error& failure) {
        CHECK(failure.where().ends_with("un_votes.csv:1824:16"));
        CHECK(std::string(failure.what()).find("\"maybe\"; expected yes, no or abstain") != std::string::npos);
    }
    CHECK(store->to_dataset() == before);
    CHECK(Store::open((dir / "stance.db").string())->to_dataset() == before);
}

TEST_CASE("two rows for one actor on one roll call are refused, also across the two German names") {
    test::TempDir dir;
    copy_tables(dir.path(), false);
    edit_table(dir.path(), "un_votes.csv", "3386,Federal Republic of Germany,,yes\n",
               "3386,Federal Republic of Germany,,yes\n3386,Germany,DE,no\n");
    auto store = Store::open(":memory:");
    try {
        (void)import_unga(*store, dir.path());
        FAIL("a second vote by deu on roll call 3386 was accepted");
    } catch (const invalid_input_error& failure) {
        CHECK(failure.where().ends_with("un_votes.csv:606:6"));
        CHECK(
            std::string(failure.what()).find("already voted on roll call 3386 on line 605 (both rows are actor deu)") !=
            std::string::npos);
    }
    CHECK(store->stances().empty());
}

TEST_CASE("missing tables and unknown names are refused before anything is written") {
    auto store = Store::open(":memory:");
    test::TempDir dir;
    CHECK_THROWS_WITH_AS((void)import_unga(*store, dir / "nowhere"), doctest::Contains("not a directory"),
                         invalid_input_error);
    CHECK_THROWS_WITH_AS((void)import_unga(*store, dir.path()),
                         doctest::Contains("neither un_votes.csv.gz nor un_votes.csv is in this directory"),
                         invalid_input_error);
    copy_tables(dir.path(), false);
    edit_table(dir.path(), "un_votes.csv", "874,Zanzibar,,abstain", "874,Atlantis,,abstain");
    CHECK_THROWS_WITH_AS((void)import_unga(*store, dir.path()),
                         doctest::Contains("\"Atlantis\" has no country code and is not one of the states"),
                         invalid_input_error);
    UngaImportOptions options;
    options.full_codes_directory = dir / "nowhere";
    CHECK_THROWS_AS((void)import_unga(*store, test::unga_fixture(), options), invalid_input_error);
    CHECK(store->stances().empty());
}

TEST_CASE("the full-codes release adds absences and non-membership, never as positions") {
    auto store = Store::open(":memory:");
    const UngaImportSummary summary = import_unga(*store, test::unga_fixture(), with_full_codes());

    std::map<std::string, std::uint64_t> codes;
    for (const std::string& line : test::fixture_rows("votes_full_codes.csv")) {
        ++codes[line.substr(line.rfind(',') + 1)];
    }
    CHECK(summary.full_codes_confirmed == codes["1"] + codes["2"] + codes["3"]);
    CHECK(summary.full_codes_conflicts == 0);
    CHECK(summary.conflict_examples.empty());
    CHECK(summary.absent == codes["8"]);
    CHECK(summary.absent > 0);
    CHECK(summary.not_member > 0);
    CHECK(summary.not_member <= codes["9"]);
    CHECK(summary.yes + summary.no + summary.abstain == test::fixture_votes().size());

    const auto haiti = stance_by_id(*store, "unga-874-hti");
    REQUIRE(haiti);
    CHECK(haiti->kind == PositionKind::absent);
    REQUIRE(haiti->source);
    CHECK(haiti->source->document == DocumentId{"voeten-2016-votes-full-codes"});
    const auto document = store->document(haiti->source->document);
    REQUIRE(document);
    CHECK(read_source_bytes(document->path, haiti->source->start, haiti->source->end) == "874,18,41,1,8");

    StanceFilter positions;
    positions.positions_only = true;
    CHECK(store->stances(positions).size() == test::fixture_votes().size());
    CHECK(store->stances().size() == test::fixture_votes().size() + summary.absent + summary.not_member);
}

TEST_CASE("a full-codes vote that disagrees with un_votes is reported and un_votes wins") {
    test::TempDir dir;
    std::filesystem::copy_file(test::unga_fixture() / "votes_full_codes.csv", dir / "votes_full_codes.csv");
    std::filesystem::copy_file(test::unga_fixture() / "ccode_to_country.csv", dir / "ccode_to_country.csv");
    edit_table(dir.path(), "votes_full_codes.csv", "3386,44,210,1,1", "3386,44,210,1,3"); // nld yes → no
    UngaImportOptions options;
    options.full_codes_directory = dir.path();
    auto store = Store::open(":memory:");
    const UngaImportSummary summary = import_unga(*store, test::unga_fixture(), options);
    CHECK(summary.full_codes_conflicts == 1);
    REQUIRE(summary.conflict_examples.size() == 1);
    CHECK(summary.conflict_examples[0].find(
              ":1221: nld on roll call 3386 is \"no\" here but \"yes\" in un_votes.csv") != std::string::npos);
    CHECK(stance_by_id(*store, "unga-3386-nld")->kind == PositionKind::support);
    CHECK(summary.notes.empty());
}

TEST_CASE("a roll call the full-codes release puts in another session keeps its un_roll_calls session") {
    test::TempDir dir;
    std::filesystem::copy_file(test::unga_fixture() / "ccode_to_country.csv", dir / "ccode_to_country.csv");
    std::string text = test::read_text(test::unga_fixture() / "votes_full_codes.csv");
    for (auto at = text.find("\n3386,44,"); at != std::string::npos; at = text.find("\n3386,44,", at)) {
        text.replace(at, 9, "\n3386,43,");
    }
    test::write_text(dir / "votes_full_codes.csv", text);
    UngaImportOptions options;
    options.full_codes_directory = dir.path();
    auto store = Store::open(":memory:");
    const UngaImportSummary summary = import_unga(*store, test::unga_fixture(), options);
    REQUIRE(summary.notes.size() == 1); // one note per roll call, not per row
    CHECK(summary.notes[0].find("roll call 3386 is in session 43 here but in session 44 in un_roll_calls.csv") !=
          std::string::npos);
    CHECK(summary.full_codes_conflicts == 0);
    CHECK(stance_by_id(*store, "unga-3386-nld")->meeting == MeetingId{"unga-44-1989-10-06"});
}

TEST_CASE("progress is reported for every table, ending with done") {
    auto store = Store::open(":memory:");
    std::map<std::string, UngaImportProgress> last;
    (void)import_unga(*store, test::unga_fixture(), with_full_codes(),
                      [&](const UngaImportProgress& progress) { last[std::string(progress.table)] = progress; });
    for (const char* table : {"un_roll_calls.csv", "un_roll_call_issues.csv", "un_votes.csv", "votes_full_codes.csv"}) {
        CAPTURE(table);
        REQUIRE(last.count(table) == 1);
        CHECK(last[table].done);
        CHECK(last[table].bytes_read == last[table].bytes_total);
    }
    CHECK(last["un_votes.csv"].rows == test::fixture_votes().size());
}

TEST_CASE("a roll call without a short title takes its title from the description") {
    test::TempDir dir;
    copy_tables(dir.path(), false);
    edit_table(dir.path(), "un_roll_calls.csv",
               "The right of the Palestinian people to self-determination : resolution / adopted by the General "
               "Assembly,A/71/251",
               ",The right of the Palestinian people to self-determination : resolution / adopted by the General "
               "Assembly A/71/251");
    edit_table(dir.path(), "un_roll_calls.csv", "Programme planning ,Programme planning ",
               ",Programme planning and a description far longer than any title should be so that it has to be cut "
               "somewhere at a space before the limit");
    auto store = Store::open(":memory:");
    (void)import_unga(*store, dir.path());
    const auto titled = store->agenda_items(MeetingId{"unga-71-2016-12-19"});
    REQUIRE(titled.size() == 1);
    CHECK(titled[0].title == "The right of the Palestinian people to self-determination");
    const auto cut = store->agenda_items(MeetingId{"unga-74-2019-12-27"});
    REQUIRE(cut.size() == 1);
    CHECK(cut[0].title == "Programme planning and a description far longer than any title should be so that it has to "
                          "be cut somewhere at a space...");
}

TEST_CASE("unga ids and session numbers round-trip") {
    CHECK(unga_session_meeting(71) == MeetingId{"unga-71"});
    CHECK(unga_date_meeting(71, Date{2016, 12, 19}) == MeetingId{"unga-71-2016-12-19"});
    CHECK(unga_session_of(MeetingId{"unga-71"}) == 71);
    CHECK(unga_session_of(MeetingId{"unga-71-2016-12-19"}) == 71);
    CHECK_FALSE(unga_session_of(MeetingId{"unga-rc-5"}));
    CHECK_FALSE(unga_session_of(MeetingId{"nac-2017"}));
    CHECK(unga_vote_stance(5, ActorId{"nld"}) == StanceId{"unga-5-nld"});
    CHECK(unga_issue_topic("me") == TopicId{"unga-me"});
}

TEST_CASE("each roll call keeps importantvote, amend and para from un_roll_calls") {
    auto store = imported_fixture();
    std::map<AgendaItemId, RollCallFlags> stored;
    for (const AgendaItem& item : store->agenda_items()) {
        stored[item.id] = item.roll_call;
    }
    auto flag = [](const std::string& text) { return text.empty() ? std::nullopt : std::optional{text == "1"}; };
    std::size_t known = 0;
    for (const std::string& line : test::fixture_rows("un_roll_calls.csv")) {
        const auto fields = test::leading_fields(line, 7); // rcid, session, importantvote, date, unres, amend, para
        const AgendaItemId item = unga_roll_call_item(std::stoll(fields[0]));
        CAPTURE(item.str());
        REQUIRE(stored.count(item) == 1);
        CHECK(stored[item] == RollCallFlags{flag(fields[2]), flag(fields[5]), flag(fields[6])});
        known += stored[item].empty() ? 0U : 1U;
    }
    CHECK(known > 0);
}

TEST_CASE("a ccode listed twice in ccode_to_country.csv is refused with both lines") {
    test::TempDir dir;
    for (const char* table : {"votes_full_codes.csv", "ccode_to_country.csv"}) {
        std::filesystem::copy_file(test::unga_fixture() / table, dir / table);
    }
    edit_table(dir.path(), "ccode_to_country.csv", "20,Canada,CA,", "2,Canada,CA,"); // 2 is the United States'
    auto store = Store::open(":memory:");
    UngaImportOptions options;
    options.full_codes_directory = dir.path();
    try {
        (void)import_unga(*store, test::unga_fixture(), options);
        FAIL("a ccode listed twice was accepted");
    } catch (const invalid_input_error& failure) {
        CHECK(failure.where().ends_with("ccode_to_country.csv:3:1"));
        CHECK(std::string(failure.what()).find("ccode 2 is listed twice, on line 2 and on line 3") !=
              std::string::npos);
    }
    CHECK(store->stances().empty());
}

TEST_CASE("a ccode_to_country row whose name contradicts its code is refused at that row") {
    test::TempDir dir;
    for (const char* table : {"votes_full_codes.csv", "ccode_to_country.csv"}) {
        std::filesystem::copy_file(test::unga_fixture() / table, dir / table);
    }
    edit_table(dir.path(), "ccode_to_country.csv", "20,Canada,CA,", "20,Atlantis,CA,");
    auto store = Store::open(":memory:");
    UngaImportOptions options;
    options.full_codes_directory = dir.path();
    CHECK_THROWS_WITH_AS((void)import_unga(*store, test::unga_fixture(), options),
                         doctest::Contains("ccode_to_country.csv:3:13: the country name \"Atlantis\" does not name "
                                           "the country with code CA (Canada)"),
                         invalid_input_error);
    CHECK(store->stances().empty());
}

TEST_CASE("importing clean tables again removes an alias that named another country, and keeps the others") {
    auto store = imported_fixture();
    { // what an older stance left after importing a row "Netherlands,US", and a coder's own alias
        Actor usa = Catalog{*store}.actor(ActorId{"usa"});
        usa.aliases = {{"en", "Netherlands"}, {"en", "Uncle Sam"}};
        auto session = store->begin_import();
        session->put(usa);
        session->commit();
    }
    CHECK_THROWS_AS((void)resolve_actor(Catalog{*store}, "Netherlands"), not_found_error); // ambiguous
    (void)import_unga(*store, test::unga_fixture());
    const Catalog catalog{*store};
    CHECK(resolve_actor(catalog, "Netherlands") == ActorId{"nld"});
    CHECK(resolve_actor(catalog, "Uncle Sam") == ActorId{"usa"});
}
