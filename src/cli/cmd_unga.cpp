// UN General Assembly commands: import-unga, agreement, agreement-matrix.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/unga/agreement.hpp"
#include "stance/unga/import.hpp"

namespace stance::cli {

namespace {

/// A one-line progress display on stderr, redrawn in place; silent when stderr is not a terminal.
class ProgressLine {
public:
    explicit ProgressLine(bool enabled) : m_enabled(enabled && isatty(STDERR_FILENO) == 1) {}
    ~ProgressLine() {
        if (m_drawn) {
            std::fputs("\r\033[K", stderr);
        }
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void operator()(const UngaImportProgress& progress) {
        if (!m_enabled) {
            return;
        }
        const double share = progress.bytes_total == 0 ? 0.0
                                                       : 100.0 * static_cast<double>(progress.bytes_read) /
                                                             static_cast<double>(progress.bytes_total);
        std::fputs(fmt::format("\r\033[K{}: {:>9} rows {:5.1f}%{}", progress.table, progress.rows, share,
                               progress.done ? " done" : "")
                       .c_str(),
                   stderr);
        std::fflush(stderr);
        m_drawn = true;
    }

private:
    bool m_enabled;
    bool m_drawn = false;
};

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
    Format format = Format::text;
};

void run_agreement(Context& context, const AgreementCommand& command) {
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    AgreementOptions options;
    if (!command.topic.empty()) {
        options.topic = resolve_topic(catalog, command.topic);
    }
    options.by = parse_period(command.by).value_or(Period::session);
    options.from = parse_date_option(command.from, "--from");
    options.to = parse_date_option(command.to, "--to");
    if (options.from && options.to && *options.to < *options.from) {
        throw invalid_input_error("--from/--to", fmt::format("--from {} is after --to {}; swap them",
                                                             options.from->iso(), options.to->iso()));
    }
    const VoteAgreement result = agreement(*store, catalog, resolve_actor(catalog, command.first),
                                           resolve_actor(catalog, command.second), options);
    if (command.format == Format::json) {
        std::cout << to_json(result) << '\n';
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
    if (command.format == Format::text) {
        std::cout << fmt::format("{} ({}) and {} ({}){}: agreement on roll calls both voted on\n", result.first_name,
                                 result.first.str(), result.second_name, result.second.str(),
                                 result.topic ? fmt::format(" on {}", catalog.topic_label(*result.topic)) : "");
    }
    table.print(std::cout, command.format);
}

struct MatrixCommand {
    int session = 0;
    std::string meeting;
    std::string topic;
    Format format = Format::csv;
};

void run_agreement_matrix(Context& context, const MatrixCommand& command) {
    if ((command.session > 0) == !command.meeting.empty()) {
        throw invalid_input_error("agreement-matrix", "give either --session N (a UN General Assembly session) or "
                                                      "--meeting ID, not both and not neither");
    }
    auto store = context.open_store(true);
    const Catalog catalog{*store};
    const MeetingId meeting =
        command.session > 0 ? unga_session_meeting(command.session) : resolve_meeting(catalog, command.meeting);
    AgreementMatrixOptions options;
    if (!command.topic.empty()) {
        options.topic = resolve_topic(catalog, command.topic);
    }
    const AgreementMatrix matrix = agreement_matrix(*store, catalog, meeting, options);
    if (command.format == Format::json) {
        std::cout << to_json(matrix) << '\n';
        return;
    }
    Table table{{"first", "second", "n", "agree", "share", "kappa", "s_score"}, {}};
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        for (std::size_t j = i + 1; j < matrix.actors.size(); ++j) {
            std::vector<std::string> row{matrix.actors[i].str(), matrix.actors[j].str()};
            append_figures(row, matrix.at(i, j));
            table.rows.push_back(std::move(row));
        }
    }
    if (command.format == Format::text) {
        std::cout << fmt::format("{}: {} roll calls, {} voting actors, {} pairs\n", catalog.meeting_title(meeting),
                                 matrix.roll_calls, matrix.actors.size(), table.rows.size());
    }
    table.print(std::cout, command.format);
}

} // namespace

void setup_agreement(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "agreement", "How often two actors voted alike, per session or year: n, agree, share, kappa, S (docs/unga.md)");
    auto options = std::make_shared<AgreementCommand>();
    command->add_option("first", options->first, "First actor (id, ISO code or name)")->required();
    command->add_option("second", options->second, "Second actor")->required();
    command->add_option("-t,--topic", options->topic,
                        "Only roll calls on this topic or its subtopics (\"unga-me\", \"human rights\")");
    command->add_option("--by", options->by, "Per session (top-level meeting), year, meeting, or none")
        ->transform(CLI::IsMember({"none", "meeting", "session", "year"}, CLI::ignore_case))
        ->capture_default_str();
    command->add_option("--from", options->from, "Only roll calls on or after this date (YYYY-MM-DD)");
    command->add_option("--to", options->to, "Only roll calls on or before this date (YYYY-MM-DD)");
    add_format_option(*command, options->format);
    command->callback([&context, options] { run_agreement(context, *options); });
}

