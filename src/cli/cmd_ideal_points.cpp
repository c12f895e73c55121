// stance ideal-points: each actor's position per session on the dimension that best explains its
// votes, with intervals (stance/query/ideal_points.hpp, docs/ideal-points.md).
#include <charconv>
#include <iostream>
#include <unordered_set>

#include <fmt/format.h>

#include "commands.hpp"
#include "query_options.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/query/resolve.hpp"
#include "stance/unga/import.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

struct IdealPointsCommand {
    std::string sessions; // "71" or "60-70"
    std::vector<std::string> meetings;
    bool all = false;
    std::string topic;
    std::vector<std::string> actors;
    std::string model = "dynamic";
    std::string reference;
    int bootstrap = 0;
    double level = 0.95;
    double random_walk_sd = IrtOptions{}.random_walk_sd;
    RollCallFilter roll_calls;
    Format format = Format::text;
};

std::string figure(double value) {
    return std::isfinite(value) ? fmt::format("{:.3f}", value) : std::string{};
}

void print_points(const IdealPoints& points, const std::unordered_set<ActorId>& only, Format format) {
    Table table{{"session", "actor", "name", "position", "lower", "upper", "standard_error", "votes"}, {}};
    for (const IdealPointSession& session : points.sessions) {
        for (const IdealPoint& point : session.actors) {
            if (!only.empty() && !only.contains(point.actor)) {
                continue;
            }
            table.rows.push_back({session.session.str(), point.actor.str(), point.name, figure(point.position),
                                  figure(point.lower), figure(point.upper), figure(point.standard_error),
                                  std::to_string(point.votes)});
        }
    }
    if (format == Format::text) {
        std::cout << fmt::format("{} ideal points, {} sessions, {} votes{}; reference {}; {} EM and {} Newton steps, "
                                 "{} (relative change {:.1e}, largest gradient {:.1e})\n",
                                 points.model.dynamic ? "dynamic" : "static", points.sessions.size(), points.votes,
                                 points.topic ? " on " + points.topic->str() : std::string{},
                                 points.reference ? points.reference->str() : "none", points.em_steps,
                                 points.newton_steps, points.converged ? "converged" : "NOT converged",
                                 points.relative_change, points.largest_gradient);
        std::cout << fmt::format("intervals: {:.0f}% {}\n", points.model.interval_level * 100.0,
                                 points.model.bootstrap > 0
                                     ? fmt::format("parametric bootstrap, {} replicates", points.model.bootstrap)
                                     : std::string("Laplace (curvature of the posterior)"));
    }
    table.print(std::cout, format);
    if (format == Format::text && points.sessions.empty()) {
        std::cout << "no roll calls that count: ideal points need recorded votes that are not unanimous\n";
    }
}

void run_ideal_points(const Context& context, const IdealPointsCommand& command) {
    const int choices = (command.sessions.empty() ? 0 : 1) + (command.meetings.empty() ? 0 : 1) + (command.all ? 1 : 0);
    if (choices != 1) {
        throw invalid_input_error("ideal-points", "give either --session N or FIRST-LAST (UN General Assembly "
                                                  "sessions), --meeting ID (repeatable), or --all; exactly one");
    }
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    IdealPointOptions options;
    options.topic = optional_topic(catalog, command.topic);
    if (!command.sessions.empty()) {
        options.sessions = session_range(catalog, command.sessions);
    }
    for (const std::string& meeting : command.meetings) {
        options.sessions.push_back(resolve_meeting(catalog, meeting));
    }
    // The United States by default, where the store knows it; any other actor when asked, by any name.
    if (!command.reference.empty()) {
        options.reference = resolve_actor(catalog, command.reference);
    } else if (catalog.find(ActorId{"usa"}) == nullptr) {
        options.reference.reset();
    }
    std::unordered_set<ActorId> only;
    for (const std::string& actor : command.actors) {
        only.insert(resolve_actor(catalog, actor));
    }
    options.roll_calls = command.roll_calls;
    options.model.dynamic = command.model == "dynamic";
    options.model.bootstrap = command.bootstrap;
    options.model.interval_level = command.level;
    options.model.random_walk_sd = command.random_walk_sd;
    const IdealPoints points = ideal_points(*store, catalog, options);
    if (command.format == Format::json) {
        std::cout << to_json(points) << '\n';
        return;
    }
    print_points(points, only, command.format);
}

} // namespace

void setup_ideal_points(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "ideal-points", "Each actor's position per session from its yes / abstain / no votes, with intervals "
                        "(ordinal IRT, static or dynamic; docs/ideal-points.md)");
    auto options = std::make_shared<IdealPointsCommand>();
    command->add_option("-s,--session", options->sessions, "UN General Assembly session N, or sessions FIRST-LAST");
    command->add_option("-m,--meeting", options->meetings, "A session of any body (id, title or date); repeatable");
    command->add_flag("--all", options->all, "Every session with recorded votes");
    command->add_option("-t,--topic", options->topic, "Only roll calls on this topic or its subtopics (\"me\")");
    command->add_option("-a,--actor", options->actors, "Print only these actors (the fit uses everyone); repeatable");
    command->add_option("--model", options->model, "dynamic (a random walk links sessions) or static")
        ->transform(CLI::IsMember({"dynamic", "static"}, CLI::ignore_case))
        ->capture_default_str();
    command->add_option("--reference", options->reference,
                        "The actor placed above the centre (default: the United States, where present)");
    command
        ->add_option("--bootstrap", options->bootstrap,
                     "Intervals from a parametric bootstrap of N >= 2 replicates (default 0: Laplace)")
        ->check(CLI::NonNegativeNumber);
    command->add_option("--level", options->level, "Interval coverage, between 0 and 1")->capture_default_str();
    command
        ->add_option("--random-walk-sd", options->random_walk_sd,
                     "Dynamic model: standard deviation of a position's step from one session to the next")
        ->capture_default_str();
    command->add_flag("--important-only", options->roll_calls.important_only,
                      "Only roll calls coded as important votes (UN: the US State Department's list)");
    command->add_flag("--exclude-amendments", options->roll_calls.exclude_amendments, "Leave out votes on amendments");
    command->add_flag("--exclude-paragraphs", options->roll_calls.exclude_paragraphs,
                      "Leave out votes on single paragraphs");
    add_format_option(*command, options->format);
    command->callback([&context, options] { run_ideal_points(context, *options); });
}

} // namespace stance::cli
