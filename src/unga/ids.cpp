// The ids the UN importer gives sessions, voting days, roll calls, issues and votes (unga/import.hpp).
#include <charconv>

#include <fmt/format.h>

#include "stance/unga/import.hpp"

namespace stance {

MeetingId unga_session_meeting(int session) {
    return MeetingId{fmt::format("unga-{}", session)};
}

MeetingId unga_date_meeting(int session, const Date& date) {
    return MeetingId{fmt::format("unga-{}-{}", session, date.iso())};
}

AgendaItemId unga_roll_call_item(std::int64_t rcid) {
    return AgendaItemId{fmt::format("unga-rc-{}", rcid)};
}

TopicId unga_issue_topic(std::string_view code) {
    return TopicId{fmt::format("unga-{}", code)};
}

std::string unga_vote_stance_prefix(std::int64_t rcid) {
    return fmt::format("unga-{}-", rcid);
}

StanceId unga_vote_stance(std::int64_t rcid, const ActorId& actor) {
    return StanceId{unga_vote_stance_prefix(rcid) + actor.str()};
}

std::optional<int> unga_session_of(const MeetingId& meeting) {
    std::string_view text = meeting.str();
    if (!text.starts_with("unga-")) {
        return std::nullopt;
    }
    text.remove_prefix(5);
    int session = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), session);
    if (error != std::errc{} || session <= 0 || (end != text.data() + text.size() && *end != '-')) {
        return std::nullopt;
    }
    return session;
}

} // namespace stance
