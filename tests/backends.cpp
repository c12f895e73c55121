// Scratch databases of each backend for the store suite (backends.hpp). The PostgreSQL part talks
// to the test server through libpq directly: making and dropping databases is the harness's job,
// not stance's.
#include "backends.hpp"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <random>
#include <stdexcept>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#ifdef STANCE_TEST_WITH_POSTGRESQL
#include <libpq-fe.h>
#endif

namespace stance::test {

struct ScratchDatabase::Place {
    std::unique_ptr<TempDir> dir; // SQLite: the file lives in here
    std::string database;         // PostgreSQL: the database's name on the test server
    std::string address;
};

namespace {

const char* environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
}

bool postgresql_required() {
    const char* value = environment("STANCE_POSTGRESQL_TESTS");
    return value != nullptr && std::string_view(value) == "required";
}

#ifdef STANCE_TEST_WITH_POSTGRESQL

/// The server the tests may create databases on (its maintenance database).
std::string server_address() {
    const char* address = environment("STANCE_TEST_POSTGRESQL");
    if (address == nullptr) {
        throw std::runtime_error("STANCE_TEST_POSTGRESQL is not set");
    }
    return address;
}

/// One libpq connection, closed when it goes.
class Connection {
public:
    explicit Connection(const std::string& address) : m_conn(PQconnectdb(address.c_str())) {
        if (PQstatus(m_conn) != CONNECTION_OK) {
            const std::string message = PQerrorMessage(m_conn);
            PQfinish(m_conn);
            throw std::runtime_error("cannot connect to the PostgreSQL test server: " + message);
        }
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { PQfinish(m_conn); }

    /// The first column of the first row as text, "" when there is no row.
    std::string run(const std::string& statement) {
        PGresult* result = PQexec(m_conn, statement.c_str());
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const std::string message = PQresultErrorMessage(result);
            PQclear(result);
            throw std::runtime_error(message);
        }
        std::string value = PQntuples(result) > 0 && PQnfields(result) > 0 ? PQgetvalue(result, 0, 0) : "";
        PQclear(result);
        return value;
    }

private:
    PGconn* m_conn;
};

std::string percent_encoded(std::string_view text) {
    std::string encoded;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            encoded += c;
        } else {
            encoded += fmt::format("%{:02X}", byte);
        }
    }
    return encoded;
}

/// The server's address with `database` in place of its database, as a postgresql:// URI (the
/// address form Store::open recognises).
std::string address_of(const std::string& database) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(server_address().c_str(), &error);
    if (options == nullptr) {
        const std::string message = error != nullptr ? error : "out of memory";
        PQfreemem(error);
        throw std::runtime_error("STANCE_TEST_POSTGRESQL is not a valid address: " + message);
    }
    std::string query;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->val != nullptr && *option->val != '\0' && std::string_view(option->keyword) != "dbname") {
            query += fmt::format("{}{}={}", query.empty() ? "?" : "&", option->keyword, percent_encoded(option->val));
        }
    }
    PQconninfoFree(options);
    return "postgresql:///" + database + query;
}

std::string unique_database_name() {
    static std::atomic<int> counter{0};
    static const unsigned salt = std::random_device{}();
    return fmt::format("stance_test_{}_{:08x}_{}", getpid(), salt, counter++);
}

/// Makes a new database on the test server, empty or as a copy of `from`. CREATE DATABASE waits a
/// few seconds for the last connections to `from` to end; a copy retries once beyond that.
std::unique_ptr<ScratchDatabase::Place> create_postgresql(const std::string& from) {
    auto place = std::make_unique<ScratchDatabase::Place>();
    place->database = unique_database_name();
    place->address = address_of(place->database);
    Connection server(server_address());
    const std::string statement = from.empty() ? fmt::format("CREATE DATABASE {}", place->database)
                                               : fmt::format("CREATE DATABASE {} TEMPLATE {}", place->database, from);
    try {
        server.run(statement);
    } catch (const std::runtime_error&) {
        if (from.empty()) {
            throw;
        }
        server.run(statement);
    }
    return place;
}

