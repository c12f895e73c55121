// Reading the roll-call and issue tables; see roll_calls.hpp.
#include "unga/roll_calls.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "io/csv_values.hpp"
#include "stance/error.hpp"
#include "unga/tables.hpp"

namespace stance::unga {

namespace {

/// The roll call `rcid` of `by_rcid` (const or not), or the error at the row that names it.
template <class RollCallMap>
auto& find_roll_call(RollCallMap& by_rcid, const CsvReader& reader, const CsvRecord& record, std::int64_t rcid) {
    auto found = by_rcid.find(rcid);
    if (found == by_rcid.end()) {
        throw invalid_input_error(reader.where(record, 0),
                                  fmt::format("roll call {} is not in un_roll_calls.csv; the tables must come from the "
                                              "same release (fix the rcid or use matching files)",
                                              rcid));
    }
    return found->second;
}

RollCall roll_call_row(const CsvReader& reader, const CsvRecord& record) {
    RollCall call;
    call.rcid = detail::csv_positive(reader, record, 0);
    const std::int64_t session = detail::csv_positive(reader, record, 1);
    if (session > 10'000) {
        throw invalid_input_error(reader.where(record, 1),
                                  fmt::format("{} is {}, which is no General Assembly session (they are numbered "
                                              "from 1, one a year since 1946); fix the session",
                                              reader.column_name(1), session));
    }
    call.session = static_cast<int>(session);
    call.date = detail::csv_date(reader, record, 3);
    call.code = std::string(record.field(4));
    call.title = std::string(record.field(7));
    call.description = std::string(record.field(8));
    call.flags = RollCallFlags{detail::csv_flag(reader, record, 2), detail::csv_flag(reader, record, 5),
                               detail::csv_flag(reader, record, 6)};
    call.meeting = unga_date_meeting(call.session, call.date);
    call.item = unga_roll_call_item(call.rcid);
    return call;
}

} // namespace

RollCalls read_roll_calls(const std::filesystem::path& file, const UngaProgressCallback& progress) {
    CsvReader reader(file);
    reader.expect_header(roll_call_columns);
    CsvRecord record;
    RollCalls roll_calls;
    std::map<std::int64_t, std::uint64_t> lines;
    while (reader.next(record)) {
        RollCall call = roll_call_row(reader, record);
        if (auto [previous, added] = lines.emplace(call.rcid, record.line()); !added) {
            throw invalid_input_error(
                reader.where(record, 0),
                fmt::format("roll call {} appears twice (first on line {}); remove one of the rows", call.rcid,
                            previous->second));
        }
        roll_calls.by_rcid.emplace(call.rcid, std::move(call));
    }
    report_progress(progress, reader, roll_calls.by_rcid.size(), true);
    return roll_calls;
}

void read_issues(const std::filesystem::path& file, RollCalls& roll_calls, const UngaProgressCallback& progress) {
    CsvReader reader(file);
    reader.expect_header(issue_columns);
    CsvRecord record;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        ++rows;
        RollCall& call = find_roll_call(roll_calls.by_rcid, reader, record, detail::csv_positive(reader, record, 0));
        const std::string code(record.field(1));
        if (code.empty() || code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) {
            throw invalid_input_error(
                reader.where(record, 1),
                fmt::format("{} is \"{}\"; an issue code is lowercase letters and digits (me, nu, "
                            "di, hr, co, ec)",
                            reader.column_name(1), code));
        }
        const std::string label(record.field(2));
        auto [known, added] = roll_calls.issue_labels.emplace(code, label);
        if (!added && known->second != label) {
            throw invalid_input_error(
                reader.where(record, 2),
                fmt::format("issue \"{}\" is labelled \"{}\" here but \"{}\" earlier; use one label "
                            "per issue code",
                            code, label, known->second));
        }
        const TopicId topic = unga_issue_topic(code);
        if (std::find(call.topics.begin(), call.topics.end(), topic) == call.topics.end()) {
            call.topics.push_back(topic);
            ++roll_calls.issue_links;
        }
    }
    report_progress(progress, reader, rows, true);
}

const RollCall& roll_call_of(const RollCalls& roll_calls, const CsvReader& reader, const CsvRecord& record) {
    return find_roll_call(roll_calls.by_rcid, reader, record, detail::csv_positive(reader, record, 0));
}

} // namespace stance::unga
