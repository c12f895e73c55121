// What kind of value a field holds, for the reader and the writer that walk the entity tables
// (entity_fields.hpp) and pick the JSON form of each member by its type. Internal.
#pragma once

#include <optional>
#include <type_traits>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance::detail {

template <class T> struct IsId : std::false_type {};
template <class Tag> struct IsId<Id<Tag>> : std::true_type {};
template <class T> inline constexpr bool is_id = IsId<T>::value;

template <class T> struct IsOptional : std::false_type {};
template <class T> struct IsOptional<std::optional<T>> : std::true_type {};
template <class T> inline constexpr bool is_optional = IsOptional<T>::value;

template <class T> struct IsVector : std::false_type {};
template <class T> struct IsVector<std::vector<T>> : std::true_type {};
template <class T> inline constexpr bool is_vector = IsVector<T>::value;

} // namespace stance::detail
