// Agenda items a batch at a time (the UN importer's roll calls, a dataset's items): one COPY into a
// temporary staging table, one upsert from it, one insert of the new items' topics, in place of a
// round trip to the server or two per item. The same result as PgWriter::put for each item in order.
#include <unordered_map>

#include <fmt/format.h>

#include "store/postgres/pg_writer.hpp"

namespace stance::detail {

namespace {

// The agenda item table's written columns, in agenda_item_columns' order, and the item's place in the batch.
constexpr const char* staging_table = R"sql(
CREATE TEMPORARY TABLE agenda_item_staging (
    slug text, meeting_id bigint, ord integer, title text, code text, description text, important integer,
    amendment integer, paragraph integer, n bigint) ON COMMIT DROP)sql";

} // namespace

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
    if (!m_item_staging_ready) {
        m_db.script(staging_table);
        m_item_staging_ready = true;
    }
    m_db.copy_in(fmt::format("COPY agenda_item_staging ({}, n) FROM STDIN", agenda_item_columns), rows);
    // In the batch's order, so that the rows are numbered as put() one by one numbers them.
    static const std::string upsert =
        fmt::format("INSERT INTO agenda_item ({0}) SELECT {0} FROM agenda_item_staging ORDER BY n{1} "
                    "RETURNING slug, id, xmax = 0",
                    agenda_item_columns, agenda_item_upsert_tail);
    const PgResult written = m_db.query(upsert);
    m_db.script("TRUNCATE agenda_item_staging");
    std::unordered_map<std::string, std::pair<std::int64_t, bool>> written_rows; // slug → row, inserted
    for (int row = 0; row < written.rows(); ++row) {
        written_rows.emplace(written.text(row, 0), std::pair{written.integer(row, 1), written.text(row, 2) == "t"});
    }
    std::vector<std::int64_t> inserted;
    std::vector<std::vector<std::string>> inserted_topics;
    std::vector<std::int64_t> replaced;
    std::vector<std::vector<std::string>> replaced_topics;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto [row, is_new] = written_rows.at(items[i].id.str());
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
