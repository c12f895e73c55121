// The analysts' queries: evolution, snapshot, compare. Each resolves the references it is given
// (ids, codes or names in any language), runs the library query and prints text, JSON, CSV or
// Markdown, or draws the evolution as an SVG chart.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "commands.hpp"
#include "filter_options.hpp"
#include "query_markdown.hpp"
#include "query_options.hpp"
#include "query_output.hpp"
#include "stance/chart/charts.hpp"
#include "stance/error.hpp"
#include "stance/model/format.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/filter_references.hpp"
#include "stance/query/json.hpp"
#include "stance/query/resolve.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

// A one-line description of each document the output cites, read only for the documents used.
template <class Visit> SourceTitles source_titles(const Store& store, Visit&& for_each_document) {
    SourceTitles titles;
    for_each_document([&](const std::optional<SourceSpan>& source) {
        if (!source || titles.contains(source->document.str())) {
            return;
        }
        std::string line;
        if (std::optional<Document> document = store.document(source->document)) {
            line = document->title;
            if (!document->author.empty()) {
                line += (line.empty() ? "" : "; ") + document->author;
            }
        }
        titles.emplace(source->document.str(), std::move(line));
    });
    return titles;
}

struct EvolutionCommand {
    std::string actor;
    std::string topic;
    std::string by = "none";
    std::string from;
    std::string to;
    bool include_inherited = false;
    bool no_subtopics = false;
    bool summary_only = false;
    double threshold = 0.5;
    std::vector<std::string> bases;
    std::vector<std::string> speakers;
    Format format = Format::text;
};

void run_evolution(const Context& context, const EvolutionCommand& command) {
    // CSV has a row per stance and the chart a mark per stance: without the stances both are empty.
    if (command.summary_only && (command.format == Format::csv || command.format == Format::svg)) {
        throw invalid_input_error("--summary-only", fmt::format("--format {} lists the stances, which the summary "
                                                                "leaves out; give --format text, json or md",
                                                                command.format == Format::csv ? "csv" : "svg"));
    }
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    const ActorId actor = resolve_actor(catalog, command.actor);
    const TopicId topic = resolve_topic(catalog, command.topic);
    EvolutionOptions options;
    options.speakers = resolve_persons(catalog, command.speakers); // none: a person means what they voiced
    options.by = parse_period(command.by).value_or(Period::none);
    options.from = parse_date_option(command.from, "--from");
    options.to = parse_date_option(command.to, "--to");
    check_date_order(options.from, options.to);
    options.include_inherited = command.include_inherited;
    options.include_subtopics = !command.no_subtopics;
    options.shift_threshold = command.threshold;
    options.bases = parse_bases(command.bases);
    options.summary_only = command.summary_only;
    const Evolution result = evolution(*store, catalog, actor, topic, options);

    switch (command.format) {
    case Format::json: std::cout << to_json(result) << '\n'; break;
    case Format::csv: print_evolution_csv(std::cout, result); break;
    case Format::md: print_evolution_md(std::cout, result); break;
    case Format::svg: std::cout << chart::evolution_svg(result); break;
    case Format::text: {
        const SourceTitles titles = source_titles(*store, [&](auto&& visit) {
            for (const auto* list : {&result.points, &result.inherited}) {
                for (const ActorStance& point : *list) {
                    visit(point.stance.source);
                }
            }
        });
        print_evolution_text(std::cout, result, titles);
        break;
    }
    }
}

struct SnapshotCommand {
    std::string meeting;
    std::string topic;
    std::vector<std::string> speakers;
    Format format = Format::text;
};

void run_snapshot(const Context& context, const SnapshotCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    const MeetingId meeting = resolve_meeting(catalog, command.meeting);
    SnapshotOptions options;
    options.speakers = resolve_persons(catalog, command.speakers);
    options.topic = optional_topic(catalog, command.topic);
    const Snapshot result = snapshot(*store, catalog, meeting, options);

    switch (command.format) {
    case Format::json: std::cout << to_json(result) << '\n'; break;
    case Format::csv: print_snapshot_csv(std::cout, result); break;
    case Format::md: print_snapshot_md(std::cout, result); break;
    case Format::svg: throw std::logic_error("snapshot offers no svg format");
    case Format::text: {
        const SourceTitles titles = source_titles(*store, [&](auto&& visit) {
            for (const SnapshotTopic& topic : result.topics) {
                for (const SnapshotActor& actor : topic.actors) {
                    for (const SnapshotStance& item : actor.stances) {
                        visit(item.stance.source);
                    }
                }
            }
        });
        print_snapshot_text(std::cout, result, titles);
        break;
    }
    }
}

