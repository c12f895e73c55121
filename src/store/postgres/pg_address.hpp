// A PostgreSQL address turned to another database on the same server, for tests and tools that
// create databases. Internal to the PostgreSQL backend.
#pragma once

#include <string>

namespace stance::detail {

/// `address` as a key=value connection string naming database `dbname` instead of its own.
/// Throws PgFailure when libpq cannot parse it.
[[nodiscard]] std::string with_database(const std::string& address, const std::string& dbname);

} // namespace stance::detail
