// `stance locate`: find a typed quote's exact byte span in a document, or check (and with --fix,
// repair) the spans of every stance in a dataset file from their quotes.
#include <iostream>

#include <fmt/format.h>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "stance/coding/fix_spans.hpp"
#include "stance/coding/locate_quote.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance::cli {

namespace {

struct LocateCommand {
    std::string dataset;
    std::string document;
    std::string quote;
    bool fix = false;
    std::string output;
};

/// One quote in one text file: its place and its exact text, or where it differs.
void locate_one(const LocateCommand& options) {
    const std::string text = read_text_file(options.document);
    const QuoteSearch search = locate_quote(text, options.quote);
    if (search.outcome != QuoteOutcome::found) {
        throw not_found_error(search.explain(options.document));
    }
    const QuotePlace& place = search.places[0];
    // The span's text with its line breaks shown as spaces; the stored quote keeps them (--fix does).
    std::cout << fmt::format("bytes [{}, {}), line {}, column {}\n\"start\": {}, \"end\": {}\ntext: {}\n", place.start,
                             place.end, place.line, place.column, place.start, place.end,
                             collapse_whitespace(text.substr(place.start, place.end - place.start)));
}

std::string_view label(SpanStatus status) {
    switch (status) {
    case SpanStatus::ok: return "OK    ";
    case SpanStatus::fixed: return "FIXED ";
    case SpanStatus::needs_fix: return "WRONG ";
    case SpanStatus::failed: return "ERROR ";
    case SpanStatus::skipped: return "SKIP  ";
    }
    return "?     ";
}

void locate_in_dataset(const LocateCommand& options, bool quiet) {
    Dataset dataset = read_dataset_file(options.dataset);
    const SpanReport report = check_spans(dataset, options.fix);
    for (const SpanCheck& check : report.checks) {
        if (check.status == SpanStatus::ok && quiet) {
            continue;
        }
        std::cout << fmt::format("{} $.stances[{}] {}{}{}\n", label(check.status), check.index, check.stance.str(),
                                 check.message.empty() ? "" : ": ", check.message);
    }
    const std::size_t fixed = report.count(SpanStatus::fixed);
    if (options.fix && (fixed > 0 || !options.output.empty())) {
        const std::string target = options.output.empty() ? options.dataset : options.output;
        // The canonical form of `stance export`: every document's text inline, so the file is whole
        // wherever it is written.
        write_file_atomically(target, write_dataset(dataset));
        if (!quiet) {
            std::cout << fmt::format("wrote {}\n", target);
        }
    }
    const std::size_t failed = report.count(SpanStatus::failed) + report.count(SpanStatus::needs_fix);
    if (!quiet) {
        std::cout << fmt::format("{}: {} ok, {} fixed, {} to fix, {} not placed, {} skipped\n", options.dataset,
                                 report.count(SpanStatus::ok), fixed, report.count(SpanStatus::needs_fix),
                                 report.count(SpanStatus::failed), report.count(SpanStatus::skipped));
    }
    if (failed > 0) {
        throw invalid_input_error(options.dataset,
                                  fmt::format("{} stance{} without a span that holds the quote{}", failed,
                                              failed == 1 ? "" : "s",
                                              options.fix ? "; correct those quotes (see above)"
                                                          : "; run with --fix to set the spans from the quotes"));
    }
}

void run_locate(const Context& context, const LocateCommand& command) {
    const bool one_quote = !command.document.empty() || !command.quote.empty();
    if (one_quote == !command.dataset.empty()) {
        throw CLI::ValidationError("locate", "give either a DATASET file or --document FILE --quote TEXT");
    }
    if (one_quote && (command.document.empty() || command.quote.empty())) {
        throw CLI::ValidationError("locate", "--document and --quote go together");
    }
    if (!command.output.empty() && !command.fix) {
        throw CLI::ValidationError("locate", "--output needs --fix");
    }
    if (one_quote) {
        locate_one(command);
    } else {
        locate_in_dataset(command, context.quiet);
    }
}

} // namespace

void setup_locate(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "locate", "Find a quote's exact byte span in a document, or check and --fix every span of a dataset");
    auto options = std::make_shared<LocateCommand>();
    command->add_option("dataset", options->dataset, "A dataset file whose stance spans to check (or fix)")
        ->check(CLI::ExistingFile);
    command->add_option("--document", options->document, "A text file to search one --quote in")
        ->check(CLI::ExistingFile);
    command->add_option("--quote", options->quote,
                        "The words to find (white space, hyphens at line ends, "
                        "curly or straight quotes, dashes, case and accents may differ)");
    command->add_flag("--fix", options->fix, "Set every missing or wrong span from its quote and write the dataset");
    command->add_option("-o,--output", options->output, "With --fix: write here instead of over the dataset");
    command->callback([&context, options] { run_locate(context, *options); });
}

} // namespace stance::cli
