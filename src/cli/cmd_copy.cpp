// `stance copy FROM TO`: a whole database into a new one, from either backend to either (an SQLite
// file, a PostgreSQL address), all or nothing (stance/store/copy.hpp says what becomes of the history),
// then its coder accounts and reviews (copy_team).
#include <chrono>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "progress_line.hpp"
#include "stance/error.hpp"
#include "stance/store/copy.hpp"
#include "stance/team/coders.hpp"

namespace stance::cli {

namespace {

struct CopyArguments {
    std::string from;
    std::string to;
};

std::unique_ptr<Store> open_database(const Context& context, const std::string& address, bool read_only) {
    if (address.empty() || is_temporary_database(address)) {
        throw invalid_input_error(read_only ? "FROM" : "TO",
                                  fmt::format("\"{}\" is not a database that outlives stance; pass a database file "
                                              "or a PostgreSQL address (postgresql://…)",
                                              address));
    }
    OpenOptions options;
    options.read_only = read_only;
    options.busy_timeout_ms = context.busy_timeout_ms;
    options.author = context.author();
    return Store::open(address, options);
}

void run_copy(const Context& context, const CopyArguments& arguments) {
    const auto started = std::chrono::steady_clock::now();
    const auto from = open_database(context, arguments.from, true);
    // An SQLite target file this run creates is removed again when the copy fails, so a failed copy
    // leaves nothing behind. (A PostgreSQL address names no file: the test is false for it.)
    const bool target_file_is_new = !std::filesystem::exists(arguments.to);
    CopySummary summary;
    TeamCopySummary team;
    try {
        {
            const auto to = open_database(context, arguments.to, false);
            ProgressLine line(!context.quiet);
            summary = copy_store(*from, *to, {}, [&line](const CopyProgress& progress) {
                line.show(fmt::format("copy: {} {}", progress.done, progress.stage));
            });
        }
        OpenOptions options;
        options.busy_timeout_ms = context.busy_timeout_ms;
        team = copy_team(arguments.from, arguments.to, options);
    } catch (...) {
        if (target_file_is_new) {
            std::error_code ignored;
            for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
                std::filesystem::remove(arguments.to + suffix, ignored);
            }
        }
        throw;
    }
    if (context.quiet) {
        return;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format("copied {} entities, {} stances ({} recorded votes) and {} suggestions in {:.1f} s: "
                             "change set {} of the copy\n",
                             summary.entities, summary.stances, summary.votes, summary.suggestions, seconds,
                             summary.change_set);
    if (team.coders > 0 || team.reviews > 0) {
        std::cout << fmt::format("copied {} coder accounts (their passwords unchanged) and {} reviews\n", team.coders,
                                 team.reviews);
    }
    if (summary.source_last_change_set > 0) {
        std::cout << fmt::format("the history of the original (change sets up to {}) stays there; the copy's "
                                 "history starts with the copy\n",
                                 summary.source_last_change_set);
    }
}

} // namespace

void setup_copy(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "copy", "Copy a whole database into a new one: SQLite file or PostgreSQL address, either way (all or nothing)");
    auto arguments = std::make_shared<CopyArguments>();
    command->add_option("FROM", arguments->from, "The database to copy: a file, or postgresql://…")->required();
    command
        ->add_option("TO", arguments->to,
                     "The new database: a file that does not exist yet, or an empty "
                     "PostgreSQL database")
        ->required();
    command->callback([&context, arguments] { run_copy(context, *arguments); });
}

} // namespace stance::cli
