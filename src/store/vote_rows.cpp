// The compact vote table: see vote_rows.hpp.
#include "store/vote_rows.hpp"

#include <sqlite3.h>

#include <span>
#include <string>

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

bool VoteRows::accept_prefix(std::int64_t agenda_item, std::string_view prefix_view) {
    if (auto known = m_roll_calls.find(agenda_item); known != m_roll_calls.end()) {
        return known->second.prefix == prefix_view; // every vote but a roll call's first: no copy made
    }
    const std::string prefix(prefix_view);
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

void VoteRows::write_on_accepted(const VoteRow& row, const std::string& actor_slug) {
    const RollCall& call = m_roll_calls.at(row.agenda_item);
    if (call.general_may_hold_ids) {
        SQLite::Statement& remove = statement("DELETE FROM stance WHERE slug = ?");
        remove.bind(1, call.prefix + actor_slug);
        remove.exec();
    }
    m_staged.push_back(row);
}

void VoteRows::remove_roll_call(std::int64_t agenda_item) {
    flush();
    SQLite::Statement& remove = statement("DELETE FROM vote WHERE agenda_item_id = ?");
    remove.bind(1, agenda_item);
    remove.exec();
    m_roll_calls.erase(agenda_item); // its roll_call row goes with the agenda item
}

// One single-row INSERT OR IGNORE per vote, then an UPDATE when it found the (roll call, actor)
// already stored (a re-import): an upsert in effect, but without a statement journal. SQLite keeps
// one (a temporary file with the original of every page a statement changes, to undo that statement
// alone) for every statement that writes several rows into a table with foreign keys, or that is an
// upsert; each batch of votes touches a page of the by-actor index per country, so batched inserts
// and upserts journaled some 150 pages a statement: 690,000 writes for the history, a third of the
// import's time. A single-row insert needs none (the vote table has had no foreign keys since schema
// version 9; before, their checks ran before the write). Every value bound is a row id or a small
// integer, so no row is ignored for a NULL.
void VoteRows::insert(const VoteRow& row) {
    SQLite::Statement& insert =
        statement("INSERT OR IGNORE INTO vote (agenda_item_id, actor_id, vote, topic_id, document_id, span_start, "
                  "span_length) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, row.agenda_item);
    insert.bind(2, row.actor);
    insert.bind(3, static_cast<int>(row.vote));
    insert.bind(4, row.topic);
    if (row.document) {
        insert.bind(5, *row.document);
        insert.bind(6, row.span_start);
        insert.bind(7, row.span_length);
    }
    if (insert.exec() == 1) {
        return;
    }
    SQLite::Statement& update = statement("UPDATE vote SET vote = ?, topic_id = ?, document_id = ?, span_start = ?, "
                                          "span_length = ? WHERE agenda_item_id = ? AND actor_id = ?");
    update.bind(1, static_cast<int>(row.vote));
    update.bind(2, row.topic);
    if (row.document) {
        update.bind(3, *row.document);
        update.bind(4, row.span_start);
        update.bind(5, row.span_length);
    }
    update.bind(6, row.agenda_item);
    update.bind(7, row.actor);
    update.exec();
}

// Into an empty table, a bulk load writes the rows in the primary key's order (the file's), but the
// by-actor index then takes each vote at another place (one per country): a page of it touched for
// nearly every vote. Built once at the end, from the finished table, it is one sort. A batch this
// large into an empty table is such a load; a re-import into a full table keeps the index as it goes.
constexpr std::size_t bulk_load_rows = 1000;

void VoteRows::set_index_aside_for_bulk_load() {
    m_bulk_load_checked = true;
    SQLite::Database& db = m_statements.database();
    if (db.execAndGet("SELECT EXISTS (SELECT 1 FROM vote)").getInt() != 0) {
        return;
    }
    SQLite::Statement index(db, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'vote_by_actor'");
    if (!index.executeStep()) {
        return;
    }
    std::string create = index.getColumn(0).getString();
    index.reset();
    m_statements.clear();
    try {
        db.exec("DROP INDEX vote_by_actor");
    } catch (const SQLite::Exception& failure) {
        // SQLite refuses to drop it while another statement of this connection is still open;
        // then the index is kept up to date as the votes go in, slower but the same result.
        if (failure.getErrorCode() != SQLITE_LOCKED) {
            throw;
        }
        return;
    }
    m_index_aside = std::move(create);
}

namespace {

// SQLite sorts an index's entries in memory up to the size of the page cache before it spills them
// to temporary files. With the store's 64 MiB cache, the sort of the by-actor index took some 30 MB
// on top of the cache, the import's peak; a small bound for the build costs a few merges instead.
constexpr const char* index_build_cache = "PRAGMA cache_size = -8192"; // KiB

class SmallCacheWhile {
public:
    explicit SmallCacheWhile(SQLite::Database& db) : m_db(db), m_cache(db.execAndGet("PRAGMA cache_size").getInt()) {
        m_db.exec(index_build_cache);
    }
    SmallCacheWhile(const SmallCacheWhile&) = delete;
    SmallCacheWhile& operator=(const SmallCacheWhile&) = delete;
    ~SmallCacheWhile() {
        try {
            m_db.exec("PRAGMA cache_size = " + std::to_string(m_cache));
        } catch (...) { // NOLINT(bugprone-empty-catch): a cache size left small is slower, not wrong
        }
    }

private:
    SQLite::Database& m_db;
    int m_cache;
};

} // namespace

void VoteRows::finish() {
    flush();
    if (!m_index_aside.empty()) {
        m_statements.clear();
        const SmallCacheWhile small_cache(m_statements.database());
        m_statements.database().exec(m_index_aside);
        m_index_aside.clear();
    }
}

namespace {

// A bulk load writes this many votes a statement. With the by-actor index set aside, a statement
// appends to the table's last pages only, so SQLite's statement journal (see VoteRows::insert) has
// next to nothing to keep, and the per-statement work (the program's start, the bindings' reset,
// the call into SQLite) is paid once per 64 votes instead of per vote. 64 × 7 parameters stays far
// below SQLite's limit of 32,766.
constexpr std::size_t votes_per_bulk_insert = 64;

const char* bulk_insert_sql() {
    static const std::string sql = [] {
        std::string text = "INSERT OR REPLACE INTO vote (agenda_item_id, actor_id, vote, topic_id, document_id, "
                           "span_start, span_length) VALUES ";
        for (std::size_t i = 0; i < votes_per_bulk_insert; ++i) {
            text += i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)";
        }
        return text;
    }();
    return sql.c_str();
}

} // namespace

// Many votes a statement, each replacing what an earlier one of the same load wrote for its
// (roll call, actor): the table was empty when the load began, so the only rows to replace are
// the load's own, and the last write wins as it does one vote at a time.
void VoteRows::insert_bulk(std::span<const VoteRow> rows) {
    SQLite::Statement& insert = statement(bulk_insert_sql());
    int parameter = 0;
    for (const VoteRow& row : rows) {
        insert.bind(++parameter, row.agenda_item);
        insert.bind(++parameter, row.actor);
        insert.bind(++parameter, static_cast<int>(row.vote));
        insert.bind(++parameter, row.topic);
        if (row.document) {
            insert.bind(++parameter, *row.document);
            insert.bind(++parameter, row.span_start);
            insert.bind(++parameter, row.span_length);
        } else {
            parameter += 3; // unbound: NULL
        }
    }
    insert.exec();
}

void VoteRows::flush() {
    if (!m_bulk_load_checked && m_staged.size() >= bulk_load_rows) {
        set_index_aside_for_bulk_load();
    }
    const std::span<const VoteRow> staged(m_staged);
    std::size_t done = 0;
    if (!m_index_aside.empty()) {
        for (; done + votes_per_bulk_insert <= staged.size(); done += votes_per_bulk_insert) {
            insert_bulk(staged.subspan(done, votes_per_bulk_insert));
        }
    }
    for (const VoteRow& row : staged.subspan(done)) {
        insert(row);
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
