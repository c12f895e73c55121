// `stance stances`: what was coded, one row a stance, narrowed by actor, speaker, topic, meeting,
// document, coder, basis and date, each row naming its actor, claim, position and source.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "filter_options.hpp"
#include "query_output.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

// The text table shows how each claim and quote starts; JSON and CSV, read by programs, carry them whole.
constexpr std::size_t claim_start_length = 48;
constexpr std::size_t quote_start_length = 60;

struct StancesCommand {
    FilterOptions filter;
    Format format = Format::text;
};

// What the stance is a position on: its proposition's statement, else its topic's label.
std::string claim_of(const Catalog& catalog, const Stance& stance) {
    if (stance.proposition) {
        if (const Proposition* proposition = catalog.find(*stance.proposition)) {
            return proposition->statement;
        }
        return stance.proposition->str();
    }
    return catalog.topic_label(stance.topic);
}

std::vector<std::string> row_of(const Catalog& catalog, const Stance& stance, Format format) {
    const std::string quote = collapse_whitespace(stance.quote);
    const std::string claim = claim_of(catalog, stance);
    const bool text = format == Format::text;
    return {stance.id.str(),
            catalog.effective_date(stance).iso(),
            catalog.actor_name(stance.actor),
            stance.speaker ? catalog.actor_name(*stance.speaker) : "",
            text ? truncated(claim, claim_start_length) : claim,
            std::string(to_string(stance.kind)),
            fmt::format("{:+.2f}", stance.score),
            text ? truncated(quote, quote_start_length) : quote,
            stance.source ? stance.source->document.str() : "",
            stance.source ? fmt::format("[{}, {})", stance.source->start, stance.source->end) : "",
            stance.meeting.str(),
            std::string(to_string(stance.basis)),
            stance.coder};
}

void run_stances(const Context& context, const StancesCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog(*store);
    const StanceFilter filter = to_stance_filter(command.filter, *store, catalog);
    Table table{{"stance", "date", "actor", "speaker", "claim", "position", "score", "quote", "document", "span",
                 "meeting", "basis", "coder"},
                {}};
    store->for_each_stance(
        filter, [&](const Stance& stance) { table.rows.push_back(row_of(catalog, stance, command.format)); });
    table.print(std::cout, command.format);
    if (command.format == Format::text && !context.quiet) {
        std::cout << fmt::format("{} stance{}\n", table.rows.size(), table.rows.size() == 1 ? "" : "s");
    }
}

} // namespace

void setup_stances(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "stances", "List coded stances (actor, claim, position, quote, document and span), in date order");
    auto options = std::make_shared<StancesCommand>();
    add_filter_options(*command, options->filter, FilterChoice{true, true, true});
    add_format_option(*command, options->format);
    command->callback([&context, options] { run_stances(context, *options); });
}

} // namespace stance::cli
