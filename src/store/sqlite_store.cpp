// Opening the SQLite store and reading from it. Writing lives in sqlite_import.cpp.
#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <optional>
#include <system_error>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/columns.hpp"
#include "store/open_postgresql.hpp"
#include "store/schema.hpp"
#include "store/stance_reads.hpp"
#include "store/vote_rows.hpp"

namespace stance {

std::unique_ptr<Store> Store::open(const std::string& path, const OpenOptions& options) {
    if (is_postgresql_address(path)) {
        return detail::open_postgresql(path, options);
    }
    return std::make_unique<detail::SqliteStore>(path, options);
}

bool is_temporary_database(std::string_view path) {
    if (path.empty() || path == ":memory:") {
        return true;
    }
    if (!path.starts_with("file:")) {
        return false;
    }
    // An SQLite URI: file::memory:, or any file: URI with mode=memory among its parameters.
    const std::string_view rest = path.substr(5);
    const std::size_t query = rest.find('?');
    const std::string_view name = rest.substr(0, query);
    const std::string_view parameters = query == std::string_view::npos ? std::string_view{} : rest.substr(query);
    return name.empty() || name == ":memory:" || parameters.find("mode=memory") != std::string_view::npos;
}

} // namespace stance

namespace stance::detail {

namespace {

constexpr const char* page_cache_pragma = "PRAGMA cache_size = -65536";

/// A small page cache while a read goes once through the whole database (the integrity check, the
/// export's read of every stance): kept in the store's 64 MiB, its pages would fill it, and the
/// process would grow with the database up to that size for pages it never reads again.
class OnePassRead {
public:
    explicit OnePassRead(SQLite::Database& db) : m_db(db) { m_db.exec("PRAGMA cache_size = -2048"); }
    OnePassRead(const OnePassRead&) = delete;
    OnePassRead& operator=(const OnePassRead&) = delete;
    ~OnePassRead() {
        try {
            m_db.exec(page_cache_pragma);
        } catch (...) { // NOLINT(bugprone-empty-catch): a failed pragma leaves the small cache, still correct
        }
    }

private:
    SQLite::Database& m_db;
};

// A store is used by one thread at a time (database.hpp, docs/library.md): SQLite's own lock around every
// call would only cost time (a tenth of reading the UN votes), so each connection opens without it.
int open_flags(const OpenOptions& options) {
    return SQLite::OPEN_NOMUTEX |
           (options.read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
}

/// `path`, once it is known to name something SQLite can open as intended; SQLite's own errors for a
/// directory ("disk I/O error") or a missing file ("unable to open database file") say neither.
const std::string& openable(const std::string& path, const OpenOptions& options) {
    if (is_temporary_database(path)) {
        return path;
    }
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        throw storage_error(fmt::format("{} is a directory; pass a database file (e.g. {}/stance.db)", path,
                                        std::filesystem::path(path).lexically_normal().string()));
    }
    if (options.read_only && !std::filesystem::exists(path, ignored)) {
        throw storage_error(fmt::format("{} does not exist, so there is nothing to read; check the path, or "
                                        "create the database by importing into it (stance import)",
                                        path));
    }
    return path;
}

/// `path` as an SQLite URI that opens it read-only and immutable.
std::string immutable_uri(const std::string& path) {
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(path).string()) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || std::string_view("/-._~").find(c) != std::string_view::npos) {
            uri += c;
        } else {
            uri += fmt::format("%{:02X}", byte);
        }
    }
    return uri + "?immutable=1";
}

/// Opens `path`. In WAL mode even a reader needs the -wal and -shm files beside the database, and in
/// a folder it may not write it cannot create them (SQLITE_READONLY_DIRECTORY: a copy on read-only
/// media, or another user's folder). When neither file exists, no writer is using the database and
/// its file holds every commit; SQLite's documented way to read such a file is the `immutable` URI
/// parameter (sqlite.org/wal.html, "Read-Only Databases"), which a read-only open then uses.
SQLite::Database open_database(const std::string& path, const OpenOptions& options) {
    SQLite::Database db(path, open_flags(options), options.busy_timeout_ms);
    if (!options.read_only || is_temporary_database(path)) {
        return db;
    }
    try {
        (void)db.execAndGet("SELECT count(*) FROM sqlite_master"); // the first read opens the WAL
        return db;
    } catch (const SQLite::Exception& failure) {
        std::error_code ignored;
        if (failure.getExtendedErrorCode() != SQLITE_READONLY_DIRECTORY ||
            std::filesystem::exists(path + "-wal", ignored) || std::filesystem::exists(path + "-shm", ignored)) {
            throw;
        }
    }
    return {immutable_uri(path), SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
            options.busy_timeout_ms};
}

