// Opening the PostgreSQL store and reading entities from it. Stances are read in pg_stance_reads.cpp,
// writes live in pg_import.cpp.
#include "store/postgres/pg_store.hpp"

#include <utility>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/shown_address.hpp"
#include "store/entity_tables.hpp"
#include "store/open_postgresql.hpp"
#include "store/postgres/pg_rows.hpp"
#include "store/postgres/pg_schema.hpp"

namespace stance::detail {

std::unique_ptr<Store> open_postgresql(const std::string& address, const OpenOptions& options) {
    return std::make_unique<PgStore>(address, options);
}

namespace {

// What a class of SQLSTATE means for the user, and what to do; empty when nothing specific applies.
std::string_view advice(const std::string& sqlstate) {
    if (sqlstate.starts_with("08") || sqlstate.starts_with("57")) {
        return "the connection to the PostgreSQL server was lost; nothing of an unfinished import was saved; "
               "check that the server runs and retry";
    }
    if (sqlstate == "53100") {
        return "the server's disk is full: free space and retry; nothing was written";
    }
    if (sqlstate.starts_with("53")) {
        return "the server ran out of a resource (memory or connections); retry later";
    }
    if (sqlstate == "42501") {
        return "the database user may not do this: grant it the privileges on the stance tables, or connect as "
               "their owner";
    }
    if (sqlstate == "25006") {
        return "the database was opened read-only";
    }
    if (sqlstate.starts_with("23")) {
        return "the database refused the write as inconsistent with what it holds; nothing of the import was saved";
    }
    if (sqlstate == "42P01" || sqlstate == "42703") {
        return "the database's stance tables are not as stance made them; restore them from a backup or rebuild "
               "them from your exported datasets";
    }
    return {};
}

bool is_busy(const std::string& sqlstate) {
    // lock_not_available (the lock_timeout passed), serialization_failure, deadlock_detected
    return sqlstate == "55P03" || sqlstate == "40001" || sqlstate == "40P01";
}

} // namespace

[[noreturn]] void rethrow_as_stance_error(const PgFailure& failure, const std::string& doing) {
    const std::string& state = failure.sqlstate();
    if (is_busy(state)) {
        throw busy_error(fmt::format("{}: the database is busy: another writer holds it and did not finish in time; "
                                     "retry when it is done (SQLSTATE {})",
                                     doing, state));
    }
    if (const std::string_view text = advice(state); !text.empty()) {
        throw storage_error(fmt::format("{}: {} (SQLSTATE {})", doing, text, state));
    }
    throw storage_error(fmt::format("{}: the PostgreSQL server refused it (SQLSTATE {})", doing, state));
}

PgReadScope::PgReadScope(PgConnection& db) : m_db(db), m_owns(!db.in_transaction()) {
    if (m_owns) {
        m_db.script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    }
}

PgReadScope::~PgReadScope() {
    if (!m_owns) {
        return;
    }
    try {
        m_db.script(m_db.in_transaction() ? "COMMIT" : "ROLLBACK"); // ends a read: nothing to lose if it fails
    } catch (...) { // NOLINT(bugprone-empty-catch): a destructor must not throw
    }
}

namespace {

std::unique_ptr<PgConnection> connect(const std::string& address, const std::string& shown) {
    try {
        return std::make_unique<PgConnection>(address);
    } catch (const PgFailure&) {
        // libpq's text may name the server's socket, its host lookup or the user; say only what was asked.
        throw storage_error(fmt::format("cannot connect to the PostgreSQL database {}: the server cannot be reached, "
                                        "or refused the user, password or database name; check them, and that the "
                                        "database exists (createdb)",
                                        shown));
    }
}

class PgReadSnapshot final : public ReadSnapshot {
public:
    explicit PgReadSnapshot(PgConnection& db) : m_scope(db) {}

private:
    PgReadScope m_scope;
};

} // namespace

PgStore::PgStore(const std::string& address, const OpenOptions& options)
    : m_shown(shown_address(address)), m_author(options.author.empty() ? os_user_name() : options.author),
      m_read_only(options.read_only), m_db(connect(address, m_shown)) {
    try {
        m_db->query("SELECT set_config('lock_timeout', $1, false)",
                    PgParams().text(std::to_string(options.busy_timeout_ms)));
        if (m_read_only) {
            m_db->script("SET default_transaction_read_only = on");
            const int version = pg_schema_version(*m_db, m_shown);
            if (version != current_schema_version) {
                throw schema_version_error(fmt::format(
                    "{}: schema version {} cannot be read by this stance (version {}) in read-only mode; {}", m_shown,
                    version, current_schema_version,
                    version == 0                       ? "import a dataset into it first (stance import)"
                    : version > current_schema_version ? "upgrade stance"
                                                       : "open it once read-write to migrate it"));
            }
            return;
        }
        pg_migrate(*m_db, current_schema_version, m_shown);
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("opening {}", m_shown));
    }
}

