// Options that several query commands share, read the same way everywhere: an optional topic,
// UN General Assembly sessions given as N or FIRST-LAST, and the roll-call filter flags of the
// vote commands (agreement, agreement-matrix, blocs, network votes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "stance/model/ids.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/blocs.hpp"

namespace stance {
class Catalog;
}

namespace stance::cli {

/// The topic named by a --topic option; nothing when the option was empty. Throws not_found_error.
[[nodiscard]] std::optional<TopicId> optional_topic(const Catalog& catalog, const std::string& text);

/// "71" or "60-70" as session meetings. A range takes the sessions of it that the database holds (the
/// UN's 19th session recorded no vote), and is not found only when it holds none. Throws
/// invalid_input_error naming --session for text that is not N or FIRST-LAST.
[[nodiscard]] std::vector<MeetingId> session_range(const Catalog& catalog, const std::string& text);

/// Which sessions a per-session command reads, as typed: --session N|FIRST-LAST, --meeting M... or --all.
struct SessionChoice {
    std::string sessions;
    std::vector<std::string> meetings;
    bool all = false;
};

void add_session_options(CLI::App& command, SessionChoice& choice);

/// The chosen sessions, empty for --all. Throws invalid_input_error naming `command` unless exactly
/// one of the three was given, not_found_error for a session or meeting the database does not hold.
[[nodiscard]] std::vector<MeetingId> chosen_sessions(const Catalog& catalog, const SessionChoice& choice,
                                                     std::string_view command);

/// --exclude-unanimous, --important-only, --exclude-amendments, --exclude-paragraphs (docs/agreement.md).
void add_roll_call_options(CLI::App& command, RollCallFilter& filter);

/// How blocs are found, as typed: --method, --threshold, --blocs, --height, --resolution, --seed.
struct BlocMethodChoice {
    std::string method = "louvain";
    std::optional<double> threshold;
    std::optional<std::size_t> blocs;
    std::optional<double> height;
    double resolution = BlocMethodOptions{}.resolution;
    std::uint64_t seed = BlocMethodOptions{}.seed;
};

/// `with_threshold` false where the command's own --threshold (its ties') also decides the blocs.
void add_bloc_method_options(CLI::App& command, BlocMethodChoice& choice, bool with_threshold = true);

/// The options as the library takes them; throws invalid_input_error naming the option that does not fit.
[[nodiscard]] BlocMethodOptions to_bloc_method(const BlocMethodChoice& choice);

} // namespace stance::cli