/// Refuses, before anything in the file changes, what is not a stance database to read or write.
void check_kind(SQLite::Database& db, const std::string& path, const OpenOptions& options) {
    const DatabaseKind kind = classify_database(db);
    if (kind == DatabaseKind::foreign) {
        throw storage_error(fmt::format("{} is an SQLite database but not a stance database; stance leaves it "
                                        "as it is. Pass a stance database, or a new file name to create one",
                                        path));
    }
    if (kind == DatabaseKind::empty && options.read_only) {
        throw storage_error(fmt::format("{} is empty: it holds no stance data yet, so there is nothing to read; "
                                        "import a dataset into it first (stance import)",
                                        path));
    }
}

std::optional<Date> date_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : Date::parse(text);
}

} // namespace

[[noreturn]] void rethrow_as_stance_error(const SQLite::Exception& failure, const std::string& doing) {
    const int code = failure.getExtendedErrorCode();
    if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
        throw storage_error(fmt::format("{}: {} (SQLite error {}): the file is damaged or is not a stance database; "
                                        "restore it from a backup or rebuild it from your exported datasets",
                                        doing, failure.what(), code),
                            code);
    }
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        throw busy_error(fmt::format("{}: the database is busy: another process is writing to it and did not finish "
                                     "in time; retry when it is done ({})",
                                     doing, failure.what()),
                         code);
    }
    if (const std::string_view advice = storage_advice(code); !advice.empty()) {
        throw storage_error(fmt::format("{}: {} ({}, SQLite error {})", doing, advice, failure.what(), code), code);
    }
    throw storage_error(fmt::format("{}: {} (SQLite error {})", doing, failure.what(), code), code);
}

std::string_view storage_advice(int extended_code) noexcept {
    // A full disk shows as SQLITE_FULL, or, when the WAL index cannot grow, as IOERR_SHMSIZE.
    if ((extended_code & 0xff) == SQLITE_FULL || extended_code == SQLITE_IOERR_SHMSIZE) {
        return "the disk is full: free space and retry; nothing was written";
    }
    if ((extended_code & 0xff) == SQLITE_READONLY) {
        return "the database cannot be written: the file or its folder is read-only; give yourself write "
               "permission or copy the database to a writable folder";
    }
    if ((extended_code & 0xff) == SQLITE_CANTOPEN) {
        return "the database file cannot be opened: check the path and that you may read it and its folder";
    }
    return {};
}

SqliteStore::SqliteStore(const std::string& path, const OpenOptions& options) try
    : m_path(path), m_author(options.author.empty() ? os_user_name() : options.author),
      m_db(open_database(openable(path, options), options)) {
    m_db.exec("PRAGMA foreign_keys = ON");
    // 64 MiB of page cache (allocated only as pages are used): a large import then writes each
    // page once at commit instead of spilling the same pages to the log again and again, and
    // queries over a whole vote history find its pages in memory from the second query on.
    m_db.exec(page_cache_pragma);
    check_kind(m_db, path, options);
    if (options.read_only) {
        const int version = read_schema_version(m_db);
        if (version != current_schema_version) {
            throw schema_version_error(fmt::format(
                "{}: schema version {} cannot be read by this stance (version {}) in read-only mode; {}", path, version,
                current_schema_version,
                version > current_schema_version ? "upgrade stance" : "open it once read-write to migrate it"));
        }
        return;
    }
    // A database from a newer stance is refused before anything in it changes, its journal mode included.
    if (read_schema_version(m_db) > current_schema_version) {
        migrate(m_db, current_schema_version); // throws schema_version_error with the whole explanation
    }
    if (!is_temporary_database(path)) {
        // WAL lets readers keep answering while an import writes; FULL makes every commit durable.
        m_db.exec("PRAGMA journal_mode = WAL");
        m_db.exec("PRAGMA synchronous = FULL");
    }
    migrate(m_db, current_schema_version);
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("opening {}", path));
}

