// The snapshot query: one meeting tree, every stance in it, grouped by topic then actor.
#include "stance/query/snapshot.hpp"

#include <algorithm>
#include <unordered_map>

#include "stance/query/catalog.hpp"
#include "stance/query/report_order.hpp"
#include "stance/query/tree.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

struct Dated {
    Stance stance;
    Date date;
};

// A person's words stand under the actor the person represented that day.
ActorId represented_actor(const Catalog& catalog, const ActorId& actor, const Date& date) {
    for (const Role& role : catalog.roles_of(actor)) {
        if (role.covers(date)) {
            return role.represents;
        }
    }
    return actor;
}

SnapshotStance describe(const Catalog& catalog, Stance stance, const Date& date) {
    SnapshotStance out;
    if (stance.speaker) {
        out.speaker = stance.speaker;
    } else if (represented_actor(catalog, stance.actor, date) != stance.actor) {
        out.speaker = stance.actor;
    }
    if (out.speaker) {
        out.speaker_name = catalog.actor_name(*out.speaker);
    }
    out.meeting_title = catalog.meeting_title(stance.meeting);
    if (stance.agenda_item) {
        const AgendaItem* item = catalog.find(*stance.agenda_item);
        out.agenda_item_title = item ? item->title : stance.agenda_item->str();
    }
    if (stance.proposition) {
        const Proposition* proposition = catalog.find(*stance.proposition);
        out.proposition = proposition ? proposition->statement : stance.proposition->str();
    }
    out.stance = std::move(stance);
    return out;
}

std::vector<SnapshotParticipant> participants_of(const Store& store, const Catalog& catalog,
                                                 const std::vector<MeetingId>& meetings) {
    std::vector<SnapshotParticipant> out;
    for (const MeetingId& meeting : meetings) {
        for (const Participant& participant : store.participants(meeting)) {
            auto same = std::find_if(out.begin(), out.end(), [&](const SnapshotParticipant& known) {
                return known.actor == participant.actor && known.person == participant.person &&
                       known.role == participant.role;
            });
            if (same == out.end()) {
                SnapshotParticipant fresh;
                fresh.actor = participant.actor;
                fresh.name = catalog.actor_name(participant.actor);
                fresh.person = participant.person;
                fresh.person_name = participant.person ? catalog.actor_name(*participant.person) : std::string{};
                fresh.role = participant.role;
                out.push_back(std::move(fresh));
                same = std::prev(out.end());
            }
            same->meetings.push_back(meeting);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const SnapshotParticipant& a, const SnapshotParticipant& b) { return a.name < b.name; });
    return out;
}

} // namespace

Snapshot snapshot(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                  const SnapshotOptions& options) {
    catalog.check_built_from(store);
    Snapshot result;
    result.meeting = catalog.meeting(meeting);
    const std::vector<MeetingId> tree = meeting_with_descendants(catalog, meeting);
    for (const MeetingId& id : tree) {
        result.meetings.push_back(catalog.meeting(id));
    }
    result.topic = options.topic;
    result.speakers = options.speakers;
    result.participants = participants_of(store, catalog, tree);

    StanceFilter filter;
    filter.meetings = tree;
    filter.speakers = options.speakers;
    if (options.topic) {
        filter.topics = options.include_subtopics ? topic_with_descendants(catalog, *options.topic)
                                                  : std::vector<TopicId>{catalog.topic(*options.topic).id};
    }
    std::vector<Dated> stances;
    store.for_each_stance(filter, [&](const Stance& stance) {
        stances.push_back(Dated{stance, catalog.effective_date(stance)});
    });
    std::stable_sort(stances.begin(), stances.end(), [](const Dated& a, const Dated& b) {
        return report_position(a.stance, a.date) < report_position(b.stance, b.date);
    });
    result.stance_count = stances.size();

    std::unordered_map<TopicId, std::size_t> topic_index;
    for (Dated& dated : stances) {
        const TopicId topic = dated.stance.topic;
        auto [found, inserted] = topic_index.emplace(topic, result.topics.size());
        if (inserted) {
            result.topics.push_back(SnapshotTopic{topic, catalog.topic_label(topic), topic_path(catalog, topic), {}});
        }
        SnapshotTopic& entry = result.topics[found->second];
        const ActorId holder = represented_actor(catalog, dated.stance.actor, dated.date);
        auto actor = std::find_if(entry.actors.begin(), entry.actors.end(),
                                  [&](const SnapshotActor& known) { return known.actor == holder; });
        if (actor == entry.actors.end()) {
            const Actor* known = catalog.find(holder);
            entry.actors.push_back(
                SnapshotActor{holder, catalog.actor_name(holder), known ? known->kind : ActorKind::state, {}});
            actor = std::prev(entry.actors.end());
        }
        actor->stances.push_back(describe(catalog, std::move(dated.stance), dated.date));
    }
    return result;
}

Snapshot snapshot(const Store& store, const MeetingId& meeting, const SnapshotOptions& options) {
    const Catalog catalog{store};
    return snapshot(store, catalog, meeting, options);
}

} // namespace stance
