// `stance version` (and `--version`): the version CMake's project() gives (stance/version.hpp).
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/version.hpp"

namespace stance::cli {

std::string version_line() {
    return fmt::format("stance {}", stance::version);
}

namespace {

struct VersionCommand {};

void run_version(const Context& context, const VersionCommand& command) {
    (void)context;
    (void)command;
    std::cout << version_line() << '\n';
}

} // namespace

void setup_version(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("version", "Print the version of stance");
    command->callback([&context] { run_version(context, VersionCommand{}); });
}

} // namespace stance::cli
