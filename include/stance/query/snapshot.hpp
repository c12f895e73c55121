// Who stood where at one meeting: every stance stated at the meeting or at a meeting nested in it
// (the working lunch of a ministerial), grouped by topic and, within a topic, by actor, with the
// participants of all those meetings.
//
// A stance whose actor is a person is shown under the actor the person represented that day
// (Klimkin's words appear under Ukraine, with Klimkin as speaker). Topics come in the order the
// source reports them (date, then document, then position in the document), which for a minister's
// report is the order of the report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stance/model/dataset.hpp"

namespace stance {

class Catalog;
class Store;

struct SnapshotOptions {
    std::optional<TopicId> topic; ///< Only this topic (and its subtopics).
    bool include_subtopics = true;
    /// Only stances these persons voiced (StanceFilter::speakers); empty means all.
    std::vector<ActorId> speakers;
};

struct SnapshotStance {
    Stance stance;
    std::optional<ActorId> speaker; ///< The person who voiced it: the stance's speaker, or its actor when a person.
    std::string speaker_name;
    std::string meeting_title;
    std::string agenda_item_title;
    std::string proposition; ///< The proposition's statement, when there is one.
};

struct SnapshotActor {
    ActorId actor;
    std::string name;
    ActorKind kind = ActorKind::state;
    std::vector<SnapshotStance> stances;
};

struct SnapshotTopic {
    TopicId topic;
    std::string label;
    std::string path; ///< "Russia > NATO–Russia dialogue".
    std::vector<SnapshotActor> actors;
};

struct SnapshotParticipant {
    ActorId actor;
    std::string name;
    std::optional<ActorId> person;
    std::string person_name;
    std::string role;
    std::vector<MeetingId> meetings; ///< Which of the meetings they attended.
};

struct Snapshot {
    Meeting meeting;
    std::vector<Meeting> meetings; ///< The meeting and its nested meetings, depth first.
    std::optional<TopicId> topic;
    std::vector<ActorId> speakers; ///< The persons the stances were narrowed to (SnapshotOptions::speakers).
    std::vector<SnapshotParticipant> participants;
    std::vector<SnapshotTopic> topics;
    std::size_t stance_count = 0;
};

/// Throws not_found_error for an unknown meeting or topic.
[[nodiscard]] Snapshot snapshot(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                                const SnapshotOptions& options = {});
[[nodiscard]] Snapshot snapshot(const Store& store, const MeetingId& meeting, const SnapshotOptions& options = {});

} // namespace stance
