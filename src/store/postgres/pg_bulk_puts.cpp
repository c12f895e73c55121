// Meetings and agenda items a batch at a time (the UN importer's session days and roll calls, a
// dataset's meetings and items): one COPY into a temporary staging table and one upsert from it,
// in place of a round trip to the server or two per entity. The same result as PgWriter::put for
// each in order.
#include <unordered_map>

#include <fmt/format.h>

#include "store/postgres/pg_writer.hpp"

namespace stance::detail {

namespace {

// A table and its staging table: the table's written columns, in the writer's order, and each
// row's place in the batch (n).
struct Staging {
    const char* table;
    const char* name;
    const char* create;
};

constexpr Staging meeting_staging{"meeting", "meeting_staging", R"sql(
CREATE TEMPORARY TABLE meeting_staging (
    slug text, body_id bigint, title text, level text, date text, place text, parent_id bigint, end_date text,
    n bigint) ON COMMIT DROP)sql"};

constexpr Staging item_staging{"agenda_item", "agenda_item_staging", R"sql(
CREATE TEMPORARY TABLE agenda_item_staging (
    slug text, meeting_id bigint, ord integer, title text, code text, description text, important integer,
    amendment integer, paragraph integer, n bigint) ON COMMIT DROP)sql"};

/// Each written slug's row, and whether the upsert inserted it (xmax 0: no transaction replaced it).
using WrittenRows = std::unordered_map<std::string, std::pair<std::int64_t, bool>>;

/// COPYs `rows` (each ending in its place in the batch) into the staging table and upserts them
/// from it in the batch's order, so that new rows are numbered as put() one by one numbers them.
WrittenRows upsert_staged(PgConnection& db, const Staging& staging, const char* columns, const char* upsert_tail,
                          bool& ready, const std::string& rows) {
    if (!ready) {
        db.script(staging.create);
        ready = true;
    }
    db.copy_in(fmt::format("COPY {} ({}, n) FROM STDIN", staging.name, columns), rows);
    const PgResult written = db.query(fmt::format("INSERT INTO {0} ({1}) SELECT {1} FROM {2} ORDER BY n{3} "
                                                  "RETURNING slug, id, xmax = 0",
                                                  staging.table, columns, staging.name, upsert_tail));
    db.script(fmt::format("TRUNCATE {}", staging.name));
    WrittenRows result;
    for (int row = 0; row < written.rows(); ++row) {
        result.emplace(written.text(row, 0), std::pair{written.integer(row, 1), written.text(row, 2) == "t"});
    }
    return result;
}

} // namespace

void PgWriter::put_meetings(std::span<const Meeting> meetings) {
    if (meetings.empty()) {
        return;
    }
    std::string rows;
    for (std::size_t i = 0; i < meetings.size(); ++i) {
        PgParams values = meeting_values(meetings[i]);
        append_copy_row(rows, values.integer(static_cast<std::int64_t>(i)));
    }
    const WrittenRows written =
        upsert_staged(m_db, meeting_staging, meeting_columns, meeting_upsert_tail, m_meeting_staging_ready, rows);
    std::vector<std::int64_t> replaced;
    for (const Meeting& meeting : meetings) {
        const auto [row, is_new] = written.at(meeting.id.str());
        remember(EntityKind::meeting, meeting.id.str(), row);
        m_meeting_dates[row] = meeting.date.iso();
        if (!is_new) {
            replaced.push_back(row);
        }
    }
    if (!replaced.empty()) {
        redate_stances(replaced);
    }
}

void PgWriter::put_agenda_items(std::span<const AgendaItem> items) {
    if (items.empty()) {
        return;
    }
    std::string rows;
    std::vector<std::int64_t> meetings;
    std::vector<std::vector<std::string>> topics;
    meetings.reserve(items.size());
    topics.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        meetings.push_back(row_id(EntityKind::meeting, items[i].meeting.str()));
        PgParams values = agenda_item_values(items[i], meetings.back());
        append_copy_row(rows, values.integer(static_cast<std::int64_t>(i)));
        topics.push_back(topic_rows(items[i]));
    }
    const WrittenRows written =
        upsert_staged(m_db, item_staging, agenda_item_columns, agenda_item_upsert_tail, m_item_staging_ready, rows);
    std::vector<std::int64_t> inserted;
    std::vector<std::vector<std::string>> inserted_topics;
    std::vector<std::int64_t> replaced;
    std::vector<std::vector<std::string>> replaced_topics;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto [row, is_new] = written.at(items[i].id.str());
        remember(EntityKind::agenda_item, items[i].id.str(), row);
        m_item_meetings[row] = meetings[i];
        (is_new ? inserted : replaced).push_back(row);
        (is_new ? inserted_topics : replaced_topics).push_back(std::move(topics[i]));
    }
    insert_item_topics(inserted, inserted_topics);
    if (!replaced.empty()) {
        replace_item_topics(replaced, replaced_topics);
    }
}

} // namespace stance::detail
