// The names behind the vote table's integer keys; see key_names.hpp.
#include "store/key_names.hpp"

#include <sqlite3.h>

#include "store/columns.hpp"
#include "store/statement_cache.hpp"

namespace stance::detail {

namespace {

template <class Value> const Value* find_in(const std::unordered_map<std::int64_t, Value>& map, std::int64_t row) {
    const auto found = map.find(row);
    return found == map.end() ? nullptr : &found->second;
}

template <class IdType>
void read_slugs(ReadStatements& statements, const char* sql, std::unordered_map<std::int64_t, IdType>& out) {
    out.clear();
    const ReadStatements::Lease query = statements(sql);
    while (query->executeStep()) {
        out.emplace(query->getColumn(0).getInt64(), IdType{query->getColumn(1).getString()});
    }
}

} // namespace

void KeyNames::refresh(SQLite::Database& db, ReadStatements& statements) {
    std::int64_t version = 0;
    {
        const ReadStatements::Lease query = statements("PRAGMA data_version");
        if (query->executeStep()) {
            version = query->getColumn(0).getInt64();
        }
    }
    const std::int64_t changes = sqlite3_total_changes64(db.getHandle());
    if (m_data_version == version && m_changes == changes) {
        return;
    }
    read(statements);
    m_data_version = version;
    m_changes = changes;
}

void KeyNames::read(ReadStatements& statements) {
    m_roll_calls.clear();
    {
        const ReadStatements::Lease query =
            statements("SELECT rc.agenda_item_id, ai.slug, ai.meeting_id, rc.stance_prefix, ai.important, "
                       "ai.amendment, ai.paragraph FROM roll_call rc JOIN agenda_item ai ON ai.id = rc.agenda_item_id");
        while (query->executeStep()) {
            m_roll_calls.emplace(
                query->getColumn(0).getInt64(),
                RollCall{AgendaItemId{query->getColumn(1).getString()}, query->getColumn(2).getInt64(),
                         query->getColumn(3).getString(),
                         RollCallFlags{optional_flag(query->getColumn(4)), optional_flag(query->getColumn(5)),
                                       optional_flag(query->getColumn(6))},
                         static_cast<std::uint32_t>(m_roll_calls.size())});
        }
    }
    m_meetings.clear();
    {
        const ReadStatements::Lease query = statements("SELECT id, slug, date FROM meeting");
        while (query->executeStep()) {
            std::string date = query->getColumn(2).getString();
            const Date parsed = Date::parse(date).value_or(Date{});
            m_meetings.emplace(query->getColumn(0).getInt64(),
                               MeetingNames{MeetingId{query->getColumn(1).getString()}, parsed, std::move(date)});
        }
    }
    read_slugs(statements, "SELECT id, slug FROM actor", m_actors);
    read_slugs(statements, "SELECT id, slug FROM topic", m_topics);
    read_slugs(statements, "SELECT id, slug FROM document", m_documents);
}

const KeyNames::RollCall* KeyNames::roll_call(std::int64_t agenda_item) const {
    return find_in(m_roll_calls, agenda_item);
}
const KeyNames::MeetingNames* KeyNames::meeting(std::int64_t row) const {
    return find_in(m_meetings, row);
}
const ActorId* KeyNames::actor(std::int64_t row) const {
    return find_in(m_actors, row);
}
const TopicId* KeyNames::topic(std::int64_t row) const {
    return find_in(m_topics, row);
}
const DocumentId* KeyNames::document(std::int64_t row) const {
    return find_in(m_documents, row);
}

} // namespace stance::detail
