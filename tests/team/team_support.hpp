// What the coder-directory tests share: a directory on a fresh database of the backend under test,
// its passwords hashed at a cheap cost (the rules do not depend on it; test_passwords.cpp checks the
// real one), and a small dataset whose two stances two coders coded.
#pragma once

#include <memory>
#include <string>

#include "backends.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "stance/team/coders.hpp"
#include "support.hpp"
#include "team/checked_directory.hpp"
#include "team/password_hash.hpp"

namespace stance::test {

/// Cheap enough for a test to hash dozens of passwords; the same code as the real cost.
inline constexpr detail::ScryptCost test_cost{1024, 8, 1};

inline std::unique_ptr<CoderDirectory> open_directory(const ScratchDatabase& database, bool read_only = false) {
    OpenOptions options;
    options.read_only = read_only;
    return detail::open_coder_directory(database.address(), options, test_cost);
}

inline Coder coder_named(std::string name, CoderRole role) {
    Coder coder;
    coder.name = std::move(name);
    coder.display_name = "Display " + coder.name;
    coder.role = role;
    coder.permissions = default_permissions(role);
    return coder;
}

/// The example dataset with two stances: "by-ana" coded by ana, "by-rui" by rui.
inline void import_two_coded_stances(const ScratchDatabase& database) {
    Dataset dataset = read_dataset_file(source_dir() / "examples/data/small-dataset.json");
    Stance by_ana = dataset.stances.at(0);
    by_ana.id = StanceId{"by-ana"};
    by_ana.coder = "ana";
    Stance by_rui = by_ana;
    by_rui.id = StanceId{"by-rui"};
    by_rui.coder = "rui";
    dataset.stances = {by_ana, by_rui};
    database.open()->import(dataset);
}

inline constexpr const char* a_password = "correct horse battery";

} // namespace stance::test
