// Writing to the SQLite store: one IMMEDIATE transaction per ImportSession, upserts keyed by slug.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/model/vote.hpp"
#include "store/checked_session.hpp"
#include "store/checked_writes.hpp"
#include "store/history_rows.hpp"
#include "store/sqlite_store.hpp"
#include "store/sqlite_written.hpp"
#include "store/statement_cache.hpp"
#include "store/suggestion_rows.hpp"
#include "store/vote_rows.hpp"
#include "store/write_rules.hpp"

namespace stance::detail {

namespace {

std::string date_text(const std::optional<Date>& date) {
    return date ? date->iso() : std::string{};
}

class SqliteImportSession final : public ImportSession {
public:
    explicit SqliteImportSession(SQLite::Database& db)
        : m_db(db), m_transaction(db, SQLite::TransactionBehavior::IMMEDIATE), m_statements(db), m_votes(db) {}

    void put(const Document& document) override;
    void put(const Actor& actor) override;
    void put(const Membership& membership) override;
    void put(const Role& role) override;
    void put(const Topic& topic) override;
    void put(const Proposition& proposition) override;
    void put(const Body& body) override;
    void put(const Meeting& meeting) override;
    void put(const AgendaItem& item) override;
    void put(const Participant& participant) override;
    void put(const Stance& stance) override;
    void put_stances(std::span<const Stance> stances) override;
    void put_votes(std::span<const RollCallVotes> roll_calls) override;
    void remove(const ActorAlias& alias) override;
    std::int64_t put(const Suggestion& suggestion) override;
    void remove(const RecordKey& key) override;
    // The history belongs to the checked session that wraps this one.
    std::optional<std::string> recorded_state(const RecordKey&) override { return std::nullopt; }
    void note(const ChangeNote&) override {}
    [[nodiscard]] std::int64_t change_set_id() const override { return 0; }
    void commit() override;

    /// The id the last put of a suggestion gave it.
    [[nodiscard]] std::int64_t last_suggestion() const noexcept { return m_last_suggestion; }

private:
    // A stance's references as row ids, and the date it takes from its meeting.
    struct ResolvedStance {
        std::int64_t actor = 0;
        std::int64_t topic = 0;
        std::int64_t meeting = 0;
        std::optional<std::int64_t> speaker;
        std::optional<std::int64_t> reported_by;
        std::optional<std::int64_t> proposition;
        std::optional<std::int64_t> agenda_item;
        std::optional<std::int64_t> document;
        std::string effective_date;
    };
    ResolvedStance resolve(const Stance& stance);
    static void bind(SQLite::Statement& q, const Stance& stance, const ResolvedStance& resolved);
    void put_includes(std::int64_t row, const Stance& stance);
    std::optional<VoteRow> as_vote(const Stance& stance, const ResolvedStance& resolved);
    std::int64_t meeting_of_item(std::int64_t agenda_item);
    void stage_general(std::span<const Stance* const> stances);

    // Prepared once per session and reused: bulk imports call put() hundreds of thousands of times.
    SQLite::Statement& statement(const char* sql);
    std::int64_t row_id(EntityKind kind, const std::string& slug);
    std::optional<std::int64_t> optional_row_id(EntityKind kind, const std::string& slug);
    std::int64_t upsert(const char* sql, const std::function<void(SQLite::Statement&)>& bind);
    void put_aliases(const char* table, const char* key_column, std::int64_t row, const std::vector<Name>& names);
    void replace_rows(const char* delete_sql, std::int64_t row);
    void put_poles(std::int64_t topic, const char* pole, const std::vector<Name>& labels);
    void put_directions(const char* table, const char* key_column, std::int64_t row,
                        const std::vector<Direction>& directions);
    void insert_direction(const PendingDirection& direction, std::int64_t scale);
    void write_pending_directions();
    void remember(EntityKind kind, const std::string& slug, std::int64_t row) {
        m_ids[index(kind)][slug] = row;
        m_last_rows[index(kind)] = LastRow{};
    }
    static std::size_t index(EntityKind kind) { return static_cast<std::size_t>(kind); }
    struct LastRow {
        std::string slug;
        std::int64_t row = 0; // 0: none (SQLite row ids start at 1)
    };

