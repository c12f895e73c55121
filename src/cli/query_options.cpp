// Options several query commands share (query_options.hpp).
#include "query_options.hpp"

#include <charconv>
#include <string_view>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/unga/import.hpp"

namespace stance::cli {

namespace {

int session_number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 1) {
        throw invalid_input_error("--session", fmt::format("'{}' is not a session number; give N or FIRST-LAST, "
                                                           "for example 71 or 60-70",
                                                           text));
    }
    return value;
}

} // namespace

std::optional<TopicId> optional_topic(const Catalog& catalog, const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    return resolve_topic(catalog, text);
}

std::vector<MeetingId> session_range(const Catalog& catalog, const std::string& text) {
    const std::size_t dash = text.find('-');
    const int first = session_number(std::string_view(text).substr(0, dash));
    const int last = dash == std::string::npos ? first : session_number(std::string_view(text).substr(dash + 1));
    if (last < first) {
        throw invalid_input_error("--session", fmt::format("the range {} runs backwards; give FIRST-LAST with "
                                                           "FIRST <= LAST",
                                                           text));
    }
    if (first == last) {
        return {unga_session_meeting(first)}; // an unknown single session is not found, by name
    }
    std::vector<MeetingId> out;
    for (int session = first; session <= last; ++session) {
        if (catalog.find(unga_session_meeting(session)) != nullptr) {
            out.push_back(unga_session_meeting(session));
        }
    }
    if (out.empty()) {
        throw not_found_error(fmt::format("no session of {} is in the database; `stance meetings` lists them", text));
    }
    return out;
}

void add_session_options(CLI::App& command, SessionChoice& choice) {
    command.add_option("-s,--session", choice.sessions, "UN General Assembly session N, or sessions FIRST-LAST");
    command.add_option("-m,--meeting", choice.meetings, "A session of any body (id, title or date); repeatable");
    command.add_flag("--all", choice.all, "Every session with recorded votes");
}

std::vector<MeetingId> chosen_sessions(const Catalog& catalog, const SessionChoice& choice, std::string_view command) {
    const int given = (choice.sessions.empty() ? 0 : 1) + (choice.meetings.empty() ? 0 : 1) + (choice.all ? 1 : 0);
    if (given != 1) {
        throw invalid_input_error(std::string(command), "give either --session N or FIRST-LAST (UN General Assembly "
                                                        "sessions), --meeting ID (repeatable), or --all; exactly one");
    }
    std::vector<MeetingId> sessions =
        choice.sessions.empty() ? std::vector<MeetingId>{} : session_range(catalog, choice.sessions);
    for (const std::string& meeting : choice.meetings) {
        sessions.push_back(resolve_meeting(catalog, meeting));
    }
    return sessions;
}

void add_roll_call_options(CLI::App& command, RollCallFilter& filter) {
    command.add_flag("--exclude-unanimous", filter.exclude_unanimous,
                     "Leave out roll calls on which every vote cast was the same (docs/agreement.md)");
    command.add_flag("--important-only", filter.important_only,
                     "Only roll calls coded as important votes (UN: the US State Department's list)");
    command.add_flag("--exclude-amendments", filter.exclude_amendments, "Leave out votes on amendments");
    command.add_flag("--exclude-paragraphs", filter.exclude_paragraphs, "Leave out votes on single paragraphs");
}

void add_bloc_method_options(CLI::App& command, BlocMethodChoice& choice, bool with_threshold) {
    command
        .add_option("--method", choice.method, "louvain, leiden (modularity, igraph) or hierarchical (average linkage)")
        ->capture_default_str();
    if (with_threshold) {
        command.add_option("--threshold", choice.threshold, "Only ties whose weight is at least this count");
    }
    command.add_option("--blocs", choice.blocs, "Hierarchical: cut the tree into this many blocs");
    command.add_option("--height", choice.height, "Hierarchical: merge only at or below this distance (0 to 1)");
    command.add_option("--resolution", choice.resolution, "Louvain, Leiden: modularity's resolution (>1: more blocs)")
        ->capture_default_str();
    command
        .add_option("--seed", choice.seed, "Louvain, Leiden: the seed of igraph's random order (same seed, same blocs)")
        ->capture_default_str();
}

BlocMethodOptions to_bloc_method(const BlocMethodChoice& choice) {
    BlocMethodOptions options;
    options.method = parse_choice_option(choice.method, "--method", "louvain, leiden, hierarchical", &parse_bloc_method)
                         .value_or(BlocMethod::louvain);
    options.threshold = choice.threshold;
    options.blocs = choice.blocs;
    options.height = choice.height;
    options.resolution = choice.resolution;
    options.seed = choice.seed;
    check_bloc_options(options);
    return options;
}

} // namespace stance::cli
