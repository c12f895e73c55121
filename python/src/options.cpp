// Keyword options from Python into the library's option structs; see convert.hpp.
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "convert.hpp"
#include "stance/error.hpp"
#include "stance/query/filter_references.hpp"

namespace stance::python {

namespace {

/// The option's value, or nothing when it was not given (or given as None).
std::optional<py::object> given(const py::dict& options, const char* name) {
    if (!options.contains(name) || options[name].is_none()) {
        return std::nullopt;
    }
    py::object value = options[name];
    return value;
}

[[noreturn]] void bad_option(const char* name, const std::string& what) {
    throw invalid_input_error(name, what);
}

std::optional<std::string> text(const py::dict& options, const char* name) {
    const auto value = given(options, name);
    if (!value) {
        return std::nullopt;
    }
    if (!py::isinstance<py::str>(*value)) {
        bad_option(name, "must be a str");
    }
    return value->cast<std::string>();
}

std::vector<std::string> texts(const py::dict& options, const char* name) {
    const auto value = given(options, name);
    if (!value) {
        return {};
    }
    if (py::isinstance<py::str>(*value)) {
        return {value->cast<std::string>()};
    }
    std::vector<std::string> all;
    for (const py::handle item : *value) {
        if (!py::isinstance<py::str>(item)) {
            bad_option(name, "must be a str or a list of str");
        }
        all.push_back(item.cast<std::string>());
    }
    return all;
}

bool flag(const py::dict& options, const char* name, bool otherwise) {
    const auto value = given(options, name);
    return value ? value->cast<bool>() : otherwise;
}

std::optional<double> number(const py::dict& options, const char* name) {
    const auto value = given(options, name);
    if (!value) {
        return std::nullopt;
    }
    if (!py::isinstance<py::float_>(*value) && !py::isinstance<py::int_>(*value)) {
        bad_option(name, "must be a number");
    }
    return value->cast<double>();
}

/// "2017-03-31", or a datetime.date.
std::optional<Date> date(const py::dict& options, const char* name) {
    const auto value = given(options, name);
    if (!value) {
        return std::nullopt;
    }
    const std::string iso = py::isinstance<py::str>(*value) ? value->cast<std::string>()
                                                            : py::str(value->attr("isoformat")()).cast<std::string>();
    const std::optional<Date> parsed = Date::parse(iso);
    if (!parsed) {
        bad_option(name, fmt::format("\"{}\" is not a date; give YYYY-MM-DD, e.g. 2017-03-31", iso));
    }
    return parsed;
}

/// Parses a name with `parse` (an enum's), saying which names there are when it fails.
template <class Parse> auto named(const py::dict& options, const char* name, Parse parse, const char* choices) {
    const auto value = text(options, name);
    using Result = decltype(parse(std::string_view{}));
    if (!value) {
        return Result{};
    }
    const Result parsed = parse(*value);
    if (!parsed) {
        bad_option(name, fmt::format("\"{}\" is not one of {}", *value, choices));
    }
    return parsed;
}

Period period(const py::dict& options, Period otherwise) {
    return named(options, "by", parse_period, "none, meeting, session, year").value_or(otherwise);
}

std::vector<Basis> bases(const py::dict& options) {
    std::vector<Basis> all;
    for (const std::string& name : texts(options, "basis")) {
        const std::optional<Basis> basis = parse_basis(name);
        if (!basis) {
            bad_option("basis",
                       fmt::format("\"{}\" is not one of vote, statement, reported, inferred, recalled", name));
        }
        all.push_back(*basis);
    }
    return all;
}

std::optional<TopicId> topic(const Database& db, const py::dict& options) {
    const auto reference = text(options, "topic");
    return reference ? std::optional<TopicId>{db.topic(*reference)} : std::nullopt;
}

std::vector<ActorId> speakers(const Database& db, const py::dict& options) {
    return resolve_persons(db.catalog(), texts(options, "speaker"));
}

RollCallFilter roll_call_filter(const py::dict& options) {
    RollCallFilter filter;
    filter.exclude_unanimous = flag(options, "exclude_unanimous", false);
    filter.important_only = flag(options, "important_only", false);
    filter.exclude_amendments = flag(options, "exclude_amendments", false);
    filter.exclude_paragraphs = flag(options, "exclude_paragraphs", false);
    return filter;
}

/// The options agreement and the agreement matrices share: which roll calls, in which periods.
template <class Options> Options vote_periods(const Database& db, const py::dict& options) {
    Options out;
    out.topic = topic(db, options);
    out.from = date(options, "from");
    out.to = date(options, "to");
    out.by = period(options, Period::session);
    out.roll_calls = roll_call_filter(options);
    return out;
}

} // namespace

StanceFilter stance_filter(const Database& db, const py::dict& options) {
    StanceFilter filter;
    filter.coders = texts(options, "coder");
    filter.bases = bases(options);
    filter.from = date(options, "from");
    filter.to = date(options, "to");
    filter.positions_only = flag(options, "positions_only", false);
    filter.text = text(options, "text").value_or("");
    const StanceReferences references{.actors = texts(options, "actor"),
                                      .speakers = texts(options, "speaker"),
                                      .topics = texts(options, "topic"),
                                      .meetings = texts(options, "meeting"),
                                      .documents = texts(options, "document")};
    const Catalog& catalog = db.catalog(); // first: the documents are read in the catalog's snapshot too
    return resolve_references(db.store(), catalog, references, std::move(filter));
}

EvolutionOptions evolution_options(const Database& db, const py::dict& options) {
    EvolutionOptions out;
    out.from = date(options, "from");
    out.to = date(options, "to");
    out.by = period(options, Period::none);
    out.include_inherited = flag(options, "include_inherited", false);
    out.shift_threshold = number(options, "shift_threshold").value_or(out.shift_threshold);
    out.include_subtopics = flag(options, "include_subtopics", true);
    out.bases = bases(options);
    out.speakers = speakers(db, options);
    out.summary_only = flag(options, "summary_only", false);
    return out;
}

SnapshotOptions snapshot_options(const Database& db, const py::dict& options) {
    SnapshotOptions out;
    out.topic = topic(db, options);
    out.include_subtopics = flag(options, "include_subtopics", true);
    out.speakers = speakers(db, options);
    return out;
}

CompareOptions compare_options(const Database& db, const py::dict& options) {
    CompareOptions out;
    out.topic = topic(db, options);
    out.include_subtopics = flag(options, "include_subtopics", true);
    out.from = date(options, "from");
    out.to = date(options, "to");
    out.speakers = speakers(db, options);
    return out;
}

AgreementOptions agreement_options(const Database& db, const py::dict& options) {
    return vote_periods<AgreementOptions>(db, options);
}

AgreementMatrixOptions matrix_options(const Database& db, const py::dict& options) {
    AgreementMatrixOptions out;
    out.topic = topic(db, options);
    out.roll_calls = roll_call_filter(options);
    return out;
}

AgreementMatricesOptions matrices_options(const Database& db, const py::dict& options) {
    return vote_periods<AgreementMatricesOptions>(db, options);
}

IdealPointOptions ideal_point_options(const Database& db, const py::dict& options) {
    IdealPointOptions out;
    out.topic = topic(db, options);
    for (const std::string& reference : texts(options, "sessions")) {
        out.sessions.push_back(db.meeting(reference));
    }
    out.roll_calls = roll_call_filter(options);
    out.model.dynamic = flag(options, "dynamic", out.model.dynamic);
    out.model.bootstrap = static_cast<int>(number(options, "bootstrap").value_or(out.model.bootstrap));
    out.model.interval_level = number(options, "interval_level").value_or(out.model.interval_level);
    if (options.contains("reference")) {
        const auto reference = text(options, "reference");
        out.reference = reference ? std::optional<ActorId>{db.actor(*reference)} : std::nullopt;
    }
    return out;
}

StatementNetworkOptions statement_network_options(const Database& db, const py::dict& options) {
    StatementNetworkOptions out;
    out.kind =
        named(options, "kind", parse_statement_network_kind, "two_mode, congruence, conflict").value_or(out.kind);
    out.normalization = named(options, "normalization", parse_normalization, "none, average, jaccard, cosine")
                            .value_or(out.normalization);
    out.topic = topic(db, options);
    out.from = date(options, "from");
    out.to = date(options, "to");
    out.slice_by_year = flag(options, "slice_by_year", false);
    return out;
}

VoteNetworkOptions vote_network_options(const py::dict& options) {
    VoteNetworkOptions out;
    out.weight = named(options, "weight", parse_agreement_weight, "share, kappa, s_score").value_or(out.weight);
    out.threshold = number(options, "threshold");
    return out;
}

ExportSelection export_selection(const Database& db, const py::dict& options) {
    ExportSelection out;
    if (const auto document = text(options, "document")) {
        out.document = db.document(*document);
    }
    if (const auto meeting = text(options, "meeting")) {
        out.meeting = db.meeting(*meeting);
    }
    out.coder = text(options, "coder");
    return out;
}

StanceCoding stance_coding(const py::dict& fields) {
    StanceCoding coding;
    for (const auto& [key, value] : fields) {
        auto name = key.cast<std::string>();
        if (name == "span") {
            const auto span = value.cast<std::pair<std::size_t, std::size_t>>();
            coding.span = span;
            continue;
        }
        for (char& c : name) {
            c = c == '_' ? '-' : c; // agenda_item in Python is agenda-item in the CLI and the CSV
        }
        std::string* field = coding_field(coding, name);
        if (field == nullptr) {
            bad_option("code", fmt::format("\"{}\" is not a field of a coding; the fields are {}", name,
                                           fmt::join(coding_field_names(), ", ")));
        }
        *field = py::str(py::reinterpret_borrow<py::object>(value)).cast<std::string>();
    }
    return coding;
}

StanceEdit stance_edit(const Database& db, const py::dict& fields) {
    StanceEdit edit;
    edit.kind = named(fields, "position", parse_position_kind, "the position kinds of docs/position-scale.md");
    edit.score = number(fields, "score");
    edit.quote = text(fields, "quote");
    edit.paraphrase = text(fields, "paraphrase");
    edit.note = text(fields, "note");
    edit.confidence = number(fields, "confidence");
    edit.basis = named(fields, "basis", parse_basis, "vote, statement, reported, inferred, recalled");
    edit.breadth = named(fields, "breadth", parse_breadth, "single, all, broad, many, some");
    if (const auto actor = text(fields, "actor")) {
        edit.actor = db.actor(*actor);
    }
    if (const auto claim = text(fields, "topic")) {
        edit.topic = db.topic(*claim);
    }
    if (const auto proposition = text(fields, "proposition")) {
        edit.proposition = PropositionId{*proposition};
    }
    return edit;
}

SuggestionReview suggestion_review(const Database& db, const py::dict& fields) {
    SuggestionReview review;
    if (const auto id = text(fields, "id")) {
        review.id = StanceId{*id};
    }
    if (const auto actor = text(fields, "actor")) {
        review.actor = db.actor(*actor);
    }
    if (const auto speaker = text(fields, "speaker")) {
        review.speaker = db.person(*speaker);
    }
    if (const auto claim = text(fields, "topic")) {
        review.topic = db.topic(*claim);
    }
    if (const auto proposition = text(fields, "proposition")) {
        review.proposition = PropositionId{*proposition};
    }
    review.kind = named(fields, "position", parse_position_kind, "the position kinds of docs/position-scale.md");
    review.score = number(fields, "score");
    review.breadth = named(fields, "breadth", parse_breadth, "single, all, broad, many, some");
    review.basis = named(fields, "basis", parse_basis, "vote, statement, reported, inferred, recalled");
    if (const auto meeting = text(fields, "meeting")) {
        review.meeting = db.meeting(*meeting);
    }
    review.quote = text(fields, "quote");
    review.paraphrase = text(fields, "paraphrase");
    review.note = text(fields, "note");
    review.confidence = number(fields, "confidence");
    return review;
}

SuggestOptions suggest_options(const Database& db, const py::dict& options) {
    SuggestOptions out;
    if (const auto speaker = text(options, "speaker_actor")) {
        out.speaker_actor = db.actor(*speaker);
    }
    out.min_confidence = number(options, "min_confidence").value_or(0.0);
    return out;
}

SuggestionFilter suggestion_filter(const Database& db, const py::dict& options) {
    SuggestionFilter filter;
    if (const auto document = text(options, "document")) {
        filter.document = db.document(*document);
    }
    filter.status = named(options, "status", parse_suggestion_status, "open, accepted, edited, rejected");
    filter.min_confidence = number(options, "min_confidence").value_or(0.0);
    return filter;
}

HistoryFilter history_filter(const py::dict& options) {
    HistoryFilter filter;
    filter.entity = text(options, "entity");
    filter.kind = named(options, "kind", parse_record_kind,
                        "document, actor, membership, role, topic, proposition, body, "
                        "meeting, agenda_item, participant, stance, suggestion");
    if (const auto id = number(options, "change_set")) {
        filter.change_set = static_cast<std::int64_t>(*id);
    }
    filter.limit = static_cast<std::size_t>(number(options, "limit").value_or(20));
    return filter;
}

Document document_of(const py::dict& fields) {
    Document document;
    document.id = DocumentId{text(fields, "id").value_or("")};
    document.title = text(fields, "title").value_or("");
    document.language = text(fields, "language").value_or("");
    document.date = date(fields, "date");
    document.author = text(fields, "author").value_or("");
    document.origin = text(fields, "origin").value_or("");
    document.text = text(fields, "text").value_or("");
    return document;
}

} // namespace stance::python
