// `stance review`: the stored suggestions (`stance suggest --store`), listed, accepted, edited or
// rejected one by one (docs/suggest.md, "Stored suggestions and stance review").
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/coding/review.hpp"
#include "stance/coding/suggestion_json.hpp"
#include "stance/error.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

struct DecisionCommand {
    std::int64_t id = 0;
    std::string stance_id;
    std::string actor;
    std::string speaker;
    std::string topic;
    std::string proposition;
    std::string position;
    std::optional<double> score;
    std::string breadth;
    std::string basis;
    std::string meeting;
    std::optional<std::string> quote;
    std::optional<std::string> paraphrase;
    std::optional<std::string> note;
    std::optional<double> confidence;
    std::string reason;
};

template <class IdType> std::optional<IdType> optional_id(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional{IdType{text}};
}

SuggestionReview review_of(const DecisionCommand& o) {
    SuggestionReview review;
    review.id = optional_id<StanceId>(o.stance_id);
    review.actor = optional_id<ActorId>(o.actor);
    review.speaker = optional_id<ActorId>(o.speaker);
    review.topic = optional_id<TopicId>(o.topic);
    review.proposition = optional_id<PropositionId>(o.proposition);
    review.kind = parse_choice_option(o.position, "--position", position_choices, parse_position_kind);
    review.score = o.score;
    review.breadth = parse_choice_option(o.breadth, "--breadth", breadth_choices, parse_breadth);
    review.basis = parse_choice_option(o.basis, "--basis", basis_choices, parse_basis);
    review.meeting = optional_id<MeetingId>(o.meeting);
    review.quote = o.quote;
    review.paraphrase = o.paraphrase;
    review.note = o.note;
    review.confidence = o.confidence;
    return review;
}

void add_proposal_options(CLI::App& command, DecisionCommand& o) {
    command.add_option("id", o.id, "The suggestion's number (`stance review` lists them)")->required();
    command.add_option("--actor", o.actor, "Another actor id");
    command.add_option("--speaker", o.speaker, "The person who spoke (an actor id)");
    command.add_option("--topic", o.topic, "Another topic id");
    command.add_option("--proposition", o.proposition, "A proposition id");
    command.add_option("--position", o.position, "Another position kind (support, oppose, concern, …)");
    command.add_option("--breadth", o.breadth, "Another breadth (single, all, broad, many, some)");
    command.add_option("--basis", o.basis, "Another basis (statement, reported, inferred, …)");
}

void print_suggestions(const std::vector<Suggestion>& suggestions, Format format) {
    if (format == Format::json) {
        std::vector<std::string> records;
        records.reserve(suggestions.size());
        for (const Suggestion& s : suggestions) {
            records.push_back(to_json(s));
        }
        print_json_records(std::cout, records);
        return;
    }
    Table table;
    table.columns = {"id", "document", "bytes", "actor", "claim", "position", "confidence", "status", "cues"};
    for (const Suggestion& s : suggestions) {
        std::string cues;
        for (const std::string& cue : s.cues) {
            cues += (cues.empty() ? "" : ", ") + cue;
        }
        std::string claim = s.topic ? s.topic->str() : "(no topic)";
        if (s.proposition) {
            claim += " / " + s.proposition->str();
        }
        table.rows.push_back({std::to_string(s.id), s.document.str(), fmt::format("[{}, {})", s.start, s.end),
                              s.actor.str(), claim, std::string(to_string(s.kind)), fmt::format("{:.2f}", s.confidence),
                              s.stance ? fmt::format("{} as {}", to_string(s.status), s.stance->str())
                                       : std::string(to_string(s.status)),
                              cues});
    }
    table.print(std::cout, format);
}

ChangeNote reviewer_note(const Context& context) {
    ChangeNote note;
    note.by = context.author();
    return note;
}

void run_accept(const Context& context, const DecisionCommand& command) {
    auto store = context.open_store();
    const Stance stance = accept_suggestion(*store, command.id, review_of(command), reviewer_note(context));
    if (!context.quiet) {
        std::cout << fmt::format("suggestion {} is now stance \"{}\" ({} on {}, \"{}\")\n", command.id, stance.id.str(),
                                 to_string(stance.kind), stance.topic.str(), stance.quote);
    }
}

