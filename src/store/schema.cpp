// Schema history. Each migration takes the schema from version N-1 to N; never edit a released one,
// add the next. Optional dates are stored as '' rather than NULL so that they can be part of keys.
#include "store/schema.hpp"

#include <array>
#include <string>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "stance/error.hpp"
#include "store/vote_rows.hpp"

namespace stance::detail {

namespace {

// Version 1: the model. Slugs are the external ids; integer ids keep joins and indexes small.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE document (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '', path TEXT NOT NULL DEFAULT '');
CREATE TABLE actor (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL,
    iso2 TEXT NOT NULL DEFAULT '', iso3 TEXT NOT NULL DEFAULT '');
CREATE TABLE actor_alias (
    actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
    language TEXT NOT NULL, text TEXT NOT NULL,
    rank INTEGER NOT NULL, -- order of first import, so display names stay as coded
    PRIMARY KEY (actor_id, language, text)) WITHOUT ROWID;
CREATE TABLE membership (
    member_id INTEGER NOT NULL REFERENCES actor(id), group_id INTEGER NOT NULL REFERENCES actor(id),
    date_from TEXT NOT NULL DEFAULT '', date_to TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (group_id, member_id, date_from)) WITHOUT ROWID;
CREATE TABLE role (
    person_id INTEGER NOT NULL REFERENCES actor(id), represents_id INTEGER NOT NULL REFERENCES actor(id),
    title TEXT NOT NULL, date_from TEXT NOT NULL DEFAULT '', date_to TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, represents_id, date_from)) WITHOUT ROWID;
CREATE TABLE topic (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, parent_id INTEGER REFERENCES topic(id),
    label TEXT NOT NULL);
CREATE TABLE topic_alias (
    topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
    language TEXT NOT NULL, text TEXT NOT NULL,
    rank INTEGER NOT NULL, -- order of first import, so display names stay as coded
    PRIMARY KEY (topic_id, language, text)) WITHOUT ROWID;
CREATE TABLE proposition (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, topic_id INTEGER NOT NULL REFERENCES topic(id),
    statement TEXT NOT NULL);
CREATE TABLE body (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES actor(id));
CREATE TABLE body_alias (
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    language TEXT NOT NULL, text TEXT NOT NULL,
    rank INTEGER NOT NULL, -- order of first import, so display names stay as coded
    PRIMARY KEY (body_id, language, text)) WITHOUT ROWID;
CREATE TABLE meeting (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, body_id INTEGER NOT NULL REFERENCES body(id),
    title TEXT NOT NULL DEFAULT '', level TEXT NOT NULL DEFAULT '', date TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '', parent_id INTEGER REFERENCES meeting(id));
CREATE INDEX meeting_by_parent ON meeting(parent_id);
CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, meeting_id INTEGER NOT NULL REFERENCES meeting(id),
    ord INTEGER NOT NULL, title TEXT NOT NULL, code TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '');
CREATE INDEX agenda_item_by_meeting ON agenda_item(meeting_id, ord);
CREATE TABLE agenda_item_topic (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topic(id), PRIMARY KEY (agenda_item_id, topic_id)) WITHOUT ROWID;
CREATE INDEX agenda_item_topic_by_topic ON agenda_item_topic(topic_id, agenda_item_id);
CREATE TABLE participant (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id), actor_id INTEGER NOT NULL REFERENCES actor(id),
    person_id INTEGER REFERENCES actor(id), role TEXT NOT NULL DEFAULT '');
CREATE INDEX participant_by_meeting ON participant(meeting_id, actor_id);
CREATE TABLE stance (
    id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,
    actor_id INTEGER NOT NULL REFERENCES actor(id), speaker_id INTEGER REFERENCES actor(id),
    topic_id INTEGER NOT NULL REFERENCES topic(id), proposition_id INTEGER REFERENCES proposition(id),
    meeting_id INTEGER NOT NULL REFERENCES meeting(id), agenda_item_id INTEGER REFERENCES agenda_item(id),
    kind TEXT NOT NULL, score REAL NOT NULL, breadth TEXT NOT NULL DEFAULT 'single',
    quote TEXT NOT NULL DEFAULT '', paraphrase TEXT NOT NULL DEFAULT '',
    document_id INTEGER REFERENCES document(id), span_start INTEGER, span_end INTEGER, page INTEGER,
    reported_by_id INTEGER REFERENCES actor(id), confidence REAL NOT NULL DEFAULT 1,
    coder TEXT NOT NULL DEFAULT '', coded_at TEXT NOT NULL DEFAULT '', stated_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    -- stated_on, else the meeting's date: kept here so date-range reads need no join.
    effective_date TEXT NOT NULL);
