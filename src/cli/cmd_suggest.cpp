// `stance suggest`: candidate stances proposed from a document's text, for review (docs/suggest.md);
// with --evaluate, how the proposals compare with a dataset's coding of its documents.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/coding/locate_quote.hpp"
#include "stance/coding/review.hpp"
#include "stance/coding/suggest.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

struct SuggestCommand {
    std::string document;
    std::string document_id;
    std::string language = "en";
    std::string speaker_actor;
    std::string known;
    std::string evaluate;
    std::string lexicons;
    std::string meeting = "to-review";
    double min_confidence = 0.0;
    Format format = Format::text;
    bool store = false;
};

/// The lexicon directory: --lexicons, else ./data/lexicons, else the installed copy, else the source
/// tree's (a build that was not installed).
std::filesystem::path lexicon_directory(const SuggestCommand& options) {
    if (!options.lexicons.empty()) {
        return options.lexicons;
    }
    for (const char* candidate : {"data/lexicons", STANCE_INSTALLED_LEXICONS}) {
        if (std::filesystem::is_directory(candidate)) {
            return candidate;
        }
    }
    return STANCE_SOURCE_LEXICONS;
}

/// Actors, roles, topics and propositions to recognise: from --known DATASET, else from the database.
Dataset known_entities(const SuggestCommand& options, const Context& context) {
    if (!options.known.empty()) {
        return read_dataset_file(options.known);
    }
    return stance::known_entities(*context.open_store(true));
}

SuggestOptions suggest_options(const SuggestCommand& options) {
    SuggestOptions out;
    if (!options.speaker_actor.empty()) {
        out.speaker_actor = ActorId{options.speaker_actor};
    }
    out.min_confidence = options.min_confidence;
    return out;
}

std::string shortened(std::string_view text, std::size_t limit) {
    std::string flat = collapse_whitespace(text);
    if (flat.size() <= limit) {
        return flat;
    }
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return flat.substr(0, cut) + "…";
}

void print_candidate(const Candidate& c, std::size_t number, std::string_view text) {
    const QuotePlace place = place_of(text, c.span.start, c.span.end);
    std::string cues;
    for (const CueHit& hit : c.cues) {
        cues += fmt::format("{}{}", cues.empty() ? "" : ", ", describe_cue(hit.cue));
    }
    std::cout << fmt::format("[{}] bytes [{}, {}), line {}, confidence {:.2f}\n    \"{}\"\n", number, c.span.start,
                             c.span.end, place.line, c.confidence,
                             shortened(text.substr(c.span.start, c.span.end - c.span.start), 200));
    std::cout << fmt::format("    actor:    {}{} ({})\n", c.actor.str(),
                             c.speaker ? fmt::format(", speaker {}", c.speaker->str()) : "", to_string(c.evidence));
    std::cout << fmt::format("    claim:    {}{}\n", c.topic ? c.topic->str() : "(no topic recognised)",
                             c.proposition ? " / " + c.proposition->str() : "");
    std::cout << fmt::format("    position: {}{}\n    cues:     {}\n\n", to_string(c.kind),
                             c.breadth == Breadth::single ? "" : fmt::format(", breadth {}", to_string(c.breadth)),
                             cues);
}

/// "NLD_79_2024.txt" → "nld_79_2024": a file name made into an id the dataset format accepts.
std::string id_from_file_name(const std::string& file) {
    std::string id = std::filesystem::path(file).stem().string();
    for (char& c : id) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
            c = '-';
        }
    }
    return id.empty() ? "document" : id;
}

/// With --store: the stored document named by DOCUMENT (an id, or a file whose name gives it with
/// --document-id), whose text the suggestions point into.
void suggest_and_store(const SuggestCommand& options, const Context& context) {
    const bool is_file = std::filesystem::is_regular_file(options.document);
    const DocumentId id{!options.document_id.empty() ? options.document_id
                        : is_file                    ? id_from_file_name(options.document)
                                                     : options.document};
    auto store = context.open_store();
    std::optional<Document> document = store->document(id);
    if (!document) {
        throw not_found_error(fmt::format("document \"{}\" is not in the database; import it (or give its id with "
                                          "--document-id), then store suggestions for it",
                                          id.str()));
    }
    if (is_file && read_text_file(options.document) != document->text) {
        throw invalid_input_error(options.document, fmt::format("differs from the text of document \"{}\" in the "
                                                                "database, which the suggestions would point into",
                                                                id.str()));
    }
    if (document->language.empty()) {
        document->language = options.language;
    }
    const Dataset known = stance::known_entities(*store);
    const std::filesystem::path lexicons = lexicon_directory(options);
    const std::vector<Candidate> candidates =
        suggest_stances(*document, known, load_lexicon(lexicons), suggest_options(options));
    ChangeNote note;
    note.summary = fmt::format("{} suggestions from the lexicons in {}", candidates.size(), lexicons.string());
    const StoredSuggestions stored =
        store_suggestions(*store, id, as_suggestions(candidates, id, lexicon_sha256(lexicons)), note);
    if (!context.quiet) {
        std::cout << fmt::format("{}: {} suggestions stored, {} open ones of an earlier run replaced, {} left out as "
                                 "already reviewed (change set {}); `stance review --document {}` lists them\n",
                                 id.str(), stored.stored, stored.replaced, stored.kept, stored.change_set, id.str());
    }
}

