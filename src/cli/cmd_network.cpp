// stance network statements|votes: discourse and agreement networks written for Gephi, visone
// and igraph (docs/networks.md). A thin client of stance/network/.
#include <cerrno>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "query_options.hpp"
#include "stance/error.hpp"
#include "stance/network/blocs.hpp"
#include "stance/network/statement_network.hpp"
#include "stance/network/vote_network.hpp"
#include "stance/network/write.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/query/resolve.hpp"
#include "stance/unga/import.hpp"

namespace stance::cli {

namespace {

/// What both network commands share: where and how to write.
struct Output {
    std::string format = "graphml";
    std::string file;
};

template <class Parsed>
Parsed parse_choice(const std::optional<Parsed>& parsed, std::string_view option, const std::string& text,
                    std::string_view choices) {
    if (!parsed) {
        throw invalid_input_error(std::string(option), fmt::format("'{}' is not one of {}", text, choices));
    }
    return *parsed;
}

NetworkFormat parse_format(const Output& output) {
    return parse_choice(parse_network_format(output.format), "--format", output.format,
                        "graphml, gexf, csv, csv-nodes");
}

void write_out(const Network& network, NetworkFormat format, const Output& output) {
    if (output.file.empty()) {
        errno = 0;
        write_network(std::cout, network, format);
        flush_standard_output(); // now, while a failed write's reason is still known
        return;
    }
    std::ostringstream text;
    write_network(text, network, format);
    write_file_atomically(output.file, text.str());
}

void add_output_options(CLI::App& command, Output& output) {
    command
        .add_option("-f,--format", output.format,
                    "graphml (visone, Gephi), gexf (Gephi, with time slices), "
                    "csv (edge list) or csv-nodes (node list)")
        ->capture_default_str();
    command.add_option("-o,--output", output.file, "Write to this file (whole or not at all) instead of stdout");
}

struct StatementsCommand {
    std::string kind = "congruence";
    std::string normalization = "none";
    std::string topic;
    std::string from;
    std::string to;
    std::string slices;
    bool with_blocs = false;
    BlocMethodChoice blocs;
    Output output;
};

void run_statements(const Context& context, const StatementsCommand& command) {
    StatementNetworkOptions options;
    options.kind = parse_choice(parse_statement_network_kind(command.kind), "--kind", command.kind,
                                "two-mode, congruence, conflict");
    options.normalization = parse_choice(parse_normalization(command.normalization), "--normalization",
                                         command.normalization, "none, average, jaccard, cosine");
    if (!command.slices.empty() && command.slices != "year") {
        throw invalid_input_error("--slices",
                                  fmt::format("'{}' is not a slice stance knows; use year", command.slices));
    }
    options.slice_by_year = command.slices == "year";
    options.from = parse_date_option(command.from, "--from");
    options.to = parse_date_option(command.to, "--to");
    check_date_order(options.from, options.to);
    const NetworkFormat format = parse_format(command.output);
    if (command.with_blocs && options.kind != StatementNetworkKind::congruence) {
        throw invalid_input_error("--with-blocs", "blocs come from a congruence network (actors tied by the same "
                                                  "positions on the same claims); use --kind congruence");
    }
    const BlocMethodOptions method = to_bloc_method(command.blocs);
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    options.topic = optional_topic(catalog, command.topic);
    Network network = statement_network(*store, catalog, options);
    if (command.with_blocs) {
        add_bloc_column(network, network_blocs(network, method));
        if (!network.slices.empty()) {
            add_slice_bloc_column(network, network_slice_blocs(network, method));
        }
    }
    write_out(network, format, command.output);
}

struct VotesCommand {
    int session = 0;
    std::string meeting;
    std::string by;
    std::string weight = "share";
    std::optional<double> threshold;
    std::string topic;
    std::string from;
    std::string to;
    RollCallFilter roll_calls;
    bool with_blocs = false;
    BlocMethodChoice blocs;
    bool with_ideal_points = false;
    Output output;
};

/// The blocs of the network's periods, found on the same ties: `by` none gives one, the range of
/// periods as one; session or year gives one per time slice.
std::vector<PeriodBlocs> blocs_of(const Store& store, const Catalog& catalog, const VotesCommand& command,
                                  const VoteNetworkOptions& options, const std::optional<TopicId>& topic,
                                  const AgreementMatricesOptions& range, std::vector<MeetingId> sessions, Period by) {
    VotingBlocOptions period;
    period.topic = topic;
    period.from = range.from;
    period.to = range.to;
    period.sessions = std::move(sessions);
    period.roll_calls = command.roll_calls;
    period.weight = options.weight;
    period.method = to_bloc_method(command.blocs);
    period.method.threshold = options.threshold;
    period.by = by;
    return voting_blocs(store, catalog, period).periods;
}

PeriodBlocs whole_blocs(std::vector<PeriodBlocs> periods) {
    return periods.empty() ? PeriodBlocs{} : std::move(periods.front());
}

/// The ideal points of one session, as `stance ideal-points --session` fits them.
IdealPointSession ideal_points_of(const Store& store, const Catalog& catalog, const MeetingId& meeting,
                                  const std::optional<TopicId>& topic, const RollCallFilter& roll_calls) {
    IdealPointOptions options;
    options.topic = topic;
    options.sessions = {meeting};
    options.roll_calls = roll_calls;
    if (catalog.find(ActorId{"usa"}) == nullptr) {
        options.reference.reset();
    }
    IdealPoints points = ideal_points(store, catalog, options);
    return points.sessions.empty() ? IdealPointSession{} : std::move(points.sessions.front());
}

void run_votes(const Context& context, const VotesCommand& command) {
    const int choices =
        (command.session > 0 ? 1 : 0) + (command.meeting.empty() ? 0 : 1) + (command.by.empty() ? 0 : 1);
    if (choices != 1) {
        throw invalid_input_error("network votes", "give exactly one of --session N, --meeting ID, or --by "
                                                   "session|year (every period as a time slice)");
    }
    VoteNetworkOptions options;
    options.weight =
        parse_choice(parse_agreement_weight(command.weight), "--weight", command.weight, "share, kappa, s");
    options.threshold = command.threshold;
    const NetworkFormat format = parse_format(command.output);
    if (command.with_ideal_points && !command.by.empty()) {
        throw invalid_input_error("--with-ideal-points", "a node holds one ideal point: give --session N or --meeting "
                                                         "ID, or use `stance ideal-points --all` for every session");
    }
    (void)to_bloc_method(command.blocs); // refused before any data is read
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    const std::optional<TopicId> topic = optional_topic(catalog, command.topic);
    if (!command.by.empty()) {
        AgreementMatricesOptions periods;
        periods.topic = topic;
        periods.by =
            parse_choice(command.by == "session" || command.by == "year" ? parse_period(command.by) : std::nullopt,
                         "--by", command.by, "session, year");
        periods.from = parse_date_option(command.from, "--from");
        periods.to = parse_date_option(command.to, "--to");
        check_date_order(periods.from, periods.to);
        periods.roll_calls = command.roll_calls;
        Network network = vote_network_by_period(*store, catalog, periods, options);
        if (command.with_blocs) {
            add_bloc_column(network,
                            whole_blocs(blocs_of(*store, catalog, command, options, topic, periods, {}, Period::none)));
            add_slice_bloc_column(network, blocs_of(*store, catalog, command, options, topic, periods, {}, periods.by));
        }
        write_out(network, format, command.output);
        return;
    }
    const MeetingId meeting =
        command.session > 0 ? unga_session_meeting(command.session) : resolve_meeting(catalog, command.meeting);
    AgreementMatrixOptions matrix_options;
    matrix_options.topic = topic;
    matrix_options.roll_calls = command.roll_calls;
    Network network = vote_network(agreement_matrix(*store, catalog, meeting, matrix_options), catalog, options);
    if (command.with_blocs) {
        add_bloc_column(network,
                        whole_blocs(blocs_of(*store, catalog, command, options, topic, {}, {meeting}, Period::none)));
    }
    if (command.with_ideal_points) {
        add_ideal_point_columns(network, ideal_points_of(*store, catalog, meeting, topic, command.roll_calls));
    }
    write_out(network, format, command.output);
}

void setup_statements(CLI::App& network, Context& context) {
    auto* command = network.add_subcommand(
        "statements", "Discourse network of coded statements: two-mode actor x claim, or congruence / conflict "
                      "between actors (the Discourse Network Analyzer's networks)");
    auto options = std::make_shared<StatementsCommand>();
    command->add_option("-k,--kind", options->kind, "two-mode, congruence or conflict")->capture_default_str();
    command
        ->add_option("-n,--normalization", options->normalization,
                     "One-mode tie weights: none, average, jaccard or cosine (docs/networks.md)")
        ->capture_default_str();
    command->add_option("-t,--topic", options->topic, "Only claims on this topic or its subtopics");
    command->add_option("--from", options->from, "Only statements on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only statements on or before this date (YYYY-MM-DD)");
    command->add_option("--slices", options->slices, "Also one time slice per year: year (GEXF, CSV)");
    command->add_flag("--with-blocs", options->with_blocs,
                      "Add each actor's bloc (node attribute bloc) found in the congruence ties, and with --slices "
                      "its bloc in each year (GEXF: slice_bloc) (docs/blocs.md)");
    add_bloc_method_options(*command, options->blocs);
    add_output_options(*command, options->output);
    command->callback([&context, options] { run_statements(context, *options); });
}

void setup_votes(CLI::App& network, Context& context) {
    auto* command = network.add_subcommand(
        "votes", "Agreement network of recorded votes: actors tied by how alike they voted (share, kappa or S)");
    auto options = std::make_shared<VotesCommand>();
    command->add_option("-s,--session", options->session, "UN General Assembly session number (71 → unga-71)")
        ->check(CLI::PositiveNumber);
    command->add_option("-m,--meeting", options->meeting, "Any meeting (id, title or date), with the meetings in it");
    command->add_option("--by", options->by, "Every session or year as a time slice: session or year");
    command->add_option("-w,--weight", options->weight, "Tie weight: share, kappa or s")->capture_default_str();
    command->add_option("--threshold", options->threshold, "Only ties whose weight is at least this");
    command->add_option("-t,--topic", options->topic, "Only roll calls on this topic or its subtopics");
    command->add_option("--from", options->from, "With --by: only roll calls on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "With --by: only roll calls on or before this date (YYYY-MM-DD)");
    add_roll_call_options(*command, options->roll_calls);
    command->add_flag("--with-blocs", options->with_blocs,
                      "Add each actor's voting bloc (node attribute bloc), found on the same ties, and with --by its "
                      "bloc in each period (GEXF: slice_bloc) (docs/blocs.md)");
    add_bloc_method_options(*command, options->blocs, false);
    command->add_flag("--with-ideal-points", options->with_ideal_points,
                      "With --session or --meeting: add each actor's ideal point and interval (docs/ideal-points.md)");
    add_output_options(*command, options->output);
    command->callback([&context, options] { run_votes(context, *options); });
}

} // namespace

void setup_network(CLI::App& app, Context& context) {
    auto* network = app.add_subcommand(
        "network", "Networks of statements or votes as GraphML, GEXF or CSV for Gephi and visone (docs/networks.md)");
    network->require_subcommand(1);
    setup_statements(*network, context);
    setup_votes(*network, context);
}

} // namespace stance::cli