CREATE INDEX stance_by_actor ON stance(actor_id, effective_date);
CREATE INDEX stance_by_topic ON stance(topic_id, effective_date);
CREATE INDEX stance_by_meeting ON stance(meeting_id);
CREATE INDEX stance_by_agenda_item ON stance(agenda_item_id);
CREATE TABLE stance_include (
    stance_id INTEGER NOT NULL REFERENCES stance(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor(id), PRIMARY KEY (stance_id, actor_id)) WITHOUT ROWID;
CREATE INDEX stance_include_by_actor ON stance_include(actor_id);
)sql";

// Version 2: full-text search over quotes and paraphrases (FTS5, external content). Votes have no
// quote, so the triggers skip empty ones and bulk vote imports pay nothing for the index.
constexpr const char* schema_v2 = R"sql(
CREATE VIRTUAL TABLE stance_text USING fts5(quote, paraphrase, content='stance', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER stance_text_insert AFTER INSERT ON stance WHEN new.quote <> '' OR new.paraphrase <> '' BEGIN
    INSERT INTO stance_text(rowid, quote, paraphrase) VALUES (new.id, new.quote, new.paraphrase);
END;
CREATE TRIGGER stance_text_delete AFTER DELETE ON stance WHEN old.quote <> '' OR old.paraphrase <> '' BEGIN
    INSERT INTO stance_text(stance_text, rowid, quote, paraphrase) VALUES ('delete', old.id, old.quote, old.paraphrase);
END;
CREATE TRIGGER stance_text_update_old AFTER UPDATE ON stance WHEN old.quote <> '' OR old.paraphrase <> '' BEGIN
    INSERT INTO stance_text(stance_text, rowid, quote, paraphrase) VALUES ('delete', old.id, old.quote, old.paraphrase);
END;
CREATE TRIGGER stance_text_update_new AFTER UPDATE ON stance WHEN new.quote <> '' OR new.paraphrase <> '' BEGIN
    INSERT INTO stance_text(rowid, quote, paraphrase) VALUES (new.id, new.quote, new.paraphrase);
END;
INSERT INTO stance_text(rowid, quote, paraphrase)
    SELECT id, quote, paraphrase FROM stance WHERE quote <> '' OR paraphrase <> '';
)sql";

// Version 3: scales and how stances are known (docs/position-scale.md). A topic may have several
// parents (topic_parent replaces topic.parent_id, which stays in the table, always NULL, because
// SQLite cannot drop a column that a foreign key names); a topic may define a scale with pole
// labels per language; topics and propositions carry directions on scales; a stance says its
// basis; a meeting may last several days. Existing stances get their basis from what v2 knew:
// UN votes are votes, stances with reported_by are reported, the rest statements.
constexpr const char* schema_v3 = R"sql(
CREATE TABLE topic_parent (
    topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
    parent_id INTEGER NOT NULL REFERENCES topic(id),
    rank INTEGER NOT NULL, -- order as coded, so the first parent stays the display path
    PRIMARY KEY (topic_id, parent_id)) WITHOUT ROWID;
CREATE INDEX topic_parent_by_parent ON topic_parent(parent_id, topic_id);
INSERT INTO topic_parent (topic_id, parent_id, rank) SELECT id, parent_id, 0 FROM topic WHERE parent_id IS NOT NULL;
UPDATE topic SET parent_id = NULL;
CREATE TABLE topic_scale_pole (
    topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
    pole TEXT NOT NULL CHECK (pole IN ('minus', 'plus')),
    language TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (topic_id, pole, language)) WITHOUT ROWID;
CREATE TABLE topic_direction (
    topic_id INTEGER NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
    scale_id INTEGER NOT NULL REFERENCES topic(id),
    weight REAL NOT NULL CHECK (weight BETWEEN -1 AND 1),
    PRIMARY KEY (topic_id, scale_id)) WITHOUT ROWID;
CREATE TABLE proposition_direction (
    proposition_id INTEGER NOT NULL REFERENCES proposition(id) ON DELETE CASCADE,
    scale_id INTEGER NOT NULL REFERENCES topic(id),
    weight REAL NOT NULL CHECK (weight BETWEEN -1 AND 1),
    PRIMARY KEY (proposition_id, scale_id)) WITHOUT ROWID;
