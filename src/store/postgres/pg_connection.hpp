// libpq behind RAII: one connection, one result, statements with bound parameters only (no SQL is
// ever built from user text), COPY for bulk loads, and the failure a statement raises kept as its
// SQLSTATE so the store can say what went wrong without repeating the server's own words (which
// may name its internals). Internal to the PostgreSQL backend.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;

namespace stance::detail {

/// A statement or connection the server refused. `sqlstate` is the five-character code ("" when
/// the connection itself failed); what() is the libpq text, for logs only: never shown to users.
class PgFailure : public std::runtime_error {
public:
    PgFailure(std::string sqlstate, const std::string& server_text)
        : std::runtime_error(server_text), m_sqlstate(std::move(sqlstate)) {}
    [[nodiscard]] const std::string& sqlstate() const noexcept { return m_sqlstate; }

private:
    std::string m_sqlstate;
};

/// The parameters of one statement, in order ($1, $2, …), as text; nothing binds NULL.
class PgParams {
public:
    PgParams& text(std::string value);
    PgParams& integer(std::int64_t value);
    PgParams& real(double value);
    PgParams& null();
    PgParams& optional_integer(const std::optional<std::int64_t>& value);
    /// A list of texts as one text[] parameter (use it as `= ANY($n::text[])`).
    PgParams& text_array(const std::vector<std::string>& values);
    /// The number the next parameter will have, for SQL written as the parameters are added.
    [[nodiscard]] std::size_t next() const noexcept { return m_values.size() + 1; }

    [[nodiscard]] const std::vector<std::optional<std::string>>& values() const noexcept { return m_values; }

private:
    std::vector<std::optional<std::string>> m_values;
};

/// The rows of one statement. Cells are text (libpq's text format).
class PgResult {
public:
    explicit PgResult(pg_result* result) noexcept : m_result(result) {}
    PgResult(PgResult&& other) noexcept : m_result(other.m_result) { other.m_result = nullptr; }
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult();

    [[nodiscard]] int rows() const noexcept;
    [[nodiscard]] bool null(int row, int column) const noexcept;
    [[nodiscard]] std::string text(int row, int column) const;
    [[nodiscard]] std::optional<std::string> optional_text(int row, int column) const;
    [[nodiscard]] std::int64_t integer(int row, int column) const;
    [[nodiscard]] std::optional<std::int64_t> optional_integer(int row, int column) const;
    [[nodiscard]] double real(int row, int column) const;

private:
    pg_result* m_result;
};

class PgConnection {
public:
    /// Connects; throws PgFailure with an empty sqlstate when the server cannot be reached or refuses.
    explicit PgConnection(const std::string& address);
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection();

    /// One statement with its parameters; throws PgFailure when the server refuses it.
    PgResult query(const std::string& sql, const PgParams& params = {});
    /// The same through a statement prepared on the server the first time this connection runs
    /// `sql`: for the statements run once per entity (the writes, the history, the reads of one
    /// entity by its id), whose parsing and planning cost more than running them (an import of the
    /// UN votes runs some 80,000). The server plans such a statement once for all its runs. Only
    /// for SQL written in the code (a bounded set per connection), never for text built per call.
    PgResult prepared(const std::string& sql, const PgParams& params = {});
    /// Several statements without parameters (DDL, BEGIN, COMMIT).
    void script(const std::string& sql);
    /// `COPY … FROM STDIN` with `rows`, in COPY's text format.
    void copy_in(const std::string& copy_sql, std::string_view rows);

    /// Whether a transaction is open on this connection (an import, or a read snapshot).
    [[nodiscard]] bool in_transaction() const noexcept;

private:
    [[noreturn]] void fail(pg_result* result);

    pg_conn* m_conn;
    std::unordered_map<std::string, std::string> m_prepared; // SQL → name of its prepared statement
};

/// `values` as a PostgreSQL array literal of text, each element quoted ('{"a","b"}').
std::string pg_text_array(const std::vector<std::string>& values);

/// Escapes a value for a COPY text-format row: backslash, tab, newline and carriage return.
void append_copy_field(std::string& row, std::string_view value);
/// Appends one COPY text-format line of `values`: tab-separated fields, \N for NULL.
void append_copy_row(std::string& rows, const PgParams& values);

} // namespace stance::detail
