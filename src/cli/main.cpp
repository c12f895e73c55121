// Entry point of the `stance` tool: the global options, every subcommand registered, errors mapped to
// exit codes. The commands themselves are in cmd_*.cpp.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/error.hpp"

namespace stance::cli {

namespace {

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

int report(std::string_view kind, const std::exception& failure, ExitCode code) {
    std::cerr << fmt::format("stance: {}{}\n", kind, failure.what());
    return static_cast<int>(code);
}

/// Run after everything was printed: the last buffered output may fail only now.
int check_standard_output() {
    errno = 0; // what is still buffered is written now; a stale value must not pose as the reason
    try {
        flush_standard_output();
    } catch (const stance::error& failure) {
        return report("", failure, ExitCode::failure);
    }
    return 0;
}

// The message already lists the candidates (resolve.hpp); printing candidates() too would say it twice.
int report_not_found(const not_found_error& failure) {
    std::cerr << fmt::format("stance: {}\n", failure.what());
    return static_cast<int>(ExitCode::not_found);
}

/// The tool itself: every command registered, the command line run, its errors mapped to exit codes.
int run(int argc, char** argv) {
    if (!standard_output_is_open()) {
        std::cerr << "stance: standard output is closed; redirect it to a file or to /dev/null\n";
        return static_cast<int>(ExitCode::failure);
    }
    CLI::App app{"stance: what actors state at meetings, per topic, with the source sentence"};
    app.require_subcommand(1);
    app.set_version_flag("--version", version_line(), "Print the version of stance and exit");
    Context context;
    if (const char* env = std::getenv("STANCE_DB"); env && *env) {
        context.database = env;
    }
    app.add_option("--db", context.database,
                   "SQLite database file or PostgreSQL address (default: $STANCE_DB or ./stance.db)");
    app.add_flag("-q,--quiet", context.quiet, "Print no progress or summaries");
    app.add_option("--busy-timeout", context.busy_timeout_ms,
                   "Milliseconds to wait for another writer before giving up (exit code 6)")
        ->check(CLI::Range(0, 3'600'000));
    app.add_option("--by", context.by,
                   "Who the history records as making this run's changes (default: the OS user name)");

    setup_init(app, context);
    setup_import(app, context);
    setup_validate(app, context);
    setup_export(app, context);
    setup_actors(app, context);
    setup_topics(app, context);
    setup_meetings(app, context);
    setup_stances(app, context);
    setup_documents(app, context);
    setup_propositions(app, context);
    setup_roles(app, context);
    setup_bodies(app, context);
    setup_participants(app, context);
    setup_import_unga(app, context);
    setup_agreement(app, context);
    setup_agreement_matrix(app, context);
    setup_ideal_points(app, context);
    setup_evolution(app, context);
    setup_snapshot(app, context);
    setup_compare(app, context);
    setup_search(app, context);
    setup_check(app, context);
    setup_locate(app, context);
    setup_suggest(app, context);
    setup_version(app, context);
    setup_add_document(app, context);
    setup_code(app, context);
    setup_edit(app, context);
    setup_delete(app, context);
    setup_history(app, context);
    setup_undo(app, context);
    setup_review(app, context);
    setup_network(app, context);
    setup_serve(app, context);
    setup_reliability(app, context);
    setup_blocs(app, context);
    setup_copy(app, context);
    setup_coders(app, context);
    setup_reviews(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& failure) {
        app.exit(failure);
        return static_cast<int>(ExitCode::usage);
    } catch (const stance::not_found_error& failure) {
        return report_not_found(failure);
    } catch (const stance::invalid_input_error& failure) {
        return report("invalid input: ", failure, ExitCode::invalid_input);
    } catch (const stance::busy_error& failure) {
        return report("", failure, ExitCode::busy);
    } catch (const stance::schema_version_error& failure) {
        return report("", failure, ExitCode::schema_version);
    } catch (const stance::storage_error& failure) {
        return report("storage: ", failure, ExitCode::storage);
    } catch (const stance::error& failure) {
        return report("", failure, ExitCode::failure);
    } catch (const std::exception& failure) {
        return report("unexpected error: ", failure, ExitCode::failure);
    }
    return check_standard_output();
}

} // namespace

} // namespace stance::cli

int main(int argc, char** argv) {
    // Registering the commands can throw too (std::bad_alloc, before run's own handlers), and so can
    // a handler's message; no exception leaves main, where it would end the tool without a word.
    try {
        return stance::cli::run(argc, argv);
    } catch (...) {
        std::fputs("stance: unexpected error\n", stderr);
        return static_cast<int>(stance::cli::ExitCode::failure);
    }
}
