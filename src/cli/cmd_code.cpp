// `stance add-document` and `stance code`: a text file in as a document, and stances coded by their
// quote, one from the options or one a row of a CSV file (docs/coding.md). Thin clients of
// coding/add_document.hpp, coding/code_stance.hpp and coding/stance_csv.hpp.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/coding/add_document.hpp"
#include "stance/coding/code_stance.hpp"
#include "stance/coding/stance_csv.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance::cli {

namespace {

struct AddDocumentCommand {
    std::string file;
    std::string id;
    std::string language;
    std::string title;
    std::string date;
    std::string author;
    std::string origin;
};

struct CodeCommand {
    StanceCoding coding;
    std::vector<std::size_t> span;
    std::string csv;
};

void print_coded(const CodedStance& coded) {
    const Stance& s = coded.stance;
    std::cout << fmt::format("coded {}: {} {} {}{} at {}, {} bytes [{}, {}), line {}, column {}\n  \"{}\"\n",
                             s.id.str(), s.actor.str(), to_string(s.kind), s.topic.str(),
                             s.proposition ? " / " + s.proposition->str() : "", s.meeting.str(),
                             s.source->document.str(), s.source->start, s.source->end, coded.place.line,
                             coded.place.column, collapse_whitespace(s.quote));
}

void code_one(Store& store, const CodeCommand& command, bool quiet) {
    StanceCoding coding = command.coding;
    if (command.span.size() == 2) {
        coding.span = std::pair{command.span[0], command.span[1]};
    }
    const CodedStance coded = code_stance(store, coding);
    if (!quiet) {
        print_coded(coded);
    }
}

void code_csv(Store& store, const CodeCommand& options, bool quiet) {
    const CsvCodingReport report = code_stances_from_csv(store, options.csv, options.coding);
    for (const CsvCodingProblem& problem : report.problems) {
        std::cerr << problem.describe() << '\n';
    }
    if (!report.written) {
        throw invalid_input_error(options.csv,
                                  fmt::format("{} problem{} in {} row{}; nothing was written: fix them and run again",
                                              report.problems.size(), report.problems.size() == 1 ? "" : "s",
                                              report.rows, report.rows == 1 ? "" : "s"));
    }
    if (!quiet) {
        for (const CodedStance& coded : report.coded) {
            print_coded(coded);
        }
        std::cout << fmt::format("{}: coded {} stance{}\n", options.csv, report.coded.size(),
                                 report.coded.size() == 1 ? "" : "s");
    }
}

void run_add_document(const Context& context, const AddDocumentCommand& command) {
    Document document;
    document.id = DocumentId{command.id};
    document.language = command.language;
    document.title = command.title;
    document.date = parse_date_option(command.date, "--date");
    document.author = command.author;
    document.origin = command.origin;
    document.text = read_file_bytes(command.file);
    // A UTF-8 byte order mark (Windows editors write one) is not text, as the JSON and CSV readers agree.
    if (document.text.starts_with("\xEF\xBB\xBF")) {
        document.text.erase(0, 3);
    }
    check_document_text(document.text, command.file); // before the database is opened: says where in the file
    auto store = context.open_store();
    const std::size_t bytes = document.text.size();
    const DocumentAdded added = add_document(*store, std::move(document));
    if (!context.quiet) {
        std::cout << fmt::format("{} document {} ({} bytes)\n", added == DocumentAdded::added ? "added" : "updated",
                                 command.id, bytes);
    }
}

void run_code(const Context& context, const CodeCommand& command) {
    if (!command.csv.empty() && !command.span.empty()) {
        throw CLI::ValidationError("code", "--span is for one stance; give each CSV row its quote");
    }
    auto store = context.open_store();
    if (command.csv.empty()) {
        code_one(*store, command, context.quiet);
    } else {
        code_csv(*store, command, context.quiet);
    }
}

} // namespace

void setup_add_document(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "add-document", "Store a UTF-8 text file as a document (with its SHA-256), to code stances by quote in it");
    auto options = std::make_shared<AddDocumentCommand>();
    command->add_option("file", options->file, "The text file (UTF-8, NFC)")->required()->check(CLI::ExistingFile);
    command->add_option("--id", options->id, "The document's id (lowercase letters, digits, - _ . :)")->required();
    command->add_option("-l,--language", options->language, "The text's language (BCP 47: nl, en)")->required();
    command->add_option("--title", options->title, "The title");
    command->add_option("--date", options->date, "The date of the document, YYYY-MM-DD");
    command->add_option("--author", options->author, "Who wrote it");
    command->add_option("--origin", options->origin, "Where the text comes from (a URL, an archive reference)");
    command->callback([&context, options] { run_add_document(context, *options); });
}

void setup_code(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "code", "Code a stance by its quote (the span is found in the document), or one a row of a CSV file");
    auto options = std::make_shared<CodeCommand>();
    StanceCoding& c = options->coding;
    command->add_option("--document", c.document, "The document the quote is from (its id)");
    command->add_option("--actor", c.actor, "Who holds the position: an id, ISO code or name in any language");
    command->add_option("--claim", c.claim, "What it is on: a proposition id, or a topic's id or name");
    command->add_option("--position", c.position,
                        "support, oppose, abstain, neutral, concern, conditional, no_position, absent, not_member");
    command->add_option("--score", c.score, "The score on the kind's range (default: the kind's)");
    command->add_option("--breadth", c.breadth, "For a group: all, broad, many, some (default: single)");
    command->add_option("--meeting", c.meeting, "The meeting: an id, a date or a title (default: the agenda item's)");
    command->add_option("--agenda-item", c.agenda_item, "The agenda item's id");
    command->add_option("--speaker", c.speaker, "The person who spoke");
    command->add_option("--basis", c.basis, "statement (default), reported, inferred, recalled, vote");
    command->add_option("--reported-by", c.reported_by, "Whose account this is (sets the basis to reported)");
    command->add_option("--paraphrase", c.paraphrase, "An English paraphrase");
    command->add_option("--note", c.note, "The coder's note: judgement calls");
    command->add_option("--confidence", c.confidence, "The coder's confidence, 0 to 1 (default 1)");
    command->add_option("--coder", c.coder, "Who coded it");
    command->add_option("--id", c.id, "The stance's id (default: ACTOR.CLAIM.DOCUMENT.START)");
    command->add_option("--quote", c.quote,
                        "The document's words, as typed (white space, line breaks, hyphens at "
                        "line ends, curly or straight quotes and dashes may differ)");
    command->add_option("--occurrence", c.occurrence, "Which place, from 1, when the quote occurs more than once");
    command->add_option("--span", options->span, "Explicit byte offsets START END instead of the search")->expected(2);
    command
        ->add_option("--csv", options->csv,
                     "A CSV file with one stance a row, its header naming the columns as these options; the "
                     "options given here fill empty cells")
        ->check(CLI::ExistingFile);
    command->callback([&context, options] { run_code(context, *options); });
}

} // namespace stance::cli
