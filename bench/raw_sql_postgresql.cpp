// The raw tables in PostgreSQL (raw_sql.hpp), through libpq: prepared statements, text results.
#include <libpq-fe.h>

#include <atomic>

#include <fmt/format.h>

#include "raw_sql.hpp"
#include "stance/error.hpp"

namespace stance::bench {

namespace {

/// SQLite's ?1, ?2 as PostgreSQL's $1, $2.
std::string numbered_parameters(std::string sql) {
    for (char& c : sql) {
        c = c == '?' ? '$' : c;
    }
    return sql;
}

class PostgresqlRow final : public RawRow {
public:
    PostgresqlRow(const PGresult* result, int row) : m_result(result), m_row(row) {}
    [[nodiscard]] std::string_view text(int column) const override { return PQgetvalue(m_result, m_row, column); }

private:
    const PGresult* m_result;
    int m_row;
};

class PostgresqlQuery final : public RawQuery {
public:
    PostgresqlQuery(PGconn* connection, const std::string& sql) : m_connection(connection) {
        static std::atomic<int> counter{0};
        m_name = fmt::format("raw_{}", counter++);
        PGresult* result = PQprepare(connection, m_name.c_str(), numbered_parameters(sql).c_str(), 0, nullptr);
        const bool prepared = PQresultStatus(result) == PGRES_COMMAND_OK;
        const std::string message = PQresultErrorMessage(result);
        PQclear(result);
        if (!prepared) {
            throw error(fmt::format("raw query does not prepare: {}", message));
        }
    }

    void run(const std::vector<std::string>& parameters, const std::function<void(const RawRow&)>& row) override {
        std::vector<const char*> values;
        values.reserve(parameters.size());
        for (const std::string& parameter : parameters) {
            values.push_back(parameter.c_str());
        }
        PGresult* result = PQexecPrepared(m_connection, m_name.c_str(), static_cast<int>(values.size()), values.data(),
                                          nullptr, nullptr, 0);
        if (PQresultStatus(result) != PGRES_TUPLES_OK) {
            const std::string message = PQresultErrorMessage(result);
            PQclear(result);
            throw error(fmt::format("raw query failed: {}", message));
        }
        for (int i = 0, rows = PQntuples(result); i < rows; ++i) {
            row(PostgresqlRow(result, i));
        }
        PQclear(result);
    }

private:
    PGconn* m_connection;
    std::string m_name;
};

class PostgresqlDatabase final : public RawDatabase {
public:
    explicit PostgresqlDatabase(const std::string& address) : m_connection(PQconnectdb(address.c_str())) {
        if (PQstatus(m_connection) != CONNECTION_OK) {
            const std::string message = PQerrorMessage(m_connection);
            PQfinish(m_connection);
            throw error(fmt::format("cannot connect to the raw database: {}", message));
        }
    }
    ~PostgresqlDatabase() override { PQfinish(m_connection); }
    PostgresqlDatabase(const PostgresqlDatabase&) = delete;
    PostgresqlDatabase& operator=(const PostgresqlDatabase&) = delete;

    std::unique_ptr<RawQuery> prepare(const std::string& sql) override {
        return std::make_unique<PostgresqlQuery>(m_connection, sql);
    }

private:
    PGconn* m_connection;
};

} // namespace

std::unique_ptr<RawDatabase> open_raw_postgresql(const std::string& address) {
    return std::make_unique<PostgresqlDatabase>(address);
}

} // namespace stance::bench
