// The two hierarchies queries walk: topics ("Russia" > "NATO–Russia dialogue" > "risk reduction")
// and nested meetings (a ministerial with its working session, working lunch and NATO–Ukraine
// Commission; a UN General Assembly session with its plenary meetings).
//
// A question about "Russia" means Russia and all its subtopics, and a question about a meeting
// means the meeting and everything held inside it; these helpers expand an id accordingly, for use
// in a StanceFilter (which matches exact ids only).
#pragma once

#include <string>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance {

class Catalog;

/// `topic` followed by all its descendants, depth first (children in id order), each once: a topic
/// with several parents is reached through each of them.
/// Throws not_found_error for an unknown topic.
[[nodiscard]] std::vector<TopicId> topic_with_descendants(const Catalog& catalog, const TopicId& topic);

/// `meeting` followed by all meetings nested in it at any depth, depth first.
/// Throws not_found_error for an unknown meeting.
[[nodiscard]] std::vector<MeetingId> meeting_with_descendants(const Catalog& catalog, const MeetingId& meeting);

/// The top-level ancestor of `meeting` (the meeting itself when it has no parent): the ministerial
/// of a working lunch, the General Assembly session of a roll call. Throws not_found_error.
[[nodiscard]] MeetingId session_of(const Catalog& catalog, const MeetingId& meeting);

/// `topic` and its ancestors through each first parent (the display path), root first.
[[nodiscard]] std::vector<TopicId> topic_ancestry(const Catalog& catalog, const TopicId& topic);

/// The labels from the root down along first parents, joined: "Russia > NATO–Russia dialogue".
[[nodiscard]] std::string topic_path(const Catalog& catalog, const TopicId& topic);

} // namespace stance