std::unique_ptr<ReadSnapshot> PgStore::read_snapshot() const {
    try {
        return std::make_unique<PgReadSnapshot>(*m_db);
    } catch (const PgFailure& failure) {
        rethrow_as_stance_error(failure, fmt::format("starting a consistent read of {}", m_shown));
    }
}

// PostgreSQL checks its own pages (data checksums, amcheck for indexes, which needs a superuser);
// what stance can check from here is that the schema is the one it wrote and every table answers.
std::vector<std::string> PgStore::integrity_problems(bool quick) const try {
    const PgReadScope scope(*m_db);
    std::vector<std::string> problems;
    if (const int version = pg_schema_version(*m_db, m_shown); version != current_schema_version) {
        problems.push_back(fmt::format("the schema version is {}, not {}", version, current_schema_version));
    }
    if (!quick) {
        // A stance whose search column disagrees with its texts would be missed or mis-found by search.
        const std::int64_t stale =
            m_db->query("SELECT count(*) FROM stance WHERE search IS DISTINCT FROM "
                        "(to_tsvector('stance_search', quote) || to_tsvector('stance_search', paraphrase))")
                .integer(0, 0);
        if (stale > 0) {
            problems.push_back(
                fmt::format("the full-text search column disagrees with the texts of {} stance(s)", stale));
        }
    }
    return problems;
} catch (const PgFailure& failure) {
    return {fmt::format("PostgreSQL could not finish stance's check of {} (SQLSTATE {})", m_shown, failure.sqlstate())};
}

int PgStore::schema_version() const try { return pg_schema_version(*m_db, m_shown); } catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading the schema version from {}", m_shown));
}

bool PgStore::exists(EntityKind kind, const std::string& id) const try {
    if (kind == EntityKind::stance) {
        return stance(StanceId{id}).has_value(); // a general stance or a vote (pg_stance_reads.cpp)
    }
    return m_db->prepared(fmt::format("SELECT 1 FROM {} WHERE slug = $1", table_of(kind)), PgParams().text(id)).rows() >
           0;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading an id from {}", m_shown));
}

namespace {

// A list aggregated into one JSON cell, so that an entity and its names come in one statement.
constexpr const char* actor_names = "(SELECT json_agg(json_build_array(x.language, x.text) ORDER BY x.language, "
                                    "x.rank) FROM actor_alias x WHERE x.actor_id = a.id)";

} // namespace

std::vector<Actor> PgStore::actors() const {
    return actors_where({});
}

std::vector<Actor> PgStore::actors_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared(fmt::format("SELECT a.slug, a.kind, a.name, a.iso2, a.iso3, {} FROM actor a{} "
                                                     "ORDER BY a.slug",
                                                     actor_names, condition.sql),
                                         condition.params());
    std::vector<Actor> result;
    for (int row = 0; row < rows.rows(); ++row) {
        Actor actor;
        actor.id = ActorId{rows.text(row, 0)};
        actor.kind = parse_actor_kind(rows.text(row, 1)).value_or(ActorKind::group);
        actor.name = rows.text(row, 2);
        actor.iso2 = rows.text(row, 3);
        actor.iso3 = rows.text(row, 4);
        actor.aliases = pg_json_names(rows.optional_text(row, 5));
        result.push_back(std::move(actor));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading actors from {}", m_shown));
}

std::vector<Membership> PgStore::memberships() const {
    return memberships_where({});
}

std::vector<Membership> PgStore::memberships_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared("SELECT m.slug, g.slug, ms.date_from, ms.date_to FROM membership ms "
                                         "JOIN actor m ON m.id = ms.member_id JOIN actor g ON g.id = ms.group_id" +
                                             condition.sql + " ORDER BY g.slug, m.slug, ms.date_from",
                                         condition.params());
    std::vector<Membership> result;
    result.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        result.push_back(Membership{ActorId{rows.text(row, 0)}, ActorId{rows.text(row, 1)},
                                    pg_date_or_none(rows.text(row, 2)), pg_date_or_none(rows.text(row, 3))});
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading memberships from {}", m_shown));
}

std::vector<Role> PgStore::roles() const {
    return roles_where({});
}

std::vector<Role> PgStore::roles_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared("SELECT p.slug, r.slug, ro.title, ro.date_from, ro.date_to FROM role ro "
                                         "JOIN actor p ON p.id = ro.person_id JOIN actor r ON r.id = ro.represents_id" +
                                             condition.sql + " ORDER BY p.slug, ro.date_from, r.slug",
                                         condition.params());
    std::vector<Role> result;
    result.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        result.push_back(Role{ActorId{rows.text(row, 0)}, ActorId{rows.text(row, 1)}, rows.text(row, 2),
                              pg_date_or_none(rows.text(row, 3)), pg_date_or_none(rows.text(row, 4))});
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading roles from {}", m_shown));
}