void drop_postgresql(const std::string& database) noexcept {
    try {
        Connection server(server_address());
        server.run(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", database));
    } catch (const std::exception& failure) {
        std::cerr << "could not drop the test database " << database << ": " << failure.what() << '\n';
    }
}

#endif

std::unique_ptr<ScratchDatabase::Place> create_sqlite(const std::filesystem::path& from) {
    auto place = std::make_unique<ScratchDatabase::Place>();
    place->dir = std::make_unique<TempDir>();
    place->address = (*place->dir / "stance.db").string();
    if (!from.empty()) {
        std::filesystem::copy_file(from, place->address);
    }
    return place;
}

std::string sqlite_sql(const std::string& path, const std::string& statement) {
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        SQLite::Statement query(db, statement);
        return query.executeStep() ? query.getColumn(0).getString() : "";
    } catch (const SQLite::Exception& failure) {
        throw std::runtime_error(failure.what());
    }
}

} // namespace

ScratchDatabase::ScratchDatabase(const Backend& backend, std::unique_ptr<Place> place)
    : m_backend(&backend), m_place(std::move(place)) {}
ScratchDatabase::ScratchDatabase(ScratchDatabase&&) noexcept = default;
ScratchDatabase& ScratchDatabase::operator=(ScratchDatabase&&) noexcept = default;

ScratchDatabase::~ScratchDatabase() {
#ifdef STANCE_TEST_WITH_POSTGRESQL
    if (m_place && !m_place->database.empty()) {
        drop_postgresql(m_place->database);
    }
#endif
}

const std::string& ScratchDatabase::address() const {
    return m_place->address;
}

std::unique_ptr<Store> ScratchDatabase::open(const OpenOptions& options) const {
    return Store::open(address(), options);
}

ScratchDatabase ScratchDatabase::copy() const {
    if (m_backend->is_sqlite()) {
        return ScratchDatabase(*m_backend, create_sqlite(address()));
    }
#ifdef STANCE_TEST_WITH_POSTGRESQL
    return ScratchDatabase(*m_backend, create_postgresql(m_place->database));
#else
    throw std::logic_error("the PostgreSQL backend is not built");
#endif
}

std::string ScratchDatabase::sql(const std::string& statement) const {
    if (m_backend->is_sqlite()) {
        return sqlite_sql(address(), statement);
    }
#ifdef STANCE_TEST_WITH_POSTGRESQL
    Connection connection(address());
    return connection.run(statement);
#else
    throw std::logic_error("the PostgreSQL backend is not built");
#endif
}

std::string ScratchDatabase::integrity() const {
    if (m_backend->is_sqlite()) {
        SQLite::Database db(address(), SQLite::OPEN_READONLY); // every line of SQLite's own check
        return db.execAndGet("PRAGMA integrity_check").getString();
    }
    std::string found;
    for (const std::string& problem : open(OpenOptions{.read_only = true})->integrity_problems(false)) {
        found += (found.empty() ? "" : "\n") + problem;
    }
    return found.empty() ? "ok" : found;
}

ScratchDatabase Backend::create() const {
    if (is_sqlite()) {
        return ScratchDatabase(*this, create_sqlite({}));
    }
#ifdef STANCE_TEST_WITH_POSTGRESQL
    return ScratchDatabase(*this, create_postgresql({}));
#else
    throw std::logic_error("the PostgreSQL backend is not built");
#endif
}

const Backend& sqlite_backend() {
    static const Backend sqlite(BackendKind::sqlite);
    return sqlite;
}

std::string postgresql_unavailable() {
#ifdef STANCE_TEST_WITH_POSTGRESQL
    if (environment("STANCE_TEST_POSTGRESQL") == nullptr) {
        return "no PostgreSQL server for the tests: STANCE_TEST_POSTGRESQL is not set (CTest starts one with "
               "scripts/pg-server.sh when PostgreSQL's server is installed: Debian postgresql-15)";
    }
    return "";
#else
    return "the PostgreSQL backend is not built (configure with -DSTANCE_WITH_POSTGRESQL=ON, needs libpq-dev)";
#endif
}

void run_on_backend(BackendKind kind, void (*body)(Backend&)) {
    Backend backend(kind);
    if (kind == BackendKind::postgresql) {
        if (const std::string why = postgresql_unavailable(); !why.empty()) {
            if (postgresql_required() && why.find("not built") == std::string::npos) {
                FAIL("STANCE_POSTGRESQL_TESTS=required, but " << why);
            }
            std::cout << "stance-test-skip: " << why << '\n';
            return;
        }
    }
    body(backend);
}

} // namespace stance::test
