// Listing commands: actors (with their roles), topics, meetings, documents, propositions, roles,
// bodies, participants. `stances` has a file of its own (cmd_stances.cpp): it takes filters.
#include <algorithm>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "commands.hpp"
#include "table.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/tree.hpp"
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

std::string date_or_empty(const std::optional<Date>& date) {
    return date ? date->iso() : "";
}

// "foreign minister of nld 2024-07-02 to 2025-06-03"; an open end is left out.
std::string role_text(const Role& role) {
    std::string out =
        fmt::format("{} of {}", role.title.empty() ? "representative" : role.title, role.represents.str());
    if (role.from || role.to) {
        out += fmt::format(" {} to {}", role.from ? role.from->iso() : "…", role.to ? role.to->iso() : "…");
    }
    return out;
}

std::string roles_text(const std::vector<Role>& roles) {
    std::string out;
    for (const Role& role : roles) {
        out += (out.empty() ? "" : "; ") + role_text(role);
    }
    return out;
}

// Registers a listing: `--format`, and a callback that prints the table `list` makes from the
// store. Options the listing reads are added to the returned command by the caller.
template <class List>
CLI::App* add_listing(CLI::App& app, Context& context, const std::string& name, const std::string& description,
                      List list) {
    auto* command = app.add_subcommand(name, description);
    auto format = std::make_shared<Format>(Format::text);
    add_format_option(*command, *format);
    command->callback([&context, format, list] {
        auto store = context.open_store(true);
        list(*store).print(std::cout, *format);
    });
    return command;
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
        const Catalog catalog(*store);
        const std::string query = fold_for_matching(options->match);
        Table table{{"id", "kind", "name", "iso2", "iso3", "aliases", "roles"}, {}};
        for (const Actor& actor : catalog.actors()) {
            if (query.empty() || actor_matches(actor, query)) {
                table.rows.push_back({actor.id.str(), std::string(to_string(actor.kind)), actor.name, actor.iso2,
                                      actor.iso3, join_aliases(actor.aliases), roles_text(catalog.roles_of(actor.id))});
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

void setup_documents(CLI::App& app, Context& context) {
    add_listing(app, context, "documents", "List source documents: title, date, language, size, SHA-256",
                [](const Store& store) {
                    Table table{{"id", "date", "language", "title", "author", "bytes", "path", "origin", "sha256"}, {}};
                    for (const Document& document : store.documents()) {
                        // A document read from a referenced file (UN tables) has no stored text to count.
                        const std::string bytes = document.text.empty() ? "" : std::to_string(document.text.size());
                        table.rows.push_back({document.id.str(), date_or_empty(document.date), document.language,
                                              document.title, document.author, bytes, document.path, document.origin,
                                              document.sha256});
                    }
                    return table;
                });
}

void setup_propositions(CLI::App& app, Context& context) {
    auto topic = std::make_shared<std::string>();
    auto* command = add_listing(
        app, context, "propositions", "List propositions (precise claims) with their topic",
        [topic](const Store& store) {
            const Catalog catalog(store);
            std::vector<TopicId> topics;
            if (!topic->empty()) {
                topics = topic_with_descendants(catalog, resolve_topic(catalog, *topic));
            }
            Table table{{"id", "topic", "statement"}, {}};
            for (const Proposition& proposition : store.propositions()) {
                if (topics.empty() || std::find(topics.begin(), topics.end(), proposition.topic) != topics.end()) {
                    table.rows.push_back({proposition.id.str(), proposition.topic.str(), proposition.statement});
                }
            }
            return table;
        });
    command->add_option("-t,--topic", *topic, "Only propositions under this topic and its subtopics");
}

void setup_roles(CLI::App& app, Context& context) {
    auto actor = std::make_shared<std::string>();
    auto* command = add_listing(
        app, context, "roles", "List roles: which person spoke for which actor, when", [actor](const Store& store) {
            const Catalog catalog(store);
            const std::optional<ActorId> only =
                actor->empty() ? std::nullopt : std::optional<ActorId>{resolve_actor(catalog, *actor)};
            Table table{{"person", "name", "represents", "title", "from", "to"}, {}};
            for (const Role& role : catalog.roles()) {
                if (!only || role.person == *only || role.represents == *only) {
                    table.rows.push_back({role.person.str(), catalog.actor_name(role.person), role.represents.str(),
                                          role.title, date_or_empty(role.from), date_or_empty(role.to)});
                }
            }
            return table;
        });
    command->add_option("-a,--actor", *actor, "Only roles of this person or representing this actor");
}

void setup_bodies(CLI::App& app, Context& context) {
    add_listing(
        app, context, "bodies", "List bodies (councils, assemblies) that hold meetings", [](const Store& store) {
            Table table{{"id", "name", "organisation", "aliases"}, {}};
            for (const Body& body : store.bodies()) {
                table.rows.push_back({body.id.str(), body.name, body.organisation ? body.organisation->str() : "",
                                      join_aliases(body.aliases)});
            }
            return table;
        });
}

void setup_participants(CLI::App& app, Context& context) {
    auto meeting = std::make_shared<std::string>();
    auto* command = add_listing(
        app, context, "participants", "List who attended which meeting, for whom, in which role",
        [meeting](const Store& store) {
            std::vector<Participant> participants;
            if (meeting->empty()) {
                participants = store.participants();
            } else {
                const Catalog catalog(store);
                for (const MeetingId& id : meeting_with_descendants(catalog, resolve_meeting(catalog, *meeting))) {
                    for (Participant& participant : store.participants(id)) {
                        participants.push_back(std::move(participant));
                    }
                }
            }
            Table table{{"meeting", "actor", "person", "role"}, {}};
            for (const Participant& participant : participants) {
                table.rows.push_back({participant.meeting.str(), participant.actor.str(),
                                      participant.person ? participant.person->str() : "", participant.role});
            }
            return table;
        });
    command->add_option("-m,--meeting", *meeting,
                        "Only this meeting and the meetings inside it (id, title, or a date it spans)");
}

} // namespace stance::cli
