// Which fields of an entity a recorded change changed, for `stance history`.
#include <boost/json.hpp>

#include "io/json_pretty.hpp"
#include "stance/store/history.hpp"

namespace json = boost::json;

namespace stance {

namespace {

std::string value_text(const json::object& object, std::string_view field) {
    const json::value* value = object.if_contains(field);
    return value == nullptr ? std::string{} : detail::compact_json(*value);
}

} // namespace

std::vector<FieldChange> changed_fields(const EntityChange& change) {
    if (!change.before || !change.after) {
        return {};
    }
    const json::value before = json::parse(*change.before);
    const json::value after = json::parse(*change.after);
    if (!before.is_object() || !after.is_object()) {
        return {};
    }
    std::vector<FieldChange> fields;
    auto compare = [&](std::string_view field) {
        std::string old_value = value_text(before.as_object(), field);
        std::string new_value = value_text(after.as_object(), field);
        if (old_value != new_value) {
            fields.push_back(FieldChange{std::string(field), std::move(old_value), std::move(new_value)});
        }
    };
    for (const auto& entry : before.as_object()) {
        compare(entry.key());
    }
    for (const auto& entry : after.as_object()) {
        if (!before.as_object().contains(entry.key())) {
            compare(entry.key());
        }
    }
    return fields;
}

} // namespace stance
