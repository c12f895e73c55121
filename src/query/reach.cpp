// Deciding how a stance reaches an actor, and reading all that do in one store query.
#include "stance/query/reach.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "stance/query/catalog.hpp"
#include "stance/query/report_order.hpp"
#include "stance/query/tree.hpp"

namespace stance {

namespace {

// The actor a stance speaks for: a person's stance speaks for whom the person represented that day.
struct Holder {
    ActorId actor;
    std::optional<ActorId> person;
};

Holder holder_of(const Catalog& catalog, const ActorId& actor, const Date& date) {
    for (const Role& role : catalog.roles_of(actor)) {
        if (role.covers(date)) {
            return Holder{role.represents, actor};
        }
    }
    return Holder{actor, std::nullopt};
}

// Every group `actor` has ever belonged to, at any depth and any date: the candidates a store
// query must include; the date checks happen per stance afterwards.
std::vector<ActorId> groups_ever(const Catalog& catalog, const ActorId& actor) {
    std::vector<ActorId> groups;
    std::unordered_set<ActorId> seen{actor};
    std::vector<ActorId> pending{actor};
    while (!pending.empty()) {
        const ActorId current = pending.back();
        pending.pop_back();
        for (const Membership& membership : catalog.memberships_of(current)) {
            if (seen.insert(membership.group).second) {
                groups.push_back(membership.group);
                pending.push_back(membership.group);
            }
        }
    }
    return groups;
}

void append_unique(std::vector<ActorId>& list, const ActorId& id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) {
        list.push_back(id);
    }
}

} // namespace

bool is_attributable(const ActorStance& stance) noexcept {
    if (stance.via != Via::group) {
        return true;
    }
    return stance.stance.breadth == Breadth::all || stance.stance.breadth == Breadth::single;
}

bool is_member_on(const Catalog& catalog, const ActorId& member, const ActorId& group, const Date& date) {
    std::unordered_set<ActorId> seen{member};
    std::vector<ActorId> pending{member};
    while (!pending.empty()) {
        const ActorId current = pending.back();
        pending.pop_back();
        for (const Membership& membership : catalog.memberships_of(current)) {
            if (!membership.covers(date)) {
                continue;
            }
            if (membership.group == group) {
                return true;
            }
            if (seen.insert(membership.group).second) {
                pending.push_back(membership.group);
            }
        }
    }
    return false;
}

std::optional<Reach> reach(const Catalog& catalog, const ActorId& holder_id, std::span<const ActorId> includes,
                           const Date& date, const ActorId& actor) {
    if (holder_id == actor) {
        return Reach{Via::own, std::nullopt};
    }
    const Holder holder = holder_of(catalog, holder_id, date);
    if (holder.actor == actor) {
        return Reach{Via::speaker, holder.person};
    }
    if (std::find(includes.begin(), includes.end(), actor) != includes.end()) {
        return Reach{Via::named, holder.actor};
    }
    if (is_member_on(catalog, actor, holder.actor, date)) {
        return Reach{Via::group, holder.actor};
    }
    return std::nullopt;
}

std::optional<Reach> reach(const Catalog& catalog, const Stance& stance, const Date& date, const ActorId& actor) {
    return reach(catalog, stance.actor, stance.includes, date, actor);
}

std::vector<ActorId> possible_holders(const Catalog& catalog, const ActorId& actor, ReachScope scope) {
    std::vector<ActorId> holders{actor};
    if (scope == ReachScope::inherited) {
        for (const ActorId& group : groups_ever(catalog, actor)) {
            append_unique(holders, group);
        }
    }
    const std::size_t collective_count = holders.size();
    for (std::size_t i = 0; i < collective_count; ++i) {
        for (const ActorId& person : catalog.representatives_of(holders[i])) {
            append_unique(holders, person);
        }
    }
    return holders;
}

