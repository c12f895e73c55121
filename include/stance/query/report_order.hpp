// The order in which a report tells things: by date, then by document, then by position in the
// document. Snapshot and compare list topics in this order, so output follows the source; a program
// that prints stances of its own (the CLI's evolution listing) sorts them the same way with it.
#pragma once

#include <string_view>
#include <tuple>

#include "stance/model/date.hpp"
#include "stance/model/stance.hpp"

namespace stance {

/// A sort key for `stance`, said on `date` (its meeting's); compare keys with `<`. The views point
/// into `stance`, which must outlive the key.
inline auto report_position(const Stance& stance, const Date& date) {
    const bool sourced = stance.source.has_value();
    return std::make_tuple(date, !sourced,
                           sourced ? std::string_view{stance.source->document.str()} : std::string_view{},
                           sourced ? stance.source->start : std::size_t{0}, std::string_view{stance.id.str()});
}

} // namespace stance
