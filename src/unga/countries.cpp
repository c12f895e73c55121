// Which actor a country of the unvotes tables is. The reasons for each rule are in docs/unga.md.
#include <algorithm>
#include <array>

#include "stance/actors/countries.hpp"
#include "stance/unga/import.hpp"

namespace stance {

namespace {

// The day the Federal Republic of Yugoslavia was admitted to the UN as a new member.
const Date fry_admitted{2000, 11, 1};

struct ExtraAliases {
    std::string_view id;
    std::array<std::string_view, 3> english;
};

// Names under which a current state appears in UN vote histories. The USSR's votes are in the
// data as Russia's; the Federal Republic of Germany's and the Yemen Arab Republic's as deu and yem.
constexpr std::array extra_aliases{
    ExtraAliases{"rus", {"USSR", "Soviet Union", "Union of Soviet Socialist Republics"}},
    ExtraAliases{"deu", {"Federal Republic of Germany", "West Germany", "FRG"}},
    ExtraAliases{"yem", {"Yemen Arab Republic", "North Yemen", "Republic of Yemen"}},
    ExtraAliases{"srb", {"Federal Republic of Yugoslavia", "Serbia and Montenegro", ""}},
    ExtraAliases{"twn", {"Republic of China", "", ""}},
};

void add_alias(Actor& actor, std::string_view language, std::string_view text) {
    if (text.empty()) {
        return;
    }
    const Name name{std::string(language), std::string(text)};
    if (std::find(actor.aliases.begin(), actor.aliases.end(), name) == actor.aliases.end()) {
        actor.aliases.push_back(name);
    }
}

std::optional<Actor> base_actor(std::string_view country, std::string_view code, const Date& date) {
    if (code.empty()) {
        if (country == "Federal Republic of Germany") {
            return country_actor("DE");
        }
        if (country == "Yemen Arab Republic") {
            return country_actor("YE");
        }
        if (country == "Zanzibar") {
            return historic_state_actor("zanzibar");
        }
        return std::nullopt;
    }
    // Withdrawn codes first: ICU would map them to a successor ("CS" is Serbia and Montenegro to ICU).
    if (code == "DD") {
        return historic_state_actor("ddr");
    }
    if (code == "YD") {
        return historic_state_actor("ymd");
    }
    if (code == "CS") {
        return historic_state_actor("csk");
    }
    if (code == "YU") {
        return date < fry_admitted ? historic_state_actor("yug") : country_actor("RS");
    }
    return country_actor(code);
}

} // namespace

std::optional<Actor> unga_country_actor(std::string_view country, std::string_view code, const Date& date) {
    std::optional<Actor> actor = base_actor(country, code, date);
    if (!actor) {
        return std::nullopt;
    }
    for (const ExtraAliases& extra : extra_aliases) {
        if (extra.id == actor->id.str()) {
            for (std::string_view alias : extra.english) {
                add_alias(*actor, "en", alias);
            }
        }
    }
    // After 2000 the data still says "Yugoslavia" for Serbia; as an alias it would make the name
    // ambiguous, and "Yugoslavia" means the federation that ended in 1992.
    if (!(code == "YU" && actor->id.str() != "yug")) {
        add_alias(*actor, "en", country);
    }
    return actor;
}

} // namespace stance
