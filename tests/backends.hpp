// The store suite runs on every backend. STORE_TEST_CASE("name") registers its body twice, as
// "name [sqlite]" and "name [postgresql]"; the body receives a `test::Backend& backend` and makes
// fresh, empty databases of it with `backend.create()` (SQLite: a file in a temporary directory;
// PostgreSQL: a database of its own, made with CREATE DATABASE and dropped when the test ends).
// POSTGRESQL_TEST_CASE("name") registers a body for the PostgreSQL arm alone, for what only that
// store has.
//
// The PostgreSQL arm needs the backend built (STANCE_WITH_POSTGRESQL) and a server: the address of
// one where it may create databases, in STANCE_TEST_POSTGRESQL (CTest starts one with
// scripts/pg-server.sh and sets it). Without either it prints a line starting "stance-test-skip:"
// with the reason, which CTest reports as a skip; with STANCE_POSTGRESQL_TESTS=required (CI) a
// missing server fails the test instead.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "stance/store/store.hpp"
#include "support.hpp"

namespace stance::test {

enum class BackendKind : std::uint8_t { sqlite, postgresql };

class Backend;

/// One database of one backend, removed (file deleted, database dropped) when this goes. Movable.
class ScratchDatabase {
public:
    struct Place; // where it lives: a temporary directory, or a database name on the test server

    ScratchDatabase(const Backend& backend, std::unique_ptr<Place> place);
    ScratchDatabase(ScratchDatabase&&) noexcept;
    ScratchDatabase& operator=(ScratchDatabase&&) noexcept;
    ~ScratchDatabase();

    [[nodiscard]] const Backend& backend() const { return *m_backend; }
    /// What Store::open takes: a file path, or a PostgreSQL address naming this database.
    [[nodiscard]] const std::string& address() const;
    /// A new connection to this database.
    [[nodiscard]] std::unique_ptr<Store> open(const OpenOptions& options = {}) const;
    /// A new database holding the same content (SQLite: a copy of the file; PostgreSQL: CREATE
    /// DATABASE … TEMPLATE). Nothing may be connected to this one meanwhile.
    [[nodiscard]] ScratchDatabase copy() const;
    /// Runs one SQL statement on the database directly, past stance (for what only SQL can see or
    /// do); the first column of its first row as text, "" when it returns no row. Throws
    /// std::runtime_error with the backend's message when the statement fails.
    [[nodiscard]] std::string sql(const std::string& statement) const;
    /// "ok" when the backend's own consistency check finds nothing wrong, else its findings.
    [[nodiscard]] std::string integrity() const;

private:
    const Backend* m_backend;
    std::unique_ptr<Place> m_place;
};

/// A backend the suite runs on, and the factory of its scratch databases.
class Backend {
public:
    explicit Backend(BackendKind kind) : m_kind(kind) {}
    [[nodiscard]] BackendKind kind() const { return m_kind; }
    [[nodiscard]] bool is_sqlite() const { return m_kind == BackendKind::sqlite; }
    [[nodiscard]] std::string_view name() const { return is_sqlite() ? "sqlite" : "postgresql"; }
    /// A fresh, empty database (no schema yet: the first Store::open makes it).
    [[nodiscard]] ScratchDatabase create() const;

private:
    BackendKind m_kind;
};

/// The SQLite backend, for the tests that stay with SQLite (what only a file can suffer).
[[nodiscard]] const Backend& sqlite_backend();

/// Why the PostgreSQL arm cannot run here, or "" when it can.
[[nodiscard]] std::string postgresql_unavailable();

/// Runs `body` on `kind`, or reports why it is skipped (see the top of this file).
void run_on_backend(BackendKind kind, void (*body)(Backend&));

} // namespace stance::test

#define STANCE_BACKEND_TEST_CASE(body, kind, name)                                                                     \
    TEST_CASE(name) {                                                                                                  \
        ::stance::test::run_on_backend(::stance::test::BackendKind::kind, body);                                       \
    }

#define STANCE_STORE_TEST_CASE_IMPL(body, name)                                                                        \
    static void body(::stance::test::Backend& backend);                                                                \
    STANCE_BACKEND_TEST_CASE(body, sqlite, name " [sqlite]")                                                           \
    STANCE_BACKEND_TEST_CASE(body, postgresql, name " [postgresql]")                                                   \
    static void body([[maybe_unused]] ::stance::test::Backend& backend)

#define STANCE_POSTGRESQL_TEST_CASE_IMPL(body, name)                                                                   \
    static void body(::stance::test::Backend& backend);                                                                \
    STANCE_BACKEND_TEST_CASE(body, postgresql, name)                                                                   \
    static void body([[maybe_unused]] ::stance::test::Backend& backend)

/// A test case run once per backend; its body sees `backend` (a test::Backend&).
#define STORE_TEST_CASE(name) STANCE_STORE_TEST_CASE_IMPL(DOCTEST_ANONYMOUS(STANCE_STORE_TEST_), name)

/// A test case of what only the PostgreSQL store has (tests/store/test_postgresql.cpp): run on
/// that backend alone, skipped or failed as the PostgreSQL arm of STORE_TEST_CASE is.
#define POSTGRESQL_TEST_CASE(name) STANCE_POSTGRESQL_TEST_CASE_IMPL(DOCTEST_ANONYMOUS(STANCE_PG_TEST_), name)
