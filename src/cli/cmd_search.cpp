// `stance search`: find stances by the words of their quote or paraphrase (stance's own search
// syntax, query/search_text.hpp), optionally narrowed to an actor, a speaker, a topic (with
// subtopics), a meeting (with the meetings inside it) or a date range.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "filter_options.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/search_text.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

struct SearchCommand {
    std::string text;
    FilterOptions filter;
    Format format = Format::text;
};

StanceFilter search_filter(const SearchCommand& options, const Store& store, const Catalog& catalog) {
    // To the library an empty text means "no text condition": every stance. Typed as a search, that
    // is a mistake (an empty variable), not a request for everything.
    require_search_words(options.text, "search");
    StanceFilter filter = to_stance_filter(options.filter, store, catalog);
    filter.text = options.text;
    return filter;
}

std::string source_of(const Stance& stance) {
    if (!stance.source) {
        return "";
    }
    return fmt::format("{} [{}, {})", stance.source->document.str(), stance.source->start, stance.source->end);
}

void run_search(const Context& context, const SearchCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog(*store);
    Table table{{"date", "actor", "position", "topic", "meeting", "quote", "source", "stance"}, {}};
    for (const Stance& stance : store->stances(search_filter(command, *store, catalog))) {
        table.rows.push_back({catalog.effective_date(stance).iso(), catalog.actor_name(stance.actor),
                              std::string(to_string(stance.kind)), catalog.topic_label(stance.topic),
                              stance.meeting.str(), stance.quote, source_of(stance), stance.id.str()});
    }
    table.print(std::cout, command.format);
    if (command.format == Format::text && !context.quiet) {
        std::cout << fmt::format("{} stance{}\n", table.rows.size(), table.rows.size() == 1 ? "" : "s");
    }
}

} // namespace

void setup_search(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "search",
        "Find stances by words in their quote or paraphrase (any case, any accents; \"phrases\", OR, NOT or -word, "
        "prefix*)");
    auto options = std::make_shared<SearchCommand>();
    command->add_option("text", options->text, "What to look for, e.g. Rusland or \"brede steun\"")->required();
    add_filter_options(*command, options->filter, FilterChoice{});
    add_format_option(*command, options->format);
    command->callback([&context, options] { run_search(context, *options); });
}

} // namespace stance::cli
