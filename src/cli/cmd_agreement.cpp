// The voting-agreement commands: agreement (two actors by period) and agreement-matrix (every pair
// of a period, or of every period at once). Any recorded votes; the UN General Assembly's today.
// Both draw charts too (--format svg: a line chart, a heatmap) and write Markdown tables (md).
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "query_options.hpp"
#include "stance/chart/charts.hpp"
#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/unga/import.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

std::string figure(const std::optional<double>& value) {
    return value ? fmt::format("{:.4f}", *value) : std::string{};
}

/// The columns every agreement row shares, after the period or pair columns.
void append_figures(std::vector<std::string>& row, const AgreementCounts& counts) {
    row.push_back(std::to_string(counts.n));
    row.push_back(std::to_string(counts.agree));
    row.push_back(figure(counts.share()));
    row.push_back(figure(counts.kappa()));
    row.push_back(figure(counts.s_score()));
}

struct AgreementCommand {
    std::string first;
    std::string second;
    std::string topic;
    std::string by = "session";
    std::string from;
    std::string to;
    RollCallFilter roll_calls;
    Format format = Format::text;
};

void run_agreement(const Context& context, const AgreementCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    AgreementOptions options;
    options.topic = optional_topic(catalog, command.topic);
    options.by = parse_period(command.by).value_or(Period::session);
    options.from = parse_date_option(command.from, "--from");
    options.to = parse_date_option(command.to, "--to");
    check_date_order(options.from, options.to);
    options.roll_calls = command.roll_calls;
    const VoteAgreement result = agreement(*store, catalog, resolve_actor(catalog, command.first),
                                           resolve_actor(catalog, command.second), options);
    if (command.format == Format::json) {
        std::cout << to_json(result) << '\n';
        return;
    }
    if (command.format == Format::svg) {
        std::cout << chart::agreement_svg(result);
        return;
    }
    Table table{{"period", "first_date", "last_date", "n", "agree", "share", "kappa", "s_score"}, {}};
    for (const AgreementPeriod& period : result.periods) {
        std::vector<std::string> row{period.key, period.first.iso(), period.last.iso()};
        append_figures(row, period.counts);
        table.rows.push_back(std::move(row));
    }
    std::vector<std::string> overall{"all", "", ""};
    append_figures(overall, result.overall);
    table.rows.push_back(std::move(overall));
    if (command.format == Format::text || command.format == Format::md) {
        std::cout << fmt::format("{}{} ({}) and {} ({}){}: agreement on roll calls both voted on\n{}",
                                 command.format == Format::md ? "### " : "", result.first_name, result.first.str(),
                                 result.second_name, result.second.str(),
                                 result.topic ? fmt::format(" on {}", catalog.topic_label(*result.topic)) : "",
                                 command.format == Format::md ? "\n" : "");
    }
    table.print(std::cout, command.format);
    if (command.format == Format::text && result.overall.n == 0) {
        std::cout << "no roll calls that both voted on: agreement counts recorded votes only (a statement on an "
                     "agenda item is never a roll call)\n";
    }
}

struct MatrixCommand {
    int session = 0;
    std::string meeting;
    std::string by;
    std::string topic;
    std::string from;
    std::string to;
    RollCallFilter roll_calls;
    Format format = Format::csv;
};

void print_pairs(const AgreementMatrix& matrix, Format format, bool with_period, bool header) {
    if (format == Format::json) {
        std::cout << to_json(matrix) << '\n'; // one object per line when there are several
        return;
    }
    if (format == Format::svg) {
        std::cout << chart::agreement_matrix_svg(matrix);
        return;
    }
    std::vector<std::string> columns{"first", "second", "n", "agree", "share", "kappa", "s_score"};
    if (with_period) {
        columns.insert(columns.begin(), "period");
    }
    Table table{columns, {}};
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        for (std::size_t j = i + 1; j < matrix.actors.size(); ++j) {
            std::vector<std::string> row{matrix.actors[i].str(), matrix.actors[j].str()};
            if (with_period) {
                row.insert(row.begin(), matrix.period);
            }
            append_figures(row, matrix.at(i, j));
            table.rows.push_back(std::move(row));
        }
    }
    if (format == Format::text || format == Format::md) {
        std::cout << fmt::format("{}{}: {} roll calls, {} voting actors, {} pairs\n{}",
                                 format == Format::md ? "### " : "", matrix.label, matrix.roll_calls,
                                 matrix.actors.size(), table.rows.size(), format == Format::md ? "\n" : "");
    }
    table.csv_header = header; // one header for the whole stream
    table.print(std::cout, format);
}

