// How a stance reaches an actor. Asking "what did the Netherlands say?" finds more than stances
// whose actor is nld:
//   own      the stance's actor is the actor itself;
//   speaker  the stance's actor is a person who, on the stance's date, held a Role representing
//            the actor (Koenders speaking as the Dutch foreign minister);
//   named    a collective stance names the actor in `includes` ("Veel landen, waaronder Nederland");
//   group    the stance's actor is a group or organisation of which the actor was a member on the
//            stance's date (Membership::covers), directly or through another group.
// own and speaker are the actor's direct positions; named and group are inherited from a
// collective. An inherited group stance of breadth broad, many or some was held by part of the
// group only, and nothing says the actor was in that part: such stances are shown as context but
// never attributed to the actor (see `is_attributable`).
//
// This file is the one definition every query uses (docs/queries.md, "Which stances reach an
// actor"): evolution and compare take every way (`ReachScope::inherited`), agreement only the
// direct ones (`ReachScope::direct`), because a vote tells how its caster voted and a group's vote
// says nothing of how each member would have.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "stance/model/stance.hpp"
#include "stance/query/scale.hpp"
#include "stance/store/store.hpp"

namespace stance {

class Catalog;

enum class Via : std::uint8_t { own, speaker, named, group };

[[nodiscard]] constexpr std::string_view to_string(Via via) noexcept {
    switch (via) {
    case Via::own: return "own";
    case Via::speaker: return "speaker";
    case Via::named: return "named";
    case Via::group: return "group";
    }
    return "?";
}

/// own and speaker: the actor's own words. named and group: inherited from a collective.
[[nodiscard]] constexpr bool is_direct(Via via) noexcept {
    return via == Via::own || via == Via::speaker;
}

/// Which ways of reaching an actor a query counts.
enum class ReachScope : std::uint8_t {
    direct,    ///< own and speaker only: agreement, which counts votes.
    inherited, ///< also named and group: evolution and compare, which list all and decide on direct first.
};

/// How one stance reaches one actor.
struct Reach {
    Via via = Via::own;
    /// The person who spoke (speaker), or the collective the stance came from (named, group).
    std::optional<ActorId> through;
};

/// A stance as seen from one actor, with the context every query output shows.
struct ActorStance {
    Stance stance;
    Date date; ///< Effective date: `stated_on`, else the meeting's date.
    Via via = Via::own;
    std::optional<ActorId> through;
    std::string through_name; ///< The name of `through`.
    MeetingId session;        ///< The top-level meeting the stance's meeting belongs to.
    std::string session_title;
    std::string meeting_title;
    std::string agenda_item_title; ///< Empty when the stance has no agenda item.
    std::string topic_label;
    std::string statement; ///< The proposition's statement; empty when there is none.
    /// What the stance is a position on, for every line that shows it: the proposition's statement,
    /// else the topic's label. Never print a kind next to a topic as if the topic were the claim.
    std::string claim;
    /// The stance on the scale of its topic (the nearest one up the topic graph); a query on a
    /// scale (evolution) places it on the query's own scale instead. Nothing when not on one.
    std::optional<ScalePlace> on_scale;
};

/// True when the stance can be put down as the actor's position: direct, named, or held by a
/// whole group (breadth all, or single meaning the collective as such). False for a group stance
/// held only by part of the group (broad, many, some).
[[nodiscard]] bool is_attributable(const ActorStance& stance) noexcept;

/// True when `member` belonged to `group` on `date`, directly or through intermediate groups.
[[nodiscard]] bool is_member_on(const Catalog& catalog, const ActorId& member, const ActorId& group, const Date& date);

/// How a stance held by `holder`, naming `includes` as members, effective on `date`, reaches
/// `actor`; nothing when it does not.
[[nodiscard]] std::optional<Reach> reach(const Catalog& catalog, const ActorId& holder,
                                         std::span<const ActorId> includes, const Date& date, const ActorId& actor);
/// How `stance` (effective on `date`) reaches `actor`; nothing when it does not.
[[nodiscard]] std::optional<Reach> reach(const Catalog& catalog, const Stance& stance, const Date& date,
                                         const ActorId& actor);

/// The actors whose stances may reach `actor` within `scope` at some date, for a store read that
/// `reach` then sorts out stance by stance: the actor, every person who ever represented it, and
/// (inherited) every group it ever belonged to, at any depth, with their representatives. Named
/// stances are found through StanceFilter::include_named_members instead.
[[nodiscard]] std::vector<ActorId> possible_holders(const Catalog& catalog, const ActorId& actor, ReachScope scope);

/// The casts of `votes` counted for the actors they reach directly: a cast stays with its caster
/// (own) and, when the caster held a role that day, is counted for the actor represented too
/// (speaker). Roll calls keep their indices; actors reached only this way are appended.
[[nodiscard]] RecordedVotes votes_as_reached(const Catalog& catalog, RecordedVotes votes);

/// Every stance matching `filter` that reaches `actor`, in the order a report tells them: by
/// effective date, then by source document and position in it (stances without a source last that
/// day), then by id. `filter.actors` and `filter.include_named_members` are set by this function;
/// the rest of the filter (topics, meetings, dates, positions_only) is the caller's.
[[nodiscard]] std::vector<ActorStance> stances_reaching(const Store& store, const Catalog& catalog,
                                                        const ActorId& actor, StanceFilter filter);

/// Recorded votes of one tally (Store::for_each_stance_tallying_votes) as they reach one actor;
/// a vote names no members and takes its meeting's date, so all votes of a tally reach it alike.
struct ReachedTally {
    VoteTally tally;
    Date date; ///< The meeting's.
    Via via = Via::own;
    std::optional<ActorId> through;
    MeetingId session; ///< The top-level meeting the tally's meeting belongs to.
    std::string session_title;
    std::string meeting_title;
};

/// What `stances_reaching` finds, with the recorded votes counted instead of listed.
struct ReachingTallied {
    std::vector<ActorStance> stances; ///< Every other stance that reaches the actor, in report order.
    std::vector<ReachedTally> votes;  ///< In no particular order.
};

/// `stances_reaching` for summaries that need no list of the votes (the periods of an evolution):
/// the same stances, except that the recorded votes are counted by the store instead of read one by
/// one, which for a country's voting record is most of the work.
[[nodiscard]] ReachingTallied stances_reaching_tallying_votes(const Store& store, const Catalog& catalog,
                                                              const ActorId& actor, StanceFilter filter);

} // namespace stance

template <> struct fmt::formatter<stance::Via> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::Via via, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(via), context);
    }
};
