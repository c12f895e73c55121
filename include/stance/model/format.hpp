// fmt formatters for the model's small value types, so ids, dates and enums print as their text:
// `fmt::format("{} on {} ({})", stance.actor, date, stance.kind)` gives "nld on 2017-03-31 (support)".
// Width, fill and alignment work as for strings ("{:<12}").
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "stance/model/actor.hpp"
#include "stance/model/basis.hpp"
#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/position.hpp"

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
