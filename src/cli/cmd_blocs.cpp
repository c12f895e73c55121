// stance blocs votes|statements: voting blocs per session with their stability and the moves
// between them (stance/query/blocs.hpp), and blocs of the statement congruence network
// (stance/network/blocs.hpp). docs/blocs.md.
#include <cerrno>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "query_options.hpp"
#include "stance/error.hpp"
#include "stance/network/blocs.hpp"
#include "stance/network/statement_network.hpp"
#include "stance/query/blocs.hpp"
#include "stance/query/catalog.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

std::string figure(const std::optional<double>& value) {
    return value ? fmt::format("{:.4f}", *value) : std::string{};
}

std::string_view vote_name(VoteCode vote) {
    return vote == VoteCode::yes ? "yes" : (vote == VoteCode::abstain ? "abstain" : "no");
}

std::string joined(const Bloc& bloc) {
    std::string out;
    for (std::size_t m = 0; m < bloc.members.size(); ++m) {
        out += fmt::format("{}{} ({})", m ? ", " : "", bloc.names[m], bloc.members[m].str());
    }
    return out;
}

Table membership_table(const std::vector<PeriodBlocs>& periods) {
    Table table{{"period", "bloc", "size", "actor", "name"}, {}};
    for (const PeriodBlocs& period : periods) {
        for (std::size_t b = 0; b < period.blocs.size(); ++b) {
            for (std::size_t m = 0; m < period.blocs[b].members.size(); ++m) {
                table.rows.push_back({period.period, std::to_string(b + 1),
                                      std::to_string(period.blocs[b].members.size()), period.blocs[b].members[m].str(),
                                      period.blocs[b].names[m]});
            }
        }
    }
    return table;
}

Table stability_table(const VotingBlocs& blocs) {
    Table table{{"actor", "name", "pairs", "mean_jaccard", "stayed", "stayed_share"}, {}};
    for (const BlocStability& row : blocs.stability) {
        table.rows.push_back({row.actor.str(), row.name, std::to_string(row.pairs), figure(row.mean_jaccard),
                              std::to_string(row.stayed),
                              figure(static_cast<double>(row.stayed) / static_cast<double>(row.pairs))});
    }
    return table;
}

Table moves_table(const VotingBlocs& blocs) {
    Table table{{"actor", "name", "from", "to", "jaccard", "separating_total", "roll_call", "date", "code", "title",
                 "vote", "old_bloc_vote"},
                {}};
    for (const BlocMove& move : blocs.moves) {
        const std::vector<std::string> head{move.actor.str(),     move.name,
                                            move.from_period,     move.to_period,
                                            figure(move.jaccard), std::to_string(move.separating_total)};
        if (move.roll_calls.empty()) {
            std::vector<std::string> row = head;
            row.resize(table.columns.size());
            table.rows.push_back(std::move(row));
        }
        for (const SeparatingRollCall& call : move.roll_calls) {
            std::vector<std::string> row = head;
            row.insert(row.end(), {call.roll_call.str(), call.date.iso(), call.code, call.title,
                                   std::string(vote_name(call.vote)), std::string(vote_name(call.old_bloc_vote))});
            table.rows.push_back(std::move(row));
        }
    }
    return table;
}

/// Text and Markdown: each period's blocs as one line per bloc.
void print_blocs(const std::vector<PeriodBlocs>& periods, Format format) {
    for (const PeriodBlocs& period : periods) {
        const std::string roll_calls = period.roll_calls ? fmt::format("{} roll calls, ", period.roll_calls) : "";
        std::cout << fmt::format("{}{}: {}{} blocs, modularity {}\n", format == Format::md ? "### " : "", period.label,
                                 roll_calls, period.blocs.size(),
                                 period.modularity ? figure(period.modularity) : "undefined (no tie)");
        for (std::size_t b = 0; b < period.blocs.size(); ++b) {
            std::cout << fmt::format("{}bloc {} ({}): {}\n", format == Format::md ? "- " : "  ", b + 1,
                                     period.blocs[b].members.size(), joined(period.blocs[b]));
        }
        std::cout << (format == Format::md ? "\n" : "");
    }
}

void print_section(std::string_view title, const Table& table, Format format) {
    std::cout << fmt::format("\n{}{}\n{}", format == Format::md ? "### " : "", title, format == Format::md ? "\n" : "");
    table.print(std::cout, format);
}

struct VotesCommand {
    SessionChoice sessions;
    std::string by = "session";
    std::string topic;
    std::string from;
    std::string to;
    RollCallFilter roll_calls;
    std::string weight = "share";
    BlocMethodChoice method;
    double stay_threshold = VotingBlocOptions{}.stay_threshold;
    std::size_t separating = VotingBlocOptions{}.separating;
    std::string table = "blocs";
    Format format = Format::text;
};

