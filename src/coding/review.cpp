#include "stance/coding/review.hpp"

#include <set>
#include <tuple>

#include <fmt/format.h>

#include "stance/coding/edit_stance.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// The suggestion, which must be open, read inside the session that changes it.
Suggestion open_suggestion(const Store& store, std::int64_t id) {
    SuggestionFilter filter;
    filter.id = id;
    const std::vector<Suggestion> found = store.suggestions(filter);
    if (found.empty()) {
        throw not_found_error(fmt::format("there is no suggestion {}; `stance review` lists the open ones", id));
    }
    const Suggestion& suggestion = found.front();
    if (suggestion.status != SuggestionStatus::open) {
        throw invalid_input_error(
            fmt::format("suggestion {}", id),
            fmt::format("was already {} by {} at {}{}; only open suggestions can be reviewed",
                        to_string(suggestion.status), suggestion.reviewer, suggestion.reviewed_at,
                        suggestion.stance ? fmt::format(" (stance \"{}\")", suggestion.stance->str()) : ""));
    }
    return suggestion;
}

void fill_reviewer(ChangeNote& note, std::string_view action) {
    note.action = note.action.empty() ? std::string(action) : note.action;
    note.by = note.by.empty() ? os_user_name() : note.by;
}

/// The one meeting the document's stances are on, for a stance from its sentence.
MeetingId meeting_of(const Store& store, const Suggestion& suggestion, const SuggestionReview& review) {
    if (review.meeting) {
        return *review.meeting;
    }
    std::set<std::string> meetings;
    store.for_each_stance({}, [&](const Stance& stance) {
        if (stance.source && stance.source->document == suggestion.document) {
            meetings.insert(stance.meeting.str());
        }
    });
    if (meetings.size() != 1) {
        throw invalid_input_error(
            fmt::format("suggestion {}", suggestion.id),
            fmt::format("the stances of document \"{}\" are on {} meetings, so which meeting this one is on is not "
                        "known; give --meeting",
                        suggestion.document.str(), meetings.size()));
    }
    return MeetingId{*meetings.begin()};
}

StanceId stance_id(const Suggestion& suggestion, const SuggestionReview& review) {
    if (review.id) {
        return *review.id;
    }
    const std::string id = fmt::format("{}-s{}", suggestion.document.str(), suggestion.id);
    return StanceId{is_valid_id(id) ? id : fmt::format("suggestion-{}", suggestion.id)};
}

/// The suggestion with the reviewer's changes to its proposal.
Suggestion revised(Suggestion suggestion, const SuggestionReview& review) {
    suggestion.actor = review.actor.value_or(suggestion.actor);
    suggestion.speaker = review.speaker ? review.speaker : suggestion.speaker;
    suggestion.topic = review.topic ? review.topic : suggestion.topic;
    suggestion.proposition = review.proposition ? review.proposition : suggestion.proposition;
    suggestion.kind = review.kind.value_or(suggestion.kind);
    suggestion.breadth = review.breadth.value_or(suggestion.breadth);
    suggestion.basis = review.basis.value_or(suggestion.basis);
    return suggestion;
}

Stance stance_from(const Store& store, const Suggestion& suggestion, const SuggestionReview& review,
                   const std::string& reviewer) {
    if (!suggestion.topic) {
        throw invalid_input_error(fmt::format("suggestion {}", suggestion.id),
                                  "no topic was recognised for it; give --topic (and --proposition if one fits)");
    }
    const std::optional<Document> document = store.document(suggestion.document);
    if (!document) {
        throw not_found_error(fmt::format("suggestion {}: its document \"{}\" is no longer in the database",
                                          suggestion.id, suggestion.document.str()));
    }
    Stance stance;
    stance.id = stance_id(suggestion, review);
    stance.actor = suggestion.actor;
    stance.speaker = suggestion.speaker;
    stance.topic = *suggestion.topic;
    stance.proposition = suggestion.proposition;
    stance.meeting = meeting_of(store, suggestion, review);
    stance.kind = suggestion.kind;
    stance.score = review.score.value_or(default_score(suggestion.kind));
    stance.breadth = suggestion.breadth;
    stance.basis = suggestion.basis;
    stance.reported_by = suggestion.basis == Basis::reported ? suggestion.reported_by : std::nullopt;
    stance.source = review.quote ? locate_in_document(*document, *review.quote, suggestion.start, suggestion.end)
                                 : SourceSpan{suggestion.document, suggestion.start, suggestion.end, std::nullopt};
    stance.quote = document->text.substr(stance.source->start, stance.source->end - stance.source->start);
    stance.paraphrase = review.paraphrase.value_or("");
    stance.note = review.note.value_or("");
    stance.confidence = review.confidence.value_or(1.0);
    stance.coder = reviewer;
    stance.coded_at = utc_now();
    return stance;
}

} // namespace

std::string describe_cue(const Cue& cue) {
    switch (cue.type) {
    case CueType::report: return fmt::format("report \"{}\"", cue.phrase);
    case CueType::impersonal: return fmt::format("report (no reporter) \"{}\"", cue.phrase);
    case CueType::stance: return fmt::format("{} \"{}\"", to_string(cue.polarity), cue.phrase);
    case CueType::breadth: return fmt::format("breadth \"{}\"", cue.phrase);
    case CueType::first_person: return fmt::format("first person \"{}\"", cue.phrase);
    case CueType::pronoun: return fmt::format("pronoun \"{}\"", cue.phrase);
    case CueType::members: return fmt::format("members \"{}\"", cue.phrase);
    }
    return cue.phrase;
}

