// The form of a store address that messages may show: a PostgreSQL address without its password,
// a SQLite path as it is. Internal.
#pragma once

#include <string>
#include <string_view>

namespace stance::detail {

[[nodiscard]] std::string shown_address(std::string_view address);

} // namespace stance::detail
