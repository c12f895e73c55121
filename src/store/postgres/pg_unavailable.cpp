// Store::open's answer to a PostgreSQL address when stance was built without PostgreSQL support.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/shown_address.hpp"
#include "store/open_postgresql.hpp"

namespace stance::detail {

std::unique_ptr<Store> open_postgresql(const std::string& address, const OpenOptions& /*options*/) {
    throw storage_error(fmt::format("{} is a PostgreSQL address, but this stance was built without PostgreSQL "
                                    "support; rebuild it with -DSTANCE_WITH_POSTGRESQL=ON (docs/postgresql.md), or "
                                    "pass a SQLite database file",
                                    shown_address(address)));
}

} // namespace stance::detail
