// Recorded votes grouped into periods; see query/vote_periods.hpp.
#include "query/vote_periods.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "stance/query/catalog.hpp"
#include "stance/query/reach.hpp"
#include "stance/query/tree.hpp"

namespace stance {

StanceFilter vote_filter(const Catalog& catalog, const std::optional<TopicId>& topic, const std::optional<Date>& from,
                         const std::optional<Date>& to) {
    StanceFilter filter;
    if (topic) {
        filter.topics = topic_with_descendants(catalog, *topic);
    }
    filter.from = from;
    filter.to = to;
    return filter;
}

VoteBook votes_reaching(const Store& store, const Catalog& catalog, const StanceFilter& filter) {
    return VoteBook(votes_as_reached(catalog, store.recorded_votes(filter)));
}

bool roll_call_counts(const VoteBook& book, std::uint32_t roll_call, const RollCallFilter& filter) {
    const RollCallFlags& flags = book.votes().roll_calls[roll_call].flags;
    return !(filter.important_only && flags.important != true) &&
           !(filter.exclude_amendments && flags.amendment == true) &&
           !(filter.exclude_paragraphs && flags.paragraph == true) &&
           !(filter.exclude_unanimous && book.unanimous(roll_call));
}

namespace {

/// The period `call` belongs to, made (with its key, meeting, label and the call's date as its
/// first and last) when it is the first roll call of it.
PeriodRollCalls& period_of(std::map<std::string, PeriodRollCalls>& periods,
                           std::unordered_map<MeetingId, MeetingId>& period_meetings, const Catalog& catalog, Period by,
                           const RecordedVotes::RollCall& call) {
    MeetingId meeting;
    std::string key;
    if (by == Period::year) {
        key = std::to_string(call.date.year());
    } else if (by != Period::none) {
        auto cached = period_meetings.find(call.meeting);
        if (cached == period_meetings.end()) {
            cached =
                period_meetings
                    .emplace(call.meeting, by == Period::meeting ? call.meeting : session_of(catalog, call.meeting))
                    .first;
        }
        meeting = cached->second;
        key = meeting.str();
    }
    auto [slot, added] = periods.try_emplace(key);
    PeriodRollCalls& period = slot->second;
    if (added) {
        period.key = key;
        period.meeting = meeting;
        period.label = meeting.empty() ? key : catalog.meeting_title(meeting);
        period.first = call.date;
        period.last = call.date;
    }
    return period;
}

} // namespace

std::vector<PeriodRollCalls> periods_of(const VoteBook& book, const Catalog& catalog, Period by,
                                        const RollCallFilter& filter) {
    std::map<std::string, PeriodRollCalls> periods;
    std::unordered_map<MeetingId, MeetingId> period_meetings;
    const auto& roll_calls = book.votes().roll_calls;
    // Roll calls come mostly grouped by meeting, and a meeting's roll calls share a period: the last
    // meeting's period is kept (a map's entries do not move), so that a period key is made and
    // looked up once per meeting rather than once per roll call.
    const MeetingId* last_meeting = nullptr;
    PeriodRollCalls* last_period = nullptr;
    for (std::uint32_t r = 0; r < roll_calls.size(); ++r) {
        if (!roll_call_counts(book, r, filter)) {
            continue;
        }
        const RecordedVotes::RollCall& call = roll_calls[r];
        if (last_period == nullptr || call.meeting != *last_meeting) {
            last_meeting = &call.meeting;
            last_period = &period_of(periods, period_meetings, catalog, by, call);
        }
        PeriodRollCalls& period = *last_period;
        period.first = std::min(period.first, call.date);
        period.last = std::max(period.last, call.date);
        period.roll_calls.push_back(r);
    }
    std::vector<PeriodRollCalls> ordered;
    ordered.reserve(periods.size());
    for (auto& [key, period] : periods) {
        ordered.push_back(std::move(period));
    }
    std::sort(ordered.begin(), ordered.end(), [](const PeriodRollCalls& a, const PeriodRollCalls& b) {
        return std::tie(a.first, a.key) < std::tie(b.first, b.key);
    });
    return ordered;
}

} // namespace stance
