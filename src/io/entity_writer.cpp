// The table-driven entity writer (entity_writer.hpp): each member type has one JSON form.
#include "io/entity_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

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
    } else if constexpr (std::is_same_v<Member, std::string> || std::is_arithmetic_v<Member>) {
        return json::value(value);
    } else if constexpr (std::is_same_v<Member, Date>) {
        return json::value(value.iso());
    } else if constexpr (std::is_enum_v<Member>) {
        return json::value(to_string(value));
    } else if constexpr (is_optional<Member>) {
        return value ? value_json(*value, check, form) : json::value(nullptr);
    } else if constexpr (std::is_same_v<Member, std::vector<Name>>) {
        return names_json(value, check);
    } else if constexpr (std::is_same_v<Member, std::vector<Direction>>) {
        return directions_json(value);
    } else if constexpr (is_vector<Member>) {
        json::array list;
        for (const auto& item : value) {
            if constexpr (std::is_same_v<Member, std::vector<std::string>>) {
                list.emplace_back(item);
            } else {
                list.emplace_back(item.str());
            }
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

// The dataset form written as text (append_dataset_json): each member type as value_json makes it
// and json_pretty.cpp lays it out. Objects open with '{' and put each key on its own line one level
// in; arrays here hold only scalars, so they stay on one line.
class ObjectText {
public:
    ObjectText(std::string& out, int indent) : m_out(out), m_indent(indent) { m_out += '{'; }
    void key(std::string_view key) {
        start_key();
        append_json_string(m_out, key);
        m_out += ": ";
    }
    /// A key of an entity's field table: a word of lowercase letters and underscores, which JSON
    /// writes as it is, so it is not searched for characters to escape (some fifteen a stance).
    void field_key(std::string_view key) {
        start_key();
        m_out += '"';
        m_out += key;
        m_out += "\": ";
    }
    void close() {
        if (!m_empty) {
            append_json_newline(m_out, m_indent);
        }
        m_out += '}';
    }

private:
    void start_key() {
        if (!m_empty) {
            m_out += ',';
        }
        m_empty = false;
        append_json_newline(m_out, m_indent + 1);
    }

    std::string& m_out;
    int m_indent;
    bool m_empty = true;
};

/// {"nl": ["Nederland", "Holland"]}, or {"en": "dialogue"} for labels: languages in the order they
/// first appear, a later label of a language replacing the earlier one (as names_json does).
void append_names(std::string& out, const std::vector<Name>& names, Check check, int indent) {
    std::vector<std::pair<std::string_view, std::vector<std::string_view>>> by_language;
    for (const Name& name : names) {
        auto found = std::find_if(by_language.begin(), by_language.end(),
                                  [&](const auto& entry) { return entry.first == name.language; });
        if (found == by_language.end()) {
            by_language.emplace_back(name.language, std::vector<std::string_view>{});
            found = std::prev(by_language.end());
        }
        if (check == Check::labels) {
            found->second.clear();
        }
        found->second.push_back(name.text);
    }
    ObjectText object(out, indent);
    for (const auto& [language, texts] : by_language) {
        object.key(language);
        if (check == Check::labels) {
            append_json_string(out, texts.front());
            continue;
        }
        out += '[';
        for (std::size_t i = 0; i < texts.size(); ++i) {
            out += i ? ", " : "";
            append_json_string(out, texts[i]);
        }
        out += ']';
    }
    object.close();
}

/// {"russia": 1.0}: scales in the order they first appear, a later weight replacing an earlier one.
void append_directions(std::string& out, const std::vector<Direction>& directions, int indent) {
    std::vector<std::pair<std::string_view, double>> by_scale;
    for (const Direction& direction : directions) {
        auto found = std::find_if(by_scale.begin(), by_scale.end(),
                                  [&](const auto& entry) { return entry.first == direction.scale.str(); });
        if (found == by_scale.end()) {
            by_scale.emplace_back(direction.scale.str(), direction.weight);
        } else {
            found->second = direction.weight;
        }
    }
    ObjectText object(out, indent);
    for (const auto& [scale, weight] : by_scale) {
        object.key(scale);
        append_json_number(out, weight);
    }
    object.close();
}

template <class Member> void append_value(std::string& out, const Member& value, Check check, int indent) {
    if constexpr (is_id<Member>) {
        append_json_string(out, value.str());
    } else if constexpr (std::is_same_v<Member, std::string>) {
        append_json_string(out, value);
    } else if constexpr (std::is_same_v<Member, Date>) {
        append_json_string(out, value.iso());
    } else if constexpr (std::is_enum_v<Member>) {
        append_json_string(out, to_string(value));
    } else if constexpr (std::is_same_v<Member, bool>) {
        out += value ? "true" : "false";
    } else if constexpr (std::is_floating_point_v<Member>) {
        append_json_number(out, static_cast<double>(value));
    } else if constexpr (std::is_integral_v<Member> && std::is_signed_v<Member>) {
        append_json_integer(out, static_cast<std::int64_t>(value));
    } else if constexpr (std::is_integral_v<Member>) {
        append_json_integer(out, static_cast<std::uint64_t>(value));
    } else if constexpr (is_optional<Member>) {
        if (value) {
            append_value(out, *value, check, indent);
        } else {
            out += "null";
        }
    } else if constexpr (std::is_same_v<Member, std::vector<Name>>) {
        append_names(out, value, check, indent);
    } else if constexpr (std::is_same_v<Member, std::vector<Direction>>) {
        append_directions(out, value, indent);
    } else if constexpr (is_vector<Member>) {
        out += '[';
        for (std::size_t i = 0; i < value.size(); ++i) {
            out += i ? ", " : "";
            if constexpr (std::is_same_v<Member, std::vector<std::string>>) {
                append_json_string(out, value[i]);
            } else {
                append_json_string(out, value[i].str());
            }
        }
        out += ']';
    } else {
        append_dataset_json(out, value, indent);
    }
}

template <class Entity> void append_rest(ObjectText&, std::string&, const Entity&) {}
void append_rest(ObjectText& object, std::string& out, const Document& d) {
    if (!d.text.empty()) {
        object.field_key("text");
        append_json_string(out, d.text);
        return;
    }
    if (!d.path.empty()) {
        object.field_key("path");
        append_json_string(out, d.path);
    }
    object.field_key("stored");
    out += "false";
}

} // namespace

template <Described Entity> void append_dataset_json(std::string& out, const Entity& entity, int indent) {
    ObjectText object(out, indent);
    for_each_field<Entity>([&](const auto& field) {
        if (written(field, entity)) {
            object.field_key(field.key);
            append_value(out, entity.*field.member, field.check, indent + 1);
        }
    });
    append_rest(object, out, entity);
    object.close();
}

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
    template void detail::append_dataset_json(std::string&, const Entity&, int);                                       \
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

// A suggestion is no part of a dataset: it has no entity_json, and its writers are
// store/suggestion_json.cpp (the history's records, the library's JSON) and the HTTP API.
template boost::json::object detail::to_json(const Suggestion&, detail::Form);
template void detail::put_fields(boost::json::object&, const Suggestion&, detail::Form);

} // namespace stance