void print_votes(const VotingBlocs& blocs, const VotesCommand& command) {
    if (command.format == Format::json) {
        std::cout << to_json(blocs) << '\n';
        return;
    }
    if (command.format == Format::csv) {
        const Table table = command.table == "stability" ? stability_table(blocs)
                            : command.table == "moves"   ? moves_table(blocs)
                                                         : membership_table(blocs.periods);
        table.print(std::cout, command.format);
        return;
    }
    std::cout << fmt::format(
        "{}blocs by {} on {}{}\n\n", command.format == Format::md ? "## " : "", to_string(blocs.options.method.method),
        to_string(blocs.options.weight),
        blocs.options.method.threshold ? fmt::format(", ties of at least {}", *blocs.options.method.threshold) : "");
    print_blocs(blocs.periods, command.format);
    if (blocs.periods.size() > 1) {
        print_section("stability: mean Jaccard index of each actor's co-members between consecutive periods",
                      stability_table(blocs), command.format);
        print_section(fmt::format("moves: co-member Jaccard below {}, with the roll calls that separate the blocs",
                                  blocs.options.stay_threshold),
                      moves_table(blocs), command.format);
    }
    if (blocs.periods.empty()) {
        std::cout << "no roll calls that count: blocs need recorded votes\n";
    }
}

void run_votes(const Context& context, const VotesCommand& command) {
    VotingBlocOptions options;
    options.method = to_bloc_method(command.method);
    options.weight = parse_choice_option(command.weight, "--weight", "share, kappa, s", &parse_agreement_weight)
                         .value_or(AgreementWeight::share);
    options.by = parse_period(command.by).value_or(Period::session);
    options.from = parse_date_option(command.from, "--from");
    options.to = parse_date_option(command.to, "--to");
    check_date_order(options.from, options.to);
    options.roll_calls = command.roll_calls;
    options.stay_threshold = command.stay_threshold;
    options.separating = command.separating;
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    options.sessions = chosen_sessions(catalog, command.sessions, "blocs votes");
    options.topic = optional_topic(catalog, command.topic);
    errno = 0;
    print_votes(voting_blocs(*store, catalog, options), command);
    flush_standard_output();
}

struct StatementsCommand {
    std::string normalization = "none";
    std::string topic;
    std::string from;
    std::string to;
    BlocMethodChoice method;
    Format format = Format::text;
};

void run_statements(const Context& context, const StatementsCommand& command) {
    StatementNetworkOptions network;
    network.kind = StatementNetworkKind::congruence;
    network.normalization = parse_choice_option(command.normalization, "--normalization",
                                                "none, average, jaccard, cosine", &parse_normalization)
                                .value_or(Normalization::none);
    network.from = parse_date_option(command.from, "--from");
    network.to = parse_date_option(command.to, "--to");
    check_date_order(network.from, network.to);
    const BlocMethodOptions method = to_bloc_method(command.method);
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    network.topic = optional_topic(catalog, command.topic);
    const std::vector<PeriodBlocs> blocs{network_blocs(statement_network(*store, catalog, network), method)};
    errno = 0;
    if (command.format == Format::json || command.format == Format::csv) {
        membership_table(blocs).print(std::cout, command.format);
    } else {
        print_blocs(blocs, command.format);
    }
    flush_standard_output();
}

void setup_votes(CLI::App& blocs, Context& context) {
    auto* command = blocs.add_subcommand(
        "votes", "Voting blocs per session from the agreement matrix, their stability and the states that moved");
    auto options = std::make_shared<VotesCommand>();
    add_session_options(*command, options->sessions);
    command->add_option("--by", options->by, "Periods: session (top-level meeting), year or meeting")
        ->transform(CLI::IsMember({"meeting", "session", "year"}, CLI::ignore_case))
        ->capture_default_str();
    command->add_option("-t,--topic", options->topic, "Only roll calls on this topic or its subtopics");
    command->add_option("--from", options->from, "Only roll calls on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only roll calls on or before this date (YYYY-MM-DD)");
    add_roll_call_options(*command, options->roll_calls);
    command->add_option("-w,--weight", options->weight, "Tie weight: share, kappa or s")->capture_default_str();
    add_bloc_method_options(*command, options->method);
    command
        ->add_option("--stay-threshold", options->stay_threshold,
                     "A co-member Jaccard index below this between consecutive periods is a move")
        ->capture_default_str();
    command->add_option("--separating", options->separating, "Separating roll calls listed per move")
        ->capture_default_str();
    command->add_option("--table", options->table, "With --format csv: blocs, stability or moves")
        ->transform(CLI::IsMember({"blocs", "stability", "moves"}))
        ->capture_default_str();
    add_format_option(*command, options->format, {Format::md});
    command->callback([&context, options] { run_votes(context, *options); });
}

void setup_statements(CLI::App& blocs, Context& context) {
    auto* command = blocs.add_subcommand(
        "statements", "Blocs of actors that take the same positions on the same claims (the congruence network)");
    auto options = std::make_shared<StatementsCommand>();
    command
        ->add_option("-n,--normalization", options->normalization,
                     "Congruence tie weights: none, average, jaccard or cosine (docs/networks.md)")
        ->capture_default_str();
    command->add_option("-t,--topic", options->topic, "Only claims on this topic or its subtopics");
    command->add_option("--from", options->from, "Only statements on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only statements on or before this date (YYYY-MM-DD)");
    add_bloc_method_options(*command, options->method);
    add_format_option(*command, options->format, {Format::md});
    command->callback([&context, options] { run_statements(context, *options); });
}

} // namespace

void setup_blocs(CLI::App& app, Context& context) {
    auto* blocs = app.add_subcommand(
        "blocs",
        "Voting blocs (Louvain, Leiden or hierarchical) of recorded votes or coded statements (docs/blocs.md)");
    blocs->require_subcommand(1);
    setup_votes(*blocs, context);
    setup_statements(*blocs, context);
}

} // namespace stance::cli
