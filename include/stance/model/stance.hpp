// The central fact: an actor's stated position on a topic (or proposition) at a meeting, with provenance.
// Like every entity of the model, a Stance is an aggregate whose fields all have defaults, so C++20
// designated initialisers name only what they set, in declaration order and without warnings:
// `Stance{.id = StanceId{"s1"}, .actor = ActorId{"nld"}, .topic = TopicId{"russia"}, ...}`
// (docs/library.md). stance/model/dataset_builder.hpp builds whole datasets in a few calls.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stance/model/basis.hpp"
#include "stance/model/date.hpp"
#include "stance/model/document.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/position.hpp"

namespace stance {

struct Stance {
    StanceId id{};
    ActorId actor{}; ///< Who holds the position (a state, a group such as "the Allies").
    /// Members a collective statement names explicitly ("Veel landen, waaronder Nederland" names nld),
    /// so that a query about one of them finds it.
    std::vector<ActorId> includes{};
    std::optional<ActorId> speaker{}; ///< The person who voiced it, if named (resolves to `actor` by role).
    TopicId topic{};
    std::optional<PropositionId> proposition{};
    MeetingId meeting{};
    std::optional<AgendaItemId> agenda_item{};
    PositionKind kind = PositionKind::neutral;
    double score = 0.0; ///< In [-1, +1]; see docs/position-scale.md.
    Breadth breadth = Breadth::single;
    std::string quote{};      ///< The source words, in the source language.
    std::string paraphrase{}; ///< Optional English paraphrase.
    std::optional<SourceSpan> source{};
    std::optional<ActorId> reported_by{}; ///< Whose account this is (the Dutch minister reports the US stance).
    /// How the stance is known. The JSON reader's default when a file omits it is `reported` when
    /// `reported_by` is set, else `statement` (docs/dataset-format.md); importers of votes set `vote`.
    Basis basis = Basis::statement;
    double confidence = 1.0; ///< The coder's confidence in [0, 1].
    std::string coder{};
    std::string coded_at{};          ///< ISO 8601 timestamp of the coding, not of the statement.
    std::optional<Date> stated_on{}; ///< When it was stated, if not the meeting's date.
    /// The coder's note: judgement calls, and why the basis is what it is.
    std::string note{};

    friend bool operator==(const Stance&, const Stance&) = default;
};

} // namespace stance
