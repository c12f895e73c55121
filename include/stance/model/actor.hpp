// Who states positions: states, organisations, groups and blocs, and the people who speak for them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/date.hpp"
#include "stance/model/enum_names.hpp"
#include "stance/model/ids.hpp"

namespace stance {

enum class ActorKind : std::uint8_t { state, organisation, group, person };

inline constexpr std::array actor_kind_names{
    EnumName<ActorKind>{ActorKind::state, "state"},
    EnumName<ActorKind>{ActorKind::organisation, "organisation"},
    EnumName<ActorKind>{ActorKind::group, "group"},
    EnumName<ActorKind>{ActorKind::person, "person"},
};
/// The table of the enum's type, for code written once for every enum (the dataset reader).
[[nodiscard]] constexpr const auto& names_of(ActorKind) noexcept {
    return actor_kind_names;
}

[[nodiscard]] constexpr std::optional<ActorKind> parse_actor_kind(std::string_view text) noexcept {
    return parse_name<ActorKind>(text);
}

/// A name in one language ("nl", "en", BCP 47 tags). Used for aliases of actors, bodies and topics.
struct Name {
    std::string language{};
    std::string text{};

    friend bool operator==(const Name&, const Name&) = default;
};

struct Actor {
    ActorId id{};
    ActorKind kind = ActorKind::state;
    std::string name{};          ///< English display name.
    std::string iso2{};          ///< ISO 3166-1 alpha-2, states only ("NL"; Namibia is "NA").
    std::string iso3{};          ///< ISO 3166-1 alpha-3, states only ("NLD").
    std::vector<Name> aliases{}; ///< Further names and adjectives in any language.

    friend bool operator==(const Actor&, const Actor&) = default;
};

/// `member` belongs to the group or organisation `group` from `from` until `to` (both inclusive, open when empty).
struct Membership {
    ActorId member{};
    ActorId group{};
    std::optional<Date> from{};
    std::optional<Date> to{};

    [[nodiscard]] bool covers(const Date& date) const noexcept {
        return (!from || *from <= date) && (!to || date <= *to);
    }
    friend bool operator==(const Membership&, const Membership&) = default;
};

/// A person speaks for `represents` while holding `title` (Tillerson, US Secretary of State, from 2017-02-01).
struct Role {
    ActorId person{};
    ActorId represents{};
    std::string title{};
    std::optional<Date> from{};
    std::optional<Date> to{};

    [[nodiscard]] bool covers(const Date& date) const noexcept {
        return (!from || *from <= date) && (!to || date <= *to);
    }
    friend bool operator==(const Role&, const Role&) = default;
};

} // namespace stance
