// The storage interface. Queries and importers talk only to `Store` and `ImportSession`, never to
// SQLite, so a server database can be added as another implementation without touching either.
// `Store::open` gives the embedded SQLite implementation (src/store/sqlite_store.cpp) for a file path,
// and the PostgreSQL one (src/store/postgres/, docs/postgresql.md) for a PostgreSQL address.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/dataset.hpp"
#include "stance/model/suggestion.hpp"
#include "stance/model/vote.hpp"
#include "stance/store/history.hpp"

namespace stance {

/// Which stances a read returns. Empty lists mean "any". Dates compare against a stance's effective
/// date: `stated_on` when set, else its meeting's date.
struct StanceFilter {
    std::vector<ActorId> actors;
    /// Also return stances of collective actors whose `includes` names one of `actors`.
    bool include_named_members = false;
    /// Exact topics; callers expand subtopics (see query/topic_tree). A topic matches a stance when
    /// the stance or its agenda item carries it (UN roll calls carry their issues on the agenda item).
    std::vector<TopicId> topics;
    std::vector<MeetingId> meetings; ///< Exact meetings; callers expand nested sessions.
    std::optional<Date> from;
    std::optional<Date> to;
    bool positions_only = false; ///< Drop no_position, absent and not_member.
    std::vector<Basis> bases;    ///< How the stance is known (vote, statement, …); empty means any.
    /// Full-text search in quotes and paraphrases, ignoring case and accents, in stance's own syntax
    /// (words, "phrases", OR, NOT or -word, prefix*; stance/query/search_text.hpp): any text is a
    /// valid search. Empty means no text condition; text with nothing to look for matches nothing.
    std::string text;
    /// Persons who voiced the stance: its `speaker`, or its actor when that is the person. Empty means any.
    std::vector<ActorId> speakers;
    std::vector<DocumentId> documents; ///< The document the stance's source span is in; empty means any.
    std::vector<std::string> coders;   ///< Who coded it (exact); empty means any.
};

/// Recorded votes (vote-shaped stances, stance/model/vote.hpp) in the compact form the vote matrix
/// reads: roll calls and actors listed once, each vote three small integers.
struct RecordedVotes {
    struct RollCall {
        AgendaItemId id;
        MeetingId meeting;
        Date date;
        RollCallFlags flags; ///< The agenda item's.
    };
    struct Cast {
        std::uint32_t roll_call; ///< Index into `roll_calls`.
        std::uint32_t actor;     ///< Index into `actors`.
        VoteCode vote;
    };
    std::vector<RollCall> roll_calls; ///< In no particular order.
    std::vector<ActorId> actors;      ///< In no particular order.
    std::vector<Cast> casts;          ///< In no particular order.
};

/// Recorded votes counted instead of listed (Store::for_each_stance_tallying_votes): how many votes
/// of one kind one actor cast on one topic at one meeting. A vote's date is its meeting's.
struct VoteTally {
    ActorId actor;
    MeetingId meeting;
    TopicId topic; ///< The vote's own topic, not its roll call's.
    VoteCode vote = VoteCode::yes;
    std::size_t count = 0;
};

/// One name of one actor, for ImportSession::remove.
struct ActorAlias {
    ActorId actor;
    Name name;
};

/// Votes on one roll call, for ImportSession::put_votes. Each cast is the vote-shaped stance
/// (stance/model/vote.hpp) with id `stance_prefix` followed by its actor's id, basis vote, the kind of
/// its code with that kind's default score, on `agenda_item` in `meeting` about `topic`, and, when
/// `document` is given, with the source span [start, end) in it.
struct RollCallVotes {
    struct Cast {
        ActorId actor;
        VoteCode code = VoteCode::yes;
        std::size_t start = 0; ///< Byte span of its source row in `document`.
        std::size_t end = 0;
    };
    AgendaItemId agenda_item;
    MeetingId meeting;
    TopicId topic;
    std::string stance_prefix;
    std::optional<DocumentId> document;
    std::vector<Cast> casts;
};

/// The stances `votes` stands for, in order of its casts.
[[nodiscard]] std::vector<Stance> vote_stances(const RollCallVotes& votes);

/// One write transaction. Entities are upserted by their id: a re-import updates, never duplicates.
/// Nothing is visible to readers until `commit()`; destroying an uncommitted session rolls it back.
/// Every put first passes the write rules (src/store/write_rules.cpp: ids, ranges, kind and score,
/// spans and quotes, proposition and topic, speaker and role, dates within meetings): whoever writes,
/// the same data is refused, with invalid_input_error naming the entity. Such a refusal writes
/// nothing, and the session goes on. Once a put has failed while writing (storage_error, or a
/// reference that turns out unknown), the session refuses further puts and `commit()`: a put may
/// have been half written, so the only safe end is the rollback.
///
/// A session is also one change set of the store's history (stance/store/history.hpp): every put
/// and remove records the entity's state before and after, in the same transaction, so whoever
/// writes is recorded without doing anything. Stances written through `put_stances` are counted
/// instead (bulk vote imports).
class ImportSession {
public:
    ImportSession() = default;
    ImportSession(const ImportSession&) = delete;
    ImportSession& operator=(const ImportSession&) = delete;
    virtual ~ImportSession() = default;

