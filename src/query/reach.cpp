// Deciding how a stance reaches an actor, and reading all that do in one store query.
#include "stance/query/reach.hpp"

#include <algorithm>
#include <unordered_set>

#include "query/report_order.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"

namespace stance {

namespace {

// The actor a stance speaks for: a person's stance speaks for whom the person represented that day.
struct Holder {
    ActorId actor;
    std::optional<ActorId> person;
};

Holder holder_of(const Catalog& catalog, const Stance& stance, const Date& date) {
    for (const Role& role : catalog.roles_of(stance.actor)) {
        if (role.covers(date)) {
            return Holder{role.represents, stance.actor};
        }
    }
    return Holder{stance.actor, std::nullopt};
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

std::optional<Reach> reach(const Catalog& catalog, const Stance& stance, const Date& date, const ActorId& actor) {
    if (stance.actor == actor) {
        return Reach{Via::own, std::nullopt};
    }
    const Holder holder = holder_of(catalog, stance, date);
    if (holder.actor == actor) {
        return Reach{Via::speaker, holder.person};
    }
    if (std::find(stance.includes.begin(), stance.includes.end(), actor) != stance.includes.end()) {
        return Reach{Via::named, holder.actor};
    }
    if (is_member_on(catalog, actor, holder.actor, date)) {
        return Reach{Via::group, holder.actor};
    }
    return std::nullopt;
}

std::vector<ActorStance> stances_reaching(const Store& store, const Catalog& catalog, const ActorId& actor,
                                          StanceFilter filter) {
    catalog.check_built_from(store);
    // Ask the store only for stances that can reach the actor: its own, its representatives', and
    // those of every group it ever belonged to (and their representatives). Named stances come
    // through include_named_members.
    std::vector<ActorId> holders{actor};
    for (const ActorId& group : groups_ever(catalog, actor)) {
        append_unique(holders, group);
    }
    const std::size_t collective_count = holders.size();
    for (std::size_t i = 0; i < collective_count; ++i) {
        for (const ActorId& person : catalog.representatives_of(holders[i])) {
            append_unique(holders, person);
        }
    }
    filter.actors = std::move(holders);
    filter.include_named_members = true;

    std::vector<ActorStance> out;
    store.for_each_stance(filter, [&](const Stance& stance) {
        const Date date = catalog.effective_date(stance);
        const std::optional<Reach> found = reach(catalog, stance, date, actor);
        if (!found) {
            return; // a group stance from before the actor joined, or a person off duty
        }
        ActorStance item;
        item.date = date;
        item.via = found->via;
        item.through = found->through;
        if (item.through) {
            item.through_name = catalog.actor_name(*item.through);
        }
        const Meeting* meeting = catalog.find(stance.meeting);
        item.session = meeting ? session_of(catalog, stance.meeting) : stance.meeting;
        item.session_title = catalog.meeting_title(item.session);
        item.meeting_title = catalog.meeting_title(stance.meeting);
        if (stance.agenda_item) {
            const AgendaItem* agenda_item = catalog.find(*stance.agenda_item);
            item.agenda_item_title = agenda_item ? agenda_item->title : stance.agenda_item->str();
        }
        item.topic_label = catalog.topic_label(stance.topic);
        if (stance.proposition) {
            const Proposition* proposition = catalog.find(*stance.proposition);
            item.statement = proposition ? proposition->statement : stance.proposition->str();
        }
        item.claim = item.statement.empty() ? item.topic_label : item.statement;
        if (const std::optional<TopicId> scale = scale_for(catalog, stance.topic)) {
            item.on_scale = place_on(catalog, stance, *scale);
        }
        item.stance = stance;
        out.push_back(std::move(item));
    });
    std::stable_sort(out.begin(), out.end(), [](const ActorStance& a, const ActorStance& b) {
        return detail::report_position(a.stance, a.date) < detail::report_position(b.stance, b.date);
    });
    return out;
}

} // namespace stance