struct CompareCommand {
    std::string first;
    std::string second;
    std::string topic;
    std::string from;
    std::string to;
    std::vector<std::string> speakers;
    Format format = Format::text;
};

void run_compare(const Context& context, const CompareCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    const ActorId first = resolve_actor(catalog, command.first);
    const ActorId second = resolve_actor(catalog, command.second);
    CompareOptions options;
    options.speakers = resolve_persons(catalog, command.speakers);
    options.topic = optional_topic(catalog, command.topic);
    options.from = parse_date_option(command.from, "--from");
    options.to = parse_date_option(command.to, "--to");
    check_date_order(options.from, options.to);
    const Comparison result = compare(*store, catalog, first, second, options);

    switch (command.format) {
    case Format::json: std::cout << to_json(result) << '\n'; break;
    case Format::csv: print_comparison_csv(std::cout, result); break;
    case Format::md: print_comparison_md(std::cout, result); break;
    case Format::svg: throw std::logic_error("compare offers no svg format");
    case Format::text: {
        const SourceTitles titles = source_titles(*store, [&](auto&& visit) {
            for (const CompareRow& row : result.rows) {
                for (const CompareSide* side : {&row.first, &row.second}) {
                    for (const ActorStance& point : side->stances) {
                        visit(point.stance.source);
                    }
                }
            }
        });
        print_comparison_text(std::cout, result, titles);
        break;
    }
    }
}

// CLI::Range lets NaN through: every comparison with it is false.
const CLI::Validator finite_number(
    [](const std::string& text) {
        const double value = std::strtod(text.c_str(), nullptr);
        return std::isfinite(value) ? std::string{} : fmt::format("{} is not a finite number", text);
    },
    "FINITE");

} // namespace

void setup_evolution(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "evolution", "How an actor's position on a topic (and its subtopics) evolved, with sources and shifts");
    auto options = std::make_shared<EvolutionCommand>();
    command
        ->add_option("-a,--actor", options->actor,
                     "Actor: id, ISO code, or name in any language (\"Nederland\"); a person with a role means the "
                     "stances that person voiced")
        ->required();
    command->add_option("-t,--topic", options->topic, "Topic: id or label in any language (\"Rusland\")")->required();
    command->add_option("--by", options->by, "Summarise per meeting, session (top-level meeting) or year")
        ->transform(CLI::IsMember({"none", "meeting", "session", "year"}, CLI::ignore_case));
    command->add_option("--from", options->from, "Only stances on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only stances on or before this date (YYYY-MM-DD)");
    command->add_flag("--include-inherited", options->include_inherited,
                      "Count stances inherited from groups (named members, whole-group statements)");
    command->add_option("--threshold", options->threshold, "Smallest change of mean score that is a shift")
        ->check(finite_number)
        ->check(CLI::Range(0.0, 2.0))
        ->capture_default_str();
    command->add_flag("--no-subtopics", options->no_subtopics, "Only the topic itself, not its subtopics");
    command->add_flag("--summary-only", options->summary_only,
                      "Only the periods, totals and shifts (with their evidence), not every stance (text, json, md)");
    command
        ->add_option("--basis", options->bases,
                     "Only stances known this way: vote, statement, reported, inferred, recalled (repeat or "
                     "separate with commas)")
        ->delimiter(',');
    add_speaker_option(*command, options->speakers);
    add_format_option(*command, options->format, {Format::md, Format::svg});
    command->callback([&context, options] { run_evolution(context, *options); });
}

void setup_snapshot(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "snapshot", "Who stood where at one meeting (with the meetings held within it), per topic and actor");
    auto options = std::make_shared<SnapshotCommand>();
    command
        ->add_option("-m,--meeting", options->meeting,
                     "Meeting: id, title or a unique part of it, or a date (the top-level meetings spanning it)")
        ->required();
    command->add_option("-t,--topic", options->topic, "Only this topic and its subtopics");
    add_speaker_option(*command, options->speakers);
    add_format_option(*command, options->format, {Format::md});
    command->callback([&context, options] { run_snapshot(context, *options); });
}

void setup_compare(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("compare", "Where two actors agree, diverge, or only one spoke, per topic and proposition");
    auto options = std::make_shared<CompareCommand>();
    command
        ->add_option("first", options->first,
                     "First actor (id, ISO code or name; a person with a role means what that person voiced)")
        ->required();
    command->add_option("second", options->second, "Second actor")->required();
    command->add_option("-t,--topic", options->topic, "Only this topic and its subtopics");
    command->add_option("--from", options->from, "Only stances on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only stances on or before this date (YYYY-MM-DD)");
    add_speaker_option(*command, options->speakers);
    add_format_option(*command, options->format, {Format::md});
    command->callback([&context, options] { run_compare(context, *options); });
}

} // namespace stance::cli
