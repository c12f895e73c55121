// Resolving a typed coding into a stance (see resolve_coding.hpp). One function per field; each
// appends its problem and lets the others run, so every mistake of a coding is reported at once.
#include "coding/resolve_coding.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "stance/coding/fix_spans.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/store/store.hpp"
#include "stance/text/utf8.hpp"

namespace stance::detail {

namespace {

using Problems = std::vector<CodingProblem>;

void invalid(Problems& problems, std::string field, std::string message) {
    problems.push_back(CodingProblem{CodingProblem::Kind::invalid, std::move(field), std::move(message), {}});
}

void not_found(Problems& problems, std::string field, const not_found_error& failure) {
    problems.push_back(
        CodingProblem{CodingProblem::Kind::not_found, std::move(field), failure.what(), failure.candidates()});
}

void required(Problems& problems, std::string field, std::string_view what) {
    invalid(problems, field, fmt::format("no {} given: {}", field, what));
}

/// A reference resolved by `resolve` (resolve_actor, resolve_meeting …), or nothing with the problem noted.
template <class Resolve>
auto resolved(Problems& problems, const std::string& field, const std::string& reference, Resolve resolve)
    -> std::optional<decltype(resolve(reference))> {
    try {
        return resolve(reference);
    } catch (const not_found_error& failure) {
        not_found(problems, field, failure);
        return std::nullopt;
    }
}

std::optional<double> number(Problems& problems, const std::string& field, const std::string& text, double low,
                             double high) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, code] = std::from_chars(text.data(), end, value);
    if (code != std::errc{} || stop != end || !std::isfinite(value) || value < low || value > high) {
        invalid(problems, field,
                fmt::format("\"{}\" is not a number from {} to {}; write it with a point, e.g. 0.8", text, low, high));
        return std::nullopt;
    }
    return value;
}

template <class Value, std::size_t N>
std::optional<Value> keyword(Problems& problems, const std::string& field, const std::string& text,
                             const std::array<Value, N>& all, std::optional<Value> (*parse)(std::string_view)) {
    if (std::optional<Value> value = parse(text)) {
        return value;
    }
    std::vector<std::string_view> names;
    names.reserve(all.size());
    for (Value value : all) {
        names.push_back(to_string(value));
    }
    invalid(problems, field, fmt::format("\"{}\" is not a {}: use one of {}", text, field, fmt::join(names, ", ")));
    return std::nullopt;
}

struct Claim {
    TopicId topic;
    std::optional<PropositionId> proposition;
};

/// A proposition by its id (propositions have no names to type), else a topic by any id or name.
std::optional<Claim> claim(Problems& problems, const Catalog& catalog, const std::string& reference) {
    if (const Proposition* proposition = catalog.find(PropositionId{reference})) {
        return Claim{proposition->topic, proposition->id};
    }
    try {
        return Claim{resolve_topic(catalog, reference), std::nullopt};
    } catch (const not_found_error& failure) {
        problems.push_back(CodingProblem{
            CodingProblem::Kind::not_found, "claim",
            fmt::format("no proposition has the id \"{}\", and as a topic: {}", reference, failure.what()),
            failure.candidates()});
        return std::nullopt;
    }
}

/// The meeting: as given, or the agenda item's; an item of another meeting than the one given is refused.
std::optional<MeetingId> meeting(Problems& problems, const Catalog& catalog, const StanceCoding& coding,
                                 std::optional<AgendaItemId>& item) {
    std::optional<MeetingId> given;
    if (!coding.meeting.empty()) {
        given = resolved(problems, "meeting", coding.meeting,
                         [&](const std::string& text) { return resolve_meeting(catalog, text); });
    }
    if (coding.agenda_item.empty()) {
        if (coding.meeting.empty()) {
            required(problems, "meeting",
                     "name the meeting (an id, its date or its title; stance meetings lists them)");
        }
        return given;
    }
    const AgendaItem* found = catalog.find(AgendaItemId{coding.agenda_item});
    if (found == nullptr) {
        invalid(problems, "agenda-item",
                fmt::format("unknown agenda item \"{}\": give the id of an agenda item of the meeting",
                            coding.agenda_item));
        return given;
    }
    if (given && *given != found->meeting) {
        invalid(problems, "agenda-item",
                fmt::format(R"(agenda item "{}" belongs to meeting "{}", not "{}"; give that meeting or another item)",
                            coding.agenda_item, found->meeting.str(), given->str()));
        return given;
    }
    item = found->id;
    return found->meeting;
}

/// A few words around a place, white space collapsed, for telling the places of a quote apart.
std::string context(std::string_view text, const QuotePlace& place) {
    constexpr std::size_t around = 30;
    std::size_t from = place.start > around ? place.start - around : 0;
    std::size_t to = std::min(text.size(), place.end + around);
    // Whole words only: start after a white space and stop at one (both ASCII, so on character boundaries).
    const auto space = [&](std::size_t i) { return text[i] == ' ' || text[i] == '\n' || text[i] == '\t'; };
    while (from > 0 && from < place.start && !space(from - 1)) {
        ++from;
    }
    while (to < text.size() && to > place.end && !space(to)) {
        --to;
    }
    return fmt::format("{}{}{}", from > 0 ? "…" : "", collapse_whitespace(text.substr(from, to - from)),
                       to < text.size() ? "…" : "");
}

