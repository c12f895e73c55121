// The streaming export (stance/io/export.hpp): the same bytes as write_dataset of the whole store,
// and subsets that import on their own and export again to the same bytes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "io/json_pretty.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/io/export.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "support.hpp"
#include "unga/unga_fixture.hpp"

using namespace stance;

namespace {

const std::filesystem::path seed = test::source_dir() / "data/seed/nato-2017-03-31.json";
const std::filesystem::path general_debate = test::source_dir() / "data/general-debate/nld-russia-ukraine.json";

std::string streamed(const Store& store, const ExportSelection& selection = {}) {
    std::string out;
    std::size_t pieces = 0;
    export_dataset(
        store,
        [&](std::string_view piece) {
            out += piece;
            ++pieces;
        },
        selection);
    CHECK(pieces >= 1);
    return out;
}

std::unique_ptr<Store> seed_and_general_debate() {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, seed);
    import_dataset_file(*store, general_debate);
    return store;
}

/// Exports `selection`, imports the file into a new database, and checks that the new database
/// holds exactly the subset (its whole export is the same bytes) and that the same selection on it
/// gives the same bytes again. Returns the subset as read back.
Dataset check_round_trip(const Store& store, const ExportSelection& selection) {
    const std::string subset = streamed(store, selection);
    test::TempDir dir;
    test::write_text(dir / "subset.json", subset);
    auto fresh = Store::open((dir / "fresh.db").string());
    import_dataset_file(*fresh, dir / "subset.json");
    CHECK(streamed(*fresh, selection) == subset);
    CHECK(streamed(*fresh) == subset);
    return fresh->to_dataset();
}

std::size_t count_if_stance(const Store& store, const std::function<bool(const Stance&)>& keep) {
    const std::vector<Stance> all = store.stances();
    return static_cast<std::size_t>(std::count_if(all.begin(), all.end(), keep));
}

} // namespace

TEST_CASE("the streamed export is byte for byte write_dataset of the whole store") {
    SUBCASE("the seed and the general-debate data") {
        auto store = seed_and_general_debate();
        CHECK(streamed(*store) == write_dataset(store->to_dataset()));
    }
    SUBCASE("UN votes, whose documents are referenced (format 2)") {
        auto store = Store::open(":memory:");
        (void)import_unga(*store, test::unga_fixture());
        const std::string exported = streamed(*store);
        CHECK(exported.starts_with("{\n  \"stance_dataset\": 2,"));
        CHECK(exported == write_dataset(store->to_dataset()));
    }
    SUBCASE("an empty store") {
        auto store = Store::open(":memory:");
        CHECK(streamed(*store) == "{\n  \"stance_dataset\": 1\n}\n");
        CHECK(streamed(*store) == write_dataset(store->to_dataset()));
    }
}

TEST_CASE("a document's stances export with everything they refer to and re-export identically") {
    auto store = seed_and_general_debate();
    for (const char* document : {"nl-mfa-letter-nac-fm-2017-03-31", "ungdc-nld-77-2022", "ungdc-nld-69-2014"}) {
        CAPTURE(document);
        ExportSelection selection;
        selection.document = DocumentId{document};
        const Dataset subset = check_round_trip(*store, selection);
        REQUIRE(subset.documents.size() == 1);
        CHECK(subset.documents[0].id.str() == document);
        const std::size_t expected =
            count_if_stance(*store, [&](const Stance& s) { return s.source && s.source->document.str() == document; });
        CHECK(expected > 0);
        CHECK(subset.stances.size() == expected);
    }
}

