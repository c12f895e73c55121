#include "store/history_rows.hpp"

#include <SQLiteCpp/Statement.h>

namespace stance::detail {

namespace {

std::optional<std::string> optional_text(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : std::optional{column.getString()};
}

std::optional<std::int64_t> optional_integer(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : std::optional{column.getInt64()};
}

void bind_optional(SQLite::Statement& query, int index, const std::optional<std::string>& text) {
    if (text) {
        query.bind(index, *text);
    }
}

/// The changes of change set `id`, all or only those of `entity` (and `kind`).
std::vector<EntityChange> read_changes(SQLite::Database& db, std::int64_t id, const HistoryFilter& filter) {
    std::string sql = "SELECT kind, entity, before, after FROM change WHERE change_set_id = ?1";
    if (filter.entity) {
        sql += " AND entity = ?2";
        if (filter.kind) {
            sql += " AND kind = ?3";
        }
    }
    SQLite::Statement query(db, sql + " ORDER BY id");
    query.bind(1, id);
    if (filter.entity) {
        query.bind(2, *filter.entity);
        if (filter.kind) {
            query.bind(3, std::string(to_string(*filter.kind)));
        }
    }
    std::vector<EntityChange> changes;
    while (query.executeStep()) {
        EntityChange change;
        change.key.kind = parse_record_kind(query.getColumn(0).getString()).value_or(RecordKind::stance);
        change.key.id = query.getColumn(1).getString();
        change.before = optional_text(query.getColumn(2));
        change.after = optional_text(query.getColumn(3));
        changes.push_back(std::move(change));
    }
    return changes;
}

} // namespace

HistoryWriter::HistoryWriter(SQLite::Database& db, std::string author)
    : ChangeSetWriter(std::move(author), db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM change_set").getInt64()),
      m_statements(db) {}

void HistoryWriter::insert_change(const RecordKey& key, const std::optional<std::string>& before,
                                  const std::optional<std::string>& after) {
    SQLite::Statement& insert =
        m_statements("INSERT INTO change (change_set_id, kind, entity, before, after) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, id());
    insert.bind(2, std::string(to_string(key.kind)));
    insert.bind(3, key.id);
    bind_optional(insert, 4, before);
    bind_optional(insert, 5, after);
    insert.exec();
}

void HistoryWriter::insert_change_set(const ChangeSet& row) {
    SQLite::Statement& insert = m_statements("INSERT INTO change_set (id, action, made_by, made_at, summary, "
                                             "bulk_stances, undoes) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, row.id);
    insert.bind(2, row.action);
    insert.bind(3, row.by);
    insert.bind(4, row.at);
    insert.bind(5, row.summary);
    insert.bind(6, static_cast<std::int64_t>(row.bulk_stances));
    if (row.undoes) {
        insert.bind(7, *row.undoes);
    }
    insert.exec();
}

std::vector<ChangeSet> read_change_sets(SQLite::Database& db, const HistoryFilter& filter) {
    std::string sql = "SELECT c.id, c.action, c.made_by, c.made_at, c.summary, c.bulk_stances, c.undoes, "
                      "(SELECT max(u.id) FROM change_set u WHERE u.undoes = c.id) FROM change_set c WHERE 1 = 1";
    if (filter.change_set) {
        sql += " AND c.id = :set";
    }
    if (filter.entity) {
        sql += " AND c.id IN (SELECT change_set_id FROM change WHERE entity = :entity";
        sql += filter.kind ? " AND kind = :kind)" : ")";
    }
    sql += " ORDER BY c.id DESC LIMIT :limit";
    SQLite::Statement query(db, sql);
    if (filter.change_set) {
        query.bind(":set", *filter.change_set);
    }
    if (filter.entity) {
        query.bind(":entity", *filter.entity);
        if (filter.kind) {
            query.bind(":kind", std::string(to_string(*filter.kind)));
        }
    }
    query.bind(":limit", static_cast<std::int64_t>(filter.limit));
    std::vector<ChangeSet> sets;
    while (query.executeStep()) {
        ChangeSet set;
        set.id = query.getColumn(0).getInt64();
        set.action = query.getColumn(1).getString();
        set.by = query.getColumn(2).getString();
        set.at = query.getColumn(3).getString();
        set.summary = query.getColumn(4).getString();
        set.bulk_stances = static_cast<std::uint64_t>(query.getColumn(5).getInt64());
        set.undoes = optional_integer(query.getColumn(6));
        set.undone_by = optional_integer(query.getColumn(7));
        sets.push_back(std::move(set));
    }
    for (ChangeSet& set : sets) {
        set.changes = read_changes(db, set.id, filter);
    }
    return sets;
}

} // namespace stance::detail