    virtual void put(const Document& document) = 0;
    virtual void put(const Actor& actor) = 0;
    virtual void put(const Membership& membership) = 0;
    virtual void put(const Role& role) = 0;
    virtual void put(const Topic& topic) = 0;
    virtual void put(const Proposition& proposition) = 0;
    virtual void put(const Body& body) = 0;
    virtual void put(const Meeting& meeting) = 0;
    virtual void put(const AgendaItem& item) = 0;
    virtual void put(const Participant& participant) = 0;
    virtual void put(const Stance& stance) = 0;
    /// The same as `put` for each stance in order, for imports of hundreds of thousands of rows
    /// (UN votes): a backend may write them set-wise. The SQLite store stages the batch and inserts
    /// it with one statement, several times faster than row by row. Every stance is written when
    /// this returns; batches of some thousands amortise best.
    virtual void put_stances(std::span<const Stance> stances) {
        for (const Stance& stance : stances) {
            put(stance);
        }
    }

    /// The same as `put` for each meeting in order, for imports of hundreds (the UN importer's
    /// session days): the PostgreSQL store writes a batch with a few statements in place of a few
    /// for each, unless one of its meetings is another's parent (then one by one, parents first).
    virtual void put_meetings(std::span<const Meeting> meetings) {
        for (const Meeting& meeting : meetings) {
            put(meeting);
        }
    }
    /// The same as `put` for each agenda item in order, for imports of thousands of roll calls: the
    /// PostgreSQL store writes the batch with a few statements in place of a few for each item.
    virtual void put_agenda_items(std::span<const AgendaItem> items) {
        for (const AgendaItem& item : items) {
            put(item);
        }
    }

    /// The same as `put_stances` of the stances each roll call's votes stand for (vote_stances), for
    /// the bulk imports of recorded votes: the SQLite store writes them as rows of its vote table
    /// without building a `Stance` per vote. This default does build them.
    virtual void put_votes(std::span<const RollCallVotes> roll_calls) {
        for (const RollCallVotes& votes : roll_calls) {
            const std::vector<Stance> stances = vote_stances(votes);
            put_stances(stances);
        }
    }

    /// Takes `alias` off its actor; nothing when the actor does not have it. Aliases otherwise only
    /// accumulate, so an importer that owns a kind of name uses this to undo what an earlier import of
    /// wrong data added (the UN importer, docs/unga.md).
    virtual void remove(const ActorAlias& alias) = 0;

    /// Stores a suggestion (stance/model/suggestion.hpp): a new one when its id is 0, else the one
    /// of that id, created or replaced. Returns its id.
    virtual std::int64_t put(const Suggestion& suggestion) = 0;

    /// Removes one entity. Refused with invalid_input_error (nothing written, the session goes on)
    /// when anything still refers to it: the message says how many and which. Throws
    /// not_found_error when there is no such entity.
    virtual void remove(const RecordKey& key) = 0;

