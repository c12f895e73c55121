// The backend-independent parts of Store: dataset import and export built on the virtual interface.
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "stance/store/store.hpp"
#include "store/vote_tally_index.hpp"

namespace stance {

namespace {

template <class T> void put_all(ImportSession& session, const std::vector<T>& entities) {
    for (const T& entity : entities) {
        session.put(entity);
    }
}

template <class T> void sort_by_id(std::vector<T>& entities) {
    std::sort(entities.begin(), entities.end(), [](const T& a, const T& b) { return a.id < b.id; });
}

} // namespace

std::vector<Stance> vote_stances(const RollCallVotes& votes) {
    std::vector<Stance> stances(votes.casts.size());
    for (std::size_t i = 0; i < stances.size(); ++i) {
        const RollCallVotes::Cast& cast = votes.casts[i];
        Stance& stance = stances[i];
        stance.id = StanceId{votes.stance_prefix + cast.actor.str()};
        stance.actor = cast.actor;
        stance.topic = votes.topic;
        stance.meeting = votes.meeting;
        stance.agenda_item = votes.agenda_item;
        stance.kind = position_kind(cast.code);
        stance.score = default_score(stance.kind);
        stance.basis = Basis::vote;
        if (votes.document) {
            stance.source = SourceSpan{*votes.document, cast.start, cast.end, std::nullopt};
        }
    }
    return stances;
}

void put_dataset(ImportSession& session, const Dataset& dataset) {
    // Order matters: every entity is written after the entities it refers to.
    put_all(session, dataset.documents);
    put_all(session, dataset.actors);
    put_all(session, dataset.memberships);
    put_all(session, dataset.roles);
    put_all(session, dataset.topics);
    put_all(session, dataset.propositions);
    put_all(session, dataset.bodies);
    session.put_meetings(dataset.meetings);
    session.put_agenda_items(dataset.agenda_items);
    put_all(session, dataset.participants);
    put_all(session, dataset.stances);
}

void Store::import(const Dataset& dataset) {
    auto session = begin_import();
    put_dataset(*session, dataset);
    session->commit();
}

RecordedVotes Store::recorded_votes(const StanceFilter& filter) const {
    StanceFilter votes = filter;
    votes.text.clear();
    votes.include_named_members = false;
    votes.positions_only = true;
    RecordedVotes result;
    std::unordered_map<AgendaItemId, std::uint32_t> roll_calls;
    std::unordered_map<ActorId, std::uint32_t> actors;
    std::vector<std::vector<RecordedVotes::Cast>> by_roll_call;
    for_each_stance(votes, [&](const Stance& stance) {
        if (!is_vote_shaped(stance)) {
            return;
        }
        auto [call, new_call] = roll_calls.try_emplace(*stance.agenda_item, result.roll_calls.size());
        if (new_call) {
            result.roll_calls.push_back(RecordedVotes::RollCall{*stance.agenda_item, stance.meeting, Date{}, {}});
            by_roll_call.emplace_back();
        }
        auto [actor, new_actor] = actors.try_emplace(stance.actor, result.actors.size());
        if (new_actor) {
            result.actors.push_back(stance.actor);
        }
        by_roll_call[call->second].push_back(RecordedVotes::Cast{call->second, actor->second, *vote_code(stance.kind)});
    });
    // A vote's date is its meeting's (it has no statement date of its own).
    std::unordered_map<MeetingId, Date> dates;
    for (const Meeting& meeting : meetings()) {
        dates.emplace(meeting.id, meeting.date);
    }
    std::unordered_map<AgendaItemId, RollCallFlags> flags;
    for (const AgendaItem& item : agenda_items()) {
        flags.emplace(item.id, item.roll_call);
    }
    for (RecordedVotes::RollCall& call : result.roll_calls) {
        call.date = dates[call.meeting];
        call.flags = flags[call.id];
    }
    for (const auto& casts : by_roll_call) {
        result.casts.insert(result.casts.end(), casts.begin(), casts.end());
    }
    return result;
}

std::vector<VoteTally> Store::for_each_stance_tallying_votes(const StanceFilter& filter,
                                                             const std::function<void(const Stance&)>& visit) const {
    detail::VoteTallyIndex tallies;
    for_each_stance(filter, [&](const Stance& stance) {
        if (is_vote_shaped(stance)) {
            tallies.add(stance.actor, stance.meeting, stance.topic, *vote_code(stance.kind));
        } else {
            visit(stance);
        }
    });
    return std::move(tallies).release();
}

void Store::for_each_stance_by_id(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const {
    std::vector<Stance> all = stances(filter);
    sort_by_id(all);
    for (const Stance& stance : all) {
        visit(stance);
    }
}

Dataset Store::to_dataset() const {
    const auto snapshot = read_snapshot(); // lists that agree with each other, even during an import
    Dataset dataset = entities_without_stances(*this);
    dataset.stances = stances();
    sort_by_id(dataset.stances);
    return dataset;
}

Dataset entities_without_stances(const Store& store) {
    Dataset entities;
    entities.documents = store.documents();
    entities.actors = store.actors();
    entities.memberships = store.memberships();
    entities.roles = store.roles();
    entities.topics = store.topics();
    entities.propositions = store.propositions();
    entities.bodies = store.bodies();
    entities.meetings = store.meetings();
    entities.agenda_items = store.agenda_items();
    entities.participants = store.participants();
    sort_canonically(entities);
    return entities;
}

void sort_canonically(Dataset& dataset) {
    sort_by_id(dataset.documents);
    sort_by_id(dataset.actors);
    sort_by_id(dataset.topics);
    sort_by_id(dataset.propositions);
    sort_by_id(dataset.bodies);
    sort_by_id(dataset.meetings);
    sort_by_id(dataset.agenda_items);
    sort_by_id(dataset.stances);
    std::sort(dataset.memberships.begin(), dataset.memberships.end(), [](const Membership& a, const Membership& b) {
        return std::tie(a.group, a.member, a.from) < std::tie(b.group, b.member, b.from);
    });
    std::sort(dataset.roles.begin(), dataset.roles.end(), [](const Role& a, const Role& b) {
        return std::tie(a.person, a.from, a.represents) < std::tie(b.person, b.from, b.represents);
    });
    std::sort(dataset.participants.begin(), dataset.participants.end(), [](const Participant& a, const Participant& b) {
        return std::tie(a.meeting, a.actor, a.person) < std::tie(b.meeting, b.actor, b.person);
    });
}

} // namespace stance