std::vector<Topic> PgStore::topics() const {
    return topics_where({});
}

std::vector<Topic> PgStore::topics_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared(
        "SELECT t.slug, t.label,"
        " (SELECT json_agg(p.slug ORDER BY tp.rank) FROM topic_parent tp JOIN topic p ON p.id = tp.parent_id"
        "   WHERE tp.topic_id = t.id),"
        " (SELECT json_agg(json_build_array(x.language, x.text) ORDER BY x.language, x.rank) FROM topic_alias x"
        "   WHERE x.topic_id = t.id),"
        " (SELECT json_agg(json_build_array(x.language, x.text) ORDER BY x.language) FROM topic_scale_pole x"
        "   WHERE x.topic_id = t.id AND x.pole = 'minus'),"
        " (SELECT json_agg(json_build_array(x.language, x.text) ORDER BY x.language) FROM topic_scale_pole x"
        "   WHERE x.topic_id = t.id AND x.pole = 'plus'),"
        " (SELECT json_agg(json_build_array(s.slug, d.weight) ORDER BY s.slug) FROM topic_direction d"
        "   JOIN topic s ON s.id = d.scale_id WHERE d.topic_id = t.id)"
        " FROM topic t" +
            condition.sql + " ORDER BY t.slug",
        condition.params());
    std::vector<Topic> result;
    for (int row = 0; row < rows.rows(); ++row) {
        Topic topic;
        topic.id = TopicId{rows.text(row, 0)};
        topic.label = rows.text(row, 1);
        topic.parents = pg_json_ids<TopicId>(rows.optional_text(row, 2));
        topic.aliases = pg_json_names(rows.optional_text(row, 3));
        Scale scale{pg_json_names(rows.optional_text(row, 4)), pg_json_names(rows.optional_text(row, 5))};
        if (!scale.minus.empty() || !scale.plus.empty()) {
            topic.scale = std::move(scale);
        }
        topic.directions = pg_json_directions(rows.optional_text(row, 6));
        result.push_back(std::move(topic));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading topics from {}", m_shown));
}

std::vector<Proposition> PgStore::propositions() const {
    return propositions_where({});
}

std::vector<Proposition> PgStore::propositions_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared(
        "SELECT p.slug, t.slug, p.statement,"
        " (SELECT json_agg(json_build_array(s.slug, d.weight) ORDER BY s.slug) FROM proposition_direction d"
        "   JOIN topic s ON s.id = d.scale_id WHERE d.proposition_id = p.id)"
        " FROM proposition p JOIN topic t ON t.id = p.topic_id" +
            condition.sql + " ORDER BY p.slug",
        condition.params());
    std::vector<Proposition> result;
    result.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        result.push_back(Proposition{PropositionId{rows.text(row, 0)}, TopicId{rows.text(row, 1)}, rows.text(row, 2),
                                     pg_json_directions(rows.optional_text(row, 3))});
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading propositions from {}", m_shown));
}

std::vector<Body> PgStore::bodies() const {
    return bodies_where({});
}

std::vector<Body> PgStore::bodies_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared(
        "SELECT b.slug, b.name, o.slug,"
        " (SELECT json_agg(json_build_array(x.language, x.text) ORDER BY x.language, x.rank) FROM body_alias x"
        "   WHERE x.body_id = b.id)"
        " FROM body b LEFT JOIN actor o ON o.id = b.organisation_id" +
            condition.sql + " ORDER BY b.slug",
        condition.params());
    std::vector<Body> result;
    for (int row = 0; row < rows.rows(); ++row) {
        Body body;
        body.id = BodyId{rows.text(row, 0)};
        body.name = rows.text(row, 1);
        if (!rows.null(row, 2)) {
            body.organisation = ActorId{rows.text(row, 2)};
        }
        body.aliases = pg_json_names(rows.optional_text(row, 3));
        result.push_back(std::move(body));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading bodies from {}", m_shown));
}

std::vector<Meeting> PgStore::meetings() const {
    return meetings_where({});
}

