// Where two actors stand relative to each other: per topic (and per proposition where one is
// coded), both actors' positions, whether they agree, diverge, or only one of them spoke.
//
// Each side lists every stance that reaches the actor (own, speaker, named, group; see reach.hpp).
// The verdict uses the side's direct positions when it has any, else its attributable inherited
// ones (named, or held by a whole group), and the side is then marked `inherited`. Two sides agree
// when their dominant kinds are the same or their mean scores have the same sign (both above zero,
// both below, or both zero); otherwise they diverge. no_position, absent and not_member are not
// positions (docs/position-scale.md): a side with only those has not spoken.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "stance/query/reach.hpp"
#include "stance/query/summary.hpp"

namespace stance {

class Catalog;
class Store;

enum class Agreement : std::uint8_t { agree, diverge, only_first, only_second, neither };

[[nodiscard]] constexpr std::string_view to_string(Agreement agreement) noexcept {
    switch (agreement) {
    case Agreement::agree: return "agree";
    case Agreement::diverge: return "diverge";
    case Agreement::only_first: return "only_first";
    case Agreement::only_second: return "only_second";
    case Agreement::neither: return "neither";
    }
    return "?";
}

struct CompareOptions {
    std::optional<TopicId> topic; ///< Only this topic and, unless excluded, its subtopics.
    bool include_subtopics = true;
    std::optional<Date> from;
    std::optional<Date> to;
    /// Only stances these persons voiced (StanceFilter::speakers); empty means all.
    std::vector<ActorId> speakers;
};

struct CompareSide {
    std::vector<ActorStance> stances; ///< All that reach the actor, own and inherited, labelled by `via`.
    PositionSummary summary;          ///< Over the positions the verdict used.
    bool inherited = false;           ///< The verdict rests on inherited positions only.
    [[nodiscard]] bool has_position() const noexcept { return summary.n > 0; }
};

struct CompareRow {
    TopicId topic;
    std::string topic_label;
    std::optional<PropositionId> proposition;
    std::string statement; ///< The proposition's statement.
    CompareSide first;
    CompareSide second;
    Agreement agreement = Agreement::neither;
};

struct Comparison {
    ActorId first;
    std::string first_name;
    ActorId second;
    std::string second_name;
    std::optional<TopicId> topic;
    std::string topic_label;
    std::vector<CompareRow> rows; ///< In the order the sources report them.

    [[nodiscard]] std::size_t count(Agreement agreement) const noexcept;
};

/// Throws not_found_error for an unknown actor or topic.
[[nodiscard]] Comparison compare(const Store& store, const Catalog& catalog, const ActorId& first,
                                 const ActorId& second, const CompareOptions& options = {});
[[nodiscard]] Comparison compare(const Store& store, const ActorId& first, const ActorId& second,
                                 const CompareOptions& options = {});

} // namespace stance

template <> struct fmt::formatter<stance::Agreement> : fmt::formatter<std::string_view> {
    template <class FormatContext> auto format(stance::Agreement agreement, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(stance::to_string(agreement), context);
    }
};
