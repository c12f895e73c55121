// Reading model values out of SQLite columns, shared by the store's read paths. Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Column.h>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"

namespace stance::detail {

/// Joins lists in one column (group_concat with char(31)).
constexpr char unit_separator = '\x1f';

inline std::optional<Date> optional_date(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return Date::parse(column.getString());
}

template <class IdType> inline std::optional<IdType> optional_id(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return IdType{column.getString()};
}

/// A 0/1 column that may be NULL (unknown).
inline std::optional<bool> optional_flag(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getInt() != 0;
}

inline std::vector<ActorId> split_ids(const std::string& joined) {
    std::vector<ActorId> ids;
    std::size_t begin = 0;
    while (begin < joined.size()) {
        std::size_t end = joined.find(unit_separator, begin);
        if (end == std::string::npos) {
            end = joined.size();
        }
        ids.emplace_back(joined.substr(begin, end - begin));
        begin = end + 1;
    }
    return ids;
}

// A JSON array of the ids' slugs, bound as one parameter and unpacked in SQL by json_each.
template <class IdType> inline std::string json_array(const std::vector<IdType>& ids) {
    std::string out = "[";
    for (const IdType& id : ids) {
        if (out.size() > 1) {
            out += ',';
        }
        out += '"';
        for (char c : id.str()) {
            if (c == '"' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
        out += '"';
    }
    return out + "]";
}

} // namespace stance::detail
