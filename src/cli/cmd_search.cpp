// `stance search`: find stances by the words of their quote or paraphrase, optionally narrowed to an
// actor, a topic (with subtopics), a meeting (with the meetings inside it) or a date range.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/tree.hpp"

namespace stance::cli {

namespace {

struct SearchOptions {
    std::string text;
    std::string actor;
    std::string topic;
    std::string meeting;
    std::string from;
    std::string to;
    Format format = Format::text;
};

StanceFilter search_filter(const SearchOptions& options, const Catalog& catalog) {
    // To the library an empty text means "no text condition": every stance. Typed as a search, that
    // is a mistake (an empty variable), not a request for everything.
    if (options.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos) {
        throw invalid_input_error("search", "the search text is empty; give the words to look for, e.g. "
                                            "stance search Rusland (to list stances by actor or topic, use "
                                            "evolution or snapshot)");
    }
    StanceFilter filter;
    filter.text = options.text;
    if (!options.actor.empty()) {
        filter.actors = {resolve_actor(catalog, options.actor)};
        filter.include_named_members = true;
    }
    if (!options.topic.empty()) {
        filter.topics = topic_with_descendants(catalog, resolve_topic(catalog, options.topic));
    }
    if (!options.meeting.empty()) {
        filter.meetings = meeting_with_descendants(catalog, resolve_meeting(catalog, options.meeting));
    }
    filter.from = parse_date_option(options.from, "--from");
    filter.to = parse_date_option(options.to, "--to");
    return filter;
}

std::string source_of(const Stance& stance) {
    if (!stance.source) {
        return "";
    }
    return fmt::format("{} [{}, {})", stance.source->document.str(), stance.source->start, stance.source->end);
}

} // namespace

void setup_search(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "search",
        "Find stances by words in their quote or paraphrase (any case, any accents; \"phrases\", OR, prefix*)");
    auto options = std::make_shared<SearchOptions>();
    command->add_option("text", options->text, "What to look for, e.g. Rusland or \"brede steun\"")->required();
    command->add_option("-a,--actor", options->actor, "Only stances of this actor (or naming it)");
    command->add_option("-t,--topic", options->topic, "Only this topic and its subtopics");
    command->add_option("-m,--meeting", options->meeting, "Only this meeting and the meetings inside it");
    command->add_option("--from", options->from, "Only stances on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only stances on or before this date (YYYY-MM-DD)");
    add_format_option(*command, options->format);
    command->callback([&context, options] {
        auto store = context.open_store(true);
        const Catalog catalog(*store);
        Table table{{"date", "actor", "position", "topic", "meeting", "quote", "source", "stance"}, {}};
        for (const Stance& stance : store->stances(search_filter(*options, catalog))) {
            table.rows.push_back({catalog.effective_date(stance).iso(), catalog.actor_name(stance.actor),
                                  std::string(to_string(stance.kind)), catalog.topic_label(stance.topic),
                                  stance.meeting.str(), stance.quote, source_of(stance), stance.id.str()});
        }
        table.print(std::cout, options->format);
        if (options->format == Format::text && !context.quiet) {
            std::cout << fmt::format("{} stance{}\n", table.rows.size(), table.rows.size() == 1 ? "" : "s");
        }
    });
}

} // namespace stance::cli
