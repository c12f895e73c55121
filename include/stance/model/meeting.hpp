// Where positions are stated: bodies, their meetings (possibly nested), agenda items and attendance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stance/model/actor.hpp"
#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"

namespace stance {

/// A standing forum: the North Atlantic Council, the NATO-Russia Council, the UN General Assembly.
struct Body {
    BodyId id{};
    std::string name{};
    std::vector<Name> aliases{};
    std::optional<ActorId> organisation{}; ///< The organisation the body belongs to (NATO, UN).

    friend bool operator==(const Body&, const Body&) = default;
};

/// One sitting of a body. A working lunch inside a ministerial has the ministerial as `parent`;
/// a UNGA roll-call date has its session as `parent`.
struct Meeting {
    MeetingId id{};
    BodyId body{};
    std::string title{};
    std::string level{}; ///< "foreign_ministers", "ambassadors", "heads_of_state", "plenary", …
    Date date{};         ///< The first day.
    std::string place{};
    std::optional<MeetingId> parent{};
    std::optional<Date> end_date{}; ///< The last day of a meeting that lasts several days (>= date).

    /// The last day: `end_date`, else `date`.
    [[nodiscard]] Date last_day() const noexcept { return end_date ? *end_date : date; }
    /// True when `day` falls within [date, last_day()].
    [[nodiscard]] bool spans(const Date& day) const noexcept { return date <= day && day <= last_day(); }

    friend bool operator==(const Meeting&, const Meeting&) = default;
};

/// What a roll-call table says about a roll call besides its votes (the importantvote, amend and
/// para columns of Voeten's un_roll_calls). Each is unknown (nothing) where the source leaves it out.
struct RollCallFlags {
    std::optional<bool> important{}; ///< Listed as an important vote by the US State Department.
    std::optional<bool> amendment{}; ///< A vote on an amendment.
    std::optional<bool> paragraph{}; ///< A vote on a paragraph rather than the whole text.

    [[nodiscard]] bool empty() const noexcept { return !important && !amendment && !paragraph; }
    friend bool operator==(const RollCallFlags&, const RollCallFlags&) = default;
};

/// An ordered item of a meeting's agenda; for UN votes, one roll call with its resolution code.
struct AgendaItem {
    AgendaItemId id{};
    MeetingId meeting{};
    int order = 0;
    std::string title{};
    std::string code{}; ///< Resolution or document code, where there is one ("A/RES/71/205").
    std::string description{};
    std::vector<TopicId> topics{};
    RollCallFlags roll_call{}; ///< For a roll call, what its source says about it; empty otherwise.

    friend bool operator==(const AgendaItem&, const AgendaItem&) = default;
};

/// Who attended a meeting, for which actor and in which role.
struct Participant {
    MeetingId meeting{};
    ActorId actor{};                 ///< The actor represented (a state, an organisation).
    std::optional<ActorId> person{}; ///< The person who attended, when named.
    std::string role{};              ///< "foreign minister", "Secretary General", …

    friend bool operator==(const Participant&, const Participant&) = default;
};

} // namespace stance
