// The rules every write into a store must pass, whoever writes (the JSON importer, the UN importer,
// a program using the C++ API): docs/dataset-format.md and docs/position-scale.md state them, and
// this is the one place that checks them. The SQLite session calls `check` before each put; a
// broken rule throws invalid_input_error naming the entity, and the import is rolled back.
//
// The rules look at what is already written (in this import or before) through `WrittenEntities`,
// which the session answers from its own transaction, with caches so that a million vote rows
// cost a few comparisons each.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/dataset.hpp"
#include "stance/store/history.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

/// What still refers to an entity: `count` rows of one kind (`what`, a plural noun), the first few by id.
struct Referrers {
    std::string what;
    std::int64_t count = 0;
    std::vector<std::string> ids;
};

class WrittenEntities {
public:
    WrittenEntities() = default;
    WrittenEntities(const WrittenEntities&) = delete;
    WrittenEntities& operator=(const WrittenEntities&) = delete;
    virtual ~WrittenEntities() = default;

    // Answers by reference stay valid until the next write of their kind: the rules run for every
    // vote of a bulk import, and a copy of a meeting or a text for each would cost more than the check.

    /// The stored text of a document; "" when it is referenced by path only; nothing when unknown.
    virtual const std::optional<std::string>& document_text(const DocumentId& id) = 0;
    /// The topic a proposition belongs to; nothing when unknown.
    virtual std::optional<TopicId> proposition_topic(const PropositionId& id) = 0;
    /// True when `topic` is `ancestor` or lies below it through any chain of parents.
    virtual bool is_within(const TopicId& topic, const TopicId& ancestor) = 0;
    /// The kind of an actor; nothing when unknown.
    virtual std::optional<ActorKind> actor_kind(const ActorId& id) = 0;
    /// The roles a person held.
    virtual std::vector<Role> roles_of(const ActorId& person) = 0;
    /// A meeting as written; nothing when unknown.
    virtual const std::optional<Meeting>& meeting(const MeetingId& id) = 0;
    /// Everything that refers to the entity, one entry per kind of referrer that has any.
    virtual std::vector<Referrers> referrers(const RecordKey& key) = 0;
};

/// The score range a kind allows, [low, high] (docs/position-scale.md, "Kinds and scores").
struct ScoreRange {
    double low;
    double high;
};
[[nodiscard]] ScoreRange allowed_scores(PositionKind kind) noexcept;

void check(const Document& document);
void check(const Actor& actor);
void check(const Topic& topic);
void check(const Proposition& proposition);
void check(const Body& body);
void check(const Meeting& meeting, WrittenEntities& written);
void check(const AgendaItem& item);
void check(const Stance& stance, WrittenEntities& written);
/// The same rules as check(Stance) for every vote of `votes`, most of them once per roll call.
void check(const RollCallVotes& votes, WrittenEntities& written);
/// An entity may be removed only when nothing refers to it any more.
void check_removal(const RecordKey& key, WrittenEntities& written);

} // namespace stance::detail
