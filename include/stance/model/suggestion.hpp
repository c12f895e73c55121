// A stored suggestion: a candidate stance that `stance suggest --store` proposed from a document's
// text, kept for review (docs/suggest.md, "Stored suggestions and stance review"). It is not a
// stance: no query and no StanceFilter reads it. Accepting it writes an ordinary stance.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/basis.hpp"
#include "stance/model/enum_names.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/position.hpp"

namespace stance {

enum class SuggestionStatus : std::uint8_t {
    open,     ///< Not reviewed yet.
    accepted, ///< Became a stance as proposed.
    edited,   ///< Became a stance with the reviewer's changes.
    rejected, ///< Closed without a stance, with the reviewer's reason.
};
inline constexpr std::array suggestion_status_names{
    EnumName<SuggestionStatus>{SuggestionStatus::open, "open"},
    EnumName<SuggestionStatus>{SuggestionStatus::accepted, "accepted"},
    EnumName<SuggestionStatus>{SuggestionStatus::edited, "edited"},
    EnumName<SuggestionStatus>{SuggestionStatus::rejected, "rejected"},
};
[[nodiscard]] constexpr const auto& names_of(SuggestionStatus) noexcept {
    return suggestion_status_names;
}

inline constexpr std::array all_suggestion_statuses = values_in(suggestion_status_names);

[[nodiscard]] constexpr std::optional<SuggestionStatus> parse_suggestion_status(std::string_view text) noexcept {
    return parse_name<SuggestionStatus>(text);
}

struct Suggestion {
    std::int64_t id = 0; ///< Given by the store on the first put; 0 until then.
    DocumentId document{};
    std::size_t start = 0; ///< The sentence: byte span of the document's text.
    std::size_t end = 0;
    ActorId actor{};
    std::optional<ActorId> speaker{};
    std::optional<TopicId> topic{};
    std::optional<PropositionId> proposition{};
    PositionKind kind = PositionKind::support;
    Breadth breadth = Breadth::single;
    Basis basis = Basis::statement;
    std::optional<ActorId> reported_by{};
    double confidence = 0.0;
    std::vector<std::string> cues{}; ///< The cues that fired, as "type \"phrase\"".
    std::string lexicon_sha256{};    ///< Of the lexicon files read, so a run can be told from another.
    std::string created_at{};        ///< UTC ISO 8601.
    SuggestionStatus status = SuggestionStatus::open;
    std::optional<StanceId> stance{}; ///< The stance it became.
    std::string reviewer{};
    std::string reviewed_at{};
    std::string reason{}; ///< Why it was rejected (or what the edit changed).

    friend bool operator==(const Suggestion&, const Suggestion&) = default;
};

/// Which suggestions Store::suggestions returns, in id order.
struct SuggestionFilter {
    std::optional<DocumentId> document{};
    std::optional<SuggestionStatus> status{};
    std::optional<std::int64_t> id{};
    double min_confidence = 0.0;
};

} // namespace stance