std::string places_list(std::string_view text, const std::vector<QuotePlace>& places) {
    constexpr std::size_t shown = 10; // a short quote can occur hundreds of times; the first ones say enough
    std::string out;
    for (std::size_t i = 0; i < places.size() && i < shown; ++i) {
        out +=
            fmt::format("\n  {}. line {}:{} \"{}\"", i + 1, places[i].line, places[i].column, context(text, places[i]));
    }
    if (places.size() > shown) {
        out += fmt::format("\n  … and {} more", places.size() - shown);
    }
    return out;
}

std::optional<std::size_t> occurrence(Problems& problems, const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    std::size_t value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, code] = std::from_chars(text.data(), end, value);
    if (code != std::errc{} || stop != end || value == 0) {
        invalid(problems, "occurrence", fmt::format("\"{}\" is not a place number: give 1 for the first place", text));
        return std::nullopt;
    }
    return value;
}

/// Where the quote is: the explicit span, or the one place the search finds (or the chosen one).
std::optional<QuotePlace> quote_place(Problems& problems, const Document& document, const MatchKey& key,
                                      const StanceCoding& coding) {
    const std::string& text = document.text;
    if (coding.span) {
        const auto [start, end] = *coding.span;
        if (start > end || end > text.size() || !is_char_boundary(text, start) || !is_char_boundary(text, end)) {
            invalid(problems, "span",
                    fmt::format("[{}, {}) is not a span of \"{}\" ({} bytes) on character boundaries; check the "
                                "offsets, or give the quote instead",
                                start, end, document.id.str(), text.size()));
            return std::nullopt;
        }
        const SourceSpan span{document.id, start, end, std::nullopt};
        if (!coding.quote.empty() && !span_holds_quote(text, span, coding.quote)) {
            invalid(problems, "quote",
                    fmt::format("the span [{}, {}) of \"{}\" does not hold the quote; leave out the span to have the "
                                "quote found",
                                start, end, document.id.str()));
            return std::nullopt;
        }
        return place_of(text, start, end);
    }
    if (coding.quote.empty()) {
        required(problems, "quote", "give the words of the document the stance rests on (or an explicit span)");
        return std::nullopt;
    }
    const std::optional<std::size_t> chosen = occurrence(problems, coding.occurrence);
    const QuoteSearch search = locate_quote(key, coding.quote);
    const std::size_t count = search.places.size();
    if (search.outcome == QuoteOutcome::found || search.outcome == QuoteOutcome::ambiguous) {
        if (chosen && *chosen <= count) {
            return search.places[*chosen - 1];
        }
        if (chosen) {
            invalid(problems, "occurrence",
                    fmt::format("the quote occurs {} time{} in \"{}\", so there is no place {}:{}", count,
                                count == 1 ? "" : "s", document.id.str(), *chosen, places_list(text, search.places)));
            return std::nullopt;
        }
        if (count == 1) {
            return search.places[0];
        }
        problems.push_back(CodingProblem{
            CodingProblem::Kind::not_found,
            "quote",
            fmt::format("the quote occurs {} times in \"{}\"; quote more words, or choose one with occurrence N (1 "
                        "to {}, in text order):{}",
                        count, document.id.str(), count, places_list(text, search.places)),
            {}});
        return std::nullopt;
    }
    problems.push_back(CodingProblem{CodingProblem::Kind::not_found, "quote", search.explain(document.id.str()), {}});
    return std::nullopt;
}

} // namespace

CodingResolver::CodingResolver(const Store& store, const Catalog& catalog) : m_store(store), m_catalog(catalog) {}

std::vector<std::string> CodingResolver::closest_documents(const std::string& reference) const {
    std::vector<std::pair<std::size_t, std::string>> ranked;
    const std::size_t allowed = std::max<std::size_t>(2, reference.size() / 3);
    for (const Document& document : m_store.documents()) {
        const std::string& id = document.id.str();
        const std::size_t distance = id.find(reference) != std::string::npos ? 0 : edit_distance(reference, id);
        if (distance <= allowed) {
            ranked.emplace_back(distance, id);
        }
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) {
        out.push_back(ranked[i].second);
    }
    return out;
}