bool SuggestionReview::keeps_proposal() const noexcept {
    return !actor && !speaker && !topic && !proposition && !kind && !score && !breadth && !basis && !quote;
}

std::vector<Suggestion> as_suggestions(const std::vector<Candidate>& candidates, const DocumentId& document,
                                       const std::string& lexicon_sha256) {
    std::vector<Suggestion> result;
    const std::string now = utc_now();
    for (const Candidate& candidate : candidates) {
        Suggestion s;
        s.document = document;
        s.start = candidate.span.start;
        s.end = candidate.span.end;
        s.actor = candidate.actor;
        s.speaker = candidate.speaker;
        s.topic = candidate.topic;
        s.proposition = candidate.proposition;
        s.kind = candidate.kind;
        s.breadth = candidate.breadth;
        s.basis = candidate.basis;
        s.reported_by = candidate.reported_by;
        s.confidence = candidate.confidence;
        for (const CueHit& hit : candidate.cues) {
            s.cues.push_back(describe_cue(hit.cue));
        }
        s.lexicon_sha256 = lexicon_sha256;
        s.created_at = now;
        result.push_back(std::move(s));
    }
    return result;
}

StoredSuggestions store_suggestions(Store& store, const DocumentId& document,
                                    const std::vector<Suggestion>& suggestions, ChangeNote note) {
    auto session = store.begin_import();
    if (!store.exists(EntityKind::document, document.str())) {
        throw not_found_error(fmt::format("document \"{}\" is not in the database; add it first (stance import), then "
                                          "store suggestions for it",
                                          document.str()));
    }
    SuggestionFilter filter;
    filter.document = document;
    StoredSuggestions result;
    std::set<std::tuple<std::size_t, std::size_t, std::string>> reviewed;
    for (const Suggestion& earlier : store.suggestions(filter)) {
        if (earlier.status == SuggestionStatus::open) {
            session->remove(record_key(earlier));
            ++result.replaced;
        } else {
            reviewed.emplace(earlier.start, earlier.end, earlier.actor.str());
        }
    }
    for (Suggestion suggestion : suggestions) {
        if (reviewed.contains({suggestion.start, suggestion.end, suggestion.actor.str()})) {
            ++result.kept;
            continue;
        }
        suggestion.id = 0;
        suggestion.document = document;
        (void)session->put(suggestion);
        ++result.stored;
    }
    note.action = note.action.empty() ? "suggest" : note.action;
    if (note.summary.empty()) {
        note.summary = fmt::format("{} suggestions stored for document \"{}\"", result.stored, document.str());
    }
    session->note(note);
    session->commit();
    result.change_set = session->change_set_id();
    return result;
}

Stance accept_suggestion(Store& store, std::int64_t id, const SuggestionReview& review, ChangeNote note) {
    fill_reviewer(note, "review");
    auto session = store.begin_import();
    Suggestion suggestion = revised(open_suggestion(store, id), review);
    Stance stance = stance_from(store, suggestion, review, note.by);
    if (store.stance(stance.id)) {
        throw invalid_input_error(fmt::format("suggestion {}", id),
                                  fmt::format("a stance \"{}\" exists already; give another --id", stance.id.str()));
    }
    session->put(stance);
    suggestion.status = review.keeps_proposal() ? SuggestionStatus::accepted : SuggestionStatus::edited;
    suggestion.stance = stance.id;
    suggestion.reviewer = note.by;
    suggestion.reviewed_at = utc_now();
    (void)session->put(suggestion);
    if (note.summary.empty()) {
        note.summary =
            fmt::format("suggestion {} {} as stance \"{}\"", id, to_string(suggestion.status), stance.id.str());
    }
    session->note(note);
    session->commit();
    return stance;
}

Suggestion edit_suggestion(Store& store, std::int64_t id, const SuggestionReview& review, ChangeNote note) {
    fill_reviewer(note, "review");
    auto session = store.begin_import();
    const Suggestion before = open_suggestion(store, id);
    Suggestion after = revised(before, review);
    if (after == before) {
        throw invalid_input_error(fmt::format("suggestion {}", id),
                                  "nothing to change: give --actor, --topic, --proposition, --position, --breadth, "
                                  "--basis or --speaker");
    }
    (void)session->put(after);
    if (note.summary.empty()) {
        note.summary = fmt::format("suggestion {} edited", id);
    }
    session->note(note);
    session->commit();
    return after;
}

Suggestion reject_suggestion(Store& store, std::int64_t id, const std::string& reason, ChangeNote note) {
    fill_reviewer(note, "review");
    if (reason.empty()) {
        throw invalid_input_error(fmt::format("suggestion {}", id), "give the reason for rejecting it (--reason)");
    }
    auto session = store.begin_import();
    Suggestion suggestion = open_suggestion(store, id);
    suggestion.status = SuggestionStatus::rejected;
    suggestion.reviewer = note.by;
    suggestion.reviewed_at = utc_now();
    suggestion.reason = reason;
    (void)session->put(suggestion);
    if (note.summary.empty()) {
        note.summary = fmt::format("suggestion {} rejected: {}", id, reason);
    }
    session->note(note);
    session->commit();
    return suggestion;
}

} // namespace stance
