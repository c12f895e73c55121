#include "store/postgres/pg_history.hpp"

#include <fmt/format.h>

namespace stance::detail {

namespace {

PgParams& optional_text(PgParams& params, const std::optional<std::string>& text) {
    return text ? params.text(*text) : params.null();
}

/// The changes of change set `id`, all or only those of `entity` (and `kind`).
std::vector<EntityChange> read_changes(PgConnection& db, std::int64_t id, const HistoryFilter& filter) {
    std::string sql = "SELECT kind, entity, before, after FROM change WHERE change_set_id = $1";
    PgParams params;
    params.integer(id);
    if (filter.entity) {
        sql += " AND entity = $2";
        params.text(*filter.entity);
        if (filter.kind) {
            sql += " AND kind = $3";
            params.text(std::string(to_string(*filter.kind)));
        }
    }
    const PgResult rows = db.query(sql + " ORDER BY id", params);
    std::vector<EntityChange> changes;
    for (int row = 0; row < rows.rows(); ++row) {
        EntityChange change;
        change.key.kind = parse_record_kind(rows.text(row, 0)).value_or(RecordKind::stance);
        change.key.id = rows.text(row, 1);
        change.before = rows.optional_text(row, 2);
        change.after = rows.optional_text(row, 3);
        changes.push_back(std::move(change));
    }
    return changes;
}

} // namespace

PgHistoryWriter::PgHistoryWriter(PgConnection& db, std::string author)
    : ChangeSetWriter(std::move(author), db.query("SELECT coalesce(max(id), 0) + 1 FROM change_set").integer(0, 0)),
      m_db(db) {}

void PgHistoryWriter::insert_change(const RecordKey& key, const std::optional<std::string>& before,
                                    const std::optional<std::string>& after) {
    PgParams values;
    values.integer(id()).text(std::string(to_string(key.kind))).text(key.id);
    optional_text(values, before);
    optional_text(values, after);
    append_copy_row(m_pending, values);
    constexpr std::size_t enough = std::size_t{4} << 20; // bytes held before a COPY
    if (m_pending.size() >= enough) {
        write_pending_changes();
    }
}

void PgHistoryWriter::write_pending_changes() {
    if (m_pending.empty()) {
        return;
    }
    m_db.copy_in("COPY change (change_set_id, kind, entity, before, after) FROM STDIN", m_pending);
    m_pending.clear();
}

void PgHistoryWriter::insert_change_set(const ChangeSet& row) {
    write_pending_changes();
    PgParams params;
    params.integer(row.id)
        .text(row.action)
        .text(row.by)
        .text(row.at)
        .text(row.summary)
        .integer(static_cast<std::int64_t>(row.bulk_stances))
        .optional_integer(row.undoes);
    m_db.query("INSERT INTO change_set (id, action, made_by, made_at, summary, bulk_stances, undoes) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7)",
               params);
}

std::vector<ChangeSet> pg_read_change_sets(PgConnection& db, const HistoryFilter& filter) {
    std::string sql = "SELECT c.id, c.action, c.made_by, c.made_at, c.summary, c.bulk_stances, c.undoes, "
                      "(SELECT max(u.id) FROM change_set u WHERE u.undoes = c.id) FROM change_set c WHERE true";
    PgParams params;
    if (filter.change_set) {
        sql += fmt::format(" AND c.id = ${}", params.next());
        params.integer(*filter.change_set);
    }
    if (filter.entity) {
        sql += fmt::format(" AND c.id IN (SELECT change_set_id FROM change WHERE entity = ${}", params.next());
        params.text(*filter.entity);
        if (filter.kind) {
            sql += fmt::format(" AND kind = ${}", params.next());
            params.text(std::string(to_string(*filter.kind)));
        }
        sql += ")";
    }
    sql += fmt::format(" ORDER BY c.id DESC LIMIT ${}", params.next());
    params.integer(static_cast<std::int64_t>(filter.limit));
    const PgResult rows = db.query(sql, params);
    std::vector<ChangeSet> sets;
    for (int row = 0; row < rows.rows(); ++row) {
        ChangeSet set;
        set.id = rows.integer(row, 0);
        set.action = rows.text(row, 1);
        set.by = rows.text(row, 2);
        set.at = rows.text(row, 3);
        set.summary = rows.text(row, 4);
        set.bulk_stances = static_cast<std::uint64_t>(rows.integer(row, 5));
        set.undoes = rows.optional_integer(row, 6);
        set.undone_by = rows.optional_integer(row, 7);
        sets.push_back(std::move(set));
    }
    for (ChangeSet& set : sets) {
        set.changes = read_changes(db, set.id, filter);
    }
    return sets;
}

} // namespace stance::detail