TEST_CASE("a meeting's stances export with its nested meetings, parents and agenda") {
    auto store = seed_and_general_debate();
    SUBCASE("a ministerial with nested sessions") {
        ExportSelection selection;
        selection.meeting = MeetingId{"nac-fm-2017-03-31"};
        const Dataset subset = check_round_trip(*store, selection);
        const std::vector<MeetingId> nested{
            MeetingId{"nac-fm-2017-03-31"}, MeetingId{"nac-fm-2017-03-31-working-lunch"},
            MeetingId{"nac-fm-2017-03-31-working-session"}, MeetingId{"nuc-fm-2017-03-31"}};
        for (const Stance& stance : subset.stances) {
            CHECK(std::find(nested.begin(), nested.end(), stance.meeting) != nested.end());
        }
        const std::size_t expected = count_if_stance(*store, [&](const Stance& s) {
            return std::find(nested.begin(), nested.end(), s.meeting) != nested.end();
        });
        CHECK(expected > 0);
        CHECK(subset.stances.size() == expected);
        const std::vector<AgendaItem> items = store->agenda_items();
        const auto on_nested = std::count_if(items.begin(), items.end(), [&](const AgendaItem& item) {
            return std::find(nested.begin(), nested.end(), item.meeting) != nested.end();
        });
        CHECK(on_nested > 0);
        CHECK(subset.agenda_items.size() == static_cast<std::size_t>(on_nested)); // the whole agenda
        CHECK(std::none_of(subset.meetings.begin(), subset.meetings.end(),
                           [](const Meeting& m) { return m.id.str() == "unga-gd-77"; }));
    }
    SUBCASE("a nested session pulls in its parent meeting, not the parent's other sessions' stances") {
        ExportSelection selection;
        selection.meeting = MeetingId{"nac-fm-2017-03-31-working-lunch"};
        const Dataset subset = check_round_trip(*store, selection);
        CHECK(std::any_of(subset.meetings.begin(), subset.meetings.end(),
                          [](const Meeting& m) { return m.id.str() == "nac-fm-2017-03-31"; }));
        CHECK(!subset.stances.empty());
        for (const Stance& stance : subset.stances) {
            CHECK(stance.meeting.str() == "nac-fm-2017-03-31-working-lunch");
        }
    }
    SUBCASE("a general-debate meeting") {
        ExportSelection selection;
        selection.meeting = MeetingId{"unga-gd-77"};
        const Dataset subset = check_round_trip(*store, selection);
        CHECK(subset.stances.size() ==
              count_if_stance(*store, [](const Stance& s) { return s.meeting.str() == "unga-gd-77"; }));
        CHECK(subset.participants.size() == 1);
    }
}

TEST_CASE("a coder's stances export with everything they refer to") {
    auto store = seed_and_general_debate();
    for (const char* coder : {"stance seed coding", "stance general-debate coding (by hand)"}) {
        CAPTURE(coder);
        ExportSelection selection;
        selection.coder = coder;
        const Dataset subset = check_round_trip(*store, selection);
        CHECK(subset.stances.size() == count_if_stance(*store, [&](const Stance& s) { return s.coder == coder; }));
        CHECK(std::all_of(subset.stances.begin(), subset.stances.end(),
                          [&](const Stance& s) { return s.coder == coder; }));
    }
}

TEST_CASE("a subset export of UN votes holds the roll calls and countries of its document") {
    auto store = Store::open(":memory:");
    (void)import_unga(*store, test::unga_fixture());
    const std::vector<Document> documents = store->documents();
    const auto votes = std::find_if(documents.begin(), documents.end(),
                                    [](const Document& d) { return d.path.ends_with("un_votes.csv"); });
    REQUIRE(votes != documents.end());
    ExportSelection selection;
    selection.document = votes->id;
    const Dataset subset = check_round_trip(*store, selection);
    CHECK(subset.stances.size() == store->stances().size());
    CHECK(subset.documents.size() == 1);
}

TEST_CASE("a selection that names nothing in the store is refused before anything is written") {
    auto store = seed_and_general_debate();
    std::string out;
    const ExportSink sink = [&](std::string_view piece) { out += piece; };
    SUBCASE("an unknown document") {
        ExportSelection selection;
        selection.document = DocumentId{"no-such-document"};
        CHECK_THROWS_WITH_AS(export_dataset(*store, sink, selection),
                             "no document \"no-such-document\" in the database; give a document's id", not_found_error);
    }
    SUBCASE("an unknown meeting") {
        ExportSelection selection;
        selection.meeting = MeetingId{"no-such-meeting"};
        CHECK_THROWS_AS(export_dataset(*store, sink, selection), not_found_error);
    }
    SUBCASE("a coder with no stances, with the coders there are") {
        ExportSelection selection;
        selection.coder = "stance seed";
        try {
            export_dataset(*store, sink, selection);
            FAIL("a coder with no stances was exported");
        } catch (const not_found_error& failure) {
            CHECK(std::string(failure.what()) ==
                  "no stance coded by \"stance seed\"; give the coder's name exactly as its stances record it; "
                  "closest: stance seed coding, stance general-debate coding (by hand)");
            CHECK(failure.candidates() ==
                  std::vector<std::string>{"stance seed coding", "stance general-debate coding (by hand)"});
        }
    }
    SUBCASE("a document and a meeting with no stance in common: a valid, empty selection") {
        ExportSelection selection;
        selection.document = DocumentId{"ungdc-nld-77-2022"};
        selection.meeting = MeetingId{"unga-gd-78"};
        const Dataset subset = check_round_trip(*store, selection);
        CHECK(subset.stances.empty());
        CHECK(subset.documents.size() == 1);
    }
    CHECK(out.empty());
}

