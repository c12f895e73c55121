// The compact vote table: see vote_rows.hpp.
#include "store/vote_rows.hpp"

#include <algorithm>
#include <span>
#include <string_view>

namespace stance::detail {

std::string prefix_upper_bound(std::string prefix) {
    // Drop trailing 0xff bytes, then increment the last byte: every extension of prefix sorts below.
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) {
        prefix.pop_back();
    }
    if (prefix.empty()) {
        return std::string(1, '\xff') + std::string(64, '\xff');
    }
    prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

SQLite::Statement& VoteRows::statement(const char* sql) {
    return m_statements(sql);
}

namespace {

bool general_table_may_hold(SQLite::Statement& query, const std::string& prefix) {
    query.bind(1, prefix);
    query.bind(2, prefix_upper_bound(prefix));
    return query.executeStep() && query.getColumn(0).getInt() != 0;
}

} // namespace

bool VoteRows::accept_prefix(std::int64_t agenda_item, const std::string& prefix) {
    if (auto known = m_roll_calls.find(agenda_item); known != m_roll_calls.end()) {
        return known->second.prefix == prefix;
    }
    SQLite::Statement& stored = statement("SELECT stance_prefix FROM roll_call WHERE agenda_item_id = ?");
    stored.bind(1, agenda_item);
    std::optional<std::string> existing;
    if (stored.executeStep()) {
        existing = stored.getColumn(0).getString();
    }
    if (!existing) {
        // Prefixes stay free of one another, so that a stance id has at most one owner (vote_rows.hpp).
        SQLite::Statement& below = statement(
            "SELECT stance_prefix FROM roll_call WHERE stance_prefix <= ? ORDER BY stance_prefix DESC LIMIT 1");
        below.bind(1, prefix);
        if (below.executeStep() && prefix.starts_with(below.getColumn(0).getString())) {
            return false;
        }
        SQLite::Statement& above =
            statement("SELECT stance_prefix FROM roll_call WHERE stance_prefix > ? ORDER BY stance_prefix LIMIT 1");
        above.bind(1, prefix);
        if (above.executeStep() && above.getColumn(0).getString().starts_with(prefix)) {
            return false;
        }
        SQLite::Statement& insert = statement("INSERT INTO roll_call (agenda_item_id, stance_prefix) VALUES (?, ?)");
        insert.bind(1, agenda_item);
        insert.bind(2, prefix);
        insert.exec();
    }
    RollCall& call = m_roll_calls[agenda_item];
    call.prefix = existing.value_or(prefix);
    call.general_may_hold_ids = general_table_may_hold(
        statement("SELECT EXISTS (SELECT 1 FROM stance WHERE slug >= ? AND slug < ?)"), call.prefix);
    return call.prefix == prefix;
}

void VoteRows::write(const VoteRow& row, const std::string& slug) {
    if (auto call = m_roll_calls.find(row.agenda_item);
        call == m_roll_calls.end() || call->second.general_may_hold_ids) {
        SQLite::Statement& remove = statement("DELETE FROM stance WHERE slug = ?");
        remove.bind(1, slug);
        remove.exec();
    }
    m_staged.push_back(row);
}

namespace {

constexpr std::string_view insert_head =
    "INSERT INTO vote (agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length) VALUES ";
constexpr std::string_view insert_tail =
    " ON CONFLICT (agenda_item_id, actor_id) DO UPDATE SET vote = excluded.vote, topic_id = excluded.topic_id, "
    "document_id = excluded.document_id, span_start = excluded.span_start, span_length = excluded.span_length";

std::string insert_sql(std::size_t rows) {
    std::string sql(insert_head);
    for (std::size_t i = 0; i < rows; ++i) {
        sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)";
    }
    sql += insert_tail;
    return sql;
}

void bind_rows(SQLite::Statement& insert, std::span<const VoteRow> rows) {
    int column = 0;
    for (const VoteRow& row : rows) {
        insert.bind(++column, row.agenda_item);
        insert.bind(++column, row.actor);
        insert.bind(++column, static_cast<int>(row.vote));
        insert.bind(++column, row.topic);
        if (row.document) {
            insert.bind(++column, *row.document);
            insert.bind(++column, row.span_start);
            insert.bind(++column, row.span_length);
        } else {
            column += 3; // left unbound: NULL, no source
        }
    }
}

} // namespace

// Many rows per INSERT: a single-row insert into a table with foreign keys makes SQLite keep a
// statement journal (a temporary file, two writes a row); a statement of a few hundred rows pays
// for it once, and the rows go straight from memory to the table (no staging table to fill and read).
void VoteRows::flush() {
    std::span<const VoteRow> rows(m_staged);
    while (!rows.empty()) {
        const std::size_t count = std::min(rows.size(), rows_per_insert);
        if (count == rows_per_insert) {
            if (!m_full_insert) {
                m_full_insert = std::make_unique<SQLite::Statement>(m_db, insert_sql(rows_per_insert));
            }
            m_full_insert->reset();
            m_full_insert->clearBindings();
            bind_rows(*m_full_insert, rows.first(count));
            m_full_insert->exec();
        } else {
            SQLite::Statement rest(m_db, insert_sql(count));
            bind_rows(rest, rows.first(count));
            rest.exec();
        }
        rows = rows.subspan(count);
    }
    m_staged.clear();
}

std::optional<VoteRows::Found> VoteRows::find(const std::string& slug) {
    // In a set of prefixes none of which starts another, the only candidate is the greatest one <= slug.
    SQLite::Statement& owner = statement("SELECT agenda_item_id, stance_prefix FROM roll_call WHERE stance_prefix <= ? "
                                         "ORDER BY stance_prefix DESC LIMIT 1");
    owner.bind(1, slug);
    if (!owner.executeStep()) {
        return std::nullopt;
    }
    const std::string prefix = owner.getColumn(1).getString();
    if (!slug.starts_with(prefix) || slug.size() == prefix.size()) {
        return std::nullopt;
    }
    return Found{owner.getColumn(0).getInt64(), slug.substr(prefix.size())};
}

void VoteRows::erase(const std::string& slug) {
    flush(); // a vote written earlier in this batch may be the one to erase
    const std::optional<Found> found = find(slug);
    if (!found) {
        return;
    }
    if (auto call = m_roll_calls.find(found->agenda_item); call != m_roll_calls.end()) {
        call->second.general_may_hold_ids = true; // the general stance being written has this prefix
    }
    SQLite::Statement& remove = statement("DELETE FROM vote WHERE agenda_item_id = ? AND actor_id = "
                                          "(SELECT id FROM actor WHERE slug = ?)");
    remove.bind(1, found->agenda_item);
    remove.bind(2, found->actor_slug);
    remove.exec();
}

bool VoteRows::contains(const std::string& slug) {
    flush();
    const std::optional<Found> found = find(slug);
    if (!found) {
        return false;
    }
    SQLite::Statement& query =
        statement("SELECT 1 FROM vote v JOIN actor a ON a.id = v.actor_id WHERE v.agenda_item_id = ? AND a.slug = ?");
    query.bind(1, found->agenda_item);
    query.bind(2, found->actor_slug);
    return query.executeStep();
}

} // namespace stance::detail
