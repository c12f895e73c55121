// The baseline side of bench_unga_queries: hand-written SQL on the raw UN tables, in an SQLite file
// (as the sqlite3 tool's `.import` makes them) or in a PostgreSQL database (as `psql \copy` makes
// them). Statements are written with SQLite's numbered parameters (?1, ?2); the PostgreSQL side
// turns them into $1, $2. Every value is read as text, as both tools store the CSV's fields.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stance::bench {

/// One result row.
class RawRow {
public:
    virtual ~RawRow() = default;
    [[nodiscard]] virtual std::string_view text(int column) const = 0;
    [[nodiscard]] std::int64_t integer(int column) const { return std::stoll(std::string(text(column))); }
};

/// A prepared statement.
class RawQuery {
public:
    virtual ~RawQuery() = default;
    virtual void run(const std::vector<std::string>& parameters, const std::function<void(const RawRow&)>& row) = 0;
};

class RawDatabase {
public:
    virtual ~RawDatabase() = default;
    /// A PostgreSQL database for an address Store::open would give to PostgreSQL (postgresql://…,
    /// postgres://… or a libpq connection string; when built with PostgreSQL), else the SQLite file
    /// at `address`, read-only. Throws stance::error.
    [[nodiscard]] static std::unique_ptr<RawDatabase> open(const std::string& address);
    [[nodiscard]] virtual std::unique_ptr<RawQuery> prepare(const std::string& sql) = 0;
};

[[nodiscard]] std::unique_ptr<RawDatabase> open_raw_sqlite(const std::string& path);
[[nodiscard]] std::unique_ptr<RawDatabase> open_raw_postgresql(const std::string& address);

} // namespace stance::bench
