// What a recorded vote is. A vote cast in a roll call (a UN General Assembly resolution, a
// parliament's division) is a stance like any other, but one that carries nothing beyond who voted
// what on which roll call and where that row is in its source file. Stores keep such stances in a
// compact form and give them back as ordinary `Stance` values; the vote matrix
// (stance/query/vote_matrix.hpp) reads them without building a `Stance` at all.
#pragma once

#include <cstdint>
#include <optional>

#include "stance/model/position.hpp"
#include "stance/model/stance.hpp"

namespace stance {

/// A vote as a small integer, with the codes of Voeten's UN General Assembly data (1 yes,
/// 2 abstain, 3 no, 8 absent, 9 not a member); also the value stored per vote.
enum class VoteCode : std::uint8_t { yes = 1, abstain = 2, no = 3, absent = 8, not_member = 9 };

/// The code of a kind that a vote can have; nothing for the kinds only statements have.
[[nodiscard]] constexpr std::optional<VoteCode> vote_code(PositionKind kind) noexcept {
    switch (kind) {
    case PositionKind::support: return VoteCode::yes;
    case PositionKind::abstain: return VoteCode::abstain;
    case PositionKind::oppose: return VoteCode::no;
    case PositionKind::absent: return VoteCode::absent;
    case PositionKind::not_member: return VoteCode::not_member;
    default: return std::nullopt;
    }
}

[[nodiscard]] constexpr PositionKind position_kind(VoteCode code) noexcept {
    switch (code) {
    case VoteCode::yes: return PositionKind::support;
    case VoteCode::abstain: return PositionKind::abstain;
    case VoteCode::no: return PositionKind::oppose;
    case VoteCode::absent: return PositionKind::absent;
    case VoteCode::not_member: return PositionKind::not_member;
    }
    return PositionKind::no_position;
}

/// True when `stance` has every field a vote has and nothing else (docs/dataset-format.md, "Votes"):
/// basis `vote`; an agenda item (the roll call); a vote kind (support, abstain, oppose, absent, not_member) with
/// its default score; breadth single; confidence 1; no quote, paraphrase, note, coder, coding time,
/// speaker, proposition, reporter, statement date or named members; a source span without a page,
/// or none; and an id that is some prefix followed by the actor's id ("unga-3-usa" for actor
/// "usa"). The store adds two conditions it alone can check: the stance's meeting is its agenda
/// item's, and every vote on one agenda item has the same id prefix. Other stances, votes with a
/// coder's note among them, are kept in full.
[[nodiscard]] inline bool is_vote_shaped(const Stance& stance) noexcept {
    const std::string& id = stance.id.str();
    const std::string& actor = stance.actor.str();
    const bool id_ends_with_actor = !actor.empty() && id.size() > actor.size() && id.ends_with(actor);
    const bool plain_source = !stance.source || (!stance.source->page && stance.source->end >= stance.source->start);
    return stance.basis == Basis::vote && stance.agenda_item && vote_code(stance.kind) &&
           stance.score == default_score(stance.kind) && stance.breadth == Breadth::single &&
           stance.confidence == 1.0 && stance.quote.empty() && stance.paraphrase.empty() && stance.note.empty() &&
           stance.coder.empty() && stance.coded_at.empty() && !stance.speaker && !stance.proposition &&
           !stance.reported_by && !stance.stated_on && stance.includes.empty() && plain_source && id_ends_with_actor;
}

} // namespace stance
