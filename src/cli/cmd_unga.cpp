// The UN General Assembly import command: import-unga.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "progress_line.hpp"
#include "stance/error.hpp"
#include "stance/unga/import.hpp"

namespace stance::cli {

namespace {

/// The table being read, its rows so far and how much of its bytes.
std::string progress_text(const UngaImportProgress& progress) {
    const double share = progress.bytes_total == 0 ? 0.0
                                                   : 100.0 * static_cast<double>(progress.bytes_read) /
                                                         static_cast<double>(progress.bytes_total);
    return fmt::format("{}: {:>9} rows {:5.1f}%{}", progress.table, progress.rows, share, progress.done ? " done" : "");
}

struct ImportUngaCommand {
    std::string directory;
    std::string full_codes;
};

void print_summary(const UngaImportSummary& summary, bool full_codes, double seconds) {
    std::cout << fmt::format("imported {} roll calls in {} sessions ({} voting days), {} issue links, {} countries\n",
                             summary.roll_calls, summary.sessions, summary.meetings, summary.issue_links,
                             summary.actors);
    std::cout << fmt::format("votes: {} yes, {} no, {} abstain", summary.yes, summary.no, summary.abstain);
    if (full_codes) {
        std::cout << fmt::format("; {} absent, {} not a member", summary.absent, summary.not_member);
    }
    std::cout << fmt::format(" ({:.1f} s)\n", seconds);
    if (full_codes) {
        std::cout << fmt::format("full codes: {} positions agree with un_votes, {} disagree (un_votes kept)\n",
                                 summary.full_codes_confirmed, summary.full_codes_conflicts);
        for (const std::string& example : summary.conflict_examples) {
            std::cout << "  " << example << '\n';
        }
        for (const std::string& note : summary.notes) {
            std::cout << "note: " << note << '\n';
        }
    }
}

void run_import_unga(const Context& context, const ImportUngaCommand& command) {
    auto store = context.open_store();
    const auto started = std::chrono::steady_clock::now();
    UngaImportSummary summary;
    {
        ProgressLine line(!context.quiet);
        UngaImportOptions import_options;
        import_options.full_codes_directory = command.full_codes;
        summary = import_unga(*store, command.directory, import_options,
                              [&line](const UngaImportProgress& progress) { line.show(progress_text(progress)); });
    }
    if (!context.quiet) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        print_summary(summary, !command.full_codes.empty(), seconds);
    }
}

} // namespace

void setup_import_unga(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "import-unga", "Import UN General Assembly roll-call votes (the unvotes tables; see docs/unga.md)");
    auto options = std::make_shared<ImportUngaCommand>();
    command
        ->add_option("directory", options->directory,
                     "Directory with un_votes, un_roll_calls and un_roll_call_issues (.csv.gz or .csv), e.g. "
                     "data/unvotes")
        ->required()
        ->check(CLI::ExistingDirectory);
    command
        ->add_option("--full-codes", options->full_codes,
                     "Also import absences and non-membership from the 2016 full-codes release in this directory "
                     "(votes_full_codes and ccode_to_country, e.g. data/voeten_unvotes_2016)")
        ->check(CLI::ExistingDirectory);
    command->callback([&context, options] { run_import_unga(context, *options); });
}

} // namespace stance::cli
