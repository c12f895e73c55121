// Everything in a store except the stances, loaded once and indexed for the lookups every query
// makes: an actor's name, a topic's children, a meeting's parent, who was a member of what.
//
// The stances stay in the store and are read per query (they are the large part); the catalog is
// small enough to hold whole even for the UN General Assembly data. Build one per store and reuse
// it across queries: `Catalog catalog{*store}; evolution(*store, catalog, ...)`.
//
// A catalog is a snapshot, and it keeps its store on that snapshot: it holds the store's read
// snapshot (Store::read_snapshot) from before its first read until it is destroyed, so every stance
// a query reads through the same store comes from the same state as the catalog. A stance committed
// by another process meanwhile cannot appear with a meeting or actor the catalog does not know. The
// queries refuse a catalog built from another store. Destroy the catalog before importing through
// its store, and do not keep one for hours: while it lives, the store does not see new writes.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "stance/model/dataset.hpp"

namespace stance {

class ReadSnapshot;
class Store;

class Catalog {
public:
    explicit Catalog(const Store& store);
    Catalog(Catalog&&) noexcept;
    Catalog& operator=(Catalog&&) noexcept;
    ~Catalog();

    /// Throws stance::error unless this catalog was built from `store`: a query that read its stances
    /// through another connection could see a state the catalog does not describe.
    void check_built_from(const Store& store) const;

    [[nodiscard]] const std::vector<Actor>& actors() const noexcept { return m_actors; }
    [[nodiscard]] const std::vector<Topic>& topics() const noexcept { return m_topics; }
    [[nodiscard]] const std::vector<Meeting>& meetings() const noexcept { return m_meetings; }
    [[nodiscard]] const std::vector<Membership>& memberships() const noexcept { return m_memberships; }
    [[nodiscard]] const std::vector<Role>& roles() const noexcept { return m_roles; }

    /// Lookups by id; nullptr when the id is unknown.
    [[nodiscard]] const Actor* find(const ActorId& id) const;
    [[nodiscard]] const Topic* find(const TopicId& id) const;
    [[nodiscard]] const Meeting* find(const MeetingId& id) const;
    [[nodiscard]] const AgendaItem* find(const AgendaItemId& id) const;
    [[nodiscard]] const Proposition* find(const PropositionId& id) const;

    /// Lookups that must succeed; throw not_found_error naming the id.
    [[nodiscard]] const Actor& actor(const ActorId& id) const;
    [[nodiscard]] const Topic& topic(const TopicId& id) const;
    [[nodiscard]] const Meeting& meeting(const MeetingId& id) const;

    /// Display names that fall back to the id, for output that must not fail on a dangling reference.
    [[nodiscard]] std::string actor_name(const ActorId& id) const;
    [[nodiscard]] std::string topic_label(const TopicId& id) const;
    [[nodiscard]] std::string meeting_title(const MeetingId& id) const;

    /// Direct children, in id order.
    [[nodiscard]] const std::vector<TopicId>& children(const TopicId& id) const;
    [[nodiscard]] const std::vector<MeetingId>& children(const MeetingId& id) const;

    /// The memberships in which `member` is the member, and the roles `person` held.
    [[nodiscard]] const std::vector<Membership>& memberships_of(const ActorId& member) const;
    [[nodiscard]] const std::vector<Role>& roles_of(const ActorId& person) const;
    /// Persons who have ever held a role representing `actor`.
    [[nodiscard]] const std::vector<ActorId>& representatives_of(const ActorId& actor) const;

    /// A stance's effective date: `stated_on` when set, else its meeting's date.
    [[nodiscard]] Date effective_date(const Stance& stance) const;

private:
    // First member: the snapshot begins before the first entity list is read.
    std::unique_ptr<ReadSnapshot> m_snapshot;
    const Store* m_store;
    std::vector<Actor> m_actors;
    std::vector<Topic> m_topics;
    std::vector<Meeting> m_meetings;
    std::vector<AgendaItem> m_agenda_items;
    std::vector<Proposition> m_propositions;
    std::vector<Membership> m_memberships;
    std::vector<Role> m_roles;

    std::unordered_map<ActorId, std::size_t> m_actor_index;
    std::unordered_map<TopicId, std::size_t> m_topic_index;
    std::unordered_map<MeetingId, std::size_t> m_meeting_index;
    std::unordered_map<AgendaItemId, std::size_t> m_agenda_item_index;
    std::unordered_map<PropositionId, std::size_t> m_proposition_index;

    std::unordered_map<TopicId, std::vector<TopicId>> m_topic_children;
    std::unordered_map<MeetingId, std::vector<MeetingId>> m_meeting_children;
    std::unordered_map<ActorId, std::vector<Membership>> m_memberships_by_member;
    std::unordered_map<ActorId, std::vector<Role>> m_roles_by_person;
    std::unordered_map<ActorId, std::vector<ActorId>> m_representatives;
};

} // namespace stance
