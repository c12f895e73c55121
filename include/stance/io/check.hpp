// Verifying a store: is what it holds still what was imported? SQLite's own check of the file,
// every stored document's text against its SHA-256, every quote against its span, and referenced
// files (UN vote tables) re-hashed when they can be read. `stance check` runs the full check;
// `stance export` runs the quick one and writes nothing when it finds damage, so a backup is never
// a copy of a damaged database. Both run SQLite's integrity_check, not quick_check: quick_check
// does not compare indexes with their tables, and that damage is the one queries answer from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace stance {

class Store;
struct Dataset;

enum class CheckDepth : std::uint8_t {
    quick, ///< SQLite's integrity_check and the stored documents' hashes (what export runs)
    full,  ///< integrity_check, hashes, every quote against its span, referenced files re-hashed
};

/// One thing found damaged: what, which entity (`document "x"`, `stance "y"`, `database`), what to do.
struct StoreProblem {
    std::string what;
    std::string entity;
    std::string fix;

    friend bool operator==(const StoreProblem&, const StoreProblem&) = default;
};

struct StoreCheck {
    std::vector<StoreProblem> problems;
    /// Documents whose text is only referenced and whose file could not be read here, so their
    /// hash was not re-computed (not damage: the file may live on another machine).
    std::vector<std::string> unverified_documents;
};

/// Checks `store` to `depth`. Reads in one snapshot.
[[nodiscard]] StoreCheck check_store(const Store& store, CheckDepth depth);

/// The quick check over a dataset already read from `store` (the export's own read), so the
/// documents are not read twice: SQLite's integrity_check and each stored text against its SHA-256.
[[nodiscard]] std::vector<StoreProblem> check_export(const Store& store, const Dataset& dataset);

} // namespace stance
