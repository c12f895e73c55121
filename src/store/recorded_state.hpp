// Small pieces both stores use to read one entity's recorded state (sqlite_state.cpp,
// postgres/pg_state.cpp): the parts of a key, the JSON of the first entity found, a suggestion's
// number. Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stance/io/dataset_json.hpp"
#include "stance/store/history.hpp"

namespace stance::detail {

/// A key of several parts ("member/group/from") as its parts; nothing when it has another number.
inline std::optional<std::vector<std::string>> key_parts(const std::string& id, std::size_t count) {
    std::vector<std::string> parts = split_record_id(id);
    return parts.size() == count ? std::optional{std::move(parts)} : std::nullopt;
}

template <class Entity> std::optional<std::string> first_json(const std::vector<Entity>& found) {
    return found.empty() ? std::nullopt : std::optional{entity_json(found.front())};
}

/// A suggestion's id as its number; nothing when it is not one.
inline std::optional<std::int64_t> suggestion_number(const std::string& id) {
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return std::stoll(id);
}

} // namespace stance::detail
