// Which actor a country of the unvotes tables is. The reasons for each rule are in docs/unga.md.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <unordered_map>

#include "stance/actors/countries.hpp"
#include "stance/text/fold.hpp"
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
// "Micronesia (Federated States of)" is the UN's own name, which the unvotes tables use and ICU does not.
constexpr std::array extra_aliases{
    ExtraAliases{"rus", {"USSR", "Soviet Union", "Union of Soviet Socialist Republics"}},
    ExtraAliases{"deu", {"Federal Republic of Germany", "West Germany", "FRG"}},
    ExtraAliases{"yem", {"Yemen Arab Republic", "North Yemen", "Republic of Yemen"}},
    ExtraAliases{"srb", {"Federal Republic of Yugoslavia", "Serbia and Montenegro", ""}},
    ExtraAliases{"twn", {"Republic of China", "", ""}},
    ExtraAliases{"fsm", {"Micronesia (Federated States of)", "Federated States of Micronesia", ""}},
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

void add_extra_aliases(Actor& actor) {
    for (const ExtraAliases& extra : extra_aliases) {
        if (extra.id == actor.id.str()) {
            for (std::string_view alias : extra.english) {
                add_alias(actor, "en", alias);
            }
        }
    }
}

// The actor with every name stance knows for it, before the table's own name is added.
std::optional<Actor> known_actor(std::string_view country, std::string_view code, const Date& date) {
    std::optional<Actor> actor = base_actor(country, code, date);
    if (actor) {
        add_extra_aliases(*actor);
    }
    return actor;
}

bool is_named(const Actor& actor, const std::string& folded_name) {
    if (fold_for_matching(actor.name) == folded_name) {
        return true;
    }
    return std::any_of(actor.aliases.begin(), actor.aliases.end(),
                       [&](const Name& alias) { return fold_for_matching(alias.text) == folded_name; });
}

/// Every name of every state stance knows (folded), with the ids of the states it names.
const std::unordered_map<std::string, std::set<std::string>>& country_names() {
    static const auto names = [] {
        std::unordered_map<std::string, std::set<std::string>> owners;
        auto add = [&](Actor actor) {
            add_extra_aliases(actor);
            owners[fold_for_matching(actor.name)].insert(actor.id.str());
            for (const Name& alias : actor.aliases) {
                owners[fold_for_matching(alias.text)].insert(actor.id.str());
            }
        };
        for (const Actor& actor : country_actors()) {
            add(actor);
        }
        for (const HistoricState& state : historic_states()) {
            add(*historic_state_actor(state.id));
        }
        return owners;
    }();
    return names;
}

} // namespace

bool unga_alias_names_another_country(const ActorId& actor, std::string_view alias) {
    const auto& names = country_names();
    const auto found = names.find(fold_for_matching(alias));
    return found != names.end() && !found->second.contains(actor.str());
}

bool unga_country_name_fits(std::string_view country, std::string_view code, const Date& date) {
    const std::optional<Actor> actor = known_actor(country, code, date);
    if (!actor || code.empty()) {
        return actor.has_value(); // without a code the name alone decided
    }
    const std::string folded = fold_for_matching(country);
    if (is_named(*actor, folded)) {
        return true;
    }
    // From November 2000 "YU" is Serbia, whose votes the data still files under "Yugoslavia".
    return code == "YU" && is_named(*historic_state_actor("yug"), folded);
}

std::optional<Actor> unga_country_actor(std::string_view country, std::string_view code, const Date& date) {
    std::optional<Actor> actor = known_actor(country, code, date);
    if (!actor) {
        return std::nullopt;
    }
    // After 2000 the data still says "Yugoslavia" for Serbia; as an alias it would make the name
    // ambiguous, and "Yugoslavia" means the federation that ended in 1992.
    if (!(code == "YU" && actor->id.str() != "yug")) {
        add_alias(*actor, "en", country);
    }
    return actor;
}

} // namespace stance