void setup_agreement_matrix(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("agreement-matrix",
                           "Agreement of every pair of actors that voted in one session (long format, one pair a row)");
    auto options = std::make_shared<MatrixCommand>();
    command->add_option("-s,--session", options->session, "UN General Assembly session number (71 → unga-71)")
        ->check(CLI::PositiveNumber);
    command->add_option("-m,--meeting", options->meeting, "Any meeting (id, title or date), with the meetings in it");
    command->add_option("-t,--topic", options->topic, "Only roll calls on this topic or its subtopics");
    command->add_option("-f,--format", options->format, "Output format: csv (default), json or text")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Format>{{"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}},
            CLI::ignore_case));
    command->callback([&context, options] { run_agreement_matrix(context, *options); });
}

void setup_import_unga(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "import-unga", "Import UN General Assembly roll-call votes (the unvotes tables; see docs/unga.md)");
    struct Options {
        std::string directory;
        std::string full_codes;
    };
    auto options = std::make_shared<Options>();
    command
        ->add_option("directory", options->directory,
                     "Directory with un_votes, un_roll_calls and un_roll_call_issues (.csv.gz or .csv), e.g. "
                     "data/unvotes")
        ->required()
        ->check(CLI::ExistingDirectory);
    command
        ->add_option("--full-codes", options->full_codes,
                     "Also import absences and non-membership from the 2016 full-codes release in this directory "
                     "(votes_full_codes and ccode_to_country, e.g. data/voeten_unvotes_2016)")
        ->check(CLI::ExistingDirectory);
    command->callback([&context, options] {
        auto store = context.open_store();
        const auto started = std::chrono::steady_clock::now();
        UngaImportSummary summary;
        {
            ProgressLine line(!context.quiet);
            UngaImportOptions import_options;
            import_options.full_codes_directory = options->full_codes;
            summary = import_unga(*store, options->directory, import_options,
                                  [&line](const UngaImportProgress& progress) { line(progress); });
        }
        if (context.quiet) {
            return;
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << fmt::format(
            "imported {} roll calls in {} sessions ({} voting days), {} issue links, {} countries\n",
            summary.roll_calls, summary.sessions, summary.meetings, summary.issue_links, summary.actors);
        std::cout << fmt::format("votes: {} yes, {} no, {} abstain", summary.yes, summary.no, summary.abstain);
        if (!options->full_codes.empty()) {
            std::cout << fmt::format("; {} absent, {} not a member", summary.absent, summary.not_member);
        }
        std::cout << fmt::format(" ({:.1f} s)\n", seconds);
        if (!options->full_codes.empty()) {
            std::cout << fmt::format("full codes: {} positions agree with un_votes, {} disagree (un_votes kept)\n",
                                     summary.full_codes_confirmed, summary.full_codes_conflicts);
            for (const std::string& example : summary.conflict_examples) {
                std::cout << "  " << example << '\n';
            }
            for (const std::string& note : summary.notes) {
                std::cout << "note: " << note << '\n';
            }
        }
    });
}

} // namespace stance::cli
