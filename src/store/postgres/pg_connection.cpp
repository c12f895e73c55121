// libpq behind RAII; see pg_connection.hpp.
#include "store/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace stance::detail {

namespace {

// The server's notices (an empty text search, an implicit index) are not for stance's users.
void ignore_notice(void* /*unused*/, const PGresult* /*unused*/) {}

std::string sqlstate_of(const PGresult* result) {
    const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
    return state == nullptr ? std::string{} : std::string(state);
}

bool succeeded(const PGresult* result) {
    const ExecStatusType status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN;
}

} // namespace

PgParams& PgParams::text(std::string value) {
    m_values.emplace_back(std::move(value));
    return *this;
}

PgParams& PgParams::integer(std::int64_t value) {
    m_values.emplace_back(std::to_string(value));
    return *this;
}

PgParams& PgParams::real(double value) {
    // Shortest text that reads back as the same double, so scores survive the round trip exactly.
    m_values.emplace_back(fmt::format("{}", value));
    return *this;
}

PgParams& PgParams::null() {
    m_values.emplace_back(std::nullopt);
    return *this;
}

PgParams& PgParams::optional_integer(const std::optional<std::int64_t>& value) {
    return value ? integer(*value) : null();
}

PgParams& PgParams::text_array(const std::vector<std::string>& values) {
    return text(pg_text_array(values));
}

std::string pg_text_array(const std::vector<std::string>& values) {
    std::string literal = "{";
    for (const std::string& value : values) {
        if (literal.size() > 1) {
            literal += ',';
        }
        literal += '"';
        for (const char c : value) {
            if (c == '"' || c == '\\') {
                literal += '\\';
            }
            literal += c;
        }
        literal += '"';
    }
    return literal + "}";
}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
    if (this != &other) {
        PQclear(m_result);
        m_result = other.m_result;
        other.m_result = nullptr;
    }
    return *this;
}

PgResult::~PgResult() {
    PQclear(m_result);
}

int PgResult::rows() const noexcept {
    return m_result == nullptr ? 0 : PQntuples(m_result);
}

bool PgResult::null(int row, int column) const noexcept {
    return PQgetisnull(m_result, row, column) != 0;
}

std::string PgResult::text(int row, int column) const {
    return {PQgetvalue(m_result, row, column), static_cast<std::size_t>(PQgetlength(m_result, row, column))};
}

std::optional<std::string> PgResult::optional_text(int row, int column) const {
    return null(row, column) ? std::nullopt : std::optional{text(row, column)};
}

std::int64_t PgResult::integer(int row, int column) const {
    const char* value = PQgetvalue(m_result, row, column);
    std::int64_t number = 0;
    std::from_chars(value, value + PQgetlength(m_result, row, column), number);
    return number;
}

std::optional<std::int64_t> PgResult::optional_integer(int row, int column) const {
    return null(row, column) ? std::nullopt : std::optional{integer(row, column)};
}

double PgResult::real(int row, int column) const {
    return std::strtod(PQgetvalue(m_result, row, column), nullptr);
}

PgConnection::PgConnection(const std::string& address) : m_conn(PQconnectdb(address.c_str())) {
    if (m_conn == nullptr || PQstatus(m_conn) != CONNECTION_OK) {
        std::string text = m_conn == nullptr ? std::string("out of memory") : std::string(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        throw PgFailure("", text);
    }
    PQsetNoticeReceiver(m_conn, ignore_notice, nullptr);
    if (PQsetClientEncoding(m_conn, "UTF8") != 0) {
        std::string text = PQerrorMessage(m_conn);
        PQfinish(m_conn);
        throw PgFailure("22021", text);
    }
}

PgConnection::~PgConnection() {
    PQfinish(m_conn);
}

void PgConnection::fail(PGresult* result) {
    std::string state = sqlstate_of(result);
    std::string text = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(m_conn);
    PQclear(result);
    if (state.empty() && PQstatus(m_conn) != CONNECTION_OK) {
        state = "08006"; // connection failure
    }
    throw PgFailure(std::move(state), text);
}

PgResult PgConnection::query(const std::string& sql, const PgParams& params) {
    std::vector<const char*> values;
    values.reserve(params.values().size());
    for (const std::optional<std::string>& value : params.values()) {
        values.push_back(value ? value->c_str() : nullptr);
    }
    PGresult* result =
        PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    if (!succeeded(result)) {
        fail(result);
    }
    return PgResult(result);
}

PgResult PgConnection::prepared(const std::string& sql, const PgParams& params) {
    auto known = m_prepared.find(sql);
    if (known == m_prepared.end()) {
        std::string name = "stance_statement_" + std::to_string(m_prepared.size() + 1);
        PGresult* made =
            PQprepare(m_conn, name.c_str(), sql.c_str(), static_cast<int>(params.values().size()), nullptr);
        if (!succeeded(made)) {
            fail(made);
        }
        PQclear(made);
        known = m_prepared.emplace(sql, std::move(name)).first;
    }
    std::vector<const char*> values;
    values.reserve(params.values().size());
    for (const std::optional<std::string>& value : params.values()) {
        values.push_back(value ? value->c_str() : nullptr);
    }
    PGresult* result = PQexecPrepared(m_conn, known->second.c_str(), static_cast<int>(values.size()), values.data(),
                                      nullptr, nullptr, 0);
    if (!succeeded(result)) {
        fail(result);
    }
    return PgResult(result);
}

void PgConnection::script(const std::string& sql) {
    PGresult* result = PQexec(m_conn, sql.c_str());
    if (!succeeded(result)) {
        fail(result);
    }
    PQclear(result);
}

void PgConnection::copy_in(const std::string& copy_sql, std::string_view rows) {
    PGresult* start = PQexec(m_conn, copy_sql.c_str());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
        fail(start);
    }
    PQclear(start);
    // In pieces: libpq buffers what it is given, and a million votes need not be one allocation twice.
    constexpr std::size_t piece = std::size_t{1} << 20;
    bool sent = true;
    for (std::size_t at = 0; at < rows.size() && sent; at += piece) {
        const std::string_view part = rows.substr(at, piece);
        sent = PQputCopyData(m_conn, part.data(), static_cast<int>(part.size())) == 1;
    }
    if (PQputCopyEnd(m_conn, sent ? nullptr : "stance could not send the rows") != 1) {
        fail(nullptr);
    }
    PGresult* failed = nullptr;
    while (PGresult* result = PQgetResult(m_conn)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK && failed == nullptr) {
            failed = result;
        } else {
            PQclear(result);
        }
    }
    if (failed != nullptr) {
        fail(failed);
    }
}

bool PgConnection::in_transaction() const noexcept {
    return PQtransactionStatus(m_conn) != PQTRANS_IDLE;
}

void append_copy_field(std::string& row, std::string_view value) {
    for (const char c : value) {
        switch (c) {
        case '\\': row += "\\\\"; break;
        case '\t': row += "\\t"; break;
        case '\n': row += "\\n"; break;
        case '\r': row += "\\r"; break;
        default: row += c;
        }
    }
}

void append_copy_row(std::string& rows, const PgParams& values) {
    bool first = true;
    for (const std::optional<std::string>& value : values.values()) {
        if (!first) {
            rows += '\t';
        }
        first = false;
        if (value) {
            append_copy_field(rows, *value);
        } else {
            rows += "\\N";
        }
    }
    rows += '\n';
}

} // namespace stance::detail
