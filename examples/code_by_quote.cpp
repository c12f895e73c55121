// Coding a stance by its quote, without counting bytes: adds the seed report's text as a new
// document, codes the Netherlands' support for NATO-Russia risk reduction from the words as typed
// (a straight apostrophe where the report has a curly one), and prints where stance found them and
// the exact text it stored.
//
// Usage: code_by_quote [DATASET.json]   (the report text is read from the dataset's folder)
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "stance/database.hpp"
#include "stance/error.hpp"

int main(int argc, char** argv) {
    const std::string dataset = argc > 1 ? argv[1] : STANCE_SEED_DATASET;
    try {
        auto db = stance::Database::open(":memory:");
        db.import_file(dataset); // the actors, topics and meetings to code against

        std::ifstream in(std::filesystem::path(dataset).parent_path() / "nato-foreign-ministers-2017-03-31.nl.txt",
                         std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        stance::Document report;
        report.id = stance::DocumentId{"report-copy"};
        report.language = "nl";
        report.title = "Report on the NATO foreign ministers' meeting, 31 March 2017 (a copy)";
        report.text = text.str();
        db.add_document(report);

        // Names as a person types them: they resolve as in every query ("Nederland" is nld).
        stance::StanceCoding coding;
        coding.document = "report-copy";
        coding.actor = "Nederland";
        coding.claim = "nato-russia-risk-reduction";
        coding.position = "support";
        coding.meeting = "nac-fm-2017-03-31-working-lunch";
        coding.coder = "example";
        coding.quote = "Vooral het onderwerp van vermindering van risico's en militaire transparantie verdient "
                       "daarbij centrale aandacht.";
        const stance::CodedStance coded = db.code(coding);

        const stance::Stance& s = coded.stance;
        fmt::print("coded {}: {} {} on {}\n", s.id.str(), s.actor.str(), stance::to_string(s.kind), s.topic.str());
        fmt::print("found at bytes [{}, {}) of {}, line {}, column {}\n", s.source->start, s.source->end,
                   s.source->document.str(), coded.place.line, coded.place.column);
        fmt::print("stored quote: \"{}\"\n", s.quote);
    } catch (const stance::error& failure) {
        std::cerr << "code_by_quote: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
