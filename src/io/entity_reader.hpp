// Reads an entity from its JSON object by walking its table (entity_fields.hpp): each key with the
// accessor its member's type needs, then the checks across fields that a table cannot state (a
// membership that ends before it starts). Documents add their text (document_reader.hpp). Internal.
#pragma once

#include "io/entity_fields.hpp"
#include "io/object_reader.hpp"

namespace stance::detail {

/// Reads every key of `Entity`'s table from `reader` into `entity`, then its checks across fields.
/// Does not call `finish` (the caller reports unknown keys), so a caller may read more keys first.
template <Described Entity> void read_fields(ObjectReader& reader, Entity& entity);

template <Described Entity> [[nodiscard]] Entity read_entity(ObjectReader& reader) {
    Entity entity;
    read_fields(reader, entity);
    return entity;
}

} // namespace stance::detail