    /// The entity's state as the history records it (its dataset JSON), as this session sees it;
    /// nothing when it does not exist.
    [[nodiscard]] virtual std::optional<std::string> recorded_state(const RecordKey& key) = 0;

    /// Says what this session's change set is (action, who, summary); the last call counts.
    virtual void note(const ChangeNote& note) = 0;

    /// The id this session's change set has in the history once committed.
    [[nodiscard]] virtual std::int64_t change_set_id() const = 0;

    /// Makes everything visible at once. A session that changed nothing records no change set.
    virtual void commit() = 0;
};

/// Puts every entity of `dataset` into `session`, each after the entities it refers to, without
/// committing: Store::import is begin, this, commit. Callers that check a dataset against the store
/// do it after `begin_import`, so no other writer can change what they checked before it is written.
void put_dataset(ImportSession& session, const Dataset& dataset);

/// Holds a consistent view of the store open; see Store::read_snapshot.
class ReadSnapshot {
public:
    ReadSnapshot() = default;
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    virtual ~ReadSnapshot() = default;
};

/// Kinds of entity with an external id, for existence checks during validation.
enum class EntityKind : std::uint8_t { document, actor, topic, proposition, body, meeting, agenda_item, stance };

/// True for the paths SQLite opens as a private database that is gone when it is closed: "" (a
/// temporary file), ":memory:", and SQLite URIs naming an in-memory one (file::memory:, mode=memory).
/// Store::open accepts them (tests use them); a tool that must keep what it writes should refuse them.
[[nodiscard]] bool is_temporary_database(std::string_view path);

/// True for the addresses Store::open gives to PostgreSQL: `postgresql://…`, `postgres://…`, or a libpq
/// key=value connection string starting with one of its keywords (`host=… dbname=…`); anything else is a
/// SQLite path.
[[nodiscard]] bool is_postgresql_address(std::string_view address) noexcept;

struct OpenOptions {
    bool read_only = false;
    /// Who the history records as making this connection's writes; empty: the OS user name.
    std::string author{};
    /// How long a writer waits for another writer's lock before `busy_error`.
    int busy_timeout_ms = 5000;
};

class Store {
public:
    /// The schema version this library writes; older databases are migrated on open.
    static constexpr int current_schema_version = 10;

    /// Opens (creating if needed) the SQLite database at `path`; ":memory:" gives a private in-memory one.
    /// A PostgreSQL address (is_postgresql_address) opens that database instead, creating stance's
    /// tables in it when it is empty (docs/postgresql.md); storage_error when stance was built without
    /// PostgreSQL support. Throws schema_version_error for a database written by a newer stance.
    [[nodiscard]] static std::unique_ptr<Store> open(const std::string& path, const OpenOptions& options = {});

    Store() = default;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    virtual ~Store() = default;

    [[nodiscard]] virtual int schema_version() const = 0;

    /// Starts an atomic write; see ImportSession.
    [[nodiscard]] virtual std::unique_ptr<ImportSession> begin_import() = 0;

    /// Writes a whole dataset in one transaction (all or nothing).
    void import(const Dataset& dataset);

    [[nodiscard]] virtual bool exists(EntityKind kind, const std::string& id) const = 0;

    [[nodiscard]] virtual std::vector<Actor> actors() const = 0;
    [[nodiscard]] virtual std::vector<Membership> memberships() const = 0;
    [[nodiscard]] virtual std::vector<Role> roles() const = 0;
    [[nodiscard]] virtual std::vector<Topic> topics() const = 0;
    [[nodiscard]] virtual std::vector<Proposition> propositions() const = 0;
    [[nodiscard]] virtual std::vector<Body> bodies() const = 0;
    [[nodiscard]] virtual std::vector<Meeting> meetings() const = 0;
    /// All agenda items, or those of one meeting, in meeting then `order` order.
    [[nodiscard]] virtual std::vector<AgendaItem> agenda_items(const std::optional<MeetingId>& meeting = {}) const = 0;
    [[nodiscard]] virtual std::vector<Participant> participants(const std::optional<MeetingId>& meeting = {}) const = 0;
    /// Documents with their stored text.
    [[nodiscard]] virtual std::vector<Document> documents() const = 0;
    [[nodiscard]] virtual std::optional<Document> document(const DocumentId& id) const = 0;