namespace {

/// A SAVEPOINT opens a deferred transaction, whose WAL snapshot is fixed by the first read after it.
/// Inside a transaction already open on this connection (an import in progress, or an outer
/// snapshot) reads are consistent anyway, and its prepared statements would refuse a savepoint, so
/// then it does nothing.
class SqliteReadSnapshot final : public ReadSnapshot {
public:
    SqliteReadSnapshot(SQLite::Database& db, const std::string& path)
        : m_db(db), m_active(sqlite3_get_autocommit(db.getHandle()) != 0) {
        if (!m_active) {
            return;
        }
        try {
            m_db.exec("SAVEPOINT stance_read_snapshot");
        } catch (const SQLite::Exception& failure) {
            rethrow_as_stance_error(failure, fmt::format("starting a consistent read of {}", path));
        }
    }
    SqliteReadSnapshot(const SqliteReadSnapshot&) = delete;
    SqliteReadSnapshot& operator=(const SqliteReadSnapshot&) = delete;
    ~SqliteReadSnapshot() override {
        if (!m_active) {
            return;
        }
        try {
            m_db.exec("RELEASE stance_read_snapshot"); // ends a read: nothing to lose if it fails
        } catch (...) {                                // NOLINT(bugprone-empty-catch): a destructor must not throw
        }
    }

private:
    SQLite::Database& m_db;
    bool m_active; // false when nested in a transaction that already gives consistent reads
};

} // namespace

std::unique_ptr<ReadSnapshot> SqliteStore::read_snapshot() const {
    return std::make_unique<SqliteReadSnapshot>(m_db, m_path);
}

