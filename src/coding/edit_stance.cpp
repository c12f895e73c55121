#include "stance/coding/edit_stance.hpp"

#include <fmt/format.h>

#include "stance/coding/locate_quote.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance {

bool StanceEdit::empty() const noexcept {
    return !kind && !score && !quote && !paraphrase && !note && !confidence && !basis && !breadth && !actor && !topic &&
           !proposition;
}

SourceSpan locate_in_document(const Document& document, std::string_view quote, std::size_t from, std::size_t to) {
    if (document.text.empty()) {
        throw invalid_input_error(fmt::format("document \"{}\"", document.id.str()),
                                  "its text is not stored in the database (a file referenced by path), so a quote "
                                  "cannot be found in it");
    }
    to = std::min(to, document.text.size());
    from = std::min(from, to);
    const std::string_view part = std::string_view(document.text).substr(from, to - from);
    const QuoteSearch search = locate_quote(part, quote);
    if (search.outcome != QuoteOutcome::found) {
        throw not_found_error(search.explain(document.id.str()));
    }
    const QuotePlace& place = search.places.front();
    return SourceSpan{document.id, from + place.start, from + place.end, std::nullopt};
}

namespace {

void apply(Stance& stance, const StanceEdit& edit) {
    if (edit.kind) {
        stance.kind = *edit.kind;
        stance.score = default_score(*edit.kind);
    }
    stance.score = edit.score.value_or(stance.score);
    stance.paraphrase = edit.paraphrase.value_or(stance.paraphrase);
    stance.note = edit.note.value_or(stance.note);
    stance.confidence = edit.confidence.value_or(stance.confidence);
    stance.basis = edit.basis.value_or(stance.basis);
    stance.breadth = edit.breadth.value_or(stance.breadth);
    stance.actor = edit.actor.value_or(stance.actor);
    stance.topic = edit.topic.value_or(stance.topic);
    if (edit.proposition) {
        stance.proposition = edit.proposition->str().empty() ? std::nullopt : edit.proposition;
    }
}

/// The new quote's span in the stance's document, and the quote as the document has it.
void relocate(const Store& store, Stance& stance, const std::string& quote) {
    const std::string entity = fmt::format("stance \"{}\"", stance.id.str());
    if (!stance.source) {
        throw invalid_input_error(entity, "has no source document to find the new quote in; code it again with its "
                                          "document");
    }
    const std::optional<Document> document = store.document(stance.source->document);
    if (!document) {
        throw invalid_input_error(
            entity, fmt::format("its document \"{}\" is not in the database", stance.source->document.str()));
    }
    const SourceSpan found = locate_in_document(*document, quote);
    stance.source->start = found.start;
    stance.source->end = found.end;
    stance.quote = document->text.substr(found.start, found.end - found.start);
}

} // namespace

Stance edited_stance(const Store& store, Stance stance, const StanceEdit& edit) {
    apply(stance, edit);
    if (edit.quote) {
        relocate(store, stance, *edit.quote);
    }
    return stance;
}

Stance edit_stance(Store& store, const StanceId& id, const StanceEdit& edit, ChangeNote note) {
    auto session = store.begin_import(); // the lock first, so the stance read is the one changed
    std::optional<Stance> stance = store.stance(id);
    if (!stance) {
        throw not_found_error(
            fmt::format("there is no stance \"{}\"; `stance history` or an export lists them", id.str()));
    }
    if (edit.empty()) {
        throw invalid_input_error(fmt::format("stance \"{}\"", id.str()),
                                  "nothing to change: give at least one field (e.g. --position, --quote, --note)");
    }
    Stance edited = edited_stance(store, std::move(*stance), edit);
    note.action = note.action.empty() ? "edit" : note.action;
    session->note(note);
    session->put(edited);
    session->commit();
    return edited;
}

} // namespace stance
