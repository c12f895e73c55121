// The write rules' view of what an import session has written so far (write_rules.hpp), with the
// caches both stores need: bulk vote imports ask about the same few documents and meetings a million
// times. A backend answers each question with one query in its own transaction (so this import's
// uncommitted rows count), and each put drops the answers it may change (`forget_after`). Internal.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/write_rules.hpp"

namespace stance::detail {

class CachedWrittenEntities : public WrittenEntities {
public:
    /// `row_placeholder` is how the backend's SQL names the first parameter ("?1", "$1");
    /// `vote_table` whether it keeps recorded votes in a table of their own, which refers to
    /// documents, actors, topics and agenda items like the stance table.
    CachedWrittenEntities(std::string row_placeholder, bool vote_table)
        : m_row_placeholder(std::move(row_placeholder)), m_vote_table(vote_table) {}

    const std::optional<std::string>& document_text(const DocumentId& id) final;
    std::optional<TopicId> proposition_topic(const PropositionId& id) final;
    bool is_within(const TopicId& topic, const TopicId& ancestor) final;
    std::optional<ActorKind> actor_kind(const ActorId& id) final;
    std::vector<Role> roles_of(const ActorId& person) final;
    const std::optional<Meeting>& meeting(const MeetingId& id) final;
    std::vector<Referrers> referrers(const RecordKey& key) final;

    /// Drops every cached answer (after a write that may change one).
    void forget();
    /// Drops the answers a put of `entity` may change: for the kinds below only the entity's own
    /// (a bulk import puts a thousand meetings, each of which the next one's rules look up), for
    /// every other kind all of them.
    template <class Entity> void forget_after(const Entity&) { forget(); }
    void forget_after(const Document& document) { m_documents.erase(document.id.str()); }
    void forget_after(const Actor& actor) { m_actor_kinds.erase(actor.id.str()); }
    void forget_after(const Proposition& proposition) { m_propositions.erase(proposition.id.str()); }
    void forget_after(const Meeting& meeting) { m_meetings.erase(meeting.id.str()); }
    void forget_after(const AgendaItem&) {} // the rules look up nothing of an agenda item
    void forget_after(std::span<const AgendaItem>) {}
    void forget_after(std::span<const Meeting> meetings) {
        for (const Meeting& meeting : meetings) {
            forget_after(meeting);
        }
    }

protected:
    // One query each, uncached.
    virtual std::optional<std::string> read_document_text(const DocumentId& id) = 0;
    virtual std::optional<TopicId> read_proposition_topic(const PropositionId& id) = 0;
    /// Whether `topic` lies below `ancestor` (not the same topic) through any chain of parents.
    virtual bool read_is_below(const TopicId& topic, const TopicId& ancestor) = 0;
    virtual std::optional<ActorKind> read_actor_kind(const ActorId& id) = 0;
    virtual std::vector<Role> read_roles_of(const ActorId& person) = 0;
    /// The meeting's dates and parent; nothing when unknown.
    virtual std::optional<Meeting> read_meeting(const MeetingId& id) = 0;
    /// The row id of the entity `slug` in `table`; nothing when unknown.
    virtual std::optional<std::int64_t> read_row_id(const char* table, const std::string& slug) = 0;
    /// The result of `sql`, one number, with the first parameter bound to `row`.
    virtual std::int64_t read_count(const std::string& sql, std::int64_t row) = 0;
    /// The first column of every row of `sql`, with the first parameter bound to `row`.
    virtual std::vector<std::string> read_texts(const std::string& sql, std::int64_t row) = 0;

private:
    std::string m_row_placeholder;
    bool m_vote_table;
    std::unordered_map<std::string, std::optional<std::string>> m_documents;
    std::unordered_map<std::string, std::optional<TopicId>> m_propositions;
    std::map<std::pair<std::string, std::string>, bool> m_within;
    std::unordered_map<std::string, std::optional<ActorKind>> m_actor_kinds;
    std::unordered_map<std::string, std::vector<Role>> m_roles;
    std::unordered_map<std::string, std::optional<Meeting>> m_meetings;
};

} // namespace stance::detail