void run_edit_suggestion(const Context& context, const DecisionCommand& command) {
    auto store = context.open_store();
    const Suggestion edited = edit_suggestion(*store, command.id, review_of(command), reviewer_note(context));
    if (!context.quiet) {
        print_suggestions({edited}, Format::text);
    }
}

void run_reject(const Context& context, const DecisionCommand& command) {
    auto store = context.open_store();
    (void)reject_suggestion(*store, command.id, command.reason, reviewer_note(context));
    if (!context.quiet) {
        std::cout << fmt::format("suggestion {} rejected\n", command.id);
    }
}

struct ReviewCommand {
    std::string document;
    std::string status = "open";
    double min_confidence = 0.0;
    Format format = Format::text;
};

void run_review(const Context& context, const ReviewCommand& command) {
    SuggestionFilter filter;
    filter.document = optional_id<DocumentId>(command.document);
    filter.min_confidence = command.min_confidence;
    if (command.status != "all") {
        filter.status = parse_choice_option(command.status, "--status", "open, accepted, edited, rejected, all",
                                            parse_suggestion_status);
    }
    auto store = context.open_store(true);
    const std::vector<Suggestion> found = store->suggestions(filter);
    print_suggestions(found, command.format);
    if (!context.quiet && command.format == Format::text) {
        std::cout << fmt::format("{} suggestion{}\n", found.size(), found.size() == 1 ? "" : "s");
    }
}

void setup_accept(CLI::App& review, Context& context) {
    auto* command = review.add_subcommand("accept", "Turn a suggestion into a stance (with any changes given)");
    auto o = std::make_shared<DecisionCommand>();
    add_proposal_options(*command, *o);
    command->add_option("--id", o->stance_id, "The new stance's id (default <document>-s<number>)");
    command->add_option("--score", o->score, "The score in [-1, 1] (default: the position's)");
    command->add_option("-m,--meeting", o->meeting, "The meeting (default: the one the document's stances are on)");
    command->add_option("--quote", o->quote, "Only this part of the sentence as the quote (found in it)");
    command->add_option("--paraphrase", o->paraphrase, "An English paraphrase");
    command->add_option("--note", o->note, "The coder's note");
    command->add_option("--confidence", o->confidence, "Your confidence in [0, 1] (default 1)");
    command->callback([&context, o] { run_accept(context, *o); });
}

void setup_edit_suggestion(CLI::App& review, Context& context) {
    auto* command = review.add_subcommand("edit", "Change what a suggestion proposes and keep it open");
    auto o = std::make_shared<DecisionCommand>();
    add_proposal_options(*command, *o);
    command->callback([&context, o] { run_edit_suggestion(context, *o); });
}

void setup_reject(CLI::App& review, Context& context) {
    auto* command = review.add_subcommand("reject", "Close a suggestion without a stance");
    auto o = std::make_shared<DecisionCommand>();
    command->add_option("id", o->id, "The suggestion's number")->required();
    command->add_option("--reason", o->reason, "Why it is not a stance")->required();
    command->callback([&context, o] { run_reject(context, *o); });
}

} // namespace

void setup_review(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "review", "List stored suggestions (stance suggest --store); accept, edit or reject them one by one");
    command->require_subcommand(0, 1);
    auto options = std::make_shared<ReviewCommand>();
    command->add_option("--document", options->document, "Only suggestions of this document");
    command->add_option("--status", options->status, "open (default), accepted, edited, rejected, or all");
    command->add_option("--min-confidence", options->min_confidence, "Only suggestions scoring at least this")
        ->check(CLI::Range(0.0, 1.0));
    add_format_option(*command, options->format);
    setup_accept(*command, context);
    setup_edit_suggestion(*command, context);
    setup_reject(*command, context);
    command->callback([command, &context, options] {
        if (command->get_subcommands().empty()) { // else a decision, made by its own callback
            run_review(context, *options);
        }
    });
}

} // namespace stance::cli
