// The table-driven entity writer (entity_writer.hpp): each member type has one JSON form.
#include "io/entity_writer.hpp"

#include <boost/json.hpp>

#include "io/entity_traits.hpp"
#include "io/json_pretty.hpp"
#include "stance/io/dataset_json.hpp"

namespace json = boost::json;

namespace stance::detail {

namespace {

template <class Member> json::value value_json(const Member& value, Check check, Form form);

/// {"nl": ["Nederland", "Holland"]}, or {"en": "dialogue"} for labels (one per language).
json::value names_json(const std::vector<Name>& names, Check check) {
    json::object by_language;
    for (const Name& name : names) {
        json::value& entry = by_language[name.language];
        if (check == Check::labels) {
            entry = name.text;
            continue;
        }
        if (!entry.is_array()) {
            entry.emplace_array();
        }
        entry.get_array().emplace_back(name.text);
    }
    return by_language;
}

json::value directions_json(const std::vector<Direction>& directions) {
    json::object by_scale;
    for (const Direction& direction : directions) {
        by_scale[direction.scale.str()] = direction.weight;
    }
    return by_scale;
}

template <class Member> json::value value_json(const Member& value, Check check, Form form) {
    if constexpr (is_id<Member>) {
        return json::value(value.str());
    } else if constexpr (std::is_same_v<Member, std::string>) {
        return json::value(value);
    } else if constexpr (std::is_same_v<Member, Date>) {
        return json::value(value.iso());
    } else if constexpr (std::is_enum_v<Member>) {
        return json::value(to_string(value));
    } else if constexpr (std::is_arithmetic_v<Member>) {
        return json::value(value);
    } else if constexpr (is_optional<Member>) {
        return value ? value_json(*value, check, form) : json::value(nullptr);
    } else if constexpr (std::is_same_v<Member, std::vector<Name>>) {
        return names_json(value, check);
    } else if constexpr (std::is_same_v<Member, std::vector<Direction>>) {
        return directions_json(value);
    } else if constexpr (is_vector<Member>) {
        json::array list;
        for (const auto& id : value) {
            list.emplace_back(id.str());
        }
        return list;
    } else {
        return to_json(value, form);
    }
}

/// Whether the dataset form writes `field`: always when required or shown, else only when it says
/// something a reader would not assume.
template <class Entity, class Member> bool written(const Field<Entity, Member>& field, const Entity& entity) {
    const Member& value = entity.*field.member;
    switch (field.presence) {
    case Presence::required:
    case Presence::shown: return true;
    case Presence::optional: return !(value == Member{});
    case Presence::defaulted: return !(value == field.fallback(entity));
    }
    return true;
}

// A document's text goes inline, so the export is self-contained. A text that was never stored (a
// large data file referenced by path) is written as provenance: its path as recorded and
// "stored": false, which tells the reader not to open the file (docs/dataset-format.md).
template <class Entity> void put_rest(json::object&, const Entity&) {}
void put_rest(json::object& o, const Document& d) {
    if (!d.text.empty()) {
        o["text"] = d.text;
        return;
    }
    if (!d.path.empty()) {
        o["path"] = d.path;
    }
    o["stored"] = false;
}

} // namespace

template <Described Entity> void put_fields(json::object& object, const Entity& entity, Form form) {
    for_each_field<Entity>([&](const auto& field) {
        if (form == Form::query || written(field, entity)) {
            object[field.key] = value_json(entity.*field.member, field.check, form);
        }
    });
    put_rest(object, entity);
}

template <Described Entity> json::object to_json(const Entity& entity, Form form) {
    json::object object;
    put_fields(object, entity, form);
    return object;
}

} // namespace stance::detail

namespace stance {

// Each entity's instances of the templates above, and its `entity_json` (dataset_json.hpp).
#define STANCE_ENTITY_JSON(Entity)                                                                                     \
    template boost::json::object detail::to_json(const Entity&, detail::Form);                                         \
    template void detail::put_fields(boost::json::object&, const Entity&, detail::Form);                               \
    std::string entity_json(const Entity& entity) {                                                                    \
        return detail::compact_json(detail::to_json(entity));                                                          \
    }
STANCE_ENTITY_JSON(Document)
STANCE_ENTITY_JSON(Actor)
STANCE_ENTITY_JSON(Membership)
STANCE_ENTITY_JSON(Role)
STANCE_ENTITY_JSON(Topic)
STANCE_ENTITY_JSON(Proposition)
STANCE_ENTITY_JSON(Body)
STANCE_ENTITY_JSON(Meeting)
STANCE_ENTITY_JSON(AgendaItem)
STANCE_ENTITY_JSON(Participant)
STANCE_ENTITY_JSON(Stance)
#undef STANCE_ENTITY_JSON

} // namespace stance
