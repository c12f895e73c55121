// `stance check`: is the database still what was imported? Lists every problem found (what, which
// entity, what to do) and exits with the storage code (5) when there is any.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/error.hpp"
#include "stance/io/check.hpp"
#include "stance/store/shown_address.hpp"

namespace stance::cli {

namespace {

struct CheckCommand {};

void run_check(const Context& context, const CheckCommand& command) {
    (void)command;
    auto store = context.open_store(true);
    const StoreCheck check = check_store(*store, CheckDepth::full);
    for (const StoreProblem& problem : check.problems) {
        std::cout << fmt::format("damaged: {}: {}; {}\n", problem.entity, problem.what, problem.fix);
    }
    if (!context.quiet) {
        for (const std::string& document : check.unverified_documents) {
            std::cout << fmt::format("not verified: document \"{}\": its referenced file cannot be read here\n",
                                     document);
        }
    }
    if (!check.problems.empty()) {
        throw storage_error(fmt::format("{}: {} problem{} found (listed above)", shown_address(context.database),
                                        check.problems.size(), check.problems.size() == 1 ? "" : "s"));
    }
    if (!context.quiet) {
        std::cout << fmt::format("{}: no damage found\n", shown_address(context.database));
    }
}

} // namespace

void setup_check(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "check", "Verify the database: SQLite's integrity check, every document's SHA-256, every quote against its "
                 "span (exit code 5 on damage)");
    command->callback([&context] { run_check(context, CheckCommand{}); });
}

} // namespace stance::cli
