// Reading stances from the PostgreSQL store, shared by the stance reads (pg_stance_reads.cpp) and
// the vote reads (pg_vote_reads.cpp). Internal.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "stance/store/store.hpp"
#include "store/postgres/pg_connection.hpp"

namespace stance::detail {

/// The views of schema version 9 (pg_schema.cpp): every stance, general and vote; the votes alone.
inline constexpr const char* pg_all_stances = "stance_row";
inline constexpr const char* pg_votes_only = "vote_row";
/// Store::stances' order (effective date, meeting, id) on a select of `pg_stance_select`.
inline constexpr const char* pg_stance_order = " ORDER BY s.effective_date, m.slug, s.slug";

/// The SELECT of stance rows from `source` (alias s) with their names joined, ending in "WHERE true";
/// its columns are what pg_read_stance reads.
[[nodiscard]] std::string pg_stance_select(std::string_view source);

/// " AND …" conditions on stance rows (alias s) for `filter`, their parameters added to `params`.
[[nodiscard]] std::string pg_filter_conditions(const StanceFilter& filter, PgParams& params);

/// The stance in `row` of a select made with pg_stance_select.
[[nodiscard]] Stance pg_read_stance(const PgResult& rows, int row);

/// Closes a cursor however the read ends (a visitor may throw inside an import's transaction).
class PgCursor {
public:
    PgCursor(PgConnection& db, std::string name, const std::string& sql, const PgParams& params)
        : m_db(db), m_name(std::move(name)) {
        m_db.query(fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", m_name, sql), params);
    }
    PgCursor(const PgCursor&) = delete;
    PgCursor& operator=(const PgCursor&) = delete;
    ~PgCursor() {
        try {
            m_db.script("CLOSE " + m_name);
        } catch (...) { // NOLINT(bugprone-empty-catch): the transaction ends the cursor anyway
        }
    }
    PgResult fetch() { return m_db.query(fmt::format("FETCH {} FROM {}", batch, m_name)); }

private:
    static constexpr int batch = 5000;
    PgConnection& m_db;
    std::string m_name;
};

} // namespace stance::detail
