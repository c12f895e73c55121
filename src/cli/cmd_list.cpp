// Listing commands: actors, topics, meetings.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "stance/text/fold.hpp"

namespace stance::cli {

namespace {

std::string join_aliases(const std::vector<Name>& names) {
    std::string out;
    for (const Name& name : names) {
        out += fmt::format("{}{} ({})", out.empty() ? "" : "; ", name.text, name.language);
    }
    return out;
}

bool actor_matches(const Actor& actor, const std::string& folded_query) {
    auto contains = [&](std::string_view text) {
        return fold_for_matching(text).find(folded_query) != std::string::npos;
    };
    if (contains(actor.id.str()) || contains(actor.name) || contains(actor.iso2) || contains(actor.iso3)) {
        return true;
    }
    return std::any_of(actor.aliases.begin(), actor.aliases.end(), [&](const Name& n) { return contains(n.text); });
}

} // namespace

void setup_actors(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("actors", "List actors (states, organisations, groups, persons)");
    struct Options {
        std::string match;
        Format format = Format::text;
    };
    auto options = std::make_shared<Options>();
    command->add_option("-m,--match", options->match,
                        "Only actors whose id, code, name or alias contains this text (any case, any accents)");
    add_format_option(*command, options->format);
    command->callback([&context, options] {
        auto store = context.open_store(true);
        const std::string query = fold_for_matching(options->match);
        Table table{{"id", "kind", "name", "iso2", "iso3", "aliases"}, {}};
        for (const Actor& actor : store->actors()) {
            if (query.empty() || actor_matches(actor, query)) {
                table.rows.push_back({actor.id.str(), std::string(to_string(actor.kind)), actor.name, actor.iso2,
                                      actor.iso3, join_aliases(actor.aliases)});
            }
        }
        table.print(std::cout, options->format);
    });
}

void setup_topics(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("topics", "List topics as a tree");
    auto format = std::make_shared<Format>(Format::text);
    add_format_option(*command, *format);
    command->callback([&context, format] {
        auto store = context.open_store(true);
        const std::vector<Topic> topics = store->topics();
        std::multimap<std::string, const Topic*> children;
        // A topic with several parents is listed under each of them.
        for (const Topic& topic : topics) {
            if (topic.parents.empty()) {
                children.emplace(std::string{}, &topic);
            }
            for (const TopicId& parent : topic.parents) {
                children.emplace(parent.str(), &topic);
            }
        }
        Table table{{"id", "label", "parent", "aliases"}, {}};
        // Depth-first from the roots, so the text output reads as an indented tree.
        std::function<void(const std::string&, int)> visit = [&](const std::string& parent, int depth) {
            auto [begin, end] = children.equal_range(parent);
            for (auto it = begin; it != end; ++it) {
                const Topic& topic = *it->second;
                const std::string indent =
                    *format == Format::text ? std::string(static_cast<std::size_t>(depth) * 2, ' ') : "";
                table.rows.push_back({indent + topic.id.str(), topic.label, parent, join_aliases(topic.aliases)});
                visit(topic.id.str(), depth + 1);
            }
        };
        visit("", 0);
        table.print(std::cout, *format);
    });
}

void setup_meetings(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("meetings", "List meetings in date order");
    auto format = std::make_shared<Format>(Format::text);
    add_format_option(*command, *format);
    command->callback([&context, format] {
        auto store = context.open_store(true);
        Table table{{"id", "date", "body", "level", "place", "parent", "title"}, {}};
        for (const Meeting& meeting : store->meetings()) {
            table.rows.push_back({meeting.id.str(), meeting.date.iso(), meeting.body.str(), meeting.level,
                                  meeting.place, meeting.parent ? meeting.parent->str() : "", meeting.title});
        }
        table.print(std::cout, *format);
    });
}

} // namespace stance::cli