std::vector<std::string> SqliteStore::integrity_problems(bool quick) const try {
    const OnePassRead one_pass(m_db);
    SQLite::Statement query(m_db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    std::vector<std::string> problems;
    while (query.executeStep()) {
        if (std::string line = query.getColumn(0).getString(); line != "ok") {
            problems.push_back(std::move(line));
        }
    }
    // SQLite's own check does not look inside the full-text index. FTS5's 'integrity-check' command
    // needs a writable connection, so compare the index's document list with the stances that have text.
    const int unindexed =
        m_db.execAndGet(
                "SELECT (SELECT count(*) FROM stance s WHERE (s.quote <> '' OR s.paraphrase <> '') AND s.id NOT IN "
                "(SELECT id FROM stance_text_docsize)) + (SELECT count(*) FROM stance_text_docsize d WHERE d.id NOT IN "
                "(SELECT id FROM stance WHERE quote <> '' OR paraphrase <> ''))")
            .getInt();
    if (unindexed > 0) {
        problems.push_back(fmt::format("the full-text search index disagrees with the stances on {} stance(s), so "
                                       "`stance search` misses or mis-finds quotes; re-import an export into a new "
                                       "database to rebuild it",
                                       unindexed));
    }
    return problems;
} catch (const SQLite::Exception& failure) {
    return {fmt::format("SQLite could not finish its check of {}: {}", m_path, failure.what())};
}

int SqliteStore::schema_version() const try {
    return read_schema_version(m_db);
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading the schema version from {}", m_path));
}

bool SqliteStore::exists(EntityKind kind, const std::string& id) const try {
    SQLite::Statement query(m_db, fmt::format("SELECT 1 FROM {} WHERE slug = ?", table_of(kind)));
    query.bind(1, id);
    if (query.executeStep()) {
        return true;
    }
    return kind == EntityKind::stance && VoteRows(m_db).contains(id);
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading an id from {}", m_path));
}

std::vector<Name> SqliteStore::aliases(const char* table, const char* key_column, std::int64_t row_id) const {
    const ReadStatements::Lease lease =
        m_reads(fmt::format("SELECT language, text FROM {} WHERE {} = ? ORDER BY language, rank", table, key_column));
    SQLite::Statement& query = *lease;
    query.bind(1, row_id);
    std::vector<Name> names;
    while (query.executeStep()) {
        names.push_back(Name{query.getColumn(0).getString(), query.getColumn(1).getString()});
    }
    return names;
}

std::vector<Actor> SqliteStore::actors() const {
    return actors_where({});
}

std::vector<Actor> SqliteStore::actors_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease =
        m_reads("SELECT id, slug, kind, name, iso2, iso3 FROM actor" + condition.sql + " ORDER BY slug");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Actor> result;
    while (query.executeStep()) {
        Actor actor;
        actor.id = ActorId{query.getColumn(1).getString()};
        actor.kind = parse_actor_kind(query.getColumn(2).getString()).value_or(ActorKind::group);
        actor.name = query.getColumn(3).getString();
        actor.iso2 = query.getColumn(4).getString();
        actor.iso3 = query.getColumn(5).getString();
        actor.aliases = aliases("actor_alias", "actor_id", query.getColumn(0).getInt64());
        result.push_back(std::move(actor));
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading actors from {}", m_path));
}

std::vector<Membership> SqliteStore::memberships() const {
    return memberships_where({});
}

std::vector<Membership> SqliteStore::memberships_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease =
        m_reads("SELECT m.slug, g.slug, ms.date_from, ms.date_to FROM membership ms "
                "JOIN actor m ON m.id = ms.member_id JOIN actor g ON g.id = ms.group_id" +
                condition.sql + " ORDER BY g.slug, m.slug, ms.date_from");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Membership> result;
    while (query.executeStep()) {
        result.push_back(Membership{ActorId{query.getColumn(0).getString()}, ActorId{query.getColumn(1).getString()},
                                    date_or_none(query.getColumn(2).getString()),
                                    date_or_none(query.getColumn(3).getString())});
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading memberships from {}", m_path));
}

std::vector<Role> SqliteStore::roles() const {
    return roles_where({});
}

std::vector<Role> SqliteStore::roles_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease =
        m_reads("SELECT p.slug, r.slug, ro.title, ro.date_from, ro.date_to FROM role ro "
                "JOIN actor p ON p.id = ro.person_id JOIN actor r ON r.id = ro.represents_id" +
                condition.sql + " ORDER BY p.slug, ro.date_from, r.slug");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Role> result;
    while (query.executeStep()) {
        result.push_back(Role{ActorId{query.getColumn(0).getString()}, ActorId{query.getColumn(1).getString()},
                              query.getColumn(2).getString(), date_or_none(query.getColumn(3).getString()),
                              date_or_none(query.getColumn(4).getString())});
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading roles from {}", m_path));
}

std::vector<Topic> SqliteStore::topics() const {
    return topics_where({});
}

std::vector<Topic> SqliteStore::topics_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease =
        m_reads("SELECT t.id, t.slug, t.label,"
                " (SELECT group_concat(slug, char(31)) FROM (SELECT p.slug FROM topic_parent tp"
                "   JOIN topic p ON p.id = tp.parent_id WHERE tp.topic_id = t.id ORDER BY tp.rank))"
                " FROM topic t" +
                condition.sql + " ORDER BY t.slug");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Topic> result;
    while (query.executeStep()) {
        Topic topic;
        const std::int64_t row = query.getColumn(0).getInt64();
        topic.id = TopicId{query.getColumn(1).getString()};
        topic.label = query.getColumn(2).getString();
        if (!query.getColumn(3).isNull()) {
            for (ActorId& slug : split_ids(query.getColumn(3).getString())) {
                topic.parents.emplace_back(slug.str());
            }
        }
        topic.aliases = aliases("topic_alias", "topic_id", row);
        topic.scale = scale_of(row);
        topic.directions = directions("topic_direction", "topic_id", row);
        result.push_back(std::move(topic));
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading topics from {}", m_path));
}

std::optional<Scale> SqliteStore::scale_of(std::int64_t topic_row) const {
    const ReadStatements::Lease lease = m_reads("SELECT pole, language, text FROM topic_scale_pole WHERE topic_id = ? "
                                                "ORDER BY pole, language");
    SQLite::Statement& query = *lease;
    query.bind(1, topic_row);
    Scale scale;
    while (query.executeStep()) {
        Name label{query.getColumn(1).getString(), query.getColumn(2).getString()};
        (query.getColumn(0).getString() == "minus" ? scale.minus : scale.plus).push_back(std::move(label));
    }
    if (scale.minus.empty() && scale.plus.empty()) {
        return std::nullopt;
    }
    return scale;
}

std::vector<Direction> SqliteStore::directions(const char* table, const char* key_column, std::int64_t row) const {
    const ReadStatements::Lease lease =
        m_reads(fmt::format("SELECT t.slug, d.weight FROM {} d JOIN topic t ON t.id = d.scale_id "
                            "WHERE d.{} = ? ORDER BY t.slug",
                            table, key_column));
    SQLite::Statement& query = *lease;
    query.bind(1, row);
    std::vector<Direction> result;
    while (query.executeStep()) {
        result.push_back(Direction{TopicId{query.getColumn(0).getString()}, query.getColumn(1).getDouble()});
    }
    return result;
}

std::vector<Proposition> SqliteStore::propositions() const {
    return propositions_where({});
}

std::vector<Proposition> SqliteStore::propositions_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease = m_reads("SELECT p.slug, t.slug, p.statement, p.id FROM proposition p "
                                                "JOIN topic t ON t.id = p.topic_id" +
                                                condition.sql + " ORDER BY p.slug");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Proposition> result;
    while (query.executeStep()) {
        result.push_back(
            Proposition{PropositionId{query.getColumn(0).getString()}, TopicId{query.getColumn(1).getString()},
                        query.getColumn(2).getString(),
                        directions("proposition_direction", "proposition_id", query.getColumn(3).getInt64())});
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading propositions from {}", m_path));
}

std::vector<Body> SqliteStore::bodies() const {
    return bodies_where({});
}

std::vector<Body> SqliteStore::bodies_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease = m_reads("SELECT b.id, b.slug, b.name, o.slug FROM body b "
                                                "LEFT JOIN actor o ON o.id = b.organisation_id" +
                                                condition.sql + " ORDER BY b.slug");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Body> result;
    while (query.executeStep()) {
        Body body;
        body.id = BodyId{query.getColumn(1).getString()};
        body.name = query.getColumn(2).getString();
        body.organisation = optional_id<ActorId>(query.getColumn(3));
        body.aliases = aliases("body_alias", "body_id", query.getColumn(0).getInt64());
        result.push_back(std::move(body));
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading bodies from {}", m_path));
}

std::vector<Meeting> SqliteStore::meetings() const {
    return meetings_where({});
}

std::vector<Meeting> SqliteStore::meetings_where(const RowCondition& condition) const try {
    const ReadStatements::Lease lease =
        m_reads("SELECT m.slug, b.slug, m.title, m.level, m.date, m.place, p.slug, m.end_date FROM meeting m "
                "JOIN body b ON b.id = m.body_id LEFT JOIN meeting p ON p.id = m.parent_id" +
                condition.sql + " ORDER BY m.date, m.slug");
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Meeting> result;
    while (query.executeStep()) {
        Meeting meeting;
        meeting.id = MeetingId{query.getColumn(0).getString()};
        meeting.body = BodyId{query.getColumn(1).getString()};
        meeting.title = query.getColumn(2).getString();
        meeting.level = query.getColumn(3).getString();
        meeting.date = Date::parse(query.getColumn(4).getString()).value_or(Date{});
        meeting.place = query.getColumn(5).getString();
        meeting.parent = optional_id<MeetingId>(query.getColumn(6));
        meeting.end_date = date_or_none(query.getColumn(7).getString());
        result.push_back(std::move(meeting));
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading meetings from {}", m_path));
}

std::vector<AgendaItem> SqliteStore::agenda_items(const std::optional<MeetingId>& meeting) const {
    if (meeting) {
        return agenda_items_where({" WHERE m.slug = ?", {meeting->str()}});
    }
    return agenda_items_where({});
}

std::vector<AgendaItem> SqliteStore::agenda_items_where(const RowCondition& condition) const try {
    std::string sql = "SELECT ai.slug, m.slug, ai.ord, ai.title, ai.code, ai.description,"
                      " (SELECT group_concat(t.slug, char(31)) FROM (SELECT t.slug FROM agenda_item_topic x"
                      "   JOIN topic t ON t.id = x.topic_id WHERE x.agenda_item_id = ai.id ORDER BY t.slug) t),"
                      " ai.important, ai.amendment, ai.paragraph"
                      " FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id";
    sql += condition.sql + " ORDER BY m.date, m.slug, ai.ord, ai.slug";
    const ReadStatements::Lease lease = m_reads(sql);
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<AgendaItem> result;
    while (query.executeStep()) {
        AgendaItem item;
        item.id = AgendaItemId{query.getColumn(0).getString()};
        item.meeting = MeetingId{query.getColumn(1).getString()};
        item.order = query.getColumn(2).getInt();
        item.title = query.getColumn(3).getString();
        item.code = query.getColumn(4).getString();
        item.description = query.getColumn(5).getString();
        if (!query.getColumn(6).isNull()) {
            for (ActorId& slug : split_ids(query.getColumn(6).getString())) {
                item.topics.emplace_back(slug.str());
            }
        }
        item.roll_call = RollCallFlags{optional_flag(query.getColumn(7)), optional_flag(query.getColumn(8)),
                                       optional_flag(query.getColumn(9))};
        result.push_back(std::move(item));
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading agenda items from {}", m_path));
}

std::vector<Participant> SqliteStore::participants(const std::optional<MeetingId>& meeting) const {
    if (meeting) {
        return participants_where({" WHERE m.slug = ?", {meeting->str()}});
    }
    return participants_where({});
}

std::vector<Participant> SqliteStore::participants_where(const RowCondition& condition) const try {
    std::string sql =
        "SELECT m.slug, a.slug, p.slug, pa.role FROM participant pa JOIN meeting m ON m.id = pa.meeting_id"
        " JOIN actor a ON a.id = pa.actor_id LEFT JOIN actor p ON p.id = pa.person_id";
    sql += condition.sql + " ORDER BY m.slug, a.slug, p.slug";
    const ReadStatements::Lease lease = m_reads(sql);
    SQLite::Statement& query = *lease;
    condition.bind(query);
    std::vector<Participant> result;
    while (query.executeStep()) {
        result.push_back(Participant{MeetingId{query.getColumn(0).getString()}, ActorId{query.getColumn(1).getString()},
                                     optional_id<ActorId>(query.getColumn(2)), query.getColumn(3).getString()});
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading participants from {}", m_path));
}

namespace {

constexpr const char* document_columns =
    "SELECT slug, title, language, date, author, origin, sha256, text, path FROM document";

Document read_document(SQLite::Statement& row) {
    Document document;
    document.id = DocumentId{row.getColumn(0).getString()};
    document.title = row.getColumn(1).getString();
    document.language = row.getColumn(2).getString();
    document.date = date_or_none(row.getColumn(3).getString());
    document.author = row.getColumn(4).getString();
    document.origin = row.getColumn(5).getString();
    document.sha256 = row.getColumn(6).getString();
    document.text = row.getColumn(7).getString();
    document.path = row.getColumn(8).getString();
    return document;
}

} // namespace

std::vector<Document> SqliteStore::documents() const try {
    const ReadStatements::Lease lease = m_reads(std::string(document_columns) + " ORDER BY slug");
    SQLite::Statement& query = *lease;
    std::vector<Document> result;
    while (query.executeStep()) {
        result.push_back(read_document(query));
    }
    return result;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading documents from {}", m_path));
}

std::optional<Document> SqliteStore::document(const DocumentId& id) const try {
    const ReadStatements::Lease lease = m_reads(std::string(document_columns) + " WHERE slug = ?");
    SQLite::Statement& query = *lease;
    query.bind(1, id.str());
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return read_document(query);
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading a document from {}", m_path));
}

std::vector<Stance> SqliteStore::stances(const StanceFilter& filter) const {
    std::vector<Stance> result;
    for_each_stance(filter, [&](const Stance& stance) { result.push_back(stance); });
    return result;
}

void SqliteStore::for_each_stance_by_id(const StanceFilter& filter,
                                        const std::function<void(const Stance&)>& visit) const {
    try {
        const std::unique_ptr<ReadSnapshot> snapshot = read_snapshot(); // the names and the rows from one state
        m_names.refresh(m_db, m_reads);
        const OnePassRead one_pass(m_db);
        read_stances_by_id(m_reads, m_names, filter, visit);
    } catch (const SQLite::Exception& failure) {
        rethrow_as_stance_error(failure, fmt::format("reading stances from {}", m_path));
    }
}

void SqliteStore::for_each_stance(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const {
    try {
        const std::unique_ptr<ReadSnapshot> snapshot = read_snapshot(); // the names and the rows from one state
        m_names.refresh(m_db, m_reads);
        read_stances(m_reads, m_names, filter, visit);
    } catch (const SQLite::Exception& failure) {
        rethrow_as_stance_error(failure, fmt::format("reading stances from {}", m_path));
    }
}

} // namespace stance::detail

namespace stance::detail {

std::optional<Stance> SqliteStore::stance(const StanceId& id) const try {
    SQLite::Statement general(m_db, std::string(general_stance_select) + " AND s.slug = ?");
    general.bind(1, id.str());
    if (general.executeStep()) {
        return read_stance(general);
    }
    // A vote's id is its roll call's prefix and its actor's id; the only roll call it can belong to is
    // the one with the greatest prefix not after it (vote_rows.hpp).
    SQLite::Statement vote(m_db, std::string(vote_stance_select) +
                                     " AND rc.agenda_item_id = (SELECT agenda_item_id FROM roll_call WHERE "
                                     "stance_prefix <= ?1 ORDER BY stance_prefix DESC LIMIT 1) "
                                     "AND rc.stance_prefix || a.slug = ?1");
    vote.bind(1, id.str());
    if (vote.executeStep()) {
        return read_stance(vote);
    }
    return std::nullopt;
} catch (const SQLite::Exception& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading stance \"{}\" from {}", id.str(), m_path));
}

} // namespace stance::detail
