// Pieces of JSON that several query results share, so that they are written alike: the roll-call
// filter a result was read with (figures are rounded by detail::rounded_or_null, io/json_pretty.hpp).
#pragma once

#include <boost/json.hpp>

#include "stance/query/agreement.hpp"

namespace stance::detail {

[[nodiscard]] inline boost::json::object json_roll_call_filter(const RollCallFilter& filter) {
    return boost::json::object{{"exclude_unanimous", filter.exclude_unanimous},
                               {"important_only", filter.important_only},
                               {"exclude_amendments", filter.exclude_amendments},
                               {"exclude_paragraphs", filter.exclude_paragraphs}};
}

} // namespace stance::detail