const CodingResolver::LoadedDocument* CodingResolver::document(const std::string& reference, Problems& problems) {
    if (reference.empty()) {
        required(problems, "document", "name the document the quote is from (stance add-document adds one)");
        return nullptr;
    }
    auto& slot = m_documents[reference];
    if (!slot) {
        std::optional<Document> stored = m_store.document(DocumentId{reference});
        if (!stored) {
            std::vector<std::string> candidates = closest_documents(reference);
            std::string message = fmt::format(
                "unknown document \"{}\": add it with stance add-document FILE --id "
                "ID{}",
                reference, candidates.empty() ? "" : fmt::format("; closest: {}", fmt::join(candidates, ", ")));
            problems.push_back(
                CodingProblem{CodingProblem::Kind::not_found, "document", std::move(message), std::move(candidates)});
            m_documents.erase(reference);
            return nullptr;
        }
        slot = std::make_unique<LoadedDocument>(LoadedDocument{std::move(*stored), nullptr});
        slot->key = std::make_unique<MatchKey>(slot->document.text);
    }
    if (slot->document.text.empty()) {
        invalid(problems, "document",
                fmt::format("document \"{}\" keeps no text of its own (it refers to a file), so no quote can be "
                            "found in it; add the text with stance add-document",
                            reference));
        return nullptr;
    }
    return slot.get();
}

StanceId CodingResolver::generated_id(const Stance& stance, std::string_view claim, std::size_t start) const {
    const DocumentId& document = stance.source->document;
    StanceId plain = generated_stance_id(stance.actor, claim, document, start);
    if (stance.coder.empty()) {
        return plain;
    }
    const std::optional<Stance> holder = m_store.stance(plain);
    if (!holder || holder->coder == stance.coder) {
        return plain; // free, or this coder's own: coding it again is refused as already stored
    }
    return generated_stance_id(stance.actor, claim, document, start, stance.coder);
}

std::optional<CodedStance> CodingResolver::resolve(const StanceCoding& coding, Problems& problems) {
    const std::size_t problems_before = problems.size();
    Stance stance;
    const auto actor_of = [&](const std::string& text) { return resolve_actor(m_catalog, text); };

    const LoadedDocument* source = document(coding.document, problems);
    std::optional<ActorId> actor;
    if (coding.actor.empty()) {
        required(problems, "actor", "name who holds the position (an id, an ISO code or a name in any language)");
    } else {
        actor = resolved(problems, "actor", coding.actor, actor_of);
    }
    std::optional<Claim> what;
    if (coding.claim.empty()) {
        required(problems, "claim", "name the topic or proposition the position is on");
    } else {
        what = claim(problems, m_catalog, coding.claim);
    }
    std::optional<PositionKind> kind;
    if (coding.position.empty()) {
        required(problems, "position", "say what the actor's position is (support, oppose, …)");
    } else {
        kind = keyword(problems, "position", coding.position, all_position_kinds, &parse_position_kind);
    }
    if (kind) {
        stance.kind = *kind;
        stance.score = default_score(*kind);
        if (!coding.score.empty()) {
            stance.score = number(problems, "score", coding.score, -1.0, 1.0).value_or(stance.score);
        }
    }
    if (!coding.breadth.empty()) {
        stance.breadth =
            keyword(problems, "breadth", coding.breadth, all_breadths, &parse_breadth).value_or(Breadth::single);
    }
    const std::optional<MeetingId> held_at = meeting(problems, m_catalog, coding, stance.agenda_item);
    if (!coding.speaker.empty()) {
        stance.speaker = resolved(problems, "speaker", coding.speaker, actor_of);
    }
    if (!coding.reported_by.empty()) {
        stance.reported_by = resolved(problems, "reported-by", coding.reported_by, actor_of);
        stance.basis = Basis::reported;
    }
    if (!coding.basis.empty()) {
        stance.basis = keyword(problems, "basis", coding.basis, all_bases, &parse_basis).value_or(stance.basis);
    }
    if (!coding.confidence.empty()) {
        stance.confidence = number(problems, "confidence", coding.confidence, 0.0, 1.0).value_or(1.0);
    }
    std::optional<QuotePlace> place;
    if (source) {
        place = quote_place(problems, source->document, *source->key, coding);
    }
    if (!coding.id.empty() && !is_valid_id(coding.id)) {
        invalid(problems, "id",
                fmt::format("\"{}\" is not a valid id: use 1-{} lowercase letters, digits, - _ . :", coding.id,
                            max_id_length));
    }
    if (problems.size() != problems_before) {
        return std::nullopt;
    }
    stance.actor = *actor;
    stance.topic = what->topic;
    stance.proposition = what->proposition;
    stance.meeting = *held_at;
    stance.source = SourceSpan{source->document.id, place->start, place->end, std::nullopt};
    stance.quote = source->document.text.substr(place->start, place->end - place->start);
    stance.paraphrase = coding.paraphrase;
    stance.note = coding.note;
    stance.coder = coding.coder;
    stance.id =
        coding.id.empty()
            ? generated_id(stance, what->proposition ? what->proposition->str() : what->topic.str(), place->start)
            : StanceId{coding.id};
    if (m_store.exists(EntityKind::stance, stance.id.str())) {
        invalid(problems, "id",
                fmt::format("stance \"{}\" is already stored{}; give another id to code a second stance, or change "
                            "the stored one (docs/coding.md)",
                            stance.id.str(),
                            coding.id.empty() ? " (the same actor and claim at the same place of the document)" : ""));
        return std::nullopt;
    }
    return CodedStance{std::move(stance), *place};
}

} // namespace stance::detail
