// Strong, string-valued identifiers for every entity of the model.
//
// Each entity carries a stable external id (a slug such as "nld" or "nac-2017-03-31") so that
// datasets from different coders merge and re-imports update instead of duplicating. Wrapping the
// slug in a tagged type lets the compiler refuse an actor id where a meeting id is expected.
#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace stance {

/// The longest id accepted.
inline constexpr std::size_t max_id_length = 128;

/// True for a valid id: 1 to 128 characters, each a lowercase ASCII letter, a digit, - _ . or :.
/// Every writer checks it (the store's write rules), so ids stay safe in paths, URLs and messages.
[[nodiscard]] constexpr bool is_valid_id(std::string_view text) noexcept {
    if (text.empty() || text.size() > max_id_length) {
        return false;
    }
    return std::ranges::all_of(text, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
    });
}

template <class Tag> class Id {
public:
    Id() = default;
    explicit Id(std::string value) : m_value(std::move(value)) {}

    [[nodiscard]] const std::string& str() const noexcept { return m_value; }
    [[nodiscard]] bool empty() const noexcept { return m_value.empty(); }

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 takes the 0 a defaulted <=> compares with for a pointer
    friend auto operator<=>(const Id&, const Id&) = default;
    friend bool operator==(const Id&, const Id&) = default;

private:
    std::string m_value;
};

using ActorId = Id<struct ActorTag>;
using BodyId = Id<struct BodyTag>;
using MeetingId = Id<struct MeetingTag>;
using AgendaItemId = Id<struct AgendaItemTag>;
using TopicId = Id<struct TopicTag>;
using PropositionId = Id<struct PropositionTag>;
using DocumentId = Id<struct DocumentTag>;
using StanceId = Id<struct StanceTag>;

} // namespace stance

template <class Tag> struct std::hash<stance::Id<Tag>> {
    std::size_t operator()(const stance::Id<Tag>& id) const noexcept { return std::hash<std::string>{}(id.str()); }
};
