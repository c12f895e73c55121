#include "store/write_rules.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "io/span_check.hpp"
#include "stance/error.hpp"
#include "stance/text/utf8.hpp"

namespace stance::detail {

namespace {

/// An id as a message may show it: cut to 80 bytes on a character boundary, so hostile input
/// does not fill the screen.
std::string shown(const std::string& text) {
    std::size_t end = std::min<std::size_t>(text.size(), 80);
    while (end < text.size() && end > 0 && !is_char_boundary(text, end)) {
        --end;
    }
    return end < text.size() ? text.substr(0, end) + "…" : text;
}

/// How a refusal names the entity (`stance "x"`). Formatted only when something is refused: the
/// rules run for every vote of a bulk import, and almost always pass.
class EntityName {
public:
    EntityName(std::string_view kind, const std::string& id) : m_kind(kind), m_id(id) {}
    [[nodiscard]] std::string str() const { return fmt::format("{} \"{}\"", m_kind, shown(m_id)); }

private:
    std::string_view m_kind;
    const std::string& m_id;
};

[[noreturn]] void refuse(const EntityName& entity, const std::string& what) {
    throw invalid_input_error(entity.str(), what);
}

template <class Tag> void check_id(const EntityName& entity, std::string_view field, const Id<Tag>& id) {
    if (!is_valid_id(id.str())) {
        refuse(entity, fmt::format("{} \"{}\" is not a valid id: use 1-{} lowercase letters, digits, - _ . :", field,
                                   shown(id.str()), max_id_length));
    }
}
template <class Tag> void check_id(const EntityName& entity, std::string_view field, const std::optional<Id<Tag>>& id) {
    if (id) {
        check_id(entity, field, *id);
    }
}

void check_range(const EntityName& entity, std::string_view field, double value, double low, double high) {
    if (!std::isfinite(value) || value < low || value > high) {
        refuse(entity, fmt::format("{} {} is outside [{}, {}]", field, value, low, high));
    }
}

void check_directions(const EntityName& entity, const std::vector<Direction>& directions) {
    for (const Direction& direction : directions) {
        check_id(entity, "direction scale", direction.scale);
        check_range(entity, fmt::format("direction on \"{}\"", direction.scale.str()), direction.weight, -1.0, 1.0);
    }
}

void check_span(const EntityName& entity, const Stance& stance, WrittenEntities& written) {
    const SourceSpan& span = *stance.source;
    check_id(entity, "source document", span.document);
    if (span.end < span.start) {
        refuse(entity, fmt::format("source span [{}, {}) ends before it starts", span.start, span.end));
    }
    const std::optional<std::string>& text = written.document_text(span.document);
    if (!text) {
        refuse(entity, fmt::format("source document \"{}\" is unknown: write the document first", span.document.str()));
    }
    if (text->empty()) {
        return; // referenced by path only: its importer checked the span against the file
    }
    // The same test a dataset's validation runs; it shows nothing of the stored text.
    if (const std::optional<SpanProblem> problem = span_problem(*text, span, stance.quote, ShowText::no)) {
        refuse(entity, fmt::format("source {}: {}", problem->key, problem->what));
    }
}

void check_proposition_topic(const EntityName& entity, const Stance& stance, WrittenEntities& written) {
    const std::optional<TopicId> topic = written.proposition_topic(*stance.proposition);
    if (!topic) {
        return; // an unknown proposition is refused as a reference by the write itself
    }
    if (!written.is_within(*topic, stance.topic)) {
        refuse(entity, fmt::format("proposition \"{}\" belongs to topic \"{}\", which is neither the stance's topic "
                                   "\"{}\" nor below it; set the topic to the proposition's (or an ancestor of it)",
                                   stance.proposition->str(), topic->str(), stance.topic.str()));
    }
}

/// A person speaking for a state must hold a role representing it on the day (an "nld" stance
/// cannot be spoken by Lavrov). A group's or an organisation's statement may be voiced by whoever
/// speaks for it that day (a chair, a member's minister), which the roles need not record.
void check_speaker(const EntityName& entity, const Stance& stance, const Date& day, WrittenEntities& written) {
    const ActorId& speaker = *stance.speaker;
    if (speaker == stance.actor || written.actor_kind(stance.actor) != ActorKind::state ||
        written.actor_kind(speaker) != ActorKind::person) {
        return;
    }
    for (const Role& role : written.roles_of(speaker)) {
        if (role.represents == stance.actor && role.covers(day)) {
            return;
        }
    }
    refuse(entity, fmt::format("speaker \"{}\" held no role representing \"{}\" on {}; record the role (roles: "
                               "person, represents, from, to) or correct the speaker",
                               speaker.str(), stance.actor.str(), day.iso()));
}

} // namespace

ScoreRange allowed_scores(PositionKind kind) noexcept {
    switch (kind) {
    case PositionKind::support:
    case PositionKind::conditional: return {0.0, 1.0};
    case PositionKind::oppose:
    case PositionKind::concern: return {-1.0, 0.0};
    case PositionKind::abstain:
    case PositionKind::neutral:
    case PositionKind::no_position:
    case PositionKind::absent:
    case PositionKind::not_member: return {0.0, 0.0};
    }
    return {-1.0, 1.0};
}

void check(const Document& document) {
    check_id(EntityName{"document", document.id.str()}, "id", document.id);
}

void check(const Actor& actor) {
    check_id(EntityName{"actor", actor.id.str()}, "id", actor.id);
}

void check(const Topic& topic) {
    const EntityName entity{"topic", topic.id.str()};
    check_id(entity, "id", topic.id);
    for (const TopicId& parent : topic.parents) {
        check_id(entity, "parent", parent);
        if (parent == topic.id) {
            refuse(entity, "is its own parent; remove it from its parents");
        }
    }
    if (topic.scale && (topic.scale->minus.empty() || topic.scale->plus.empty())) {
        refuse(entity, R"(has a scale without a label for each pole; give both "minus" and "plus" a label)");
    }
    check_directions(entity, topic.directions);
}

void check(const Proposition& proposition) {
    const EntityName entity{"proposition", proposition.id.str()};
    check_id(entity, "id", proposition.id);
    check_id(entity, "topic", proposition.topic);
    check_directions(entity, proposition.directions);
}

void check(const Body& body) {
    check_id(EntityName{"body", body.id.str()}, "id", body.id);
}

void check(const Meeting& meeting, WrittenEntities& written) {
    const EntityName entity{"meeting", meeting.id.str()};
    check_id(entity, "id", meeting.id);
    check_id(entity, "parent", meeting.parent);
    if (!meeting.date.valid() || (meeting.end_date && !meeting.end_date->valid())) {
        refuse(entity, "has a date that does not exist");
    }
    if (meeting.end_date && *meeting.end_date < meeting.date) {
        refuse(entity, fmt::format("ends on {}, before it starts on {}", meeting.end_date->iso(), meeting.date.iso()));
    }
    if (!meeting.parent) {
        return;
    }
    if (const std::optional<Meeting>& parent = written.meeting(*meeting.parent)) {
        if (meeting.date < parent->date || meeting.last_day() > parent->last_day()) {
            refuse(entity, fmt::format("runs {}..{}, outside its parent meeting \"{}\" ({}..{}); a meeting held "
                                       "inside another falls within its days (give the parent an end_date if it "
                                       "lasts longer)",
                                       meeting.date.iso(), meeting.last_day().iso(), parent->id.str(),
                                       parent->date.iso(), parent->last_day().iso()));
        }
    }
}

void check(const AgendaItem& item) {
    const EntityName entity{"agenda item", item.id.str()};
    check_id(entity, "id", item.id);
    check_id(entity, "meeting", item.meeting);
}

void check(const Stance& stance, WrittenEntities& written) {
    const EntityName entity{"stance", stance.id.str()};
    check_id(entity, "id", stance.id);
    check_id(entity, "actor", stance.actor);
    check_id(entity, "topic", stance.topic);
    check_id(entity, "meeting", stance.meeting);
    check_id(entity, "speaker", stance.speaker);
    check_id(entity, "proposition", stance.proposition);
    check_range(entity, "score", stance.score, -1.0, 1.0);
    check_range(entity, "confidence", stance.confidence, 0.0, 1.0);
    const ScoreRange range = allowed_scores(stance.kind);
    if (stance.score < range.low || stance.score > range.high) {
        refuse(entity,
               fmt::format("position {} with score {:+} is contradictory: {} allows scores in [{}, {}] "
                           "(docs/position-scale.md); fix the kind or the score",
                           to_string(stance.kind), stance.score, to_string(stance.kind), range.low, range.high));
    }
    if (!stance.quote.empty() && !stance.source) {
        refuse(entity, "has a quote but no source span: give \"source\" (document, start, end) so the quote can be "
                       "checked and shown in its context");
    }
    if (stance.source) {
        check_span(entity, stance, written);
    }
    if (stance.proposition) {
        check_proposition_topic(entity, stance, written);
    }
    const std::optional<Meeting>& meeting = written.meeting(stance.meeting);
    if (!meeting) {
        return; // an unknown meeting is refused as a reference by the write itself
    }
    if (stance.stated_on && !meeting->spans(*stance.stated_on)) {
        refuse(entity,
               fmt::format("was stated on {}, outside its meeting \"{}\" ({}..{}); correct stated_on, or "
                           "give the meeting an end_date",
                           stance.stated_on->iso(), meeting->id.str(), meeting->date.iso(), meeting->last_day().iso()));
    }
    if (stance.speaker) {
        check_speaker(entity, stance, stance.stated_on.value_or(meeting->date), written);
    }
}

// The rules of check(Stance) for each vote of a roll call, most of them once for the whole roll
// call: every cast has the same prefix, topic, meeting and document, its kind and score come from
// its code (always a vote kind with its default score), and it has no quote, speaker, proposition
// or statement date. An actor id passed check(Actor) when the actor was written, and the session
// refuses an actor that is not stored; so per cast only the span's ends are compared, and checked
// against the document's text when it stores one.
void check(const RollCallVotes& votes, WrittenEntities& written) {
    const EntityName entity{"votes on agenda item", votes.agenda_item.str()};
    check_id(entity, "agenda item", votes.agenda_item);
    check_id(entity, "topic", votes.topic);
    check_id(entity, "meeting", votes.meeting);
    std::size_t longest_actor = 0;
    for (const RollCallVotes::Cast& cast : votes.casts) {
        longest_actor = std::max(longest_actor, cast.actor.str().size());
    }
    if (!is_valid_id(votes.stance_prefix) || votes.stance_prefix.size() + longest_actor > max_id_length) {
        refuse(entity, fmt::format("the stance id prefix \"{}\" with its actors' ids does not make valid ids: use "
                                   "1-{} lowercase letters, digits, - _ . :",
                                   shown(votes.stance_prefix), max_id_length));
    }
    if (!votes.document) {
        return;
    }
    check_id(entity, "source document", *votes.document);
    const std::optional<std::string>& text = written.document_text(*votes.document);
    if (!text) {
        refuse(entity,
               fmt::format("source document \"{}\" is unknown: write the document first", votes.document->str()));
    }
    for (const RollCallVotes::Cast& cast : votes.casts) {
        const SourceSpan span{*votes.document, cast.start, cast.end, std::nullopt};
        if (span.end < span.start) {
            refuse(EntityName{"stance", votes.stance_prefix + cast.actor.str()},
                   fmt::format("source span [{}, {}) ends before it starts", span.start, span.end));
        }
        if (text->empty()) {
            continue; // referenced by path only: its importer checked the span against the file
        }
        if (const std::optional<SpanProblem> problem = span_problem(*text, span, "", ShowText::no)) {
            refuse(EntityName{"stance", votes.stance_prefix + cast.actor.str()},
                   fmt::format("source {}: {}", problem->key, problem->what));
        }
    }
}

} // namespace stance::detail

namespace stance::detail {

void check_removal(const RecordKey& key, WrittenEntities& written) {
    const std::vector<Referrers> referrers = written.referrers(key);
    if (referrers.empty()) {
        return;
    }
    std::string uses;
    for (const Referrers& referrer : referrers) {
        std::string ids;
        for (const std::string& id : referrer.ids) {
            ids += fmt::format("{}{}", ids.empty() ? "" : ", ", shown(id));
        }
        if (referrer.count > static_cast<std::int64_t>(referrer.ids.size()) && !ids.empty()) {
            ids += ", …";
        }
        uses += fmt::format("{}{} {}{}", uses.empty() ? "" : "; ", referrer.count, referrer.what,
                            ids.empty() ? "" : fmt::format(" ({})", ids));
    }
    throw invalid_input_error(
        fmt::format("{} \"{}\"", to_string(key.kind), shown(key.id)),
        fmt::format("cannot be deleted while other records refer to it: {}; delete or change those first", uses));
}

} // namespace stance::detail
