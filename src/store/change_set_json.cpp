// A change set as JSON (store/change_set_json.hpp): its keys in one place, for every writer.
#include "stance/store/change_set_json.hpp"

#include <boost/json.hpp>

#include "io/json_pretty.hpp"

namespace json = boost::json;

namespace stance {

namespace {

template <class Number> json::value number_or_null(const std::optional<Number>& number) {
    return number ? json::value(*number) : json::value(nullptr);
}

/// A recorded state is JSON the store wrote; it is embedded as an object, not as text.
json::value state_json(const std::optional<std::string>& state) {
    return state ? json::parse(*state) : json::value(nullptr);
}

json::object change_json(const EntityChange& change) {
    json::array fields;
    for (const FieldChange& field : changed_fields(change)) {
        fields.push_back(json::object{{"field", field.field}, {"before", field.before}, {"after", field.after}});
    }
    json::object out;
    out["kind"] = to_string(change.key.kind);
    out["id"] = change.key.id;
    out["before"] = state_json(change.before);
    out["after"] = state_json(change.after);
    out["fields"] = std::move(fields);
    return out;
}

} // namespace

std::string to_json(const ChangeSet& change_set) {
    json::array changes;
    for (const EntityChange& change : change_set.changes) {
        changes.emplace_back(change_json(change));
    }
    json::object out;
    out["id"] = change_set.id;
    out["action"] = change_set.action;
    out["by"] = change_set.by;
    out["at"] = change_set.at;
    out["summary"] = change_set.summary;
    out["bulk_stances"] = change_set.bulk_stances;
    out["undoes"] = number_or_null(change_set.undoes);
    out["undone_by"] = number_or_null(change_set.undone_by);
    out["changes"] = std::move(changes);
    return detail::compact_json(out);
}

} // namespace stance
