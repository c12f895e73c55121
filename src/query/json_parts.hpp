// Pieces of JSON that several query results share, so that they are written alike: figures
// rounded to four decimals (null when undefined) and the roll-call filter a result was read with.
#pragma once

#include <cmath>
#include <optional>

#include <boost/json.hpp>

#include "stance/query/agreement.hpp"

namespace stance::detail {

[[nodiscard]] inline boost::json::value json_figure(const std::optional<double>& value) {
    return value && std::isfinite(*value) ? boost::json::value(std::round(*value * 10000.0) / 10000.0)
                                          : boost::json::value(nullptr);
}

[[nodiscard]] inline boost::json::object json_roll_call_filter(const RollCallFilter& filter) {
    return boost::json::object{{"exclude_unanimous", filter.exclude_unanimous},
                               {"important_only", filter.important_only},
                               {"exclude_amendments", filter.exclude_amendments},
                               {"exclude_paragraphs", filter.exclude_paragraphs}};
}

} // namespace stance::detail
