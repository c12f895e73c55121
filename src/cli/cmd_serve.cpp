// `stance serve`: the workbench in the browser over the database (docs/workbench.md). Prints the
// URL to open, with the write token, as one line on standard output, and serves until SIGINT or
// SIGTERM, then finishes the requests it is answering and exits 0.
#include <pthread.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "commands.hpp"
#include "serve/server.hpp"
#include "stance/store/shown_address.hpp"
#include "stance/store/store.hpp"

namespace stance::cli {

namespace {

struct ServeCommand {
    serve::ServeOptions options;
};

// SIGINT and SIGTERM are blocked in every thread and taken by one that waits for them, so that
// stopping the server happens in ordinary code, not in a signal handler.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

// Ends the waiter's sigwait. SIGTERM is blocked in every thread, so it terminates nothing: the waiter
// takes it (which clang-tidy's bad-signal-to-kill-thread cannot see).
void wake_waiter(std::thread& waiter) {
    pthread_kill(waiter.native_handle(), SIGTERM); // NOLINT(bugprone-bad-signal-to-kill-thread): see above
}

std::string_view serve_mode(const serve::ServeOptions& options) {
    if (options.team) {
        return options.read_only ? ", for a team, read-only" : ", for a team: coders log in";
    }
    return options.read_only ? ", read-only" : ", writes need the token in the URL";
}

void run_serve(const Context& context, const ServeCommand& command) {
    serve::ServeOptions options = command.options;
    (void)context.open_store(options.read_only); // the CLI's checks of --db, and the file opened once
    options.database = context.database;
    options.author = context.author();
    options.busy_timeout_ms = context.busy_timeout_ms;
    // A page loading its charts sends a burst: four seconds' worth at once is allowed.
    options.burst = std::max(1.0, 4.0 * options.requests_per_second);

    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // before any thread starts, so all inherit it
    serve::Server server(options);
    server.bind();
    std::cout << server.url() << std::endl; // one line, flushed: scripts and tests read the port from it
    if (!context.quiet) {
        std::cerr << fmt::format("stance serve: {} on port {}{}; Ctrl-C stops\n", shown_address(context.database),
                                 server.port(), serve_mode(options));
    }
    std::thread waiter([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    try {
        server.run();
    } catch (...) {
        wake_waiter(waiter);
        waiter.join();
        throw;
    }
    wake_waiter(waiter); // a no-op for the waiter when a signal already stopped us
    waiter.join();
    if (!context.quiet) {
        std::cerr << "stance serve: stopped\n";
    }
}

} // namespace

void setup_serve(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "serve", "The workbench: read, code and review stances in the browser (prints the URL to open)");
    auto options = std::make_shared<ServeCommand>();
    serve::ServeOptions& o = options->options;
    command->add_option("--port", o.port, "The port to listen on; 0: any free one (the URL printed says which)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    command
        ->add_option("--host", o.host,
                     "The address to listen on (default 127.0.0.1: this machine only; another address lets "
                     "others connect)")
        ->capture_default_str();
    command->add_flag("--read-only", o.read_only, "Serve without any write route (the database is opened read-only)");
    command->add_flag("--team", o.team,
                      "Serve a team: coders log in with their accounts (stance coders add) and each route checks "
                      "their permissions; no start-up token (docs/team.md)");
    command->add_option("--token", o.token,
                        "The token writes need (16 characters or more); default: a random one, printed in the URL");
    command->add_option("--rate", o.requests_per_second, "Requests per second one client may send on average")
        ->check(CLI::Range(0.1, 100000.0))
        ->capture_default_str();
    command->callback([&context, options] { run_serve(context, *options); });
}

} // namespace stance::cli
