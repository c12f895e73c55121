// Country actors from ICU's copy of ISO 3166-1 and CLDR's country names, plus the historic states.
#include "stance/actors/countries.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace stance {

namespace {

constexpr std::array<std::string_view, 8> languages{"en", "nl", "fr", "de", "es", "ru", "ar", "zh"};

// Dates and facts from the UN's list of member states (un.org/en/about-us/member-states).
constexpr std::array<std::string_view, 2> czechoslovakia_aliases{"Czechoslovak Socialist Republic",
                                                                 "Czech and Slovak Federative Republic"};
constexpr std::array<std::string_view, 3> gdr_aliases{"East Germany", "GDR", "German Democratic Republic"};
constexpr std::array<std::string_view, 3> south_yemen_aliases{"South Yemen", "Democratic Yemen",
                                                              "Yemen People's Republic"};
constexpr std::array<std::string_view, 2> yugoslavia_aliases{"Yugoslavia", "SFR Yugoslavia"};
constexpr std::array<std::string_view, 1> zanzibar_aliases{"Zanzibar"};

constexpr std::array historic{
    HistoricState{"csk", "Czechoslovakia", "CS", "CSK", czechoslovakia_aliases,
                  "Dissolved on 1 January 1993; Czechia (cze) and Slovakia (svk) joined the UN as new members on "
                  "19 January 1993."},
    HistoricState{"ddr", "German Democratic Republic", "DD", "DDR", gdr_aliases,
                  "UN member from 18 September 1973; acceded to the Federal Republic of Germany (deu) on "
                  "3 October 1990."},
    HistoricState{"ymd", "People's Democratic Republic of Yemen", "YD", "YMD", south_yemen_aliases,
                  "UN member from 14 December 1967; merged with the Yemen Arab Republic into Yemen (yem) on "
                  "22 May 1990."},
    HistoricState{"yug", "Socialist Federal Republic of Yugoslavia", "YU", "YUG", yugoslavia_aliases,
                  "Original UN member; broke up in 1991-1992. The Federal Republic of Yugoslavia was admitted as a "
                  "new member on 1 November 2000 and is today's Serbia (srb)."},
    HistoricState{"zanzibar", "People's Republic of Zanzibar", "", "", zanzibar_aliases,
                  "UN member from 16 December 1963; united with Tanganyika on 26 April 1964 as the United Republic "
                  "of Tanzania (tza). It never had an ISO 3166 code."},
};

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// ICU's current ISO 3166-1 codes; withdrawn ones ("YU", "DD", "SU") are not in this list.
const std::set<std::string, std::less<>>& current_codes() {
    static const std::set<std::string, std::less<>> codes = [] {
        std::set<std::string, std::less<>> result;
        for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
            result.emplace(*code);
        }
        return result;
    }();
    return codes;
}

} // namespace

std::span<const std::string_view> country_name_languages() noexcept {
    return languages;
}

std::optional<Actor> country_actor(std::string_view iso2) {
    const std::string code = upper(iso2);
    if (code.size() != 2 || !current_codes().contains(code)) {
        return std::nullopt;
    }
    const icu::Locale region("", code.c_str());
    const std::string iso3 = region.getISO3Country();
    if (iso3.size() != 3) {
        return std::nullopt;
    }
    Actor actor;
    actor.id = ActorId{lower(iso3)};
    actor.kind = ActorKind::state;
    actor.iso2 = code;
    actor.iso3 = iso3;
    for (std::string_view language : languages) {
        icu::UnicodeString name;
        region.getDisplayCountry(icu::Locale(std::string(language).c_str()), name);
        std::string text = to_utf8(name);
        if (text.empty() || text == code) {
            continue; // ICU falls back to the code when it has no name
        }
        if (language == "en") {
            actor.name = text;
        }
        actor.aliases.push_back(Name{std::string(language), std::move(text)});
    }
    if (actor.name.empty()) {
        actor.name = code;
    }
    return actor;
}

std::vector<Actor> country_actors() {
    std::vector<Actor> actors;
    for (const std::string& code : current_codes()) {
        if (auto actor = country_actor(code)) {
            actors.push_back(std::move(*actor));
        }
    }
    std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) { return a.id < b.id; });
    return actors;
}

std::span<const HistoricState> historic_states() noexcept {
    return historic;
}

std::optional<Actor> historic_state_actor(std::string_view id) {
    for (const HistoricState& state : historic) {
        if (state.id != id) {
            continue;
        }
        Actor actor;
        actor.id = ActorId{std::string(state.id)};
        actor.kind = ActorKind::state;
        actor.name = std::string(state.name);
        actor.iso2 = std::string(state.former_iso2);
        actor.iso3 = std::string(state.former_iso3);
        actor.aliases.push_back(Name{"en", std::string(state.name)});
        for (std::string_view alias : state.english_aliases) {
            actor.aliases.push_back(Name{"en", std::string(alias)});
        }
        return actor;
    }
    return std::nullopt;
}

} // namespace stance
