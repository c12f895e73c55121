// The table each kind of entity with a slug lives in: the same names in both stores' schemas.
// Internal.
#pragma once

#include <optional>

#include "stance/store/history.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

/// Table name for an entity kind with an external slug.
[[nodiscard]] inline const char* table_of(EntityKind kind) noexcept {
    switch (kind) {
    case EntityKind::document: return "document";
    case EntityKind::actor: return "actor";
    case EntityKind::topic: return "topic";
    case EntityKind::proposition: return "proposition";
    case EntityKind::body: return "body";
    case EntityKind::meeting: return "meeting";
    case EntityKind::agenda_item: return "agenda_item";
    case EntityKind::stance: return "stance";
    }
    return "?";
}

/// The entity kind of a record kind whose rows have a slug; nothing for the others.
[[nodiscard]] inline std::optional<EntityKind> slug_kind(RecordKind kind) noexcept {
    switch (kind) {
    case RecordKind::document: return EntityKind::document;
    case RecordKind::actor: return EntityKind::actor;
    case RecordKind::topic: return EntityKind::topic;
    case RecordKind::proposition: return EntityKind::proposition;
    case RecordKind::body: return EntityKind::body;
    case RecordKind::meeting: return EntityKind::meeting;
    case RecordKind::agenda_item: return EntityKind::agenda_item;
    case RecordKind::stance: return EntityKind::stance;
    default: return std::nullopt;
    }
}

/// The table of a record kind that other rows refer to by row id: those with a slug, less stances
/// (nothing refers to a stance); null for the others.
[[nodiscard]] inline const char* referenced_table(RecordKind kind) noexcept {
    const std::optional<EntityKind> entity = slug_kind(kind);
    return entity && *entity != EntityKind::stance ? table_of(*entity) : nullptr;
}

} // namespace stance::detail
