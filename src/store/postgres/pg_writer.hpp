// The writes of one PostgreSQL import session, unchecked: upserts keyed by slug into the session's
// transaction, the COPY of a batch of stances (pg_bulk_stances.cpp), removals. The checked session
// (pg_session.cpp) runs the write rules and records the history around each. Internal.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "stance/store/store.hpp"
#include "store/checked_writes.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_vote_rows.hpp"

namespace stance::detail {

class PgWriter {
public:
    explicit PgWriter(PgConnection& db) : m_db(db), m_votes(db) {}

    void put(const Document& document);
    void put(const Actor& actor);
    void put(const Membership& membership);
    void put(const Role& role);
    void put(const Topic& topic);
    void put(const Proposition& proposition);
    void put(const Body& body);
    void put(const Meeting& meeting);
    void put(const AgendaItem& item);
    void put(const Participant& participant);
    void put(const Stance& stance);
    /// The same as put() for each, through one COPY into a staging table and one upsert from it.
    void put_stances(std::span<const Stance> stances);
    /// The same as put() for each meeting, through one COPY into a staging table and one upsert
    /// from it; no two may share an id, and none may be another's parent.
    void put_meetings(std::span<const Meeting> meetings);
    /// The same as put() for each agenda item, through one COPY into a staging table, one upsert
    /// from it and one insert of their topics; no two may share an id.
    void put_agenda_items(std::span<const AgendaItem> items);
    /// The same as put_stances of the stances the roll calls' votes stand for (vote_stances), the
    /// votes of the whole batch through one COPY into the vote table, without a Stance per vote.
    void put_votes(std::span<const RollCallVotes> roll_calls);
    void remove(const ActorAlias& alias);
    /// Returns the suggestion's id.
    std::int64_t put(const Suggestion& suggestion);
    /// The caller has checked that the entity exists and that nothing refers to it (check_removal).
    void remove(const RecordKey& key);
    /// Writes what waited for the end of the import (directions to scales written later in it).
    void finish();

    /// Whether `key` is certainly not stored, so that the history's state before its write is
    /// nothing without asking the server. Known only for the kinds kept by slug other than stances,
    /// once a session has put more than a few of that kind: then it reads their slugs once, and as
    /// the session holds the writer lock, those and what it writes itself are all there are.
    bool known_absent(const RecordKey& key);

private:
    std::int64_t row_id(EntityKind kind, const std::string& slug);
    std::optional<std::int64_t> optional_row_id(EntityKind kind, const std::string& slug);
    template <class IdType> std::optional<std::int64_t> optional_row(EntityKind kind, const std::optional<IdType>& id) {
        return id ? std::optional{row_id(kind, id->str())} : std::nullopt;
    }
    void remember(EntityKind kind, const std::string& slug, std::int64_t row) { m_ids[index(kind)][slug] = row; }
    static std::size_t index(EntityKind kind) { return static_cast<std::size_t>(kind); }
    void put_aliases(const char* table, const char* key_column, std::int64_t row, const std::vector<Name>& names);
    void put_directions(const char* table, const char* key_column, std::int64_t row,
                        const std::vector<Direction>& directions);
    void write_known_directions();
    std::string effective_date(const Stance& stance, std::int64_t meeting);
    /// The stance's columns in `stance_columns` order, for a parameterised upsert or a COPY row.
    PgParams stance_values(const Stance& stance);
    void put_includes(const std::string& slug, const std::vector<ActorId>& members);
    /// The stance as a row of the vote table, when it is vote-shaped, its meeting is its agenda
    /// item's and its roll call takes its id prefix; else nothing, and it is a general stance.
    std::optional<PgVote> as_vote(const Stance& stance);
    std::int64_t meeting_of_item(std::int64_t agenda_item);
    /// Appends the roll call's votes as rows of the vote table; false, with nothing appended, when
    /// they are general stances (its meeting is not its agenda item's, or it cannot take the prefix).
    bool append_vote_rows(const RollCallVotes& roll_call, std::vector<PgVote>& rows);
    /// A meeting's columns in `meeting_columns` order, for the upsert or a COPY row.
    PgParams meeting_values(const Meeting& meeting);
    /// The stances that take their date from the stored meetings of rows `meetings` follow their dates.
    void redate_stances(std::span<const std::int64_t> meetings);
    /// An agenda item's columns in `agenda_item_columns` order, for the upsert or a COPY row.
    static PgParams agenda_item_values(const AgendaItem& item, std::int64_t meeting);
    /// The rows of the item's topics, as text for an array parameter.
    std::vector<std::string> topic_rows(const AgendaItem& item);
    /// The topics of the stored items `rows` become `topics` (one list an item, as topic_rows gives).
    void replace_item_topics(std::span<const std::int64_t> rows, std::span<const std::vector<std::string>> topics);
    /// Gives the items `rows`, which have none, their `topics`.
    void insert_item_topics(std::span<const std::int64_t> rows, std::span<const std::vector<std::string>> topics);
    /// The general stances as put() writes them, through the staging table.
    void put_general_stances(std::span<const Stance> stances);

    PgConnection& m_db;
    std::array<std::unordered_map<std::string, std::int64_t>, 8> m_ids;
    std::array<int, 8> m_asked_absent{}; // known_absent calls per kind, up to the one that reads every slug
    std::unordered_map<std::int64_t, std::string> m_meeting_dates;
    std::unordered_map<std::int64_t, std::int64_t> m_item_meetings; // agenda item row → meeting row
    PgVoteRows m_votes;
    std::vector<PendingDirection> m_pending_directions;
    bool m_staging_ready = false;         // the temporary stance_staging table exists
    bool m_item_staging_ready = false;    // the temporary agenda_item_staging table exists
    bool m_meeting_staging_ready = false; // the temporary meeting_staging table exists
};

/// The stance table's written columns, in the order of PgWriter's values; the row and the bulk write share them.
extern const char* const stance_columns;
/// ON CONFLICT (slug) DO UPDATE of every column in `stance_columns`.
extern const char* const stance_upsert_tail;
/// The meeting table's written columns, in the order of meeting_values; and its upsert's tail.
extern const char* const meeting_columns;
extern const char* const meeting_upsert_tail;
/// The agenda item table's written columns, in the order of agenda_item_values; and its upsert's tail.
extern const char* const agenda_item_columns;
extern const char* const agenda_item_upsert_tail;

} // namespace stance::detail
