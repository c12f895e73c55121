// Writes an entity as its JSON object by walking its table (entity_fields.hpp), in one of two
// forms. The dataset form is the canonical one of docs/dataset-format.md: empty optionals and
// defaults left out, so that export → import → export gives the same bytes. The query form is what
// query JSON embeds: every key of the table, a missing value as null and a default as its value,
// so that a reader of query output finds the same keys on every record. Both read back as the
// same entity. Internal.
#pragma once

#include <cstdint>
#include <string>

#include <boost/json/object.hpp>

#include "io/entity_fields.hpp"

namespace stance::detail {

enum class Form : std::uint8_t { dataset, query };

/// `entity` as a JSON object in `form`, its keys in the table's order.
template <Described Entity> [[nodiscard]] boost::json::object to_json(const Entity& entity, Form form = Form::dataset);

/// Appends `entity` in the dataset form, laid out exactly as `append_pretty_json(out, to_json(entity),
/// indent)` lays it out, without building the object: the export writes a million stances so. Both
/// walk the same table; a test (test_entity_fields) checks that they give the same bytes.
template <Described Entity> void append_dataset_json(std::string& out, const Entity& entity, int indent);

/// Adds the keys of `entity` to `object`, after what it holds (a query record's own keys come around them).
template <Described Entity> void put_fields(boost::json::object& object, const Entity& entity, Form form);

} // namespace stance::detail