std::vector<Meeting> PgStore::meetings_where(const PgCondition& condition) const try {
    const PgResult rows =
        m_db->prepared("SELECT m.slug, b.slug, m.title, m.level, m.date, m.place, p.slug, m.end_date FROM meeting m "
                       "JOIN body b ON b.id = m.body_id LEFT JOIN meeting p ON p.id = m.parent_id" +
                           condition.sql + " ORDER BY m.date, m.slug",
                       condition.params());
    std::vector<Meeting> result;
    for (int row = 0; row < rows.rows(); ++row) {
        Meeting meeting;
        meeting.id = MeetingId{rows.text(row, 0)};
        meeting.body = BodyId{rows.text(row, 1)};
        meeting.title = rows.text(row, 2);
        meeting.level = rows.text(row, 3);
        meeting.date = Date::parse(rows.text(row, 4)).value_or(Date{});
        meeting.place = rows.text(row, 5);
        if (!rows.null(row, 6)) {
            meeting.parent = MeetingId{rows.text(row, 6)};
        }
        meeting.end_date = pg_date_or_none(rows.text(row, 7));
        result.push_back(std::move(meeting));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading meetings from {}", m_shown));
}

std::vector<AgendaItem> PgStore::agenda_items(const std::optional<MeetingId>& meeting) const {
    if (meeting) {
        return agenda_items_where({" WHERE m.slug = $1", {meeting->str()}});
    }
    return agenda_items_where({});
}

namespace {

std::optional<bool> flag(const PgResult& rows, int row, int column) {
    const std::optional<std::int64_t> value = rows.optional_integer(row, column);
    return value ? std::optional{*value != 0} : std::nullopt;
}

} // namespace

std::vector<AgendaItem> PgStore::agenda_items_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared(
        "SELECT ai.slug, m.slug, ai.ord, ai.title, ai.code, ai.description,"
        " (SELECT json_agg(t.slug ORDER BY t.slug) FROM agenda_item_topic x JOIN topic t ON t.id = x.topic_id"
        "   WHERE x.agenda_item_id = ai.id),"
        " ai.important, ai.amendment, ai.paragraph"
        " FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id" +
            condition.sql + " ORDER BY m.date, m.slug, ai.ord, ai.slug",
        condition.params());
    std::vector<AgendaItem> result;
    for (int row = 0; row < rows.rows(); ++row) {
        AgendaItem item;
        item.id = AgendaItemId{rows.text(row, 0)};
        item.meeting = MeetingId{rows.text(row, 1)};
        item.order = static_cast<int>(rows.integer(row, 2));
        item.title = rows.text(row, 3);
        item.code = rows.text(row, 4);
        item.description = rows.text(row, 5);
        item.topics = pg_json_ids<TopicId>(rows.optional_text(row, 6));
        item.roll_call = RollCallFlags{flag(rows, row, 7), flag(rows, row, 8), flag(rows, row, 9)};
        result.push_back(std::move(item));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading agenda items from {}", m_shown));
}

std::vector<Participant> PgStore::participants(const std::optional<MeetingId>& meeting) const {
    if (meeting) {
        return participants_where({" WHERE m.slug = $1", {meeting->str()}});
    }
    return participants_where({});
}

std::vector<Participant> PgStore::participants_where(const PgCondition& condition) const try {
    const PgResult rows = m_db->prepared(
        "SELECT m.slug, a.slug, p.slug, pa.role FROM participant pa JOIN meeting m ON m.id = pa.meeting_id"
        " JOIN actor a ON a.id = pa.actor_id LEFT JOIN actor p ON p.id = pa.person_id" +
            condition.sql + " ORDER BY m.slug, a.slug, p.slug NULLS FIRST",
        condition.params());
    std::vector<Participant> result;
    for (int row = 0; row < rows.rows(); ++row) {
        Participant participant{MeetingId{rows.text(row, 0)}, ActorId{rows.text(row, 1)}, std::nullopt,
                                rows.text(row, 3)};
        if (!rows.null(row, 2)) {
            participant.person = ActorId{rows.text(row, 2)};
        }
        result.push_back(std::move(participant));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading participants from {}", m_shown));
}

namespace {

constexpr const char* document_columns =
    "SELECT slug, title, language, date, author, origin, sha256, text, path FROM document";

Document read_document(const PgResult& rows, int row) {
    Document document;
    document.id = DocumentId{rows.text(row, 0)};
    document.title = rows.text(row, 1);
    document.language = rows.text(row, 2);
    document.date = pg_date_or_none(rows.text(row, 3));
    document.author = rows.text(row, 4);
    document.origin = rows.text(row, 5);
    document.sha256 = rows.text(row, 6);
    document.text = rows.text(row, 7);
    document.path = rows.text(row, 8);
    return document;
}

} // namespace

std::vector<Document> PgStore::documents() const try {
    const PgResult rows = m_db->prepared(std::string(document_columns) + " ORDER BY slug");
    std::vector<Document> result;
    result.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        result.push_back(read_document(rows, row));
    }
    return result;
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading documents from {}", m_shown));
}

std::optional<Document> PgStore::document(const DocumentId& id) const try {
    const PgResult rows = m_db->prepared(std::string(document_columns) + " WHERE slug = $1", PgParams().text(id.str()));
    if (rows.rows() == 0) {
        return std::nullopt;
    }
    return read_document(rows, 0);
} catch (const PgFailure& failure) {
    rethrow_as_stance_error(failure, fmt::format("reading a document from {}", m_shown));
}

} // namespace stance::detail