    SQLite::Database& m_db;
    SQLite::Transaction m_transaction;
    StatementCache m_statements;
    std::array<std::unordered_map<std::string, std::int64_t>, 8> m_ids;
    std::array<LastRow, 8> m_last_rows; // the last lookup per kind (optional_row_id)
    std::unordered_map<std::int64_t, std::string> m_meeting_dates;
    std::unordered_map<std::int64_t, std::int64_t> m_item_meetings; // agenda item row → meeting row
    bool m_staging_ready = false;
    std::vector<PendingDirection> m_pending_directions;
    VoteRows m_votes;
    std::int64_t m_last_suggestion = 0;
};

SQLite::Statement& SqliteImportSession::statement(const char* sql) {
    return m_statements(sql);
}

std::optional<std::int64_t> SqliteImportSession::optional_row_id(EntityKind kind, const std::string& slug) {
    // A bulk import's stances come in runs that share their meeting, agenda item, topic and
    // document: the last answer per kind is checked first, before hashing the slug.
    LastRow& last = m_last_rows[index(kind)];
    if (last.row != 0 && last.slug == slug) {
        return last.row;
    }
    auto& cache = m_ids[index(kind)];
    std::int64_t row = 0;
    if (auto found = cache.find(slug); found != cache.end()) {
        row = found->second;
    } else {
        SQLite::Statement query(m_db, fmt::format("SELECT id FROM {} WHERE slug = ?", table_of(kind)));
        query.bind(1, slug);
        if (!query.executeStep()) {
            return std::nullopt;
        }
        row = query.getColumn(0).getInt64();
        cache.emplace(slug, row);
    }
    last.slug = slug;
    last.row = row;
    return row;
}

std::int64_t SqliteImportSession::row_id(EntityKind kind, const std::string& slug) {
    return known_row(optional_row_id(kind, slug), kind, slug);
}

std::int64_t SqliteImportSession::upsert(const char* sql, const std::function<void(SQLite::Statement&)>& bind) {
    SQLite::Statement& query = statement(sql);
    bind(query);
    if (!query.executeStep()) {
        throw storage_error(fmt::format("upsert returned no row: {}", sql));
    }
    const std::int64_t row = query.getColumn(0).getInt64();
    query.reset(); // done: an open statement would keep a bulk load from setting an index aside (vote_rows.cpp)
    return row;
}

void SqliteImportSession::put_aliases(const char* table, const char* key_column, std::int64_t row,
                                      const std::vector<Name>& names) {
    // Aliases accumulate across imports, so two coders' name lists merge instead of overwriting.
    const std::string sql = fmt::format("INSERT OR IGNORE INTO {0} ({1}, language, text, rank) "
                                        "VALUES (?1, ?2, ?3, (SELECT count(*) FROM {0} WHERE {1} = ?1))",
                                        table, key_column);
    SQLite::Statement query(m_db, sql);
    for (const Name& name : names) {
        query.reset();
        query.bind(1, row);
        query.bind(2, name.language);
        query.bind(3, name.text);
        query.exec();
    }
}

void SqliteImportSession::put(const Document& document) {
    const std::int64_t row = upsert(
        "INSERT INTO document (slug, title, language, date, author, origin, sha256, text, path) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET title = excluded.title, "
        "language = excluded.language, date = excluded.date, author = excluded.author, origin = excluded.origin, "
        "sha256 = excluded.sha256, text = excluded.text, path = excluded.path RETURNING id",
        [&](SQLite::Statement& q) {
            q.bind(1, document.id.str());
            q.bind(2, document.title);
            q.bind(3, document.language);
            q.bind(4, date_text(document.date));
            q.bind(5, document.author);
            q.bind(6, document.origin);
            q.bind(7, document.sha256);
            q.bind(8, document.text);
            q.bind(9, document.path);
        });
    remember(EntityKind::document, document.id.str(), row);
}

void SqliteImportSession::put(const Actor& actor) {
    const std::int64_t row = upsert(
        "INSERT INTO actor (slug, kind, name, iso2, iso3) VALUES (?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET "
        "kind = excluded.kind, name = excluded.name, iso2 = excluded.iso2, iso3 = excluded.iso3 RETURNING id",
        [&](SQLite::Statement& q) {
            q.bind(1, actor.id.str());
            q.bind(2, std::string(to_string(actor.kind)));
            q.bind(3, actor.name);
            q.bind(4, actor.iso2);
            q.bind(5, actor.iso3);
        });
    remember(EntityKind::actor, actor.id.str(), row);
    put_aliases("actor_alias", "actor_id", row, actor.aliases);
}

void SqliteImportSession::put(const Membership& membership) {
    SQLite::Statement& q =
        statement("INSERT INTO membership (member_id, group_id, date_from, date_to) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (group_id, member_id, date_from) DO UPDATE SET date_to = excluded.date_to");
    q.bind(1, row_id(EntityKind::actor, membership.member.str()));
    q.bind(2, row_id(EntityKind::actor, membership.group.str()));
    q.bind(3, date_text(membership.from));
    q.bind(4, date_text(membership.to));
    q.exec();
}

void SqliteImportSession::put(const Role& role) {
    SQLite::Statement& q =
        statement("INSERT INTO role (person_id, represents_id, title, date_from, date_to) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (person_id, represents_id, date_from) DO UPDATE SET title = excluded.title, "
                  "date_to = excluded.date_to");
    q.bind(1, row_id(EntityKind::actor, role.person.str()));
    q.bind(2, row_id(EntityKind::actor, role.represents.str()));
    q.bind(3, role.title);
    q.bind(4, date_text(role.from));
    q.bind(5, date_text(role.to));
    q.exec();
}

void SqliteImportSession::put(const Topic& topic) {
    std::vector<std::int64_t> parents;
    for (const TopicId& parent : topic.parents) {
        parents.push_back(row_id(EntityKind::topic, parent.str()));
    }
    const std::int64_t row = upsert("INSERT INTO topic (slug, label) VALUES (?, ?) ON CONFLICT (slug) DO UPDATE SET "
                                    "label = excluded.label RETURNING id",
                                    [&](SQLite::Statement& q) {
                                        q.bind(1, topic.id.str());
                                        q.bind(2, topic.label);
                                    });
    remember(EntityKind::topic, topic.id.str(), row);
    put_aliases("topic_alias", "topic_id", row, topic.aliases);
    replace_rows("DELETE FROM topic_parent WHERE topic_id = ?", row);
    for (std::size_t rank = 0; rank < parents.size(); ++rank) {
        SQLite::Statement& link =
            statement("INSERT OR IGNORE INTO topic_parent (topic_id, parent_id, rank) VALUES (?, ?, ?)");
        link.bind(1, row);
        link.bind(2, parents[rank]);
        link.bind(3, static_cast<std::int64_t>(rank));
        link.exec();
    }
    replace_rows("DELETE FROM topic_scale_pole WHERE topic_id = ?", row);
    if (topic.scale) {
        put_poles(row, "minus", topic.scale->minus);
        put_poles(row, "plus", topic.scale->plus);
    }
    put_directions("topic_direction", "topic_id", row, topic.directions);
}

void SqliteImportSession::replace_rows(const char* delete_sql, std::int64_t row) {
    SQLite::Statement& clear = statement(delete_sql);
    clear.bind(1, row);
    clear.exec();
}

void SqliteImportSession::put_poles(std::int64_t topic, const char* pole, const std::vector<Name>& labels) {
    for (const Name& label : labels) {
        SQLite::Statement& q =
            statement("INSERT OR REPLACE INTO topic_scale_pole (topic_id, pole, language, text) VALUES (?, ?, ?, ?)");
        q.bind(1, topic);
        q.bind(2, pole);
        q.bind(3, label.language);
        q.bind(4, label.text);
        q.exec();
    }
}

void SqliteImportSession::put_directions(const char* table, const char* key_column, std::int64_t row,
                                         const std::vector<Direction>& directions) {
    SQLite::Statement clear(m_db, fmt::format("DELETE FROM {} WHERE {} = ?", table, key_column));
    clear.bind(1, row);
    clear.exec();
    std::erase_if(m_pending_directions, [&](const PendingDirection& pending) {
        return std::string_view(pending.table) == table && pending.row == row;
    });
    for (const Direction& direction : directions) {
        PendingDirection pending{table, key_column, row, direction.scale.str(), direction.weight};
        if (const std::optional<std::int64_t> scale = optional_row_id(EntityKind::topic, pending.scale)) {
            insert_direction(pending, *scale);
        } else {
            // A scale may be a topic written later in the same import: parents come first, but a
            // direction may point anywhere ("crimea-annexation", under "ukraine", leans on the
            // "russia" scale). Written at commit, when every topic is in.
            m_pending_directions.push_back(std::move(pending));
        }
    }
}

void SqliteImportSession::insert_direction(const PendingDirection& direction, std::int64_t scale) {
    SQLite::Statement insert(m_db, fmt::format("INSERT OR REPLACE INTO {} ({}, scale_id, weight) VALUES (?, ?, ?)",
                                               direction.table, direction.key_column));
    insert.bind(1, direction.row);
    insert.bind(2, scale);
    insert.bind(3, direction.weight);
    insert.exec();
}

void SqliteImportSession::write_pending_directions() {
    for (const PendingDirection& direction : m_pending_directions) {
        insert_direction(direction, row_id(EntityKind::topic, direction.scale)); // unknown still: refused
    }
    m_pending_directions.clear();
}

void SqliteImportSession::put(const Proposition& proposition) {
    const std::int64_t topic = row_id(EntityKind::topic, proposition.topic.str());
    const std::int64_t row =
        upsert("INSERT INTO proposition (slug, topic_id, statement) VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE SET "
               "topic_id = excluded.topic_id, statement = excluded.statement RETURNING id",
               [&](SQLite::Statement& q) {
                   q.bind(1, proposition.id.str());
                   q.bind(2, topic);
                   q.bind(3, proposition.statement);
               });
    remember(EntityKind::proposition, proposition.id.str(), row);
    put_directions("proposition_direction", "proposition_id", row, proposition.directions);
}

void SqliteImportSession::put(const Body& body) {
    const auto organisation =
        body.organisation ? std::optional{row_id(EntityKind::actor, body.organisation->str())} : std::nullopt;
    const std::int64_t row =
        upsert("INSERT INTO body (slug, name, organisation_id) VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE SET "
               "name = excluded.name, organisation_id = excluded.organisation_id RETURNING id",
               [&](SQLite::Statement& q) {
                   q.bind(1, body.id.str());
                   q.bind(2, body.name);
                   if (organisation) {
                       q.bind(3, *organisation);
                   }
               });
    remember(EntityKind::body, body.id.str(), row);
    put_aliases("body_alias", "body_id", row, body.aliases);
}

void SqliteImportSession::put(const Meeting& meeting) {
    const std::int64_t body = row_id(EntityKind::body, meeting.body.str());
    const auto parent =
        meeting.parent ? std::optional{row_id(EntityKind::meeting, meeting.parent->str())} : std::nullopt;
    const std::string date = meeting.date.iso();
    const std::int64_t row =
        upsert("INSERT INTO meeting (slug, body_id, title, level, date, place, parent_id, end_date) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO UPDATE SET body_id = excluded.body_id, "
               "title = excluded.title, level = excluded.level, date = excluded.date, place = excluded.place, "
               "parent_id = excluded.parent_id, end_date = excluded.end_date RETURNING id",
               [&](SQLite::Statement& q) {
                   q.bind(1, meeting.id.str());
                   q.bind(2, body);
                   q.bind(3, meeting.title);
                   q.bind(4, meeting.level);
                   q.bind(5, date);
                   q.bind(6, meeting.place);
                   if (parent) {
                       q.bind(7, *parent);
                   }
                   q.bind(8, date_text(meeting.end_date));
               });
    remember(EntityKind::meeting, meeting.id.str(), row);
    m_meeting_dates[row] = date;
    // A re-dated meeting re-dates the stances that take their date from it.
    SQLite::Statement& redate = statement(
        "UPDATE stance SET effective_date = ? WHERE meeting_id = ? AND stated_on = '' AND effective_date <> ?");
    redate.bind(1, date);
    redate.bind(2, row);
    redate.bind(3, date);
    redate.exec();
}

void SqliteImportSession::put(const AgendaItem& item) {
    const std::int64_t meeting = row_id(EntityKind::meeting, item.meeting.str());
    const std::int64_t row =
        upsert("INSERT INTO agenda_item (slug, meeting_id, ord, title, code, description, important, amendment, "
               "paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (slug) DO UPDATE SET meeting_id = excluded.meeting_id, ord = excluded.ord, "
               "title = excluded.title, code = excluded.code, description = excluded.description, "
               "important = excluded.important, amendment = excluded.amendment, paragraph = excluded.paragraph "
               "RETURNING id",
               [&](SQLite::Statement& q) {
                   q.bind(1, item.id.str());
                   q.bind(2, meeting);
                   q.bind(3, item.order);
                   q.bind(4, item.title);
                   q.bind(5, item.code);
                   q.bind(6, item.description);
                   int column = 7;
                   for (const std::optional<bool>& flag :
                        {item.roll_call.important, item.roll_call.amendment, item.roll_call.paragraph}) {
                       if (flag) {
                           q.bind(column, *flag ? 1 : 0);
                       }
                       ++column;
                   }
               });
    remember(EntityKind::agenda_item, item.id.str(), row);
    m_item_meetings[row] = meeting;
    SQLite::Statement& clear = statement("DELETE FROM agenda_item_topic WHERE agenda_item_id = ?");
    clear.bind(1, row);
    clear.exec();
    for (const TopicId& topic : item.topics) {
        SQLite::Statement& link =
            statement("INSERT OR IGNORE INTO agenda_item_topic (agenda_item_id, topic_id) VALUES (?, ?)");
        link.bind(1, row);
        link.bind(2, row_id(EntityKind::topic, topic.str()));
        link.exec();
    }
}

void SqliteImportSession::put(const Participant& participant) {
    const std::int64_t meeting = row_id(EntityKind::meeting, participant.meeting.str());
    const std::int64_t actor = row_id(EntityKind::actor, participant.actor.str());
    const auto person =
        participant.person ? std::optional{row_id(EntityKind::actor, participant.person->str())} : std::nullopt;
    // No natural key with NULLs in SQLite's UNIQUE, so replace by hand ("IS" matches NULL to NULL).
    SQLite::Statement& remove =
        statement("DELETE FROM participant WHERE meeting_id = ? AND actor_id = ? AND person_id IS ?");
    remove.bind(1, meeting);
    remove.bind(2, actor);
    if (person) {
        remove.bind(3, *person);
    }
    remove.exec();
    SQLite::Statement& insert =
        statement("INSERT INTO participant (meeting_id, actor_id, person_id, role) VALUES (?, ?, ?, ?)");
    insert.bind(1, meeting);
    insert.bind(2, actor);
    if (person) {
        insert.bind(3, *person);
    }
    insert.bind(4, participant.role);
    insert.exec();
}

// The stance columns in binding order; the single and the batched write share them.
constexpr const char* stance_insert_columns =
    "slug, actor_id, speaker_id, topic_id, proposition_id, meeting_id, agenda_item_id, kind, score, breadth, quote, "
    "paraphrase, document_id, span_start, span_end, page, reported_by_id, confidence, coder, coded_at, stated_on, "
    "effective_date, note, basis";
constexpr const char* stance_upsert_tail =
    " ON CONFLICT (slug) DO UPDATE SET actor_id = excluded.actor_id, speaker_id = excluded.speaker_id, "
    "topic_id = excluded.topic_id, proposition_id = excluded.proposition_id, meeting_id = excluded.meeting_id, "
    "agenda_item_id = excluded.agenda_item_id, kind = excluded.kind, score = excluded.score, "
    "breadth = excluded.breadth, quote = excluded.quote, paraphrase = excluded.paraphrase, "
    "document_id = excluded.document_id, span_start = excluded.span_start, span_end = excluded.span_end, "
    "page = excluded.page, reported_by_id = excluded.reported_by_id, confidence = excluded.confidence, "
    "coder = excluded.coder, coded_at = excluded.coded_at, stated_on = excluded.stated_on, "
    "effective_date = excluded.effective_date, note = excluded.note, basis = excluded.basis";

SqliteImportSession::ResolvedStance SqliteImportSession::resolve(const Stance& stance) {
    ResolvedStance resolved;
    resolved.meeting = row_id(EntityKind::meeting, stance.meeting.str());
    if (stance.stated_on) {
        resolved.effective_date = stance.stated_on->iso();
    } else if (auto known = m_meeting_dates.find(resolved.meeting); known != m_meeting_dates.end()) {
        resolved.effective_date = known->second;
    } else {
        SQLite::Statement& q = statement("SELECT date FROM meeting WHERE id = ?");
        q.bind(1, resolved.meeting);
        q.executeStep();
        resolved.effective_date = q.getColumn(0).getString();
        q.reset();
        m_meeting_dates[resolved.meeting] = resolved.effective_date;
    }
    resolved.actor = row_id(EntityKind::actor, stance.actor.str());
    resolved.topic = row_id(EntityKind::topic, stance.topic.str());
    auto optional_actor = [&](const std::optional<ActorId>& id) {
        return id ? std::optional{row_id(EntityKind::actor, id->str())} : std::nullopt;
    };
    resolved.speaker = optional_actor(stance.speaker);
    resolved.reported_by = optional_actor(stance.reported_by);
    resolved.proposition =
        stance.proposition ? std::optional{row_id(EntityKind::proposition, stance.proposition->str())} : std::nullopt;
    resolved.agenda_item =
        stance.agenda_item ? std::optional{row_id(EntityKind::agenda_item, stance.agenda_item->str())} : std::nullopt;
    resolved.document =
        stance.source ? std::optional{row_id(EntityKind::document, stance.source->document.str())} : std::nullopt;
    return resolved;
}

void SqliteImportSession::bind(SQLite::Statement& q, const Stance& stance, const ResolvedStance& resolved) {
    auto bind_optional = [&](int index, const std::optional<std::int64_t>& value) {
        if (value) {
            q.bind(index, *value);
        }
    };
    // bindNoCopy: the strings outlive the statement's next step, and a million copies add up.
    q.bindNoCopy(1, stance.id.str());
    q.bind(2, resolved.actor);
    bind_optional(3, resolved.speaker);
    q.bind(4, resolved.topic);
    bind_optional(5, resolved.proposition);
    q.bind(6, resolved.meeting);
    bind_optional(7, resolved.agenda_item);
    // The names are string literals, so their data() is NUL-terminated and outlives the statement.
    // (The pointer-and-size overload of bindNoCopy would bind a BLOB, which compares unequal to text.)
    q.bindNoCopy(8, to_string(stance.kind).data());
    q.bind(9, stance.score);
    q.bindNoCopy(10, to_string(stance.breadth).data());
    q.bindNoCopy(11, stance.quote);
    q.bindNoCopy(12, stance.paraphrase);
    bind_optional(13, resolved.document);
    if (stance.source) {
        q.bind(14, static_cast<std::int64_t>(stance.source->start));
        q.bind(15, static_cast<std::int64_t>(stance.source->end));
        if (stance.source->page) {
            q.bind(16, *stance.source->page);
        }
    }
    bind_optional(17, resolved.reported_by);
    q.bind(18, stance.confidence);
    q.bindNoCopy(19, stance.coder);
    q.bindNoCopy(20, stance.coded_at);
    q.bind(21, date_text(stance.stated_on));
    q.bindNoCopy(22, resolved.effective_date);
    q.bindNoCopy(23, stance.note);
    q.bindNoCopy(24, to_string(stance.basis).data());
}

void SqliteImportSession::put_includes(std::int64_t row, const Stance& stance) {
    SQLite::Statement& clear = statement("DELETE FROM stance_include WHERE stance_id = ?");
    clear.bind(1, row);
    clear.exec();
    for (const ActorId& member : stance.includes) {
        SQLite::Statement& link = statement("INSERT OR IGNORE INTO stance_include (stance_id, actor_id) VALUES (?, ?)");
        link.bind(1, row);
        link.bind(2, row_id(EntityKind::actor, member.str()));
        link.exec();
    }
}

std::int64_t SqliteImportSession::meeting_of_item(std::int64_t agenda_item) {
    if (auto known = m_item_meetings.find(agenda_item); known != m_item_meetings.end()) {
        return known->second;
    }
    SQLite::Statement& q = statement("SELECT meeting_id FROM agenda_item WHERE id = ?");
    q.bind(1, agenda_item);
    const std::int64_t meeting = q.executeStep() ? q.getColumn(0).getInt64() : 0;
    q.reset();
    m_item_meetings[agenda_item] = meeting;
    return meeting;
}

// The vote table's row for `stance` when it is stored there: vote-shaped (model/vote.hpp), cast in
// its agenda item's meeting, and with the id prefix of the other votes on that roll call.
std::optional<VoteRow> SqliteImportSession::as_vote(const Stance& stance, const ResolvedStance& resolved) {
    if (!is_vote_shaped(stance) || meeting_of_item(*resolved.agenda_item) != resolved.meeting) {
        return std::nullopt;
    }
    const std::string_view id = stance.id.str();
    if (!m_votes.accept_prefix(*resolved.agenda_item, id.substr(0, id.size() - stance.actor.str().size()))) {
        return std::nullopt;
    }
    VoteRow row;
    row.agenda_item = *resolved.agenda_item;
    row.actor = resolved.actor;
    row.vote = *vote_code(stance.kind);
    row.topic = resolved.topic;
    row.document = resolved.document;
    if (stance.source) {
        row.span_start = static_cast<std::int64_t>(stance.source->start);
        row.span_length = static_cast<std::int64_t>(stance.source->end - stance.source->start);
    }
    return row;
}

void SqliteImportSession::put(const Stance& stance) {
    static const std::string sql =
        fmt::format("INSERT INTO stance ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                    "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24){} "
                    "RETURNING id",
                    stance_insert_columns, stance_upsert_tail);
    const ResolvedStance resolved = resolve(stance);
    if (const std::optional<VoteRow> vote = as_vote(stance, resolved)) {
        m_votes.write(*vote, stance.id.str());
        m_votes.flush();
        return;
    }
    m_votes.erase(stance.id.str()); // it may have been a vote before
    const std::int64_t row = upsert(sql.c_str(), [&](SQLite::Statement& q) { bind(q, stance, resolved); });
    put_includes(row, stance);
}

// Stances a million at a time (UN votes). Votes go to the vote table one row each: it has no
// triggers, so SQLite needs no statement journal for them. The rest go to the general table, where
// one upsert per row would make SQLite keep a statement journal for every row (the stance table has
// triggers, so each insert may write more than one row), copying each touched page aside first;
// staging those rows in a plain temporary table and inserting them with one INSERT ... SELECT pays
// that once per batch. Same result as put() per stance.
void SqliteImportSession::put_stances(std::span<const Stance> stances) {
    std::vector<const Stance*> general;
    for (const Stance& stance : stances) {
        const ResolvedStance resolved = resolve(stance);
        if (const std::optional<VoteRow> vote = as_vote(stance, resolved)) {
            m_votes.write(*vote, stance.id.str());
        } else {
            general.push_back(&stance);
        }
    }
    m_votes.flush();
    stage_general(general);
}

// Recorded votes straight into the vote table: per roll call its references are resolved once, and
// per vote only its actor (a hash look-up) before one prepared single-row INSERT (VoteRows::insert),
// no `Stance` built. The rules were checked per roll call by the checked session (write_rules.cpp:
// what check(Stance) looks at per vote is here the same for every vote of a roll call, or fixed by
// the vote's code). What this path leaves out is guaranteed by it: a vote's kind and score come
// from its code, it has no quote, speaker, proposition or date of its own, and an unknown actor,
// agenda item, meeting, topic or document is refused by its look-up here, as the foreign keys that
// schema version 9 dropped did. A roll call whose votes cannot be stored compactly (its agenda item
// in another meeting, or its prefix taken) goes the general way, as put_stances would send it.
void SqliteImportSession::put_votes(std::span<const RollCallVotes> roll_calls) {
    for (const RollCallVotes& votes : roll_calls) {
        if (votes.casts.empty()) {
            continue;
        }
        const std::int64_t item = row_id(EntityKind::agenda_item, votes.agenda_item.str());
        const std::int64_t meeting = row_id(EntityKind::meeting, votes.meeting.str());
        if (meeting_of_item(item) != meeting || !m_votes.accept_prefix(item, votes.stance_prefix)) {
            const std::vector<Stance> stances = vote_stances(votes);
            put_stances(stances);
            continue;
        }
        VoteRow row;
        row.agenda_item = item;
        row.topic = row_id(EntityKind::topic, votes.topic.str());
        row.document =
            votes.document ? std::optional{row_id(EntityKind::document, votes.document->str())} : std::nullopt;
        for (const RollCallVotes::Cast& cast : votes.casts) {
            set_cast(row, row_id(EntityKind::actor, cast.actor.str()), cast);
            m_votes.write_on_accepted(row, cast.actor.str());
        }
    }
    m_votes.flush();
}

void SqliteImportSession::stage_general(std::span<const Stance* const> stances) {
    if (stances.empty()) {
        return;
    }
    if (!m_staging_ready) {
        m_db.exec(fmt::format("CREATE TEMP TABLE IF NOT EXISTS stance_staging ({}); DELETE FROM stance_staging",
                              stance_insert_columns));
        m_staging_ready = true;
    }
    static const std::string stage_sql =
        fmt::format("INSERT INTO temp.stance_staging ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
                    stance_insert_columns);
    bool any_includes = false;
    for (const Stance* stance : stances) {
        m_votes.erase(stance->id.str()); // it may have been a vote before
        const ResolvedStance resolved = resolve(*stance);
        SQLite::Statement& stage = statement(stage_sql.c_str());
        bind(stage, *stance, resolved);
        stage.exec();
        any_includes = any_includes || !stance->includes.empty();
    }
    static const std::string flush_sql =
        fmt::format("INSERT INTO stance ({0}) SELECT {0} FROM temp.stance_staging WHERE true ORDER BY rowid{1}",
                    stance_insert_columns, stance_upsert_tail);
    statement(flush_sql.c_str()).exec();
    // Included members are replaced as put() does; when no stance anywhere has any, there is nothing to do.
    const bool stored_includes = m_db.execAndGet("SELECT EXISTS (SELECT 1 FROM stance_include)").getInt() != 0;
    if (any_includes || stored_includes) {
        SQLite::Statement& find = statement("SELECT id FROM stance WHERE slug = ?");
        for (const Stance* stance : stances) {
            find.reset();
            find.bind(1, stance->id.str());
            if (find.executeStep()) {
                const std::int64_t row = find.getColumn(0).getInt64();
                find.reset();
                put_includes(row, *stance);
            }
        }
    }
    statement("DELETE FROM temp.stance_staging").exec();
}

void SqliteImportSession::remove(const ActorAlias& alias) {
    SQLite::Statement& q = statement("DELETE FROM actor_alias WHERE actor_id = (SELECT id FROM actor WHERE slug = ?) "
                                     "AND language = ? AND text = ?");
    q.bind(1, alias.actor.str());
    q.bind(2, alias.name.language);
    q.bind(3, alias.name.text);
    q.exec();
}

std::int64_t SqliteImportSession::put(const Suggestion& suggestion) {
    m_last_suggestion = write_suggestion(m_db, suggestion);
    return m_last_suggestion;
}

// The caller has checked that the entity exists and that nothing refers to it (check_removal).
void SqliteImportSession::remove(const RecordKey& key) {
    if (key.kind == RecordKind::suggestion) {
        SQLite::Statement& q = statement("DELETE FROM suggestion WHERE id = ?");
        q.bind(1, static_cast<std::int64_t>(std::stoll(key.id)));
        q.exec();
        return;
    }
    if (const char* sql = delete_by_parts(key.kind)) {
        const std::vector<std::string> parts = split_record_id(key.id);
        SQLite::Statement q(m_db, fmt::format(fmt::runtime(sql), "?1", "?2", "?3", "IS"));
        for (std::size_t i = 0; i < parts.size() && i < 3; ++i) {
            q.bind(static_cast<int>(i + 1), parts[i]);
        }
        q.exec();
        return;
    }
    const std::optional<EntityKind> kind = slug_kind(key.kind);
    if (!kind) {
        return;
    }
    if (*kind == EntityKind::stance) {
        m_votes.erase(key.id);
    }
    if (*kind == EntityKind::agenda_item) {
        // The vote table has no foreign keys (schema version 9), so the roll call's votes go here,
        // as its ON DELETE CASCADE took them before; the roll_call row still goes by its own.
        if (const std::optional<std::int64_t> item = optional_row_id(*kind, key.id)) {
            m_votes.remove_roll_call(*item);
        }
    }
    SQLite::Statement q(m_db, fmt::format("DELETE FROM {} WHERE slug = ?", table_of(*kind)));
    q.bind(1, key.id);
    q.exec();
    m_ids[index(*kind)].erase(key.id);
    m_last_rows[index(*kind)] = LastRow{};
}

void SqliteImportSession::commit() {
    write_pending_directions();
    m_votes.finish();
    m_statements.clear(); // finalize before COMMIT so no statement holds the write open
    m_votes.release();
    m_transaction.commit();
}

/// What the SQLite store brings to the checked session (checked_session.hpp): the session that
/// writes, inside its IMMEDIATE transaction, and the history and rule look-ups on the same connection.
struct SqliteSessionParts {
    using Failure = SQLite::Exception;
    [[noreturn]] static void rethrow(const Failure& failure, const std::string& doing) {
        rethrow_as_stance_error(failure, doing);
    }
    static constexpr bool failed_read_aborts = false; // SQLite's transaction survives a failed read
    static constexpr bool native_votes = true;        // SqliteImportSession::put_votes

    SqliteSessionParts(const SqliteStore& of, SQLite::Database& db, std::string shown_as)
        : store(of), writer(db), written(db), history(db, of.author()), path(std::move(shown_as)) {}

    [[nodiscard]] const std::string& shown() const noexcept { return path; }
    void commit() {
        history.finish();
        history.release();
        writer.commit();
    }

    const SqliteStore& store;
    SqliteImportSession writer;
    SqliteWrittenEntities written;
    HistoryWriter history;
    std::string path;
};

} // namespace

std::unique_ptr<ImportSession> SqliteStore::begin_import() {
    try {
        return std::make_unique<CheckedSession<SqliteSessionParts>>(*this, m_db, m_path);
    } catch (const SQLite::Exception& failure) {
        rethrow_as_stance_error(failure, fmt::format("starting an import into {}", m_path));
    }
}

} // namespace stance::detail
