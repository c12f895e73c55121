// The coder and stance_review tables of a PostgreSQL store (pg_schema.cpp, version 8); see
// coder_tables.hpp. Statements go through the store's own connection, with bound parameters only.
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/shown_address.hpp"
#include "store/postgres/pg_schema.hpp"
#include "store/postgres/pg_store.hpp"
#include "team/coder_tables.hpp"

namespace stance::detail {

namespace {

constexpr const char* coder_columns = "SELECT name, display_name, role, permissions, disabled::integer, created_at, "
                                      "password_hash FROM coder";
constexpr const char* review_columns = "SELECT stance, verdict, reviewer, comment, reviewed_at FROM stance_review";

StoredCoder read_coder(const PgResult& rows, int row) {
    StoredCoder stored;
    stored.coder.name = rows.text(row, 0);
    stored.coder.display_name = rows.text(row, 1);
    // The CHECK constraint admits only the names the table holds.
    stored.coder.role = parse_coder_role(rows.text(row, 2)).value_or(CoderRole::reader);
    stored.coder.permissions = PermissionSet::from_bits(static_cast<std::uint32_t>(rows.integer(row, 3)));
    stored.coder.disabled = rows.integer(row, 4) != 0;
    stored.coder.created_at = rows.text(row, 5);
    stored.password_hash = rows.text(row, 6);
    return stored;
}

std::vector<StanceReview> read_reviews(const PgResult& rows) {
    std::vector<StanceReview> reviews;
    for (int row = 0; row < rows.rows(); ++row) {
        StanceReview review;
        review.stance = StanceId{rows.text(row, 0)};
        review.verdict = parse_verdict(rows.text(row, 1)).value_or(StanceReview::Verdict::rejected);
        review.reviewer = rows.text(row, 2);
        review.comment = rows.text(row, 3);
        review.reviewed_at = rows.text(row, 4);
        reviews.push_back(std::move(review));
    }
    return reviews;
}

PgParams coder_fields(const Coder& coder) {
    PgParams params;
    params.text(coder.name).text(coder.display_name).text(std::string(to_string(coder.role)));
    params.integer(coder.permissions.bits()).text(coder.disabled ? "true" : "false");
    return params;
}

class PgCoderTables final : public CoderTables {
public:
    PgCoderTables(std::unique_ptr<Store> store, PgStore& pg)
        : m_store(std::move(store)), m_db(pg.connection()), m_shown(pg.shown()) {}

    [[nodiscard]] const std::string& shown() const override { return m_shown; }

    void write(const std::string& doing, const std::function<void()>& work) override {
        try {
            m_db.script("BEGIN");
            // The lock every import session holds (pg_schema.hpp): writers take turns, as in SQLite.
            m_db.query("SELECT pg_advisory_xact_lock($1)", PgParams().integer(pg_writer_lock));
            work();
            m_db.script("COMMIT");
        } catch (const PgFailure& failure) {
            roll_back();
            rethrow_as_stance_error(failure, doing);
        } catch (...) {
            roll_back();
            throw;
        }
    }

    void read(const std::string& doing, const std::function<void()>& work) const override {
        try {
            const auto snapshot = m_store->read_snapshot();
            work();
        } catch (const PgFailure& failure) {
            rethrow_as_stance_error(failure, doing);
        }
    }

    [[nodiscard]] std::vector<Coder> all_coders() const override {
        const PgResult rows = m_db.query(std::string(coder_columns) + " ORDER BY name");
        std::vector<Coder> coders;
        coders.reserve(static_cast<std::size_t>(rows.rows()));
        for (int row = 0; row < rows.rows(); ++row) {
            coders.push_back(read_coder(rows, row).coder);
        }
        return coders;
    }

    [[nodiscard]] std::optional<StoredCoder> find(std::string_view name) const override {
        const PgResult rows =
            m_db.query(std::string(coder_columns) + " WHERE name = $1", PgParams().text(std::string(name)));
        return rows.rows() > 0 ? std::optional(read_coder(rows, 0)) : std::nullopt;
    }

    void insert(const Coder& coder, const std::string& password_hash) override {
        PgParams params = coder_fields(coder);
        params.text(coder.created_at).text(password_hash);
        m_db.query("INSERT INTO coder (name, display_name, role, permissions, disabled, created_at, password_hash) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                   params);
    }

    void change(const Coder& coder) override {
        m_db.query("UPDATE coder SET display_name = $2, role = $3, permissions = $4, disabled = $5 WHERE name = $1",
                   coder_fields(coder));
    }

    void change_password(std::string_view name, const std::string& password_hash) override {
        m_db.query("UPDATE coder SET password_hash = $2 WHERE name = $1",
                   PgParams().text(std::string(name)).text(password_hash));
    }

    [[nodiscard]] std::optional<Stance> stance(const StanceId& id) const override { return m_store->stance(id); }

    void insert_review(const StanceReview& review) override {
        m_db.query("INSERT INTO stance_review (stance, verdict, reviewer, comment, reviewed_at) "
                   "VALUES ($1, $2, $3, $4, $5)",
                   PgParams()
                       .text(review.stance.str())
                       .text(std::string(to_string(review.verdict)))
                       .text(review.reviewer)
                       .text(review.comment)
                       .text(review.reviewed_at));
    }

    [[nodiscard]] std::vector<StanceReview> reviews_of(const StanceId& stance) const override {
        return read_reviews(
            m_db.query(std::string(review_columns) + " WHERE stance = $1 ORDER BY id", PgParams().text(stance.str())));
    }

    [[nodiscard]] std::vector<StanceReview> newest_reviews() const override {
        return read_reviews(m_db.query(std::string(review_columns) +
                                       " WHERE id IN (SELECT max(id) FROM stance_review GROUP BY stance) "
                                       "ORDER BY stance"));
    }

private:
    void roll_back() noexcept {
        try {
            if (m_db.in_transaction()) {
                m_db.script("ROLLBACK");
            }
        } catch (...) { // NOLINT(bugprone-empty-catch): the first failure is the one to report
        }
    }

    std::unique_ptr<Store> m_store;
    PgConnection& m_db;
    std::string m_shown;
};

} // namespace

std::unique_ptr<CoderTables> postgresql_coder_tables(std::unique_ptr<Store> store, const std::string& /*address*/) {
    auto* pg = dynamic_cast<PgStore*>(store.get());
    if (pg == nullptr) {
        throw error("stance opened a store that is not PostgreSQL's where it expected one; please report this");
    }
    return std::make_unique<PgCoderTables>(std::move(store), *pg);
}

} // namespace stance::detail
