#include <doctest/doctest.h>

#include "query_fixture.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"

using namespace stance;

TEST_CASE("actors resolve by id, ISO codes and names in English and Dutch, ignoring case and accents") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    for (const char* reference :
         {"nld", "NLD", "NL", "nl", "Netherlands", "the Netherlands", "Nederland", "NEDERLAND", "  nederland "}) {
        CAPTURE(reference);
        CHECK(resolve_actor(catalog, reference) == ActorId{"nld"});
    }
    CHECK(resolve_actor(catalog, "Russia") == ActorId{"rus"});
    CHECK(resolve_actor(catalog, "Rusland") == ActorId{"rus"});
    CHECK(resolve_actor(catalog, "Oekraïne") == ActorId{"ukr"});
    CHECK(resolve_actor(catalog, "oekraine") == ActorId{"ukr"});
    CHECK(resolve_actor(catalog, "OEKRAÏNE") == ActorId{"ukr"});
    CHECK(resolve_actor(catalog, "Verenigde Staten") == ActorId{"usa"});
    CHECK(resolve_actor(catalog, "Bondgenoten") == ActorId{"nato-allies"});
}

TEST_CASE("topics resolve by id, label or alias in any language") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    CHECK(resolve_topic(catalog, "Russia") == TopicId{"russia"});
    CHECK(resolve_topic(catalog, "Rusland") == TopicId{"russia"});
    CHECK(resolve_topic(catalog, "rusland") == TopicId{"russia"});
    CHECK(resolve_topic(catalog, "Oekraïne") == TopicId{"ukraine"});
    CHECK(resolve_topic(catalog, "oekraine") == TopicId{"ukraine"});
    CHECK(resolve_topic(catalog, "defensie-uitgaven") == TopicId{"defence-spending"});
    CHECK(resolve_topic(catalog, "Defense spending") == TopicId{"defence-spending"});
    CHECK(resolve_topic(catalog, "nato-russia-dialogue") == TopicId{"nato-russia-dialogue"});
}

TEST_CASE("meetings resolve by id, title, or a date naming the day's top-level meeting") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    CHECK(resolve_meeting(catalog, "nac-fm-2017-03-31") == MeetingId{"nac-fm-2017-03-31"});
    // Four meetings were held on 31 March 2017, but only the ministerial is top-level.
    CHECK(resolve_meeting(catalog, "2017-03-31") == MeetingId{"nac-fm-2017-03-31"});
    CHECK(resolve_meeting(catalog, "working lunch: relations with russia") ==
          MeetingId{"nac-fm-2017-03-31-working-lunch"});
}

TEST_CASE("an unknown actor names what was looked for and lists the closest matches") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    const not_found_error failure = test::failure_of([&] { (void)resolve_actor(catalog, "Nederlnd"); });
    std::string joined;
    for (const std::string& candidate : failure.candidates()) {
        joined += (joined.empty() ? "" : ", ") + candidate;
    }
    CHECK(std::string(failure.what()) == "unknown actor \"Nederlnd\"; closest: " + joined);
    REQUIRE_FALSE(failure.candidates().empty());
    CHECK(failure.candidates().front() == "nld (Netherlands)");
    CHECK(failure.candidates().size() <= 5);

    const not_found_error swapped = test::failure_of([&] { (void)resolve_actor(catalog, "NDL"); });
    REQUIRE_FALSE(swapped.candidates().empty());
    CHECK(swapped.candidates().front() == "nld (Netherlands)");

    const not_found_error prefix = test::failure_of([&] { (void)resolve_actor(catalog, "Ukrai"); });
    REQUIRE_FALSE(prefix.candidates().empty());
    CHECK(prefix.candidates().front() == "ukr (Ukraine)");
}

TEST_CASE("a reference close to nothing says so and suggests the listing command") {
    auto store = test::seed_store();
    const Catalog catalog{*store};
    const not_found_error failure = test::failure_of([&] { (void)resolve_topic(catalog, "Zqxjv wpt"); });
    CHECK(failure.candidates().empty());
    CHECK(std::string(failure.what()).find("unknown topic \"Zqxjv wpt\"") != std::string::npos);
    CHECK(std::string(failure.what()).find("stance topics") != std::string::npos);

    const not_found_error empty = test::failure_of([&] { (void)resolve_actor(catalog, "   "); });
    CHECK(std::string(empty.what()).find("no actor given") != std::string::npos);
}

TEST_CASE("an ambiguous name lists every actor it matches") {
    test::DatasetBuilder builder;
    builder.actor("cog", ActorKind::state, "Republic of the Congo", {{"en", "Congo"}}, "CG", "COG")
        .actor("cod", ActorKind::state, "Democratic Republic of the Congo", {{"en", "Congo"}}, "CD", "COD");
    auto store = builder.store();
    const Catalog catalog{*store};
    const not_found_error failure = test::failure_of([&] { (void)resolve_actor(catalog, "congo"); });
    CHECK(std::string(failure.what()).find("ambiguous actor \"congo\"") != std::string::npos);
    REQUIRE(failure.candidates().size() == 2);
    CHECK(failure.candidates()[0] == "cod (Democratic Republic of the Congo)"); // in id order
    CHECK(failure.candidates()[1] == "cog (Republic of the Congo)");
    CHECK(resolve_actor(catalog, "COD") == ActorId{"cod"});
}

TEST_CASE("an exact id or code beats a name that another actor carries") {
    test::DatasetBuilder builder;
    // Namibia's ISO alpha-2 code is "NA"; another actor uses "NA" as an abbreviation.
    builder.actor("nam", ActorKind::state, "Namibia", {}, "NA", "NAM")
        .actor("north-america", ActorKind::group, "North America", {{"en", "NA"}})
        .actor("eu", ActorKind::organisation, "European Union")
        .actor("eu-members", ActorKind::group, "EU member states", {{"en", "eu"}});
    auto store = builder.store();
    const Catalog catalog{*store};
    CHECK(resolve_actor(catalog, "NA") == ActorId{"nam"});
    CHECK(resolve_actor(catalog, "EU") == ActorId{"eu"});
    CHECK(resolve_actor(catalog, "North America") == ActorId{"north-america"});
}

TEST_CASE("edit distance counts code points, not bytes") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("nederlnd", "nederland") == 1);
    CHECK(edit_distance("oekraïne", "oekraine") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("ndl", "nld") == 1); // a swap of neighbours is one slip
    CHECK(edit_distance("ca", "abc") == 3);
}
