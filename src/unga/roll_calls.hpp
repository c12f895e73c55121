// The roll calls of un_roll_calls and their issues from un_roll_call_issues: small tables, read
// whole before any vote, so that every vote row finds its roll call's session, date and agenda item.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "stance/io/csv.hpp"
#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/meeting.hpp"
#include "stance/unga/import.hpp"

namespace stance::unga {

struct RollCall {
    std::int64_t rcid = 0;
    int session = 0;
    Date date;
    std::string code;
    std::string title;
    std::string description;
    std::vector<TopicId> topics;
    RollCallFlags flags;
    MeetingId meeting; ///< The voting day's meeting.
    AgendaItemId item;
};

struct RollCalls {
    std::map<std::int64_t, RollCall> by_rcid;
    std::map<std::string, std::string> issue_labels; ///< Issue code → label, from the issues table.
    std::uint64_t issue_links = 0;                   ///< Roll call–issue pairs.
};

/// un_roll_calls: every roll call once. Throws invalid_input_error at the field for a bad value or a
/// repeated rcid.
[[nodiscard]] RollCalls read_roll_calls(const std::filesystem::path& file, const UngaProgressCallback& progress);

/// un_roll_call_issues into `roll_calls`: each roll call's issue topics, one label per issue code.
void read_issues(const std::filesystem::path& file, RollCalls& roll_calls, const UngaProgressCallback& progress);

/// The roll call a row of another table names in its first column; throws invalid_input_error at
/// that field when un_roll_calls does not have it.
[[nodiscard]] const RollCall& roll_call_of(const RollCalls& roll_calls, const CsvReader& reader,
                                           const CsvRecord& record);

} // namespace stance::unga
