// What becomes of suggestions: a dataset fragment to review, and the comparison with a coding of
// the same document (recall and precision, docs/suggest.md).
#include <algorithm>

#include <fmt/format.h>

#include "stance/coding/suggest.hpp"

namespace stance {

namespace {

std::string cue_note(const Candidate& candidate) {
    std::string note = fmt::format("Suggested by stance suggest ({}); cues:", to_string(candidate.evidence));
    for (const CueHit& hit : candidate.cues) {
        note += fmt::format(" \"{}\"", hit.cue.phrase);
    }
    return note + ". Review actor, claim, position and span before use.";
}

bool overlaps(const SourceSpan& a, const SourceSpan& b) {
    return a.document == b.document && a.start < b.end && b.start < a.end;
}

bool right_actor(const Candidate& candidate, const Stance& stance) {
    return candidate.actor == stance.actor ||
           std::find(stance.includes.begin(), stance.includes.end(), candidate.actor) != stance.includes.end();
}

bool matches(const Candidate& candidate, const Stance& stance) {
    return stance.source && overlaps(candidate.span, *stance.source) && right_actor(candidate, stance);
}

} // namespace

Dataset candidates_as_dataset(const std::vector<Candidate>& candidates, const MeetingId& meeting,
                              const TopicId& fallback_topic) {
    Dataset fragment;
    std::size_t number = 0;
    for (const Candidate& candidate : candidates) {
        Stance stance;
        stance.id = StanceId{fmt::format("suggested-{}-{}", ++number, candidate.actor.str())};
        stance.actor = candidate.actor;
        stance.speaker = candidate.speaker;
        stance.topic = candidate.topic.value_or(fallback_topic);
        stance.proposition = candidate.proposition;
        stance.meeting = meeting;
        stance.kind = candidate.kind;
        stance.score = default_score(candidate.kind);
        stance.breadth = candidate.breadth;
        stance.basis = candidate.basis;
        stance.reported_by = candidate.reported_by;
        stance.quote = candidate.sentence;
        stance.source = candidate.span;
        stance.confidence = candidate.confidence;
        stance.coder = "stance suggest";
        stance.note = cue_note(candidate);
        fragment.stances.push_back(std::move(stance));
    }
    return fragment;
}

SuggestEvaluation evaluate_suggestions(const std::vector<Candidate>& candidates, const Dataset& coding,
                                       const DocumentId& document) {
    SuggestEvaluation result;
    result.proposals = candidates.size();
    std::vector<const Stance*> coded;
    for (const Stance& stance : coding.stances) {
        if (stance.source && stance.source->document == document) {
            coded.push_back(&stance);
        }
    }
    result.coded = coded.size();
    for (const Stance* stance : coded) {
        const bool found = std::any_of(candidates.begin(), candidates.end(),
                                       [&](const Candidate& candidate) { return matches(candidate, *stance); });
        if (found) {
            ++result.coded_found;
        } else {
            result.missed.push_back(stance->id);
        }
    }
    for (const Candidate& candidate : candidates) {
        if (std::any_of(coded.begin(), coded.end(),
                        [&](const Stance* stance) { return matches(candidate, *stance); })) {
            ++result.proposals_matching;
        }
    }
    return result;
}

} // namespace stance
