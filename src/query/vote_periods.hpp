// Recorded votes grouped into periods (sessions, years, meetings): which roll calls count, and
// which period each belongs to. Shared by the agreement queries and the ideal-point estimates, so
// that both read the same roll calls of the same session under the same filter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/vote_matrix.hpp"
#include "stance/store/store.hpp"

namespace stance {

/// The stance filter that reads the recorded votes on a topic (and its subtopics) between two dates.
[[nodiscard]] StanceFilter vote_filter(const Catalog& catalog, const std::optional<TopicId>& topic,
                                       const std::optional<Date>& from, const std::optional<Date>& to);

/// The votes `filter` selects, each counted for the actors it reaches directly (stance/query/reach.hpp):
/// its caster's, and, when a representative cast it, the represented actor's. A group's vote reaches
/// its members only by inheritance, which says nothing of how each would have voted, so it is not theirs.
[[nodiscard]] VoteBook votes_reaching(const Store& store, const Catalog& catalog, const StanceFilter& filter);

/// The roll calls of a period, with its key, label and dates.
struct PeriodRollCalls {
    std::string key;
    std::string label;
    MeetingId meeting;
    Date first;
    Date last;
    std::vector<std::uint32_t> roll_calls;
};

/// Whether the roll call passes the filter (flags a source did not code exclude nothing).
[[nodiscard]] bool roll_call_counts(const VoteBook& book, std::uint32_t roll_call, const RollCallFilter& filter);

/// The roll calls of `book` that count, grouped by period and in time order (by first date, then key).
[[nodiscard]] std::vector<PeriodRollCalls> periods_of(const VoteBook& book, const Catalog& catalog, Period by,
                                                      const RollCallFilter& filter);

/// The agreement matrix of one period's roll calls: every pair of actors that voted on one of them.
[[nodiscard]] AgreementMatrix agreement_matrix_of(const VoteBook& book, const Catalog& catalog,
                                                  const PeriodRollCalls& period, const std::optional<TopicId>& topic);

} // namespace stance
