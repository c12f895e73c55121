// A stored suggestion as one JSON object: what the history records of it, and how undo reads it
// back. Backend-independent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/suggestion.hpp"

namespace stance::detail {

/// An optional id as the text the suggestion table and JSON keep ("" for none), and back.
template <class Tag> std::string text_of(const std::optional<Id<Tag>>& id) {
    return id ? id->str() : std::string{};
}
template <class IdType> std::optional<IdType> id_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional{IdType{text}};
}

/// A suggestion's cues as the one text column both stores keep them in (one per line), and back.
[[nodiscard]] std::string joined_lines(const std::vector<std::string>& lines);
[[nodiscard]] std::vector<std::string> split_lines(const std::string& text);

[[nodiscard]] std::string suggestion_json(const Suggestion& suggestion);
/// Throws invalid_input_error when `text` is not what suggestion_json writes.
[[nodiscard]] Suggestion parse_suggestion_json(std::string_view text);

} // namespace stance::detail
