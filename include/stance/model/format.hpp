// fmt formatters for the model, so every value prints. Ids, dates and enums print as their text:
// `fmt::format("{} on {} ({})", stance.actor, date, stance.kind)` gives "nld on 2017-03-31 (support)".
// Entities print as one line that names them, for logs and quick looks (the JSON writers give the
// full record): an actor as "Netherlands (nld, state)", a meeting as "2017-03-31 Title (id)", a
// span as "doc [7712, 7828)", a stance as
// `nld.x.doc.7712: nld support +1.00 on nato-russia-dialogue at nac-fm-2017-03-31: "…" (doc [7712, 7828))`.
// Width, fill and alignment work as for strings ("{:<12}").
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "stance/model/actor.hpp"
#include "stance/model/basis.hpp"
#include "stance/model/date.hpp"
#include "stance/model/document.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/meeting.hpp"
#include "stance/model/position.hpp"
#include "stance/model/stance.hpp"
#include "stance/model/topic.hpp"

template <class Tag> struct fmt::formatter<stance::Id<Tag>> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(const stance::Id<Tag>& id, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(id.str(), context);
    }
};

template <> struct fmt::formatter<stance::Date> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(const stance::Date& date, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(date.iso(), context);
    }
};

template <> struct fmt::formatter<stance::PositionKind> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::PositionKind kind, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(kind), context);
    }
};

template <> struct fmt::formatter<stance::Breadth> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::Breadth breadth, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(breadth), context);
    }
};

template <> struct fmt::formatter<stance::ActorKind> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::ActorKind kind, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(kind), context);
    }
};

template <> struct fmt::formatter<stance::Basis> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::Basis basis, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(basis), context);
    }
};

namespace stance::detail {

/// " from X", " to Y" or both, for a period that may be open at either end.
[[nodiscard]] inline std::string describe_period(const std::optional<Date>& from, const std::optional<Date>& to) {
    std::string text;
    if (from) {
        text += " from " + from->iso();
    }
    if (to) {
        text += " to " + to->iso();
    }
    return text;
}

[[nodiscard]] inline std::string describe(const Name& name) {
    return name.language.empty() ? name.text : fmt::format("{} ({})", name.text, name.language);
}
[[nodiscard]] inline std::string describe(const Actor& actor) {
    return fmt::format("{} ({}, {})", actor.name, actor.id, actor.kind);
}
[[nodiscard]] inline std::string describe(const Membership& membership) {
    return fmt::format("{} member of {}{}", membership.member, membership.group,
                       describe_period(membership.from, membership.to));
}
[[nodiscard]] inline std::string describe(const Role& role) {
    return fmt::format("{} for {} as {}{}", role.person, role.represents, role.title,
                       describe_period(role.from, role.to));
}
[[nodiscard]] inline std::string describe(const Topic& topic) {
    return fmt::format("{} ({})", topic.label, topic.id);
}
[[nodiscard]] inline std::string describe(const Proposition& proposition) {
    return fmt::format("\"{}\" ({}, on {})", proposition.statement, proposition.id, proposition.topic);
}
[[nodiscard]] inline std::string describe(const Body& body) {
    return fmt::format("{} ({})", body.name, body.id);
}
[[nodiscard]] inline std::string describe(const Meeting& meeting) {
    const std::string days =
        meeting.end_date ? meeting.date.iso() + " to " + meeting.end_date->iso() : meeting.date.iso();
    return fmt::format("{} {} ({})", days, meeting.title, meeting.id);
}
[[nodiscard]] inline std::string describe(const AgendaItem& item) {
    return fmt::format("{}. {} ({})", item.order, item.title, item.id);
}
[[nodiscard]] inline std::string describe(const Participant& participant) {
    std::string text = fmt::format("{} at {}", participant.actor, participant.meeting);
    if (participant.person) {
        text += fmt::format(" ({}{}{})", *participant.person, participant.role.empty() ? "" : ", ", participant.role);
    } else if (!participant.role.empty()) {
        text += " (" + participant.role + ")";
    }
    return text;
}
[[nodiscard]] inline std::string describe(const Document& document) {
    return fmt::format("{} ({}{}{})", document.title, document.id, document.language.empty() ? "" : ", ",
                       document.language);
}
[[nodiscard]] inline std::string describe(const SourceSpan& span) {
    std::string text = fmt::format("{} [{}, {})", span.document, span.start, span.end);
    if (span.page) {
        text += fmt::format(" p. {}", *span.page);
    }
    return text;
}
[[nodiscard]] inline std::string describe(const Stance& stance) {
    std::string text = fmt::format("{}: {} {} {:+.2f} on {} at {}", stance.id, stance.actor, stance.kind, stance.score,
                                   stance.proposition ? stance.proposition->str() : stance.topic.str(), stance.meeting);
    if (!stance.quote.empty()) {
        text += fmt::format(": \"{}\"", stance.quote);
    }
    if (stance.source) {
        text += " (" + describe(*stance.source) + ")";
    }
    return text;
}

/// Formats an entity as its one-line description, with the string format specs.
template <class Entity> struct described_formatter : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(const Entity& entity, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(describe(entity), context);
    }
};

} // namespace stance::detail

template <> struct fmt::formatter<stance::Name> : stance::detail::described_formatter<stance::Name> {};
template <> struct fmt::formatter<stance::Actor> : stance::detail::described_formatter<stance::Actor> {};
template <> struct fmt::formatter<stance::Membership> : stance::detail::described_formatter<stance::Membership> {};
template <> struct fmt::formatter<stance::Role> : stance::detail::described_formatter<stance::Role> {};
template <> struct fmt::formatter<stance::Topic> : stance::detail::described_formatter<stance::Topic> {};
template <> struct fmt::formatter<stance::Proposition> : stance::detail::described_formatter<stance::Proposition> {};
template <> struct fmt::formatter<stance::Body> : stance::detail::described_formatter<stance::Body> {};
template <> struct fmt::formatter<stance::Meeting> : stance::detail::described_formatter<stance::Meeting> {};
template <> struct fmt::formatter<stance::AgendaItem> : stance::detail::described_formatter<stance::AgendaItem> {};
template <> struct fmt::formatter<stance::Participant> : stance::detail::described_formatter<stance::Participant> {};
template <> struct fmt::formatter<stance::Document> : stance::detail::described_formatter<stance::Document> {};
template <> struct fmt::formatter<stance::SourceSpan> : stance::detail::described_formatter<stance::SourceSpan> {};
template <> struct fmt::formatter<stance::Stance> : stance::detail::described_formatter<stance::Stance> {};
