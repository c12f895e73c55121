// Listing commands: actors (with their roles), topics, meetings, documents, propositions, roles,
// bodies, participants. `stances` has a file of its own (cmd_stances.cpp): it takes filters.
#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/tree.hpp"
#include "stance/text/fold.hpp"
#include "table.hpp"

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

/// What a listing command takes: the output format, and for some one option that narrows the list.
struct ListingCommand {
    std::string only; ///< --match, --topic, --actor or --meeting, where the listing has one.
    Format format = Format::text;
};

/// A listing's table from the store.
using Listing = Table (*)(const Store& store, const ListingCommand& command);

void run_listing(const Context& context, const ListingCommand& command, Listing listing) {
    auto store = context.open_store(true);
    listing(*store, command).print(std::cout, command.format);
}

/// The narrowing option of a listing: its flags ("-t,--topic") and help.
struct OnlyOption {
    std::string flags;
    std::string help;
};

/// Registers a listing command: its narrowing option (if any), --format, and its run.
void setup_listing(CLI::App& app, Context& context, const std::string& name, const std::string& description,
                   Listing listing, const std::optional<OnlyOption>& only = std::nullopt) {
    auto* command = app.add_subcommand(name, description);
    auto options = std::make_shared<ListingCommand>();
    if (only) {
        command->add_option(only->flags, options->only, only->help);
    }
    add_format_option(*command, options->format);
    command->callback([&context, options, listing] { run_listing(context, *options, listing); });
}

Table actors_table(const Store& store, const ListingCommand& command) {
    const Catalog catalog(store);
    const std::string query = fold_for_matching(command.only);
    Table table{{"id", "kind", "name", "iso2", "iso3", "aliases", "roles"}, {}};
    for (const Actor& actor : catalog.actors()) {
        if (query.empty() || actor_matches(actor, query)) {
            table.rows.push_back({actor.id.str(), std::string(to_string(actor.kind)), actor.name, actor.iso2,
                                  actor.iso3, join_aliases(actor.aliases), roles_text(catalog.roles_of(actor.id))});
        }
    }
    return table;
}

Table topics_table(const Store& store, const ListingCommand& command) {
    const std::vector<Topic> topics = store.topics();
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
                command.format == Format::text ? std::string(static_cast<std::size_t>(depth) * 2, ' ') : "";
            table.rows.push_back({indent + topic.id.str(), topic.label, parent, join_aliases(topic.aliases)});
            visit(topic.id.str(), depth + 1);
        }
    };
    visit("", 0);
    return table;
}

Table meetings_table(const Store& store, const ListingCommand& command) {
    (void)command;
    Table table{{"id", "date", "body", "level", "place", "parent", "title"}, {}};
    for (const Meeting& meeting : store.meetings()) {
        table.rows.push_back({meeting.id.str(), meeting.date.iso(), meeting.body.str(), meeting.level, meeting.place,
                              meeting.parent ? meeting.parent->str() : "", meeting.title});
    }
    return table;
}

Table documents_table(const Store& store, const ListingCommand& command) {
    (void)command;
    Table table{{"id", "date", "language", "title", "author", "bytes", "path", "origin", "sha256"}, {}};
    for (const Document& document : store.documents()) {
        // A document read from a referenced file (UN tables) has no stored text to count.
        const std::string bytes = document.text.empty() ? "" : std::to_string(document.text.size());
        table.rows.push_back({document.id.str(), date_or_empty(document.date), document.language, document.title,
                              document.author, bytes, document.path, document.origin, document.sha256});
    }
    return table;
}

Table propositions_table(const Store& store, const ListingCommand& command) {
    const Catalog catalog(store);
    std::vector<TopicId> topics;
    if (!command.only.empty()) {
        topics = topic_with_descendants(catalog, resolve_topic(catalog, command.only));
    }
    Table table{{"id", "topic", "statement"}, {}};
    for (const Proposition& proposition : store.propositions()) {
        if (topics.empty() || std::find(topics.begin(), topics.end(), proposition.topic) != topics.end()) {
            table.rows.push_back({proposition.id.str(), proposition.topic.str(), proposition.statement});
        }
    }
    return table;
}

Table roles_table(const Store& store, const ListingCommand& command) {
    const Catalog catalog(store);
    const std::optional<ActorId> only =
        command.only.empty() ? std::nullopt : std::optional<ActorId>{resolve_actor(catalog, command.only)};
    Table table{{"person", "name", "represents", "title", "from", "to"}, {}};
    for (const Role& role : catalog.roles()) {
        if (!only || role.person == *only || role.represents == *only) {
            table.rows.push_back({role.person.str(), catalog.actor_name(role.person), role.represents.str(), role.title,
                                  date_or_empty(role.from), date_or_empty(role.to)});
        }
    }
    return table;
}

Table bodies_table(const Store& store, const ListingCommand& command) {
    (void)command;
    Table table{{"id", "name", "organisation", "aliases"}, {}};
    for (const Body& body : store.bodies()) {
        table.rows.push_back(
            {body.id.str(), body.name, body.organisation ? body.organisation->str() : "", join_aliases(body.aliases)});
    }
    return table;
}

Table participants_table(const Store& store, const ListingCommand& command) {
    std::vector<Participant> participants;
    if (command.only.empty()) {
        participants = store.participants();
    } else {
        const Catalog catalog(store);
        for (const MeetingId& id : meeting_with_descendants(catalog, resolve_meeting(catalog, command.only))) {
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
}

} // namespace

void setup_actors(CLI::App& app, Context& context) {
    setup_listing(app, context, "actors", "List actors (states, organisations, groups, persons)", actors_table,
                  OnlyOption{"-m,--match",
                             "Only actors whose id, code, name or alias contains this text (any case, any accents)"});
}

void setup_topics(CLI::App& app, Context& context) {
    setup_listing(app, context, "topics", "List topics as a tree", topics_table);
}

void setup_meetings(CLI::App& app, Context& context) {
    setup_listing(app, context, "meetings", "List meetings in date order", meetings_table);
}

void setup_documents(CLI::App& app, Context& context) {
    setup_listing(app, context, "documents", "List source documents: title, date, language, size, SHA-256",
                  documents_table);
}

void setup_propositions(CLI::App& app, Context& context) {
    setup_listing(app, context, "propositions", "List propositions (precise claims) with their topic",
                  propositions_table, OnlyOption{"-t,--topic", "Only propositions under this topic and its subtopics"});
}

void setup_roles(CLI::App& app, Context& context) {
    setup_listing(app, context, "roles", "List roles: which person spoke for which actor, when", roles_table,
                  OnlyOption{"-a,--actor", "Only roles of this person or representing this actor"});
}

void setup_bodies(CLI::App& app, Context& context) {
    setup_listing(app, context, "bodies", "List bodies (councils, assemblies) that hold meetings", bodies_table);
}

void setup_participants(CLI::App& app, Context& context) {
    setup_listing(
        app, context, "participants", "List who attended which meeting, for whom, in which role", participants_table,
        OnlyOption{"-m,--meeting", "Only this meeting and the meetings inside it (id, title, or a date it spans)"});
}

} // namespace stance::cli
