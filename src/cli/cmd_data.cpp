// Commands that move whole datasets: init, import, export.
#include <cerrno>
#include <iostream>

#include <fmt/format.h>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance::cli {

void setup_init(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("init", "Create the database (or migrate an older one) and report its schema");
    command->callback([&context] {
        auto store = context.open_store();
        if (!context.quiet) {
            std::cout << fmt::format("{}: stance database, schema version {}\n", context.database,
                                     store->schema_version());
        }
    });
}

void setup_import(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("import", "Import JSON datasets (each file atomically; see docs/dataset-format.md)");
    auto files = std::make_shared<std::vector<std::string>>();
    command->add_option("files", *files, "Dataset files")->required()->check(CLI::ExistingFile);
    command->callback([&context, files] {
        auto store = context.open_store();
        for (const std::string& file : *files) {
            const Dataset dataset = import_dataset_file(*store, file);
            if (!context.quiet) {
                std::cout << fmt::format("{}: imported {} documents, {} actors, {} topics, {} meetings, {} stances\n",
                                         file, dataset.documents.size(), dataset.actors.size(), dataset.topics.size(),
                                         dataset.meetings.size(), dataset.stances.size());
            }
        }
    });
}

void setup_export(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("export", "Export the whole database as one canonical JSON dataset");
    auto output = std::make_shared<std::string>();
    command->add_option("-o,--output", *output, "Write to this file instead of standard output");
    command->callback([&context, output] {
        auto store = context.open_store(true);
        const std::string json = write_dataset(store->to_dataset());
        if (output->empty()) {
            errno = 0;
            std::cout << json;
            flush_standard_output(); // now, while the failed write's reason is still known
            return;
        }
        write_file_atomically(*output, json);
    });
}

} // namespace stance::cli