ALTER TABLE stance ADD COLUMN basis TEXT NOT NULL DEFAULT 'statement'
    CHECK (basis IN ('vote', 'statement', 'reported', 'inferred', 'recalled'));
UPDATE stance SET basis = 'reported' WHERE reported_by_id IS NOT NULL;
UPDATE stance SET basis = 'vote'
    WHERE topic_id = (SELECT id FROM topic WHERE slug = 'unga-resolutions') AND agenda_item_id IS NOT NULL;
ALTER TABLE meeting ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
)sql";

// Version 4: compact storage for vote-shaped stances (stance/model/vote.hpp, store/vote_rows.hpp).
// One row per (roll call, actor), clustered by roll call and indexed by actor, the vote as an
// integer; the stance id, date, meeting and basis (vote) are derived, so nothing is stored twice.
// The vote stances of version 3 move here (move_vote_shaped_stances). Agenda items get the flags of
// a roll call.
constexpr const char* schema_v4 = R"sql(
CREATE TABLE roll_call (
    agenda_item_id INTEGER PRIMARY KEY REFERENCES agenda_item(id) ON DELETE CASCADE,
    stance_prefix TEXT NOT NULL UNIQUE); -- a vote's stance id is this followed by its actor's id
CREATE TABLE vote (
    agenda_item_id INTEGER NOT NULL REFERENCES roll_call(agenda_item_id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor(id),
    vote INTEGER NOT NULL, -- VoteCode: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member
    topic_id INTEGER NOT NULL REFERENCES topic(id),
    document_id INTEGER REFERENCES document(id), span_start INTEGER, span_length INTEGER,
    PRIMARY KEY (agenda_item_id, actor_id)) WITHOUT ROWID;
CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id);
-- What a roll-call table says about the roll call (RollCallFlags): 1, 0, or NULL when unknown.
ALTER TABLE agenda_item ADD COLUMN important INTEGER;
ALTER TABLE agenda_item ADD COLUMN amendment INTEGER;
ALTER TABLE agenda_item ADD COLUMN paragraph INTEGER;
)sql";

// Version 5: the two update triggers of version 2 fired newest first, so the 'delete' of the old
// text ran after the insert of the new one and took it away: every update of a stance (a re-import
// with any field changed) dropped it from the search and left the index inconsistent. One trigger
// now does both, in order, and the index is filled again from the table.
constexpr const char* schema_v5 = R"sql(
DROP TRIGGER IF EXISTS stance_text_update_old;
DROP TRIGGER IF EXISTS stance_text_update_new;
DROP TRIGGER IF EXISTS stance_text_update;
CREATE TRIGGER stance_text_update AFTER UPDATE ON stance BEGIN
    INSERT INTO stance_text(stance_text, rowid, quote, paraphrase)
        SELECT 'delete', old.id, old.quote, old.paraphrase WHERE old.quote <> '' OR old.paraphrase <> '';
    INSERT INTO stance_text(rowid, quote, paraphrase)
        SELECT new.id, new.quote, new.paraphrase WHERE new.quote <> '' OR new.paraphrase <> '';
END;
INSERT INTO stance_text(stance_text) VALUES ('delete-all');
INSERT INTO stance_text(rowid, quote, paraphrase)
    SELECT id, quote, paraphrase FROM stance WHERE quote <> '' OR paraphrase <> '';
)sql";

// Version 6: the append-only history and stored suggestions (docs/history.md, docs/suggest.md).
// A change set is one write session; its changes hold each entity's state before and after as
// dataset JSON (NULL: it did not exist). The session writes its changes first and its change set
// row at commit, when the bulk count is known, so the reference from change to change_set is
// checked at commit. Triggers refuse every UPDATE and DELETE of either table. Suggestions are a
// table of their own, so no read of stances can count one.
constexpr const char* schema_v6 = R"sql(
CREATE TABLE change_set (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL, made_by TEXT NOT NULL,
    made_at TEXT NOT NULL, -- UTC, ISO 8601
    summary TEXT NOT NULL DEFAULT '',
    bulk_stances INTEGER NOT NULL DEFAULT 0, -- stances written in bulk (votes): counted, not recorded
    undoes INTEGER REFERENCES change_set(id));
