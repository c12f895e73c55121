// CoderDirectory::open: the store opened (and migrated) by Store::open, whatever the backend, and
// the directory built over its connection, so that accounts and data share one address and every
// check Store::open makes of it (foreign files, newer schemas, read-only opens).
#include "stance/store/store.hpp"
#include "stance/team/coders.hpp"
#include "team/checked_directory.hpp"
#include "team/coder_tables.hpp"

namespace stance::detail {

std::unique_ptr<CoderTables> open_coder_tables(const std::string& address, const OpenOptions& options) {
    std::unique_ptr<Store> store = Store::open(address, options);
    return is_postgresql_address(address) ? postgresql_coder_tables(std::move(store), address)
                                          : sqlite_coder_tables(std::move(store), address);
}

std::unique_ptr<CoderDirectory> open_coder_directory(const std::string& address, const OpenOptions& options,
                                                     const ScryptCost& cost) {
    return std::make_unique<CheckedCoderDirectory>(open_coder_tables(address, options), options.read_only, cost);
}

} // namespace stance::detail

namespace stance {

std::unique_ptr<CoderDirectory> CoderDirectory::open(const std::string& address, bool read_only) {
    OpenOptions options;
    options.read_only = read_only;
    return open(address, options);
}

std::unique_ptr<CoderDirectory> CoderDirectory::open(const std::string& address, const OpenOptions& options) {
    return detail::open_coder_directory(address, options, detail::password_cost);
}

} // namespace stance
