// The PostgreSQL coder tables in a stance built without PostgreSQL support: Store::open has already
// refused every PostgreSQL address there (pg_unavailable.cpp), so this is never reached.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/shown_address.hpp"
#include "team/coder_tables.hpp"

namespace stance::detail {

std::unique_ptr<CoderTables> postgresql_coder_tables(std::unique_ptr<Store> /*store*/, const std::string& address) {
    throw storage_error(fmt::format("{} is a PostgreSQL address, but this stance was built without PostgreSQL "
                                    "support; rebuild it with -DSTANCE_WITH_POSTGRESQL=ON (docs/postgresql.md)",
                                    shown_address(address)));
}

} // namespace stance::detail
