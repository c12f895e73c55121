// What the coder directory needs of a backend: the two tables of schema version 8 (coder,
// stance_review), a stance's coder, and transactions. The rules are not here but in
// checked_directory.cpp, above both backends, so SQLite and PostgreSQL keep the same ones.
// Internal to the coder directory.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/stance.hpp"
#include "stance/store/store.hpp"
#include "stance/team/coders.hpp"

namespace stance::detail {

/// An account as stored, with the scrypt record of its password (password_hash.hpp).
struct StoredCoder {
    Coder coder;
    std::string password_hash;
};

class CoderTables {
public:
    CoderTables() = default;
    CoderTables(const CoderTables&) = delete;
    CoderTables& operator=(const CoderTables&) = delete;
    virtual ~CoderTables() = default;

    /// The database's address as messages may show it (without a password).
    [[nodiscard]] virtual const std::string& shown() const = 0;

    /// Runs `work` in one write transaction that holds the writer lock of the database (the one
    /// every import holds), so what it read is still so when it writes; commits when `work`
    /// returns, rolls back when it throws. A backend's failure becomes the stance error that says
    /// it was `doing` this (busy_error when another writer held the lock too long).
    virtual void write(const std::string& doing, const std::function<void()>& work) = 0;
    /// Runs `work` in one read snapshot, backend failures turned into stance errors as by write.
    virtual void read(const std::string& doing, const std::function<void()>& work) const = 0;

    /// Every account, by name.
    [[nodiscard]] virtual std::vector<Coder> all_coders() const = 0;
    [[nodiscard]] virtual std::optional<StoredCoder> find(std::string_view name) const = 0;
    virtual void insert(const Coder& coder, const std::string& password_hash) = 0;
    /// Writes display name, role, permissions and disabled of the account `coder.name`.
    virtual void change(const Coder& coder) = 0;
    virtual void change_password(std::string_view name, const std::string& password_hash) = 0;

    [[nodiscard]] virtual std::optional<Stance> stance(const StanceId& id) const = 0;
    virtual void insert_review(const StanceReview& review) = 0;
    /// Oldest first.
    [[nodiscard]] virtual std::vector<StanceReview> reviews_of(const StanceId& stance) const = 0;
    /// The newest review of each stance, by stance id.
    [[nodiscard]] virtual std::vector<StanceReview> newest_reviews() const = 0;
};

/// The tables of the database at `address`, opened (and migrated) by Store::open with `options`
/// (open_directory.cpp).
[[nodiscard]] std::unique_ptr<CoderTables> open_coder_tables(const std::string& address, const OpenOptions& options);

/// The tables of a SQLite store opened at `address` (sqlite_coder_tables.cpp), which they keep open.
[[nodiscard]] std::unique_ptr<CoderTables> sqlite_coder_tables(std::unique_ptr<Store> store,
                                                               const std::string& address);
/// The tables of a PostgreSQL store opened at `address` (pg_coder_tables.cpp; without PostgreSQL
/// support such a store cannot be open, and pg_coder_tables_unavailable.cpp says so).
[[nodiscard]] std::unique_ptr<CoderTables> postgresql_coder_tables(std::unique_ptr<Store> store,
                                                                   const std::string& address);

} // namespace stance::detail
