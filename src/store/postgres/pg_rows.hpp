// Model values out of PostgreSQL cells: optional dates, and the lists a read aggregates into one
// JSON cell (json_agg) so that a row and its aliases, parents or directions come in one statement.
// Internal to the PostgreSQL backend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "stance/model/actor.hpp"
#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/topic.hpp"

namespace stance::detail {

inline std::optional<Date> pg_date_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : Date::parse(text);
}

/// The JSON array in a cell (NULL when the aggregate had no rows) as its elements.
inline boost::json::array pg_json_list(const std::optional<std::string>& cell) {
    if (!cell) {
        return {};
    }
    return boost::json::parse(*cell).as_array();
}

template <class IdType> std::vector<IdType> pg_json_ids(const std::optional<std::string>& cell) {
    std::vector<IdType> ids;
    for (const boost::json::value& slug : pg_json_list(cell)) {
        ids.emplace_back(std::string(slug.as_string()));
    }
    return ids;
}

/// [[language, text], …] as names.
inline std::vector<Name> pg_json_names(const std::optional<std::string>& cell) {
    std::vector<Name> names;
    for (const boost::json::value& pair : pg_json_list(cell)) {
        const boost::json::array& parts = pair.as_array();
        names.push_back(Name{std::string(parts.at(0).as_string()), std::string(parts.at(1).as_string())});
    }
    return names;
}

/// [[scale slug, weight], …] as directions.
inline std::vector<Direction> pg_json_directions(const std::optional<std::string>& cell) {
    std::vector<Direction> directions;
    for (const boost::json::value& pair : pg_json_list(cell)) {
        const boost::json::array& parts = pair.as_array();
        directions.push_back(Direction{TopicId{std::string(parts.at(0).as_string())}, parts.at(1).to_number<double>()});
    }
    return directions;
}

} // namespace stance::detail
