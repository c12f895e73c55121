// The stance command-line tool: one setup_x(App&, Context&) per subcommand, as in CLI11's own
// examples. Each setup function registers its options and a callback that does the work.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "stance/error.hpp"

#include "stance/store/store.hpp"

namespace stance::cli {

/// Exit codes, one per kind of failure, so scripts can tell them apart (docs/cli.md).
enum class ExitCode : int {
    ok = 0,
    failure = 1,
    usage = 2,
    invalid_input = 3,
    not_found = 4,
    storage = 5,
    busy = 6,
    schema_version = 7,
};

/// What every command shares: the global options.
struct Context {
    std::string database = "stance.db";
    bool quiet = false;
    int busy_timeout_ms = OpenOptions{}.busy_timeout_ms;
    std::string by; ///< --by: who the history records as making the changes (default the OS user name).

    /// Who the changes of this run are recorded as: --by, else the OS user name.
    [[nodiscard]] std::string author() const;

    /// Opens the database named by --db (or $STANCE_DB).
    [[nodiscard]] std::unique_ptr<Store> open_store(bool read_only = false) const;
};

/// Flushes standard output; throws stance::error when anything written to it was lost (a full disk,
/// a closed pipe), so that a command that printed its result never exits 0 with the result cut short.
/// The message gives errno's reason: clear errno before the writes this checks.
void flush_standard_output();

/// The date of a `--from`/`--to` style option; nothing when the option was not given.
/// Throws invalid_input_error naming the option when the text is not an existing YYYY-MM-DD date.
[[nodiscard]] std::optional<Date> parse_date_option(const std::string& text, std::string_view option);
/// Throws invalid_input_error when --to is before --from.
void check_date_order(const std::optional<Date>& from, const std::optional<Date>& to);

/// The bytes of a file, as they are; throws invalid_input_error naming the file when it cannot be read.
[[nodiscard]] std::string read_file_bytes(const std::string& file);
/// The value of an option naming one of an enumeration's values (`parse` reads it); nothing when
/// the option was not given. Throws invalid_input_error naming the option and `choices` otherwise.
template <class Value>
std::optional<Value> parse_choice_option(const std::string& text, std::string_view option, std::string_view choices,
                                         std::optional<Value> (*parse)(std::string_view) noexcept) {
    if (text.empty()) {
        return std::nullopt;
    }
    if (std::optional<Value> value = parse(text)) {
        return value;
    }
    throw invalid_input_error(std::string(option), fmt::format("\"{}\" is not one of {}", text, choices));
}
inline constexpr std::string_view position_choices =
    "support, oppose, concern, conditional, abstain, neutral, no_position, absent, not_member";
inline constexpr std::string_view basis_choices = "vote, statement, reported, inferred, recalled";
inline constexpr std::string_view breadth_choices = "single, all, broad, many, some";

/// The contents of a UTF-8 text file; throws invalid_input_error naming the file when it cannot be
/// read or is not UTF-8.
[[nodiscard]] std::string read_text_file(const std::string& file);

/// "stance X.Y.Z", the version CMake's project() gives (stance/version.hpp).
[[nodiscard]] std::string version_line();

void setup_init(CLI::App& app, Context& context);
void setup_import(CLI::App& app, Context& context);
void setup_validate(CLI::App& app, Context& context);
void setup_export(CLI::App& app, Context& context);
void setup_actors(CLI::App& app, Context& context);
void setup_topics(CLI::App& app, Context& context);
void setup_meetings(CLI::App& app, Context& context);
void setup_stances(CLI::App& app, Context& context);
void setup_documents(CLI::App& app, Context& context);
void setup_propositions(CLI::App& app, Context& context);
void setup_roles(CLI::App& app, Context& context);
void setup_bodies(CLI::App& app, Context& context);
void setup_participants(CLI::App& app, Context& context);
void setup_import_unga(CLI::App& app, Context& context);
void setup_agreement(CLI::App& app, Context& context);
void setup_agreement_matrix(CLI::App& app, Context& context);
void setup_ideal_points(CLI::App& app, Context& context);
void setup_evolution(CLI::App& app, Context& context);
void setup_snapshot(CLI::App& app, Context& context);
void setup_compare(CLI::App& app, Context& context);
void setup_search(CLI::App& app, Context& context);
void setup_check(CLI::App& app, Context& context);
void setup_locate(CLI::App& app, Context& context);
void setup_suggest(CLI::App& app, Context& context);
void setup_edit(CLI::App& app, Context& context);
void setup_delete(CLI::App& app, Context& context);
void setup_history(CLI::App& app, Context& context);
void setup_undo(CLI::App& app, Context& context);
void setup_review(CLI::App& app, Context& context);
void setup_version(CLI::App& app, Context& context);
void setup_add_document(CLI::App& app, Context& context);
void setup_code(CLI::App& app, Context& context);
void setup_network(CLI::App& app, Context& context);
void setup_serve(CLI::App& app, Context& context);
void setup_reliability(CLI::App& app, Context& context);
void setup_blocs(CLI::App& app, Context& context);
void setup_copy(CLI::App& app, Context& context);

} // namespace stance::cli