void run_agreement_matrix(const Context& context, const MatrixCommand& command) {
    const int choices =
        (command.session > 0 ? 1 : 0) + (command.meeting.empty() ? 0 : 1) + (command.by.empty() ? 0 : 1);
    if (choices != 1) {
        throw invalid_input_error("agreement-matrix", "give either --session N (a UN General Assembly session), "
                                                      "--meeting ID, or --by session|year for every period; "
                                                      "exactly one of them");
    }
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    const std::optional<TopicId> topic = optional_topic(catalog, command.topic);
    if (!command.by.empty()) {
        if (command.format == Format::svg) {
            throw invalid_input_error("--format svg", "a heatmap draws one matrix: give --session N or --meeting ID "
                                                      "instead of --by");
        }
        AgreementMatricesOptions options;
        options.topic = topic;
        options.by = parse_period(command.by).value_or(Period::session);
        options.from = parse_date_option(command.from, "--from");
        options.to = parse_date_option(command.to, "--to");
        check_date_order(options.from, options.to);
        options.roll_calls = command.roll_calls;
        bool first = true;
        agreement_matrices(*store, catalog, options, [&](const AgreementMatrix& matrix) {
            print_pairs(matrix, command.format, true, first);
            first = false;
        });
        return;
    }
    const MeetingId meeting =
        command.session > 0 ? unga_session_meeting(command.session) : resolve_meeting(catalog, command.meeting);
    AgreementMatrixOptions options;
    options.topic = topic;
    options.roll_calls = command.roll_calls;
    print_pairs(agreement_matrix(*store, catalog, meeting, options), command.format, false, true);
}

} // namespace

void setup_agreement(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "agreement",
        "How often two actors voted alike, per session or year: n, agree, share, kappa, S (docs/agreement.md)");
    auto options = std::make_shared<AgreementCommand>();
    command->add_option("first", options->first, "First actor (id, ISO code or name)")->required();
    command->add_option("second", options->second, "Second actor")->required();
    command->add_option("-t,--topic", options->topic,
                        R"(Only roll calls on this topic or its subtopics ("unga-me", "human rights"))");
    command->add_option("--by", options->by, "Per session (top-level meeting), year, meeting, or none")
        ->transform(CLI::IsMember({"none", "meeting", "session", "year"}, CLI::ignore_case))
        ->capture_default_str();
    command->add_option("--from", options->from, "Only roll calls on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only roll calls on or before this date (YYYY-MM-DD)");
    add_roll_call_options(*command, options->roll_calls);
    add_format_option(*command, options->format, {Format::md, Format::svg});
    command->callback([&context, options] { run_agreement(context, *options); });
}

void setup_agreement_matrix(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "agreement-matrix", "Agreement of every pair of actors that voted in a session, or in every session or year "
                            "(long format, one pair a row)");
    auto options = std::make_shared<MatrixCommand>();
    command->add_option("-s,--session", options->session, "UN General Assembly session number (71 → unga-71)")
        ->check(CLI::PositiveNumber);
    command->add_option("-m,--meeting", options->meeting, "Any meeting (id, title or date), with the meetings in it");
    command->add_option("--by", options->by, "Every period at once, streamed: session, year or meeting")
        ->transform(CLI::IsMember({"meeting", "session", "year"}, CLI::ignore_case));
    command->add_option("-t,--topic", options->topic, "Only roll calls on this topic or its subtopics");
    command->add_option("--from", options->from, "With --by: only roll calls on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "With --by: only roll calls on or before this date (YYYY-MM-DD)");
    add_roll_call_options(*command, options->roll_calls);
    add_format_option(*command, options->format, {Format::md, Format::svg}, "Output format (default csv)");
    command->callback([&context, options] { run_agreement_matrix(context, *options); });
}

} // namespace stance::cli
