// The exceptions stance throws. Callers catch `stance::error` for everything, or a subclass to act on
// one kind: the CLI maps each to its own exit code (see docs/cli.md).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace stance {

class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A reference (actor, topic, meeting, …) that matches nothing, or more than one thing.
/// `candidates` holds the closest matches, best first.
class not_found_error : public error {
public:
    not_found_error(const std::string& message, std::vector<std::string> candidates = {})
        : error(message), m_candidates(std::move(candidates)) {}
    [[nodiscard]] const std::vector<std::string>& candidates() const noexcept { return m_candidates; }

private:
    std::vector<std::string> m_candidates;
};

/// Input that cannot be accepted. `where` is "file:line:column" or "file: $.json.path".
class invalid_input_error : public error {
public:
    invalid_input_error(std::string where, const std::string& what)
        : error(where.empty() ? what : where + ": " + what), m_where(std::move(where)) {}
    [[nodiscard]] const std::string& where() const noexcept { return m_where; }

private:
    std::string m_where;
};

/// The database could not be read or written (I/O, corruption, constraint failures).
class storage_error : public error {
public:
    explicit storage_error(const std::string& message, int sqlite_code = 0) : error(message), m_code(sqlite_code) {}
    /// The backend's extended error code, 0 when there is none.
    [[nodiscard]] int code() const noexcept { return m_code; }

private:
    int m_code;
};

/// The database is locked by another writer and stayed so past the retry bound.
class busy_error : public storage_error {
public:
    using storage_error::storage_error;
};

/// The database was written by a newer stance, or a migration failed.
class schema_version_error : public storage_error {
public:
    using storage_error::storage_error;
};

} // namespace stance
