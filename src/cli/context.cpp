// Opening the database the global options name; see context.hpp.
#include "context.hpp"

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/history.hpp"
#include "stance/team/coders.hpp"

namespace stance::cli {

std::unique_ptr<Store> Context::open_store(bool read_only) const {
    return Store::open(database, checked_options(read_only));
}

std::unique_ptr<CoderDirectory> Context::open_coders(bool read_only) const {
    return CoderDirectory::open(database, checked_options(read_only));
}

OpenOptions Context::checked_options(bool read_only) const {
    if (database.empty()) {
        throw invalid_input_error("--db", "the database path is empty (an unset variable?); pass a database file, "
                                          "e.g. --db stance.db");
    }
    if (is_temporary_database(database)) {
        throw invalid_input_error(
            "--db", fmt::format("\"{}\" is an in-memory database: it starts empty and is gone when stance exits, so "
                                "{}; pass a database file, e.g. --db stance.db",
                                database, read_only ? "there is nothing to read" : "nothing would be kept"));
    }
    OpenOptions options;
    options.read_only = read_only;
    options.busy_timeout_ms = busy_timeout_ms;
    options.author = author();
    return options;
}

std::string Context::author() const {
    return by.empty() ? os_user_name() : by;
}

} // namespace stance::cli
