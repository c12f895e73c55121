#include <doctest/doctest.h>

#include <algorithm>

#include "stance/actors/countries.hpp"
#include "stance/io/csv.hpp"
#include "stance/unga/import.hpp"
#include "support.hpp"

using namespace stance;

namespace {

bool has_alias(const Actor& actor, std::string_view language, std::string_view text) {
    return std::find(actor.aliases.begin(), actor.aliases.end(), Name{std::string(language), std::string(text)}) !=
           actor.aliases.end();
}

} // namespace

TEST_CASE("a current ISO code gives the actor with its alpha-3 id and names from ICU") {
    const auto netherlands = country_actor("NL");
    REQUIRE(netherlands);
    CHECK(netherlands->id == ActorId{"nld"});
    CHECK(netherlands->iso2 == "NL");
    CHECK(netherlands->iso3 == "NLD");
    CHECK(netherlands->kind == ActorKind::state);
    CHECK(netherlands->name == "Netherlands");
    CHECK(has_alias(*netherlands, "nl", "Nederland"));
    CHECK(has_alias(*netherlands, "de", "Niederlande"));
    CHECK(has_alias(*netherlands, "fr", "Pays-Bas"));
    for (std::string_view language : country_name_languages()) {
        CHECK_MESSAGE(std::any_of(netherlands->aliases.begin(), netherlands->aliases.end(),
                                  [&](const Name& name) { return name.language == language; }),
                      "no name in " << language);
    }
    CHECK(country_actor("nl")->id == ActorId{"nld"}); // any case
}

TEST_CASE("Namibia's code is the string NA, not a missing value") {
    const auto namibia = country_actor("NA");
    REQUIRE(namibia);
    CHECK(namibia->id == ActorId{"nam"});
    CHECK(namibia->iso2 == "NA");
    CHECK(namibia->name == "Namibia");
}

TEST_CASE("withdrawn and unknown codes give no current country") {
    for (const char* code : {"YU", "DD", "SU", "CS", "YD", "XX", "", "NLD", "N"}) {
        CAPTURE(code);
        CHECK_FALSE(country_actor(code));
    }
}

TEST_CASE("the country list holds every current code once, sorted by id") {
    const std::vector<Actor> countries = country_actors();
    CHECK(countries.size() > 240);
    CHECK(
        std::is_sorted(countries.begin(), countries.end(), [](const Actor& a, const Actor& b) { return a.id < b.id; }));
    CHECK(std::adjacent_find(countries.begin(), countries.end(),
                             [](const Actor& a, const Actor& b) { return a.id == b.id; }) == countries.end());
    CHECK(std::any_of(countries.begin(), countries.end(), [](const Actor& a) { return a.id == ActorId{"twn"}; }));
}

TEST_CASE("historic states have documented slugs and their former codes") {
    const auto gdr = historic_state_actor("ddr");
    REQUIRE(gdr);
    CHECK(gdr->name == "German Democratic Republic");
    CHECK(gdr->iso2 == "DD");
    CHECK(has_alias(*gdr, "en", "East Germany"));
    const auto zanzibar = historic_state_actor("zanzibar");
    REQUIRE(zanzibar);
    CHECK(zanzibar->iso2.empty());
    CHECK_FALSE(historic_state_actor("sun"));
    for (const HistoricState& state : historic_states()) {
        CHECK_FALSE(state.note.empty());
        CHECK_FALSE(country_actor(state.former_iso2)); // no clash with a current code
    }
}