TEST_CASE("a direction may lean on a scale topic written later in the same import; an unknown scale is refused") {
    Topic later_scale;
    later_scale.id = TopicId{"russia"};
    later_scale.label = "Russia";
    later_scale.scale = Scale{{Name{"en", "engagement"}}, {Name{"en", "pressure"}}};
    Topic leaning;
    leaning.id = TopicId{"crimea-annexation"};
    leaning.label = "Annexation of Crimea";
    leaning.directions = {Direction{TopicId{"russia"}, 1.0}};
    SUBCASE("the scale comes later in the same session") {
        auto store = Store::open(":memory:");
        auto session = store->begin_import();
        session->put(leaning); // before its scale, as an export sorted by id writes the seed's topics
        session->put(later_scale);
        session->commit();
        const std::vector<Topic> topics = store->topics();
        const auto stored = std::find_if(topics.begin(), topics.end(),
                                         [](const Topic& t) { return t.id.str() == "crimea-annexation"; });
        REQUIRE(stored != topics.end());
        CHECK(stored->directions == leaning.directions);
    }
    SUBCASE("the scale never comes: the commit is refused and nothing is written") {
        auto store = Store::open(":memory:");
        {
            auto session = store->begin_import();
            session->put(leaning);
            CHECK_THROWS_WITH_AS(session->commit(), "unknown topic \"russia\": import it first or fix the reference",
                                 invalid_input_error);
        }
        CHECK(store->topics().empty());
    }
}

TEST_CASE("the seed's whole export imports into a new database and exports the same bytes") {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, seed);
    (void)check_round_trip(*store, {});
}

TEST_CASE("strings and integers are written exactly as Boost.JSON serializes them") {
    // The export writes strings and integers itself (json_pretty.cpp); a different escape would
    // change the bytes of every export that holds the character.
    using namespace std::string_literals;
    std::string every_byte;
    for (int c = 1; c < 256; ++c) {
        every_byte += static_cast<char>(c);
    }
    for (const std::string& text :
         {every_byte, "\0 in the middle"s, std::string("Côte d’Ivoire \"/\\"), std::string()}) {
        const boost::json::value value(text);
        CHECK(detail::compact_json(value) == boost::json::serialize(value));
        boost::json::object keyed;
        keyed[text] = text;
        CHECK(detail::compact_json(keyed) == boost::json::serialize(keyed));
    }
    for (const boost::json::value& number : {boost::json::value(std::int64_t{-9'007'199'254'740'993}),
                                             boost::json::value(std::uint64_t{18'446'744'073'709'551'615U}),
                                             boost::json::value(0), boost::json::value(true), boost::json::value()}) {
        CHECK(detail::compact_json(number) == boost::json::serialize(number));
    }
}

TEST_CASE("numbers are written in the shortest form that reads back, with .0 on whole numbers") {
    // append_json_number writes whole numbers from their digits; the shortest form must agree.
    auto shortest = [](double number) {
        std::string text = fmt::format("{}", number);
        return text.find_first_of(".eE") == std::string::npos ? text + ".0" : text;
    };
    std::vector<double> numbers{0.0, -0.0, 1.0, -1.0, 0.5, -0.25, 0.1, 1e9, -1e9, 1e9 + 1};
    numbers.insert(numbers.end(), {1e15, 1e16, 1e-7, 123456789.0, 0.30000000000000004, 2.5e-300, 1.7e308});
    for (int i = -2048; i <= 2048; ++i) {
        numbers.push_back(static_cast<double>(i) / 1024.0); // every score a coder can give, and more
        numbers.push_back(static_cast<double>(i) * 1000.0);
    }
    for (double number : numbers) {
        std::string written;
        detail::append_json_number(written, number);
        CHECK_MESSAGE(written == shortest(number), number);
    }
    for (double not_finite : {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
        std::string written;
        detail::append_json_number(written, not_finite);
        CHECK(written == "null");
    }
    std::string integers;
    detail::append_json_integer(integers, std::int64_t{-9'223'372'036'854'775'807} - 1);
    integers += ' ';
    detail::append_json_integer(integers, std::uint64_t{18'446'744'073'709'551'615U});
    CHECK(integers == "-9223372036854775808 18446744073709551615");
}
