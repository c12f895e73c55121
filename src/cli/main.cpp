// Entry point of the `stance` tool: global options, subcommand registration, error → exit code.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "stance/error.hpp"
#include "stance/text/utf8.hpp"
#include "stance/version.hpp"

namespace stance::cli {

std::unique_ptr<Store> Context::open_store(bool read_only) const {
    if (database.empty()) {
        throw invalid_input_error("--db", "the database path is empty (an unset variable?); pass a database file, "
                                          "e.g. --db stance.db");
    }
    if (is_temporary_database(database)) {
        throw invalid_input_error(
            "--db", fmt::format("\"{}\" is an in-memory database: it starts empty and is gone when stance exits, so "
                                "{}; pass a database file, e.g. --db stance.db",
                                database, read_only ? "there is nothing to read" : "nothing would be kept"));
    }
    OpenOptions options;
    options.read_only = read_only;
    options.busy_timeout_ms = busy_timeout_ms;
    options.author = author();
    return Store::open(database, options);
}

std::string Context::author() const {
    return by.empty() ? os_user_name() : by;
}

std::optional<Date> parse_date_option(const std::string& text, std::string_view option) {
    if (text.empty()) {
        return std::nullopt;
    }
    std::optional<Date> date = Date::parse(text);
    if (!date) {
        throw invalid_input_error(std::string(option),
                                  fmt::format("\"{}\" is not a date; write it as YYYY-MM-DD, e.g. 2017-03-31", text));
    }
    return date;
}

void check_date_order(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to && *to < *from) {
        throw invalid_input_error("--from/--to",
                                  fmt::format("--from {} is after --to {}; swap them", from->iso(), to->iso()));
    }
}

void flush_standard_output() {
    std::cout.flush(); // with the C++ streams synced to stdio, this flushes stdout too
    if (std::cout.good() && std::fflush(stdout) == 0 && std::ferror(stdout) == 0) {
        return;
    }
    const int cause = errno; // the caller cleared it before the writes, so it is theirs
    throw error(fmt::format("writing to standard output failed{}: the output is incomplete; check that it goes "
                            "somewhere with space left and that it is open",
                            cause != 0 ? fmt::format(" ({})", std::strerror(cause)) : ""));
}

std::string read_file_bytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw invalid_input_error(file, "cannot read the file: check the path and its permissions");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string read_text_file(const std::string& file) {
    std::string text = read_file_bytes(file);
    if (!is_valid_utf8(text)) {
        throw invalid_input_error(file, "not valid UTF-8 text; convert it (iconv -t UTF-8) first");
    }
    return text;
}

std::string version_line() {
    return fmt::format("stance {}", stance::version);
}

void setup_version(CLI::App& app, Context& context) {
    (void)context;
    auto* command = app.add_subcommand("version", "Print the version of stance");
    command->callback([] { std::cout << version_line() << '\n'; });
}

namespace {

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

/// Standard output closed at start (`>&-`) would let the next file opened take its number, and what
/// the command prints would end up in that file.
bool standard_output_is_open() {
    return fcntl(STDOUT_FILENO, F_GETFD) != -1;
}

// The message already lists the candidates (resolve.hpp); printing candidates() too would say it twice.
int report_not_found(const not_found_error& failure) {
    std::cerr << fmt::format("stance: {}\n", failure.what());
    return static_cast<int>(ExitCode::not_found);
}

} // namespace

} // namespace stance::cli

int main(int argc, char** argv) {
    using namespace stance::cli;
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
    app.add_option("--db", context.database, "SQLite database file (default: $STANCE_DB or ./stance.db)");
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
