// The raw tables in SQLite (raw_sql.hpp), and the choice of backend by the address's form.
#include "raw_sql.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance::bench {

namespace {

class SqliteRow final : public RawRow {
public:
    explicit SqliteRow(sqlite3_stmt* statement) : m_statement(statement) {}
    [[nodiscard]] std::string_view text(int column) const override {
        const unsigned char* value = sqlite3_column_text(m_statement, column);
        return value == nullptr ? std::string_view{} : reinterpret_cast<const char*>(value);
    }

private:
    sqlite3_stmt* m_statement;
};

class SqliteQuery final : public RawQuery {
public:
    SqliteQuery(sqlite3* db, const std::string& sql) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &m_statement, nullptr) != SQLITE_OK) {
            throw error(fmt::format("raw query does not prepare: {}", sqlite3_errmsg(db)));
        }
    }
    ~SqliteQuery() override { sqlite3_finalize(m_statement); }
    SqliteQuery(const SqliteQuery&) = delete;
    SqliteQuery& operator=(const SqliteQuery&) = delete;

    void run(const std::vector<std::string>& parameters, const std::function<void(const RawRow&)>& row) override {
        sqlite3_reset(m_statement);
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            sqlite3_bind_text(m_statement, static_cast<int>(i + 1), parameters[i].c_str(), -1, SQLITE_TRANSIENT);
        }
        const SqliteRow current(m_statement);
        while (sqlite3_step(m_statement) == SQLITE_ROW) {
            row(current);
        }
    }

private:
    sqlite3_stmt* m_statement = nullptr;
};

class SqliteDatabase final : public RawDatabase {
public:
    explicit SqliteDatabase(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(m_db);
            throw error(fmt::format("cannot open the raw database {}", path));
        }
    }
    ~SqliteDatabase() override { sqlite3_close(m_db); }
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    std::unique_ptr<RawQuery> prepare(const std::string& sql) override {
        return std::make_unique<SqliteQuery>(m_db, sql);
    }

private:
    sqlite3* m_db = nullptr;
};

} // namespace

std::unique_ptr<RawDatabase> open_raw_sqlite(const std::string& path) {
    return std::make_unique<SqliteDatabase>(path);
}

std::unique_ptr<RawDatabase> RawDatabase::open(const std::string& address) {
    if (is_postgresql_address(address)) {
        return open_raw_postgresql(address);
    }
    return open_raw_sqlite(address);
}

#ifndef STANCE_BENCH_WITH_POSTGRESQL
std::unique_ptr<RawDatabase> open_raw_postgresql(const std::string&) {
    throw error("this benchmark was built without PostgreSQL; configure with -DSTANCE_WITH_POSTGRESQL=ON");
}
#endif

} // namespace stance::bench