void suggest_for_file(const SuggestCommand& options, const Context& context) {
    Document document;
    document.id = DocumentId{options.document_id.empty() ? id_from_file_name(options.document) : options.document_id};
    document.language = options.language;
    document.text = read_text_file(options.document);
    const Dataset known = known_entities(options, context);
    const std::vector<Candidate> candidates =
        suggest_stances(document, known, load_lexicon(lexicon_directory(options)), suggest_options(options));
    if (options.format == Format::json) {
        std::cout << write_dataset(candidates_as_dataset(candidates, MeetingId{options.meeting}, TopicId{"to-review"}));
        return;
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        print_candidate(candidates[i], i + 1, document.text);
    }
    if (!context.quiet) {
        std::cout << fmt::format("{} candidate stance{} in {} (suggestions to review, not stored)\n", candidates.size(),
                                 candidates.size() == 1 ? "" : "s", options.document);
    }
}

std::string percent(double share) {
    return fmt::format("{:.1f} %", 100.0 * share);
}

/// Suggests for every document of the dataset and compares with the dataset's own coding.
void evaluate(const SuggestCommand& options) {
    const Dataset coding = read_dataset_file(options.evaluate);
    const Lexicon lexicon = load_lexicon(lexicon_directory(options));
    const Dataset known = options.known.empty() ? coding : read_dataset_file(options.known);
    SuggestEvaluation total;
    for (const Document& document : coding.documents) {
        const std::vector<Candidate> candidates = suggest_stances(document, known, lexicon, suggest_options(options));
        const SuggestEvaluation result = evaluate_suggestions(candidates, coding, document.id);
        std::cout << fmt::format("{}: {} coded stances, {} proposed with the right actor (recall {}); {} proposals, "
                                 "{} match a coded stance (precision {})\n",
                                 document.id.str(), result.coded, result.coded_found, percent(result.recall()),
                                 result.proposals, result.proposals_matching, percent(result.precision()));
        for (const StanceId& missed : result.missed) {
            std::cout << fmt::format("  missed: {}\n", missed.str());
        }
        total.coded += result.coded;
        total.coded_found += result.coded_found;
        total.proposals += result.proposals;
        total.proposals_matching += result.proposals_matching;
    }
    if (coding.documents.size() > 1) {
        std::cout << fmt::format("all {} documents: recall {} ({} of {}), precision {} ({} of {})\n",
                                 coding.documents.size(), percent(total.recall()), total.coded_found, total.coded,
                                 percent(total.precision()), total.proposals_matching, total.proposals);
    }
}

void run_suggest(const Context& context, const SuggestCommand& command) {
    if (command.document.empty() == command.evaluate.empty()) {
        throw CLI::ValidationError("suggest", "give either a DOCUMENT file or --evaluate DATASET");
    }
    if (!command.evaluate.empty()) {
        evaluate(command);
    } else if (command.store) {
        suggest_and_store(command, context);
    } else if (!std::filesystem::is_regular_file(command.document)) {
        throw CLI::ValidationError("document", fmt::format("File does not exist: {}", command.document));
    } else {
        suggest_for_file(command, context);
    }
}

} // namespace

void setup_suggest(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "suggest",
        "Propose candidate stances from a document's text, for review (with --store, kept for `stance review`)");
    auto options = std::make_shared<SuggestCommand>();
    command->add_option("document", options->document,
                        "A UTF-8 text file (with --store: or the id of a document in the database)");
    command->add_flag("--store", options->store,
                      "Store the candidates as suggestions to review (stance review) for the document in the database");
    command->add_option("--document-id", options->document_id,
                        "With --format json: the document id the spans point into (default: the file name's stem)");
    command->add_option("-l,--language", options->language, "The document's language (BCP 47; default en)");
    command->add_option("--speaker-actor", options->speaker_actor,
                        R"(Whose "we"/"ik" the text speaks and whose report it is (an actor id, e.g. nld))");
    command
        ->add_option("--known", options->known,
                     "Recognise the actors and topics of this dataset instead of the database's")
        ->check(CLI::ExistingFile);
    command
        ->add_option("--evaluate", options->evaluate,
                     "Suggest for every document of this dataset and report recall and precision against its "
                     "coding")
        ->check(CLI::ExistingFile);
    command
        ->add_option("--lexicons", options->lexicons,
                     "Directory of cue lexicons (default ./data/lexicons, else the installed ones)")
        ->check(CLI::ExistingDirectory);
    command->add_option("-m,--meeting", options->meeting, "With --format json: the meeting of the proposed stances");
    command->add_option("--min-confidence", options->min_confidence, "Leave out candidates scoring below this")
        ->check(CLI::Range(0.0, 1.0));
    command->add_option("-f,--format", options->format, "Output format: text, or json (a dataset fragment)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Format>{{"text", Format::text}, {"json", Format::json}}, CLI::ignore_case))
        ->option_text("text|json");
    command->callback([&context, options] { run_suggest(context, *options); });
}

} // namespace stance::cli
