// The stance command-line tool: one pair per subcommand, as in CLI11's own examples. `setup_x`
// registers the command's options into its own struct and a callback; `run_x(context, command)`
// does the work on what was typed. Every command file includes this header for what all of them
// share: the global options and the database (context.hpp), reading typed input
// (command_input.hpp) and the checked standard output (standard_output.hpp).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "command_input.hpp"
#include "context.hpp"
#include "standard_output.hpp"

namespace stance::cli {

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
/// "stance X.Y.Z", the version CMake's project() gives (stance/version.hpp).
[[nodiscard]] std::string version_line();
void setup_version(CLI::App& app, Context& context);
void setup_add_document(CLI::App& app, Context& context);
void setup_code(CLI::App& app, Context& context);
void setup_network(CLI::App& app, Context& context);
void setup_serve(CLI::App& app, Context& context);
void setup_reliability(CLI::App& app, Context& context);
void setup_blocs(CLI::App& app, Context& context);
void setup_copy(CLI::App& app, Context& context);
void setup_coders(CLI::App& app, Context& context);
void setup_reviews(CLI::App& app, Context& context);

} // namespace stance::cli
