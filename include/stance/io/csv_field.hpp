// Writing CSV: the quoting of one field (RFC 4180), shared by every CSV writer.
#pragma once

#include <string>
#include <string_view>

namespace stance {

/// The field as is, or in double quotes with inner quotes doubled when it holds a comma, a quote or a
/// line break.
[[nodiscard]] std::string csv_field(std::string_view value);

} // namespace stance
