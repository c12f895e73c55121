// The PostgreSQL store as Store::open reaches it: src/store/postgres/pg_store.cpp when stance is
// built with STANCE_WITH_POSTGRESQL, else src/store/postgres/pg_unavailable.cpp, which says so.
#pragma once

#include <memory>
#include <string>

#include "stance/store/store.hpp"

namespace stance::detail {

[[nodiscard]] std::unique_ptr<Store> open_postgresql(const std::string& address, const OpenOptions& options);

} // namespace stance::detail
