// Commands that move whole datasets: init, import, export.
#include <cerrno>
#include <iostream>

#include <fmt/format.h>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/io/export.hpp"
#include "stance/io/validate_files.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/store/shown_address.hpp"
#include "stance/store/store.hpp"

namespace stance::cli {

namespace {

// Every kind of entity a dataset holds, in the order they are written, so the summary leaves
// nothing out that the import wrote.
std::string entity_counts(const Dataset& dataset) {
    return fmt::format("{} documents, {} actors, {} memberships, {} roles, {} topics, {} propositions, {} bodies, "
                       "{} meetings, {} agenda items, {} participants, {} stances",
                       dataset.documents.size(), dataset.actors.size(), dataset.memberships.size(),
                       dataset.roles.size(), dataset.topics.size(), dataset.propositions.size(), dataset.bodies.size(),
                       dataset.meetings.size(), dataset.agenda_items.size(), dataset.participants.size(),
                       dataset.stances.size());
}

struct InitCommand {};

void run_init(const Context& context, const InitCommand& command) {
    (void)command;
    auto store = context.open_store();
    if (!context.quiet) {
        std::cout << fmt::format("{}: stance database, schema version {}\n", shown_address(context.database),
                                 store->schema_version());
    }
}

struct ImportCommand {
    std::vector<std::string> files;
    std::vector<std::string> roots; ///< --allow-documents-under
};

void run_import(const Context& context, const ImportCommand& command) {
    DatasetReadOptions options;
    options.allowed_document_roots.assign(command.roots.begin(), command.roots.end());
    options.on_warning = [](const std::string& warning) { std::cerr << "stance: warning: " << warning << '\n'; };
    auto store = context.open_store();
    for (const std::string& file : command.files) {
        const Dataset dataset = import_dataset_file(*store, file, options);
        if (!context.quiet) {
            std::cout << fmt::format("{}: imported {}\n", file, entity_counts(dataset));
        }
    }
}

struct ValidateCommand {
    std::vector<std::string> files;
};

void run_validate(const Context& context, const ValidateCommand& command) {
    auto scratch = Store::open(":memory:"); // nothing the user has is opened, so nothing can change
    const std::vector<std::filesystem::path> paths(command.files.begin(), command.files.end());
    const Diagnostics diagnostics = check_dataset_files(*scratch, paths);
    for (const Problem& problem : diagnostics.problems()) {
        std::cout << fmt::format("{}: {}\n", problem.where, problem.what);
    }
    flush_standard_output();
    if (!diagnostics.empty()) {
        throw invalid_input_error("validate", fmt::format("{} problem{} found; fix them and run validate again",
                                                          diagnostics.problems().size(),
                                                          diagnostics.problems().size() == 1 ? "" : "s"));
    }
    if (!context.quiet) {
        const std::size_t files = command.files.size();
        std::cout << fmt::format("{} file{} checked: no problems\n", files, files == 1 ? "" : "s");
    }
}

struct ExportCommand {
    std::string output;
    std::string document;
    std::string meeting;
    std::string coder;
};

void run_export(const Context& context, const ExportCommand& command) {
    auto store = context.open_store(true);
    ExportSelection selection;
    if (!command.document.empty()) {
        selection.document = DocumentId{command.document};
    }
    if (!command.meeting.empty()) {
        selection.meeting = resolve_meeting(Catalog{*store}, command.meeting);
    }
    if (!command.coder.empty()) {
        selection.coder = command.coder;
    }
    if (command.output.empty()) {
        errno = 0;
        export_dataset(
            *store,
            [](std::string_view piece) {
                if (!(std::cout << piece)) {
                    flush_standard_output(); // throws with the reason while errno still holds it
                }
            },
            selection);
        flush_standard_output(); // now, while the failed write's reason is still known
        return;
    }
    AtomicFile file(command.output);
    export_dataset(
        *store, [&file](std::string_view piece) { file.write(piece); }, selection);
    file.commit();
}

} // namespace

void setup_init(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Create the database (or migrate an older one) and report its schema");
    command->callback([&context] { run_init(context, InitCommand{}); });
}

void setup_import(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("import", "Import JSON datasets (each file atomically; see docs/dataset-format.md)");
    auto options = std::make_shared<ImportCommand>();
    command->add_option("files", options->files, "Dataset files")->required()->check(CLI::ExistingFile);
    command
        ->add_option("--allow-documents-under", options->roots,
                     "Also let documents be read from this folder (by default only from the dataset file's own "
                     "folder); repeat for more folders")
        ->check(CLI::ExistingDirectory);
    command->callback([&context, options] { run_import(context, *options); });
}

void setup_validate(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "validate", "Check dataset files, in order, as if imported into a new database; list every problem; "
                    "change nothing (exit 3 if any)");
    auto options = std::make_shared<ValidateCommand>();
    command->add_option("files", options->files, "Dataset files")->required()->check(CLI::ExistingFile);
    command->callback([&context, options] { run_validate(context, *options); });
}

void setup_export(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "export", "Export the database, or one document's, meeting's or coder's stances with everything they refer "
                  "to, as one canonical JSON dataset");
    auto options = std::make_shared<ExportCommand>();
    command->add_option("-o,--output", options->output, "Write to this file (atomically) instead of standard output");
    command->add_option("--document", options->document, "Only the stances whose source is this document (its id)");
    command->add_option("--meeting", options->meeting,
                        "Only the stances at this meeting or one nested in it (id, date or title), with its agenda");
    command->add_option("--coder", options->coder, "Only the stances this coder coded (the name as recorded)");
    command->callback([&context, options] { run_export(context, *options); });
}

} // namespace stance::cli
