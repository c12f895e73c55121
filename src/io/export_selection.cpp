// The closure of a subset export: start from the selected stances, add what each entity refers to
// until nothing new turns up. Every rule depends only on what the subset itself holds, so the
// subset imported into a new database and selected again gives the same entities, hence the same bytes.
#include "io/export_selection.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/resolve.hpp"

namespace stance::detail {

namespace {

/// The ids a subset holds, per kind.
struct Needed {
    std::unordered_set<DocumentId> documents;
    std::unordered_set<ActorId> actors;
    std::unordered_set<TopicId> topics;
    std::unordered_set<PropositionId> propositions;
    std::unordered_set<BodyId> bodies;
    std::unordered_set<MeetingId> meetings;
    std::unordered_set<AgendaItemId> agenda_items;
};

void note_stance(const Stance& stance, Needed& needed) {
    needed.actors.insert(stance.actor);
    needed.actors.insert(stance.includes.begin(), stance.includes.end());
    for (const auto& actor : {stance.speaker, stance.reported_by}) {
        if (actor) {
            needed.actors.insert(*actor);
        }
    }
    needed.topics.insert(stance.topic);
    if (stance.proposition) {
        needed.propositions.insert(*stance.proposition);
    }
    needed.meetings.insert(stance.meeting);
    if (stance.agenda_item) {
        needed.agenda_items.insert(*stance.agenda_item);
    }
    if (stance.source) {
        needed.documents.insert(stance.source->document);
    }
}

/// `meeting` and every meeting nested in it, at any depth.
std::unordered_set<MeetingId> meeting_and_nested(const std::vector<Meeting>& meetings, const MeetingId& meeting) {
    std::unordered_multimap<MeetingId, MeetingId> children;
    for (const Meeting& m : meetings) {
        if (m.parent) {
            children.emplace(*m.parent, m.id);
        }
    }
    std::unordered_set<MeetingId> found{meeting};
    std::vector<MeetingId> open{meeting};
    while (!open.empty()) {
        const MeetingId next = open.back();
        open.pop_back();
        auto [begin, end] = children.equal_range(next);
        for (auto child = begin; child != end; ++child) {
            if (found.insert(child->second).second) { // the set also stops a damaged cycle
                open.push_back(child->second);
            }
        }
    }
    return found;
}

void add_directions(const std::vector<Direction>& directions, Needed& needed) {
    for (const Direction& direction : directions) {
        needed.topics.insert(direction.scale);
    }
}

/// Adds what meetings, agenda items, propositions and topics refer to, until nothing new turns up.
void close_over_references(const Dataset& entities, Needed& needed) {
    for (const AgendaItem& item : entities.agenda_items) {
        if (needed.agenda_items.contains(item.id)) {
            needed.meetings.insert(item.meeting);
            needed.topics.insert(item.topics.begin(), item.topics.end());
        }
    }
    for (const Proposition& proposition : entities.propositions) {
        if (needed.propositions.contains(proposition.id)) {
            needed.topics.insert(proposition.topic);
            add_directions(proposition.directions, needed);
        }
    }
    for (std::size_t before = 0; before != needed.meetings.size();) {
        before = needed.meetings.size();
        for (const Meeting& meeting : entities.meetings) {
            if (meeting.parent && needed.meetings.contains(meeting.id)) {
                needed.meetings.insert(*meeting.parent);
            }
        }
    }
    for (std::size_t before = 0; before != needed.topics.size();) {
        before = needed.topics.size();
        for (const Topic& topic : entities.topics) {
            if (needed.topics.contains(topic.id)) {
                needed.topics.insert(topic.parents.begin(), topic.parents.end());
                add_directions(topic.directions, needed);
            }
        }
    }
}

/// The meetings' bodies and participants, the roles of the persons among the actors so far, and
/// the memberships of those actors, each with the actors it names.
void add_people_and_bodies(Dataset& entities, Needed& needed) {
    for (const Meeting& meeting : entities.meetings) {
        if (needed.meetings.contains(meeting.id)) {
            needed.bodies.insert(meeting.body);
        }
    }
    std::erase_if(entities.participants, [&](const Participant& p) { return !needed.meetings.contains(p.meeting); });
    for (const Participant& participant : entities.participants) {
        needed.actors.insert(participant.actor);
        if (participant.person) {
            needed.actors.insert(*participant.person);
        }
    }
    for (const Body& body : entities.bodies) {
        if (body.organisation && needed.bodies.contains(body.id)) {
            needed.actors.insert(*body.organisation);
        }
    }
    const std::unordered_set<ActorId> referenced = needed.actors; // roles and memberships of these only
    std::erase_if(entities.roles, [&](const Role& role) { return !referenced.contains(role.person); });
    std::erase_if(entities.memberships,
                  [&](const Membership& m) { return !referenced.contains(m.member) && !referenced.contains(m.group); });
    for (const Role& role : entities.roles) {
        needed.actors.insert(role.represents);
    }
    for (const Membership& membership : entities.memberships) {
        needed.actors.insert(membership.member);
        needed.actors.insert(membership.group);
    }
}

template <class T, class Ids> void keep_needed(std::vector<T>& entities, const Ids& ids) {
    std::erase_if(entities, [&](const T& entity) { return !ids.contains(entity.id); });
}

template <class T> std::vector<std::string> ids_of(const std::vector<T>& entities) {
    std::vector<std::string> ids;
    ids.reserve(entities.size());
    for (const T& entity : entities) {
        ids.push_back(entity.id.str());
    }
    return ids;
}

} // namespace

void check_selection_exists(const Dataset& entities, const ExportSelection& selection) {
    const auto has = [](const auto& list, const auto& id) {
        return std::any_of(list.begin(), list.end(), [&](const auto& entity) { return entity.id == id; });
    };
    if (selection.document && !has(entities.documents, *selection.document)) {
        throw not_found_error(
            fmt::format("no document \"{}\" in the database; give a document's id", selection.document->str()),
            nearest_names(ids_of(entities.documents), selection.document->str()));
    }
    if (selection.meeting && !has(entities.meetings, *selection.meeting)) {
        throw not_found_error(
            fmt::format("no meeting \"{}\" in the database; give a meeting's id", selection.meeting->str()),
            nearest_names(ids_of(entities.meetings), selection.meeting->str()));
    }
}

SelectedStances narrow_to_selection(const Store& store, const ExportSelection& selection, Dataset& entities) {
    SelectedStances selected;
    Needed needed;
    if (selection.meeting) {
        needed.meetings = meeting_and_nested(entities.meetings, *selection.meeting);
        selected.filter.meetings.assign(needed.meetings.begin(), needed.meetings.end());
        for (const AgendaItem& item : entities.agenda_items) {
            if (needed.meetings.contains(item.meeting)) {
                needed.agenda_items.insert(item.id); // the whole agenda of what was selected
            }
        }
    }
    if (selection.document) {
        needed.documents.insert(*selection.document);
    }
    selected.keep = [document = selection.document, coder = selection.coder](const Stance& stance) {
        return (!document || (stance.source && stance.source->document == *document)) &&
               (!coder || stance.coder == *coder);
    };
    std::set<std::string> coders; // the candidates when the coder is not found
    std::size_t count = 0;
    store.for_each_stance(selected.filter, [&](const Stance& stance) {
        if (selected.keep(stance)) {
            note_stance(stance, needed);
            ++count;
        } else if (selection.coder && !stance.coder.empty() && coders.size() < 1000) {
            coders.insert(stance.coder);
        }
    });
    if (selection.coder && count == 0) {
        std::vector<std::string> candidates = nearest_names({coders.begin(), coders.end()}, *selection.coder);
        std::string closest;
        for (const std::string& candidate : candidates) { // in the message: the CLI prints only that
            closest += fmt::format("{}{}", closest.empty() ? "; closest: " : ", ", candidate);
        }
        throw not_found_error(fmt::format("no stance coded by \"{}\"; give the coder's name exactly as its stances "
                                          "record it{}",
                                          *selection.coder, closest),
                              std::move(candidates));
    }
    close_over_references(entities, needed);
    add_people_and_bodies(entities, needed);
    keep_needed(entities.documents, needed.documents);
    keep_needed(entities.actors, needed.actors);
    keep_needed(entities.topics, needed.topics);
    keep_needed(entities.propositions, needed.propositions);
    keep_needed(entities.bodies, needed.bodies);
    keep_needed(entities.meetings, needed.meetings);
    keep_needed(entities.agenda_items, needed.agenda_items);
    return selected;
}

} // namespace stance::detail