TEST_CASE("the unvotes country rows map to actors as docs/unga.md says") {
    const Date cold_war{1985, 1, 1};
    const Date today{2019, 12, 27};
    CHECK(unga_country_actor("Russia", "RU", cold_war)->id == ActorId{"rus"});
    CHECK(has_alias(*unga_country_actor("Russia", "RU", cold_war), "en", "USSR"));
    const auto frg = unga_country_actor("Federal Republic of Germany", "", cold_war);
    REQUIRE(frg);
    CHECK(frg->id == ActorId{"deu"});
    CHECK(has_alias(*frg, "en", "Federal Republic of Germany"));
    CHECK(unga_country_actor("Germany", "DE", today)->id == ActorId{"deu"});
    CHECK(unga_country_actor("German Democratic Republic", "DD", cold_war)->id == ActorId{"ddr"});
    CHECK(unga_country_actor("Yemen Arab Republic", "", cold_war)->id == ActorId{"yem"});
    CHECK(unga_country_actor("Yemen People's Republic", "YD", cold_war)->id == ActorId{"ymd"});
    CHECK(unga_country_actor("Czechoslovakia", "CS", cold_war)->id == ActorId{"csk"});
    CHECK(unga_country_actor("Zanzibar", "", Date{1963, 12, 3})->id == ActorId{"zanzibar"});
    CHECK(unga_country_actor("Namibia", "NA", today)->id == ActorId{"nam"});
    CHECK(unga_country_actor("Taiwan", "TW", Date{1950, 1, 1})->id == ActorId{"twn"});

    SUBCASE("Yugoslavia is the federation until the FRY joined on 1 November 2000, then Serbia") {
        const auto sfry = unga_country_actor("Yugoslavia", "YU", Date{1992, 9, 3});
        const auto fry = unga_country_actor("Yugoslavia", "YU", Date{2000, 11, 1});
        REQUIRE(sfry);
        REQUIRE(fry);
        CHECK(sfry->id == ActorId{"yug"});
        CHECK(fry->id == ActorId{"srb"});
        CHECK_FALSE(has_alias(*fry, "en", "Yugoslavia")); // would make the name ambiguous
        CHECK(has_alias(*fry, "en", "Federal Republic of Yugoslavia"));
    }
    CHECK_FALSE(unga_country_actor("Atlantis", "", today));
    CHECK_FALSE(unga_country_actor("Atlantis", "XX", today));
}

TEST_CASE("a country name must name the state its code stands for, in any case and with or without accents") {
    const Date today{2019, 12, 27};
    CHECK(unga_country_name_fits("Canada", "CA", today));
    CHECK(unga_country_name_fits("CANADA", "CA", today));
    CHECK(unga_country_name_fits("Cote d’Ivoire", "CI", today));
    CHECK(unga_country_name_fits("Nederland", "NL", today)); // an ICU name in another language
    CHECK(unga_country_name_fits("USSR", "RU", Date{1985, 1, 1}));
    CHECK(unga_country_name_fits("Yugoslavia", "YU", Date{1992, 9, 3}));
    CHECK(unga_country_name_fits("Yugoslavia", "YU", today)); // Serbia, still so named in the data
    CHECK(unga_country_name_fits("Czechoslovakia", "CS", Date{1985, 1, 1}));
    CHECK(unga_country_name_fits("German Democratic Republic", "DD", Date{1985, 1, 1}));
    CHECK(unga_country_name_fits("Federal Republic of Germany", "", Date{1985, 1, 1}));
    CHECK_FALSE(unga_country_name_fits("Atlantis", "AT", today));
    CHECK_FALSE(unga_country_name_fits("Netherlands", "US", today));
    CHECK_FALSE(unga_country_name_fits("Atlantis", "", today));
}

TEST_CASE("every country row of the shipped full-codes release names the state of its code") {
    const std::filesystem::path file = test::source_dir() / "data/voeten_unvotes_2016/ccode_to_country.csv.gz";
    CsvReader reader(open_data_file(file), file.string());
    CsvRecord record;
    (void)reader.next(record); // the header
    std::size_t rows = 0;
    while (reader.next(record)) {
        ++rows;
        CAPTURE(record.field(1));
        CHECK(unga_country_name_fits(record.field(1), record.field(2), Date{1990, 1, 1}));
    }
    CHECK(rows > 190);
}

TEST_CASE("an alias that names another state is recognised as a contradiction, other aliases are not") {
    CHECK(unga_alias_names_another_country(ActorId{"usa"}, "Netherlands"));
    CHECK(unga_alias_names_another_country(ActorId{"aut"}, "Australia"));
    CHECK_FALSE(unga_alias_names_another_country(ActorId{"nld"}, "Netherlands"));
    CHECK_FALSE(unga_alias_names_another_country(ActorId{"nld"}, "Holland"));
    CHECK_FALSE(unga_alias_names_another_country(ActorId{"rus"}, "USSR"));
    CHECK_FALSE(unga_alias_names_another_country(ActorId{"srb"}, "Federal Republic of Yugoslavia"));
}