RecordedVotes votes_as_reached(const Catalog& catalog, RecordedVotes votes) {
    // Most casters (every UN member state) never held a role: their casts stay as they are, and
    // only the casts of those who did are looked at one by one.
    std::vector<bool> held_a_role(votes.actors.size());
    bool any = false;
    for (std::size_t a = 0; a < votes.actors.size(); ++a) {
        held_a_role[a] = !catalog.roles_of(votes.actors[a]).empty();
        any = any || held_a_role[a];
    }
    if (!any) {
        return votes;
    }
    std::unordered_map<ActorId, std::uint32_t> index;
    for (std::uint32_t a = 0; a < votes.actors.size(); ++a) {
        index.emplace(votes.actors[a], a);
    }
    const std::size_t cast_count = votes.casts.size();
    for (std::size_t c = 0; c < cast_count; ++c) {
        const RecordedVotes::Cast cast = votes.casts[c];
        if (!held_a_role[cast.actor]) {
            continue;
        }
        const Holder holder = holder_of(catalog, votes.actors[cast.actor], votes.roll_calls[cast.roll_call].date);
        if (!holder.person) {
            continue;
        }
        auto [found, added] = index.try_emplace(holder.actor, static_cast<std::uint32_t>(votes.actors.size()));
        if (added) {
            votes.actors.push_back(holder.actor);
            held_a_role.push_back(false);
        }
        votes.casts.push_back(RecordedVotes::Cast{cast.roll_call, found->second, cast.vote});
    }
    return votes;
}

namespace {

// Builds what queries show of the stances that reach one actor. What every stance of one meeting
// or on one topic shares is looked up once per query: a UN history gives thousands of votes on a
// few hundred meetings and a handful of topics.
class Reaching {
public:
    Reaching(const Store& store, const Catalog& catalog, const ActorId& actor, StanceFilter& filter)
        : m_catalog(catalog), m_actor(actor) {
        catalog.check_built_from(store);
        // Ask the store only for stances that can reach the actor: its own, its representatives', and
        // those of every group it ever belonged to (and their representatives). Named stances come
        // through include_named_members.
        filter.actors = possible_holders(catalog, actor, ReachScope::inherited);
        filter.include_named_members = true;
    }

    /// `stance` as seen from the actor, appended to `out`; nothing when it does not reach the actor.
    void add(const Stance& stance, std::vector<ActorStance>& out) {
        const MeetingContext& meeting = meeting_context(stance.meeting);
        const Date date = stance.stated_on ? *stance.stated_on : meeting.date; // Catalog::effective_date
        const std::optional<Reach> found = reach(m_catalog, stance, date, m_actor);
        if (!found) {
            return; // a group stance from before the actor joined, or a person off duty
        }
        ActorStance item;
        item.date = date;
        item.via = found->via;
        item.through = found->through;
        if (item.through) {
            item.through_name = m_catalog.actor_name(*item.through);
        }
        item.session = meeting.session;
        item.session_title = meeting.session_title;
        item.meeting_title = meeting.meeting_title;
        if (stance.agenda_item) {
            item.agenda_item_title = agenda_item_title(*stance.agenda_item);
        }
        const TopicContext& topic = topic_context(stance.topic);
        item.topic_label = topic.label;
        if (stance.proposition) {
            const Proposition* proposition = m_catalog.find(*stance.proposition);
            item.statement = proposition ? proposition->statement : stance.proposition->str();
        }
        item.claim = item.statement.empty() ? item.topic_label : item.statement;
        if (topic.scale) {
            item.on_scale = place_on(m_catalog, stance, *topic.scale);
        }
        item.stance = stance;
        out.push_back(std::move(item));
    }

    /// `tally` as seen from the actor, appended to `out`; nothing when its votes do not reach the actor.
    /// A vote names no members and its date is its meeting's, so one answer holds for all its votes.
    void add(VoteTally&& tally, std::vector<ReachedTally>& out) {
        const Meeting* held = m_catalog.find(tally.meeting);
        const Date date = held ? held->date : Date{};
        const std::optional<Reach> found = reach(m_catalog, tally.actor, {}, date, m_actor);
        if (!found) {
            return;
        }
        const MeetingContext& meeting = meeting_context(tally.meeting);
        out.push_back(ReachedTally{std::move(tally), date, found->via, found->through, meeting.session,
                                   meeting.session_title, meeting.meeting_title});
    }

private:
    struct MeetingContext {
        Date date; ///< The meeting's; none for a meeting the catalog does not hold.
        MeetingId session;
        std::string session_title;
        std::string meeting_title;
    };
    struct TopicContext {
        std::string label;
        std::optional<TopicId> scale;
    };

