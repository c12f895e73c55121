// The names behind the integer keys of the vote table: for each roll call its agenda item's slug,
// meeting and flags and its stance id prefix; for each meeting its slug and date; the slugs of
// actors, topics and documents. Read once and kept while the database is unchanged, so that reading
// votes as stances joins nothing: a query over one country's votes otherwise spends most of its
// time looking the same few hundred rows up again for every vote. Internal to the SQLite backend.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include <SQLiteCpp/Database.h>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/model/meeting.hpp"

namespace stance::detail {

class ReadStatements;

class KeyNames {
public:
    struct RollCall {
        AgendaItemId item;
        std::int64_t meeting = 0; ///< The meeting's row.
        std::string stance_prefix;
        RollCallFlags flags;
        /// 0 to roll_call_count() - 1, one per roll call: a reader indexes what it builds per roll
        /// call by it in a plain vector rather than a hash map keyed by row.
        std::uint32_t ordinal = 0;
    };
    struct MeetingNames {
        MeetingId id;
        Date date;
        std::string date_text; ///< As stored (ISO), the effective date of a vote.
    };

    /// Brings the names up to date with the database as this connection now sees it: read again
    /// when another connection has committed since (PRAGMA data_version) or this one has written
    /// (sqlite3_total_changes64). Call inside the read transaction that uses them.
    void refresh(SQLite::Database& db, ReadStatements& statements);

    /// Nothing when the row is unknown (a write since the last refresh).
    [[nodiscard]] const RollCall* roll_call(std::int64_t agenda_item) const;
    [[nodiscard]] std::size_t roll_call_count() const noexcept { return m_roll_calls.size(); }
    [[nodiscard]] const MeetingNames* meeting(std::int64_t row) const;
    [[nodiscard]] const ActorId* actor(std::int64_t row) const;
    [[nodiscard]] const TopicId* topic(std::int64_t row) const;
    [[nodiscard]] const DocumentId* document(std::int64_t row) const;

private:
    void read(ReadStatements& statements);

    std::optional<std::int64_t> m_data_version;
    std::int64_t m_changes = -1;
    std::unordered_map<std::int64_t, RollCall> m_roll_calls; // by agenda item row
    std::unordered_map<std::int64_t, MeetingNames> m_meetings;
    std::unordered_map<std::int64_t, ActorId> m_actors;
    std::unordered_map<std::int64_t, TopicId> m_topics;
    std::unordered_map<std::int64_t, DocumentId> m_documents;
};

} // namespace stance::detail
