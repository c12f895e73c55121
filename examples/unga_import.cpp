// Import the UN General Assembly votes (the unvotes tables shipped in data/unvotes) into a database
// file, with a progress line, and print what was imported. The other unga_* examples read the
// database this one writes.
//
// Usage: unga_import DATABASE [UNVOTES_DIR [FULL_CODES_DIR]]
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: unga_import DATABASE [UNVOTES_DIR [FULL_CODES_DIR]]\n";
        return 2;
    }
    const std::string database = argv[1];
    const std::string tables = argc > 2 ? argv[2] : STANCE_UNVOTES_DIR;
    try {
        auto db = stance::Database::open(database);
        stance::UngaImportOptions options;
        if (argc > 3) {
            options.full_codes_directory = argv[3];
        }
        // Progress goes to stderr; a real program would redraw one line (see `stance import-unga`).
        const auto summary = db.import_unga(tables, options, [](const stance::UngaImportProgress& p) {
            if (p.done) {
                std::cerr << fmt::format("{}: {} rows\n", p.table, p.rows);
            }
        });
        fmt::print("{} roll calls in {} sessions, {} voting days, {} issue links, {} countries\n", summary.roll_calls,
                   summary.sessions, summary.meetings, summary.issue_links, summary.actors);
        fmt::print("{} votes: {} yes, {} no, {} abstain\n", summary.yes + summary.no + summary.abstain, summary.yes,
                   summary.no, summary.abstain);
        const auto document = db.store().document(stance::DocumentId{"unvotes-un-votes"});
        if (document) {
            fmt::print("source: {}\nsha256 of the CSV text: {}\n", document->origin, document->sha256);
        }
    } catch (const stance::error& failure) {
        std::cerr << "unga_import: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