    /// Stances matching `filter`, ordered by effective date, then meeting, then stance id.
    [[nodiscard]] virtual std::vector<Stance> stances(const StanceFilter& filter = {}) const = 0;
    /// The same rows as `stances`, streamed, for reads too large to hold at once.
    virtual void for_each_stance(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const = 0;
    /// The same rows ordered by stance id alone (the export's canonical order), streamed. This
    /// implementation sorts `stances(filter)` in memory; the SQLite store lets SQLite sort.
    virtual void for_each_stance_by_id(const StanceFilter& filter,
                                       const std::function<void(const Stance&)>& visit) const;

    /// One stance by id (from either storage of stances); nothing when there is none.
    [[nodiscard]] virtual std::optional<Stance> stance(const StanceId& id) const = 0;

    /// Change sets of the history, newest first (stance/store/history.hpp).
    [[nodiscard]] virtual std::vector<ChangeSet> change_sets(const HistoryFilter& filter) const = 0;

    /// Stored suggestions, in id order. No other read returns them.
    [[nodiscard]] virtual std::vector<Suggestion> suggestions(const SuggestionFilter& filter = {}) const = 0;

    /// The yes, abstain and no votes among the stances `filter` selects that are recorded votes
    /// (vote-shaped: `is_vote_shaped`). `text` and `include_named_members` do not apply (votes have
    /// no quote and name no members); `positions_only` is implied. This implementation reads through
    /// `for_each_stance`; a backend that stores votes compactly reads them directly, with the same result.
    [[nodiscard]] virtual RecordedVotes recorded_votes(const StanceFilter& filter) const;

    /// The stances `filter` selects, as `for_each_stance` visits them, except the recorded votes among
    /// them (vote-shaped: `is_vote_shaped`): those are not visited but counted per actor, meeting,
    /// topic and vote, and the counts returned in no particular order. For summaries of a whole
    /// voting record (an evolution's periods) that do not list each vote. This implementation reads
    /// through `for_each_stance`; a backend that stores votes compactly counts them where they are.
    [[nodiscard]] virtual std::vector<VoteTally>
    for_each_stance_tallying_votes(const StanceFilter& filter, const std::function<void(const Stance&)>& visit) const;

    /// Until the returned guard is destroyed, reads through this store see one consistent state of the
    /// data, whatever other connections commit meanwhile (a read transaction). Null when the backend
    /// has no such thing. Inside an import on this same store, reads already see one state (the
    /// import's own), and a snapshot adds nothing. Do not begin an import while one is held.
    [[nodiscard]] virtual std::unique_ptr<ReadSnapshot> read_snapshot() const { return nullptr; }

    /// What the backend's own consistency check finds wrong with the stored file, one line each;
    /// empty when it is sound. `quick` trades thoroughness for speed (SQLite: `PRAGMA quick_check`
    /// instead of `integrity_check`, which also compares every index with its table).
    [[nodiscard]] virtual std::vector<std::string> integrity_problems(bool quick) const {
        (void)quick;
        return {};
    }

    /// Everything in the store as one dataset, each list sorted by id (a canonical order for export).
    /// Read in one snapshot, so an export taken during another process's import is all before or all after it.
    [[nodiscard]] Dataset to_dataset() const;
};

/// Sorts each list of `dataset` into the canonical export order: by id, memberships by group,
/// member and start, roles by person, start and represented actor, participants by meeting, actor
/// and person.
void sort_canonically(Dataset& dataset);

/// Every entity of `store` but the stances, in the canonical order, for readers that take the
/// stances one at a time (the export, the copy). Call it inside a read snapshot to have them agree.
[[nodiscard]] Dataset entities_without_stances(const Store& store);

} // namespace stance