CREATE INDEX change_set_by_undone ON change_set(undoes);
CREATE TABLE change (
    id INTEGER PRIMARY KEY,
    change_set_id INTEGER NOT NULL REFERENCES change_set(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL, entity TEXT NOT NULL,
    before TEXT, after TEXT);
CREATE INDEX change_by_entity ON change(entity, kind);
CREATE INDEX change_by_set ON change(change_set_id);
CREATE TRIGGER change_set_never_updated BEFORE UPDATE ON change_set BEGIN
    SELECT RAISE(ABORT, 'the history is append-only: a change set cannot be changed');
END;
CREATE TRIGGER change_set_never_deleted BEFORE DELETE ON change_set BEGIN
    SELECT RAISE(ABORT, 'the history is append-only: a change set cannot be deleted');
END;
CREATE TRIGGER change_never_updated BEFORE UPDATE ON change BEGIN
    SELECT RAISE(ABORT, 'the history is append-only: a change cannot be changed');
END;
CREATE TRIGGER change_never_deleted BEFORE DELETE ON change BEGIN
    SELECT RAISE(ABORT, 'the history is append-only: a change cannot be deleted');
END;
CREATE TABLE suggestion (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES document(id),
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    -- References by slug: a suggestion is checked when it is accepted, as any stance is.
    actor TEXT NOT NULL, speaker TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL DEFAULT '',
    proposition TEXT NOT NULL DEFAULT '', reported_by TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL, breadth TEXT NOT NULL, basis TEXT NOT NULL,
    confidence REAL NOT NULL,
    cues TEXT NOT NULL DEFAULT '', -- one per line
    lexicon_sha256 TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'edited', 'rejected')),
    stance TEXT NOT NULL DEFAULT '', -- the stance it became
    reviewer TEXT NOT NULL DEFAULT '', reviewed_at TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '');
CREATE INDEX suggestion_by_document ON suggestion(document_id, status);
)sql";

// Version 7: the vote table at the speed of a bulk load (docs/benchmarks.md). Its topic and document
// are no longer foreign keys: the import session writes only row ids it has just resolved from those
// tables, and a topic or document that votes use cannot be removed (sqlite_written.cpp refuses it),
// so SQLite's check of each on every vote only cost time. The by-actor index also holds the vote's
// topic, so a read of one country's votes on one topic tests it in the index instead of fetching
// every row of that country. SQLite cannot drop a constraint, so the table is rebuilt.
constexpr const char* schema_v7 = R"sql(
CREATE TABLE vote_v7 (
    agenda_item_id INTEGER NOT NULL REFERENCES roll_call(agenda_item_id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actor(id),
    vote INTEGER NOT NULL, -- VoteCode: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member
    topic_id INTEGER NOT NULL, -- a topic row (see above)
    document_id INTEGER, span_start INTEGER, span_length INTEGER, -- a document row and a byte span in it
    PRIMARY KEY (agenda_item_id, actor_id)) WITHOUT ROWID;
INSERT INTO vote_v7 (agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length)
    SELECT agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length FROM vote
    ORDER BY agenda_item_id, actor_id;
DROP TABLE vote;
ALTER TABLE vote_v7 RENAME TO vote;
CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id, topic_id);
)sql";

// Version 8: the coder accounts of a team and the reviews reviewers give (include/stance/team/coders.hpp,
// docs/team.md). A coder's permissions are a bit mask (PermissionSet); the password is kept only as
// an scrypt record that carries its own parameters and salt (src/team/password_hash.cpp), so the
// cost can be raised for new passwords while old ones still verify. A review names its stance by id,
// not by row: a vote has no stance row in SQLite, and a stance deleted and imported again keeps its
// reviews. Reviews are a record of verdicts, the newest counting, and like the history are never
// changed or deleted.
constexpr const char* schema_v8 = R"sql(
CREATE TABLE coder (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE, -- the login, and the author the history records
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('reader', 'coder', 'reviewer', 'admin')),
    permissions INTEGER NOT NULL, -- PermissionSet::bits()
    password_hash TEXT NOT NULL, -- scrypt$N$r$p$salt$key, hexadecimal
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL); -- UTC, ISO 8601
CREATE TABLE stance_review (
    id INTEGER PRIMARY KEY, -- the order reviews were given in
    stance TEXT NOT NULL, -- a stance id
    verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
    reviewer TEXT NOT NULL REFERENCES coder(name),
    comment TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL); -- UTC, ISO 8601
CREATE INDEX stance_review_by_stance ON stance_review(stance, id);
CREATE TRIGGER stance_review_never_updated BEFORE UPDATE ON stance_review BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only: a review cannot be changed');
END;
CREATE TRIGGER stance_review_never_deleted BEFORE DELETE ON stance_review BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only: a review cannot be deleted');
END;
)sql";

