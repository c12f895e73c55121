// Checking dataset files without importing them: every problem of every file in one run, for
// `stance validate`. The files are checked together, in order, as if imported one after another
// into `store` (an empty in-memory store gives "as if into a new database"); nothing is committed.
//
// Each file is parsed, collecting every shape problem of every entity (a wrong type, a missing or
// unknown key, a value out of range; each with its JSON path) and leaving those entities out; a
// malformed file stops at its first problem, as what follows cannot be read reliably. The rest is
// checked as a whole (references, cycles, spans; the first problem stops the file), and then each
// entity is put through the store's write rules, where every refusal is collected and the check
// goes on with the next entity.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace stance {

class Store;

/// One problem: where (file with line and column or JSON path, or the entity) and what to do.
struct Problem {
    std::string where;
    std::string what;

    friend bool operator==(const Problem&, const Problem&) = default;
};

/// Collects problems instead of stopping at the first.
class Diagnostics {
public:
    void add(std::string where, std::string what) { m_problems.push_back(Problem{std::move(where), std::move(what)}); }
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return m_problems; }
    [[nodiscard]] bool empty() const noexcept { return m_problems.empty(); }

private:
    std::vector<Problem> m_problems;
};

/// Checks `files` in order against `store` (see above), rolling everything back. Storage failures
/// still throw; input problems are collected.
[[nodiscard]] Diagnostics check_dataset_files(Store& store, const std::vector<std::filesystem::path>& files);

} // namespace stance
