// Shared by the reliability tests: a database holding the real seed dataset (of any backend), its
// canonical export and integrity check (what "the database is unchanged" means), and a larger
// dataset grown from the seed for the crash and concurrency tests.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <typeinfo>

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include "backends.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

namespace stance::test {

inline std::filesystem::path seed_dataset() {
    return source_dir() / "data/seed/nato-2017-03-31.json";
}
inline std::filesystem::path reliability_input(const std::string& name) {
    return source_dir() / "tests/reliability/inputs" / name;
}

/// The canonical export: two stores with the same content give the same bytes.
inline std::string content_of(const Store& store) {
    return write_dataset(store.to_dataset());
}

/// SQLite's own check of a file: "ok" when every page, index and constraint is sound.
inline std::string integrity_of(const std::string& database_path) {
    SQLite::Database db(database_path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA integrity_check").getString();
}

/// A database holding the seed dataset, and its content, to compare against after a refusal.
class SeededDatabase {
public:
    /// An SQLite file, for the tests of what only a file can suffer (damage, confinement, I/O errors).
    SeededDatabase() : SeededDatabase(sqlite_backend()) {}
    explicit SeededDatabase(const Backend& backend) : m_db(backend.create()), m_store(m_db.open()) {
        import_dataset_file(*m_store, seed_dataset());
        m_content = content_of(*m_store);
    }

    /// The connection this fixture holds; reopened if `close()` dropped it.
    [[nodiscard]] Store& store() {
        if (!m_store) {
            m_store = m_db.open();
        }
        return *m_store;
    }
    /// Drops the connection. SQLite connections must not cross a fork(): close before forking.
    void close() { m_store.reset(); }
    /// The database's address: on SQLite, its file's path.
    [[nodiscard]] const std::string& path() const { return m_db.address(); }
    [[nodiscard]] const ScratchDatabase& database() const { return m_db; }
    /// A directory for the test's own files.
    [[nodiscard]] const TempDir& dir() const { return m_dir; }
    [[nodiscard]] const std::string& content_before() const { return m_content; }
    /// "ok" when the backend's consistency check finds nothing wrong.
    [[nodiscard]] std::string integrity() const { return m_db.integrity(); }

    /// Byte-for-byte the same content as before, through this connection and a fresh one, and a
    /// database that passes its backend's consistency check.
    void check_unchanged() {
        CHECK(content_of(store()) == m_content);
        CHECK(content_of(*m_db.open()) == m_content);
        CHECK(integrity() == "ok");
    }

private:
    TempDir m_dir;
    ScratchDatabase m_db;
    std::unique_ptr<Store> m_store;
    std::string m_content;
};

/// Runs `attempt`, which must throw exactly `Expected` (not a subclass or a parent), and returns the
/// message; an empty string (and a failed check) when it threw something else or nothing.
template <class Expected, class Attempt> std::string message_of_failure(Attempt&& attempt) {
    try {
        attempt();
    } catch (const std::exception& failure) {
        CHECK_MESSAGE(typeid(failure) == typeid(Expected), "threw " << typeid(failure).name() << " instead of "
                                                                    << typeid(Expected).name() << ": "
                                                                    << failure.what());
        return failure.what();
    }
    FAIL_CHECK("expected " << typeid(Expected).name() << ", but nothing was thrown");
    return "";
}

struct CommandResult {
    int exit_code = -1;
    std::string output; ///< stdout and stderr together
};

#ifdef STANCE_CLI_BINARY
/// Runs the built `stance` binary with `arguments` (a shell command line) and collects its output.
inline CommandResult run_cli(const std::string& arguments) {
    const std::string command = std::string(STANCE_CLI_BINARY) + " " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    CommandResult result;
    char buffer[4096];
    for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        result.output.append(buffer, n);
    }
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}
#endif

/// The seed dataset grown `copies` times: every stance repeated under new ids (same actor, topic,
/// meeting, quote and span into the real report), so a large import is made of real, valid data.
inline Dataset grown_seed(std::size_t copies, const std::string& id_prefix = "copy") {
    Dataset seed = read_dataset_file(seed_dataset());
    const std::vector<Stance> originals = seed.stances;
    seed.stances.clear();
    seed.stances.reserve(originals.size() * copies);
    for (std::size_t copy = 0; copy < copies; ++copy) {
        for (const Stance& original : originals) {
            Stance stance = original;
            stance.id = StanceId{id_prefix + "-" + std::to_string(copy) + "-" + original.id.str()};
            seed.stances.push_back(std::move(stance));
        }
    }
    return seed;
}

} // namespace stance::test
