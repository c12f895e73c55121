// What every command shares: the global options (--db, --quiet, --busy-timeout, --by) and opening
// the database they name, with the CLI's checks of the path.
#pragma once

#include <memory>
#include <string>

#include "stance/store/store.hpp"

namespace stance {
class CoderDirectory; // stance/team/coders.hpp
} // namespace stance

namespace stance::cli {

struct Context {
    std::string database = "stance.db";
    bool quiet = false;
    int busy_timeout_ms = OpenOptions{}.busy_timeout_ms;
    std::string by; ///< --by: who the history records as making the changes (default the OS user name).

    /// Who the changes of this run are recorded as: --by, else the OS user name.
    [[nodiscard]] std::string author() const;

    /// Opens the database named by --db (or $STANCE_DB). Throws invalid_input_error naming --db for
    /// an empty path or an in-memory database, which would keep nothing.
    [[nodiscard]] std::unique_ptr<Store> open_store(bool read_only = false) const;
    /// The coder accounts and reviews of that database (stance/team/coders.hpp), with the same checks.
    [[nodiscard]] std::unique_ptr<CoderDirectory> open_coders(bool read_only = false) const;

private:
    [[nodiscard]] OpenOptions checked_options(bool read_only) const;
};

} // namespace stance::cli
