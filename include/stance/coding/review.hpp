// Stored suggestions and their review (docs/suggest.md, "Stored suggestions and stance review"):
// `stance suggest --store` keeps the candidates of suggest.hpp as suggestions that no query counts;
// a reviewer accepts each (optionally changing it), edits it, or rejects it. Accepting writes an
// ordinary stance through the checked write path, and the history records both the stance and the
// suggestion it came from in one change set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/coding/suggest.hpp"
#include "stance/model/suggestion.hpp"
#include "stance/store/history.hpp"

namespace stance {

class Store;

/// A cue as reviewers read it: its type (or polarity) and phrase, e.g. `concern "bezorgd"`.
[[nodiscard]] std::string describe_cue(const Cue& cue);

/// The candidates as suggestions of `document` to store (cues as "type \"phrase\"").
[[nodiscard]] std::vector<Suggestion> as_suggestions(const std::vector<Candidate>& candidates,
                                                     const DocumentId& document, const std::string& lexicon_sha256);

struct StoredSuggestions {
    std::size_t stored = 0;   ///< New open suggestions.
    std::size_t replaced = 0; ///< Open suggestions of an earlier run, removed.
    std::size_t kept = 0;     ///< Candidates left out because a reviewed suggestion has their span and actor.
    std::int64_t change_set = 0;
};

/// Stores `suggestions` for their document in one change set (action "suggest"): the document's
/// open suggestions from an earlier run are replaced, reviewed ones are kept and not proposed again.
/// Throws not_found_error when the document is not in the store.
StoredSuggestions store_suggestions(Store& store, const DocumentId& document,
                                    const std::vector<Suggestion>& suggestions, ChangeNote note = {});

/// What a reviewer changes or adds when accepting or editing a suggestion; empty fields keep the
/// suggestion's value (or the default said).
struct SuggestionReview {
    std::optional<StanceId> id; ///< Default "<document>-s<suggestion id>".
    std::optional<ActorId> actor;
    std::optional<ActorId> speaker;
    std::optional<TopicId> topic;
    std::optional<PropositionId> proposition;
    std::optional<PositionKind> kind;
    std::optional<double> score; ///< Default: the kind's default score.
    std::optional<Breadth> breadth;
    std::optional<Basis> basis;
    /// Default: the one meeting the document's stances are on; required when there is none or several.
    std::optional<MeetingId> meeting;
    std::optional<std::string> quote; ///< Part of the sentence, found in it; default the whole sentence.
    std::optional<std::string> paraphrase;
    std::optional<std::string> note;
    std::optional<double> confidence; ///< Default 1: the reviewer's own reading.

    /// True when nothing of the suggestion's own proposal is changed (id, meeting, paraphrase, note
    /// and confidence add to it; they do not change it).
    [[nodiscard]] bool keeps_proposal() const noexcept;
};

/// Turns open suggestion `id` into a stance (status accepted, or edited when `review` changes the
/// proposal) and returns the stance. `note.by` is the reviewer (default the OS user name), also
/// the stance's coder. Throws not_found_error for an unknown id, invalid_input_error when it is
/// not open or the stance breaks a write rule (nothing is written then).
Stance accept_suggestion(Store& store, std::int64_t id, const SuggestionReview& review, ChangeNote note = {});

/// Changes the proposal of open suggestion `id` (actor, speaker, topic, proposition, kind,
/// breadth, basis) and keeps it open for a later decision.
Suggestion edit_suggestion(Store& store, std::int64_t id, const SuggestionReview& review, ChangeNote note = {});

/// Closes open suggestion `id` without a stance; `reason` is required.
Suggestion reject_suggestion(Store& store, std::int64_t id, const std::string& reason, ChangeNote note = {});

} // namespace stance
