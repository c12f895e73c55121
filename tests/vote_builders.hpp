// Small entities for tests that build an assembly and its roll calls by hand.
#pragma once

#include <optional>
#include <utility>

#include "stance/model/meeting.hpp"
#include "stance/model/topic.hpp"

namespace stance::test {

inline Topic topic(const char* id, const char* label) {
    Topic t;
    t.id = TopicId{id};
    t.label = label;
    return t;
}

/// A meeting of the body "ga".
inline Meeting ga_meeting(const char* id, const char* title, Date date,
                          std::optional<MeetingId> parent = std::nullopt) {
    Meeting m;
    m.id = MeetingId{id};
    m.body = BodyId{"ga"};
    m.title = title;
    m.date = date;
    m.parent = std::move(parent);
    return m;
}

} // namespace stance::test