    // Stances come grouped by meeting and votes by roll call, so the last one asked for is asked
    // again most of the time: it is kept beside the tables (whose entries never move).
    const MeetingContext& meeting_context(const MeetingId& id) {
        if (m_last_meeting != nullptr && m_last_meeting->first == id) {
            return m_last_meeting->second;
        }
        auto [found, added] = m_meetings.try_emplace(id);
        if (added) {
            MeetingContext& context = found->second;
            const Meeting* held = m_catalog.find(id);
            context.date = held ? held->date : Date{};
            context.session = held ? session_of(m_catalog, id) : id;
            context.session_title = m_catalog.meeting_title(context.session);
            context.meeting_title = m_catalog.meeting_title(id);
        }
        m_last_meeting = &*found;
        return found->second;
    }
    // Looked up in the catalog each time rather than kept: a voting record has one vote per roll
    // call, so a table of titles by agenda item was an insert and a copy for every vote, hit never.
    [[nodiscard]] std::string agenda_item_title(const AgendaItemId& id) const {
        const AgendaItem* agenda_item = m_catalog.find(id);
        return agenda_item ? agenda_item->title : id.str();
    }
    const TopicContext& topic_context(const TopicId& id) {
        auto [found, added] = m_topics.try_emplace(id);
        if (added) {
            found->second.label = m_catalog.topic_label(id);
            found->second.scale = scale_for(m_catalog, id);
        }
        return found->second;
    }

    const Catalog& m_catalog;
    const ActorId& m_actor;
    std::unordered_map<MeetingId, MeetingContext> m_meetings;
    const std::pair<const MeetingId, MeetingContext>* m_last_meeting = nullptr;
    std::unordered_map<TopicId, TopicContext> m_topics;
};

// Sorted by key and then moved once each: an ActorStance is some twenty strings, and a sort that
// moves the stances themselves moved each of a voting record's votes a dozen times.
void sort_in_report_order(std::vector<ActorStance>& stances) {
    using Position = decltype(report_position(stances.front().stance, stances.front().date));
    std::vector<std::pair<Position, std::size_t>> order;
    order.reserve(stances.size());
    for (std::size_t i = 0; i < stances.size(); ++i) {
        order.emplace_back(report_position(stances[i].stance, stances[i].date), i);
    }
    std::sort(order.begin(), order.end()); // the index breaks ties: the order of a stable sort
    if (std::is_sorted(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second < b.second; })) {
        return;
    }
    std::vector<ActorStance> sorted;
    sorted.reserve(stances.size());
    for (const auto& [position, index] : order) {
        sorted.push_back(std::move(stances[index]));
    }
    stances = std::move(sorted);
}

} // namespace

std::vector<ActorStance> stances_reaching(const Store& store, const Catalog& catalog, const ActorId& actor,
                                          StanceFilter filter) {
    Reaching reaching(store, catalog, actor, filter);
    std::vector<ActorStance> out;
    store.for_each_stance(filter, [&](const Stance& stance) { reaching.add(stance, out); });
    sort_in_report_order(out);
    return out;
}

ReachingTallied stances_reaching_tallying_votes(const Store& store, const Catalog& catalog, const ActorId& actor,
                                                StanceFilter filter) {
    Reaching reaching(store, catalog, actor, filter);
    ReachingTallied out;
    std::vector<VoteTally> tallies =
        store.for_each_stance_tallying_votes(filter, [&](const Stance& stance) { reaching.add(stance, out.stances); });
    sort_in_report_order(out.stances);
    for (VoteTally& tally : tallies) {
        reaching.add(std::move(tally), out.votes);
    }
    return out;
}

} // namespace stance
