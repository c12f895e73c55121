// The coder and stance_review tables of a SQLite store (schema.cpp, version 8); see coder_tables.hpp.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/shown_address.hpp"
#include "store/sqlite_store.hpp"
#include "team/coder_tables.hpp"

namespace stance::detail {

namespace {

constexpr const char* coder_columns = "SELECT name, display_name, role, permissions, disabled, created_at, "
                                      "password_hash FROM coder";
constexpr const char* review_columns = "SELECT stance, verdict, reviewer, comment, reviewed_at FROM stance_review";

StoredCoder read_coder(SQLite::Statement& row) {
    StoredCoder stored;
    stored.coder.name = row.getColumn(0).getString();
    stored.coder.display_name = row.getColumn(1).getString();
    // The CHECK constraint admits only the names the table holds.
    stored.coder.role = parse_coder_role(row.getColumn(2).getString()).value_or(CoderRole::reader);
    stored.coder.permissions = PermissionSet::from_bits(static_cast<std::uint32_t>(row.getColumn(3).getInt64()));
    stored.coder.disabled = row.getColumn(4).getInt() != 0;
    stored.coder.created_at = row.getColumn(5).getString();
    stored.password_hash = row.getColumn(6).getString();
    return stored;
}

StanceReview read_review(SQLite::Statement& row) {
    StanceReview review;
    review.stance = StanceId{row.getColumn(0).getString()};
    review.verdict = parse_verdict(row.getColumn(1).getString()).value_or(StanceReview::Verdict::rejected);
    review.reviewer = row.getColumn(2).getString();
    review.comment = row.getColumn(3).getString();
    review.reviewed_at = row.getColumn(4).getString();
    return review;
}

std::vector<StanceReview> all_reviews(SQLite::Statement& query) {
    std::vector<StanceReview> reviews;
    while (query.executeStep()) {
        reviews.push_back(read_review(query));
    }
    return reviews;
}

class SqliteCoderTables final : public CoderTables {
public:
    SqliteCoderTables(std::unique_ptr<Store> store, SqliteStore& sqlite, std::string shown)
        : m_store(std::move(store)), m_db(sqlite.database()), m_shown(std::move(shown)) {}

    [[nodiscard]] const std::string& shown() const override { return m_shown; }

    void write(const std::string& doing, const std::function<void()>& work) override {
        try {
            // IMMEDIATE takes SQLite's one write lock now, as every import session does.
            SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
            work();
            transaction.commit();
        } catch (const SQLite::Exception& failure) {
            rethrow_as_stance_error(failure, doing);
        }
    }

    void read(const std::string& doing, const std::function<void()>& work) const override {
        try {
            const auto snapshot = m_store->read_snapshot();
            work();
        } catch (const SQLite::Exception& failure) {
            rethrow_as_stance_error(failure, doing);
        }
    }

    [[nodiscard]] std::vector<Coder> all_coders() const override {
        SQLite::Statement query(m_db, std::string(coder_columns) + " ORDER BY name");
        std::vector<Coder> coders;
        while (query.executeStep()) {
            coders.push_back(read_coder(query).coder);
        }
        return coders;
    }

    [[nodiscard]] std::optional<StoredCoder> find(std::string_view name) const override {
        SQLite::Statement query(m_db, std::string(coder_columns) + " WHERE name = ?");
        query.bind(1, std::string(name));
        return query.executeStep() ? std::optional(read_coder(query)) : std::nullopt;
    }

    void insert(const Coder& coder, const std::string& password_hash) override {
        SQLite::Statement insert(m_db, "INSERT INTO coder (name, display_name, role, permissions, disabled, "
                                       "created_at, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, coder.name);
        insert.bind(2, coder.display_name);
        insert.bind(3, std::string(to_string(coder.role)));
        insert.bind(4, static_cast<std::int64_t>(coder.permissions.bits()));
        insert.bind(5, coder.disabled ? 1 : 0);
        insert.bind(6, coder.created_at);
        insert.bind(7, password_hash);
        insert.exec();
    }

    void change(const Coder& coder) override {
        SQLite::Statement update(m_db, "UPDATE coder SET display_name = ?, role = ?, permissions = ?, disabled = ? "
                                       "WHERE name = ?");
        update.bind(1, coder.display_name);
        update.bind(2, std::string(to_string(coder.role)));
        update.bind(3, static_cast<std::int64_t>(coder.permissions.bits()));
        update.bind(4, coder.disabled ? 1 : 0);
        update.bind(5, coder.name);
        update.exec();
    }

    void change_password(std::string_view name, const std::string& password_hash) override {
        SQLite::Statement update(m_db, "UPDATE coder SET password_hash = ? WHERE name = ?");
        update.bind(1, password_hash);
        update.bind(2, std::string(name));
        update.exec();
    }

    [[nodiscard]] std::optional<Stance> stance(const StanceId& id) const override { return m_store->stance(id); }

    void insert_review(const StanceReview& review) override {
        SQLite::Statement insert(m_db, "INSERT INTO stance_review (stance, verdict, reviewer, comment, reviewed_at) "
                                       "VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, review.stance.str());
        insert.bind(2, std::string(to_string(review.verdict)));
        insert.bind(3, review.reviewer);
        insert.bind(4, review.comment);
        insert.bind(5, review.reviewed_at);
        insert.exec();
    }

    [[nodiscard]] std::vector<StanceReview> reviews_of(const StanceId& stance) const override {
        SQLite::Statement query(m_db, std::string(review_columns) + " WHERE stance = ? ORDER BY id");
        query.bind(1, stance.str());
        return all_reviews(query);
    }

    [[nodiscard]] std::vector<StanceReview> newest_reviews() const override {
        SQLite::Statement query(m_db, std::string(review_columns) +
                                          " WHERE id IN (SELECT max(id) FROM stance_review GROUP BY stance) "
                                          "ORDER BY stance");
        return all_reviews(query);
    }

private:
    std::unique_ptr<Store> m_store;
    SQLite::Database& m_db;
    std::string m_shown;
};

} // namespace

std::unique_ptr<CoderTables> sqlite_coder_tables(std::unique_ptr<Store> store, const std::string& address) {
    auto* sqlite = dynamic_cast<SqliteStore*>(store.get());
    if (sqlite == nullptr) {
        throw error("stance opened a store that is not SQLite's where it expected one; please report this");
    }
    return std::make_unique<SqliteCoderTables>(std::move(store), *sqlite, shown_address(address));
}

} // namespace stance::detail