// Version 9: the vote table without foreign keys (docs/benchmarks.md, "Import"). SQLite checked
// each vote's roll call and actor against their tables on every insert, and those checks cannot be
// switched off inside the import's transaction, where they were a tenth of the import. The import
// session writes only row ids it has just resolved from those tables; the write rules refuse to
// remove an actor or an agenda item that votes use (cached_written.cpp); and what the roll call's
// ON DELETE CASCADE did, the store's removal of an agenda item now does itself (sqlite_import.cpp).
// SQLite cannot drop a constraint, so the table is rebuilt, every vote kept.
constexpr const char* schema_v9 = R"sql(
CREATE TABLE vote_v9 (
    agenda_item_id INTEGER NOT NULL, -- a roll_call row (see above)
    actor_id INTEGER NOT NULL, -- an actor row
    vote INTEGER NOT NULL, -- VoteCode: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member
    topic_id INTEGER NOT NULL, -- a topic row
    document_id INTEGER, span_start INTEGER, span_length INTEGER, -- a document row and a byte span in it
    PRIMARY KEY (agenda_item_id, actor_id)) WITHOUT ROWID;
INSERT INTO vote_v9 (agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length)
    SELECT agenda_item_id, actor_id, vote, topic_id, document_id, span_start, span_length FROM vote
    ORDER BY agenda_item_id, actor_id;
DROP TABLE vote;
ALTER TABLE vote_v9 RENAME TO vote;
CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id, topic_id);
)sql";

// Version 10: the vote itself in the by-actor index, so that a read of some actors' votes (an
// agreement between two countries, an evolution) is answered from the index alone. Without it each
// vote the index found was looked up again in the table by its primary key, and the agreement of a
// pair took 1.1 times the hand-written SQL on the raw tables; with it 0.3 times (docs/benchmarks.md).
constexpr const char* schema_v10 = R"sql(
DROP INDEX vote_by_actor;
CREATE INDEX vote_by_actor ON vote(actor_id, agenda_item_id, topic_id, vote);
)sql";

struct Migration {
    const char* sql;
    void (*move_data)(SQLite::Database&); // after the SQL, in the same transaction; may be null
};

constexpr std::array migrations{Migration{schema_v1, nullptr}, Migration{schema_v2, nullptr},
                                Migration{schema_v3, nullptr}, Migration{schema_v4, move_vote_shaped_stances},
                                Migration{schema_v5, nullptr}, Migration{schema_v6, nullptr},
                                Migration{schema_v7, nullptr}, Migration{schema_v8, nullptr},
                                Migration{schema_v9, nullptr}, Migration{schema_v10, nullptr}};

} // namespace

DatabaseKind classify_database(SQLite::Database& db) {
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    if (application_id == stance_application_id) {
        return DatabaseKind::stance;
    }
    if (application_id != 0) {
        return DatabaseKind::foreign;
    }
    const int version = read_schema_version(db);
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (tables == 0) {
        // Nothing in it to lose: new, or marked only by a version (which the version checks then judge).
        return version == 0 ? DatabaseKind::empty : DatabaseKind::stance;
    }
    // Schema versions 1 and 2 were written before stance set an application_id.
    const bool has_stance_table =
        db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'stance'").getInt() == 1;
    return version >= 1 && has_stance_table ? DatabaseKind::stance : DatabaseKind::foreign;
}

int read_schema_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db, int target) {
    int version = read_schema_version(db);
    if (version > target) {
        throw schema_version_error(
            fmt::format("{}: the database has schema version {}, but this stance understands versions up to {}; "
                        "upgrade stance to open it",
                        db.getFilename(), version, target));
    }
    if (version == target && db.execAndGet("PRAGMA application_id").getInt() == stance_application_id) {
        return;
    }
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Re-read inside the lock: another process may have migrated while we waited.
    version = read_schema_version(db);
    for (int next = version + 1; next <= target; ++next) {
        const Migration& migration = migrations.at(static_cast<std::size_t>(next - 1));
        db.exec(migration.sql);
        if (migration.move_data != nullptr) {
            migration.move_data(db);
        }
    }
    db.exec(fmt::format("PRAGMA user_version = {}", target));
    // Databases of schema 1 and 2 written by older stance get the id on their next read-write open.
    db.exec(fmt::format("PRAGMA application_id = {}", stance_application_id));
    transaction.commit();
}

} // namespace stance::detail
