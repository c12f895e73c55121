// States as actors, the same way in every importer: the id is the lowercase ISO 3166-1 alpha-3 code
// ("nld", "usa", "nam"), with the alpha-2 and alpha-3 codes, the English name and names in several
// languages taken from ICU (CLDR). Importers that meet a state by its alpha-2 code call
// `country_actor`; ones that need every state call `country_actors`.
//
// States that have no current ISO code (the USSR's contemporaries that dissolved or merged) are
// listed by `historic_states` with documented slugs, their former ISO 3166-3 codes where they had
// one, and English names. ICU cannot name them: it maps withdrawn codes to a successor ("DD" →
// Germany, "YU" → Serbia), which is exactly the confusion these entries avoid. docs/unga.md explains
// each choice (why the Federal Republic of Germany is `deu` and the USSR is `rus`).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "stance/model/actor.hpp"

namespace stance {

/// The languages in which country actors carry names: en, nl, fr, de, es, ru, ar, zh.
[[nodiscard]] std::span<const std::string_view> country_name_languages() noexcept;

/// The current state with ISO 3166-1 alpha-2 code `iso2` (any case; "NA" is Namibia), or nothing
/// when the code is not a current ISO 3166-1 code known to ICU (withdrawn codes such as "YU" give
/// nothing: see `historic_states`). Aliases: the ICU name in each of `country_name_languages`.
[[nodiscard]] std::optional<Actor> country_actor(std::string_view iso2);

/// Every current ISO 3166-1 country ICU knows, sorted by id.
[[nodiscard]] std::vector<Actor> country_actors();

/// A state that no longer exists and whose id therefore cannot be a current alpha-3 code.
struct HistoricState {
    std::string_view id;          ///< The slug stance uses: the former ISO 3166-3 alpha-3 code, lowercased, or a name.
    std::string_view name;        ///< English name.
    std::string_view former_iso2; ///< Withdrawn ISO 3166-1 alpha-2 code, empty when it never had one.
    std::string_view former_iso3;
    std::span<const std::string_view> english_aliases;
    std::string_view note; ///< What became of it.
};

/// The historic states stance knows, sorted by id.
[[nodiscard]] std::span<const HistoricState> historic_states() noexcept;

/// The historic state with slug `id` as an actor, or nothing.
[[nodiscard]] std::optional<Actor> historic_state_actor(std::string_view id);

} // namespace stance
