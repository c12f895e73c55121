// stance reliability: how far the coders of the same documents agree (docs/intercoder-reliability.md).
// One table of figures per document and pair of coders, then per pair over all its documents.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/reliability.hpp"
#include "stance/query/resolve.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

struct ReliabilityCommand {
    std::string document;
    std::vector<std::string> coders;
    Format format = Format::text;
};

std::string figure(const std::optional<double>& value) {
    return value ? fmt::format("{:.4f}", *value) : std::string{};
}

std::vector<std::string> figure_row(std::string_view name, const VariableAgreement& variable) {
    return {std::string(name),        std::to_string(variable.units), std::to_string(variable.agree),
            figure(variable.share()), figure(variable.alpha),         figure(variable.kappa)};
}

/// The five figures of one pair, one row each.
std::vector<std::vector<std::string>> figure_rows(const CoderPairReliability& pair) {
    return {figure_row("sentence coded", pair.sentences.coded), figure_row("actor", pair.actor),
            figure_row("claim", pair.claim), figure_row("position kind", pair.kind),
            figure_row("scale position", pair.scale_position)};
}

const std::vector<std::string> figure_columns{"figure", "units", "agree", "share", "alpha", "kappa"};

void print_pair(const CoderPairReliability& pair, Format format) {
    const SentenceAgreement& sentences = pair.sentences;
    std::cout << fmt::format("{}{}: \"{}\" ({} stances) and \"{}\" ({} stances)\n{}",
                             format == Format::md ? "### " : "",
                             pair.document ? pair.document->str() : "all documents they share", pair.first,
                             pair.first_stances, pair.second, pair.second_stances, format == Format::md ? "\n" : "");
    std::cout << fmt::format("{} sentences: coded by both {}, by the first only {}, by the second only {}, by neither "
                             "{}; {} pairs of stances on the same sentence\n{}",
                             sentences.sentences, sentences.both, sentences.first_only, sentences.second_only,
                             sentences.neither, pair.paired, format == Format::md ? "\n" : "");
    Table{figure_columns, figure_rows(pair)}.print(std::cout, format);
    std::cout << '\n';
}

void print_csv(const ReliabilityReport& report) {
    std::vector<std::string> columns{"document", "first", "second"};
    columns.insert(columns.end(), figure_columns.begin(), figure_columns.end());
    Table table{columns, {}};
    for (const auto* list : {&report.documents, &report.pooled}) {
        for (const CoderPairReliability& pair : *list) {
            for (std::vector<std::string>& row : figure_rows(pair)) {
                row.insert(row.begin(), {pair.document ? pair.document->str() : "all", pair.first, pair.second});
                table.rows.push_back(std::move(row));
            }
        }
    }
    table.print(std::cout, Format::csv);
}

void run_reliability(const Context& context, const ReliabilityCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    ReliabilityOptions options;
    if (!command.document.empty()) {
        options.document = resolve_document(*store, command.document);
    }
    options.coders = command.coders;
    const ReliabilityReport report = reliability(*store, catalog, options);
    if (command.format == Format::json) {
        std::cout << to_json(report) << '\n';
        return;
    }
    if (command.format == Format::csv) {
        print_csv(report);
        return;
    }
    for (const auto* list : {&report.documents, &report.pooled}) {
        for (const CoderPairReliability& pair : *list) {
            print_pair(pair, command.format);
        }
    }
    for (const DocumentId& id : report.without_text) {
        std::cout << fmt::format("{}: coded by several coders but without stored text, so not compared\n", id.str());
    }
    if (report.documents.empty()) {
        std::cout << "no document has stances of two of the coders asked for: reliability compares coders who "
                     "coded the same document\n";
    }
}

} // namespace

void setup_reliability(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "reliability", "Agreement between coders who coded the same document: on which sentences carry a stance, and "
                       "on actor, claim and position (Krippendorff's alpha, Cohen's kappa; "
                       "docs/intercoder-reliability.md)");
    auto options = std::make_shared<ReliabilityCommand>();
    command->add_option("-d,--document", options->document, "Only this document (id or title); default every one");
    command->add_option("-c,--coder", options->coders,
                        "A coder to compare, as the stances record the name; give it twice or more (default every "
                        "coder of each document)");
    add_format_option(*command, options->format, {Format::md});
    command->callback([&context, options] { run_reliability(context, *options); });
}

} // namespace stance::cli
