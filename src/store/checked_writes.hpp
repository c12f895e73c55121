// What every store's checked session does around a write, whatever the backend: the words that
// name what a failed write was writing, the write rules each kind of write passes first
// (write_rules.hpp), and the key the history records it under; and what both writers share inside
// a put (a reference that names nothing, a direction waiting for its scale). Internal.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/store.hpp"
#include "store/entity_tables.hpp"
#include "store/write_rules.hpp"

namespace stance::detail {

// What a failed put was writing, for the error message.
template <class Entity> std::string describe(std::string_view kind, const Entity& entity) {
    return fmt::format("{} \"{}\"", kind, entity.id.str());
}
inline std::string describe(std::string_view, const Membership& m) {
    return fmt::format(R"(membership of "{}" in "{}")", m.member.str(), m.group.str());
}
inline std::string describe(std::string_view, const Role& r) {
    return fmt::format(R"(role of "{}" for "{}")", r.person.str(), r.represents.str());
}
inline std::string describe(std::string_view, std::span<const Stance> stances) {
    return stances.empty() ? std::string("no stances")
                           : fmt::format(R"({} stances from "{}" to "{}")", stances.size(), stances.front().id.str(),
                                         stances.back().id.str());
}
// A batch of agenda items or meetings: `kind` in the plural ("agenda items").
template <class Entity> std::string describe(std::string_view kind, std::span<const Entity> batch) {
    return batch.empty() ? fmt::format("no {}", kind)
                         : fmt::format(R"({} {} from "{}" to "{}")", batch.size(), kind, batch.front().id.str(),
                                       batch.back().id.str());
}
inline std::string describe(std::string_view, std::span<const RollCallVotes> roll_calls) {
    return roll_calls.empty() ? std::string("no votes")
                              : fmt::format(R"(the votes on {} roll calls from "{}" to "{}")", roll_calls.size(),
                                            roll_calls.front().agenda_item.str(), roll_calls.back().agenda_item.str());
}
inline std::string describe(std::string_view, const ActorAlias& a) {
    return fmt::format(R"(removal of the alias "{}" of actor "{}")", a.name.text, a.actor.str());
}
inline std::string describe(std::string_view, const RecordKey& key) {
    return fmt::format("the removal of {} \"{}\"", to_string(key.kind), key.id);
}
inline std::string describe(std::string_view, const Suggestion& s) {
    return fmt::format(R"(a suggestion for "{}" in "{}")", s.actor.str(), s.document.str());
}
inline std::string describe(std::string_view, const Participant& p) {
    return fmt::format(R"(participant "{}" of meeting "{}")", p.actor.str(), p.meeting.str());
}

// The write rules for one put (write_rules.hpp). Entities without rules of their own pass as they are.
template <class Entity> void check_rules(const Entity&, WrittenEntities&) {}
inline void check_rules(const Document& document, WrittenEntities&) {
    check(document);
}
inline void check_rules(const Actor& actor, WrittenEntities&) {
    check(actor);
}
inline void check_rules(const Topic& topic, WrittenEntities&) {
    check(topic);
}
inline void check_rules(const Proposition& proposition, WrittenEntities&) {
    check(proposition);
}
inline void check_rules(const Body& body, WrittenEntities&) {
    check(body);
}
inline void check_rules(const Meeting& meeting, WrittenEntities& written) {
    check(meeting, written);
}
inline void check_rules(const AgendaItem& item, WrittenEntities&) {
    check(item);
}
inline void check_rules(const Stance& stance, WrittenEntities& written) {
    check(stance, written);
}
inline void check_rules(std::span<const Stance> stances, WrittenEntities& written) {
    for (const Stance& stance : stances) {
        check(stance, written);
    }
}
inline void check_rules(std::span<const AgendaItem> items, WrittenEntities&) {
    for (const AgendaItem& item : items) {
        check(item);
    }
}
inline void check_rules(std::span<const Meeting> meetings, WrittenEntities& written) {
    for (const Meeting& meeting : meetings) {
        check(meeting, written);
    }
}
inline void check_rules(std::span<const RollCallVotes> roll_calls, WrittenEntities& written) {
    for (const RollCallVotes& votes : roll_calls) {
        check(votes, written);
    }
}
inline void check_rules(const RecordKey& key, WrittenEntities& written) {
    check_removal(key, written);
}

// The key the history records a write under, before it is made: nothing for bulk stances (counted),
// votes (counted), agenda items and meetings (each its own) and for new suggestions (whose id the write gives).
template <class Entity> std::optional<RecordKey> key_before(const Entity& entity) {
    return record_key(entity);
}
inline std::optional<RecordKey> key_before(std::span<const Stance>) {
    return std::nullopt;
}
inline std::optional<RecordKey> key_before(std::span<const RollCallVotes>) {
    return std::nullopt;
}
inline std::optional<RecordKey> key_before(std::span<const AgendaItem>) {
    return std::nullopt; // each item's own (the bulk write records them one by one)
}
inline std::optional<RecordKey> key_before(std::span<const Meeting>) {
    return std::nullopt; // each meeting's own
}
inline std::optional<RecordKey> key_before(const ActorAlias& alias) {
    return RecordKey{RecordKind::actor, alias.actor.str()};
}
inline std::optional<RecordKey> key_before(const RecordKey& key) {
    return key;
}
inline std::optional<RecordKey> key_before(const Suggestion& suggestion) {
    return suggestion.id == 0 ? std::nullopt : std::optional{record_key(suggestion)};
}

// Stances change nothing the rules look up; everything else may.
template <class Entity> constexpr bool changes_lookups = true;
template <> constexpr bool changes_lookups<Stance> = false;
template <> constexpr bool changes_lookups<std::span<const Stance>> = false;
template <> constexpr bool changes_lookups<std::span<const RollCallVotes>> = false;

// Inside a put, on either backend.

/// Whether two entities of the batch share an id: then a set-wise write cannot give the later one
/// the last word, nor check each against the one before it, and the batch goes one by one.
template <class Entity> bool repeats_an_id(std::span<const Entity> batch) {
    std::unordered_set<std::string_view> seen;
    return std::ranges::any_of(batch, [&](const Entity& entity) { return !seen.insert(entity.id.str()).second; });
}

/// The row of a reference a put needs, or the error that names what to import first.
inline std::int64_t known_row(std::optional<std::int64_t> row, EntityKind kind, const std::string& slug) {
    if (row) {
        return *row;
    }
    throw invalid_input_error(
        "", fmt::format("unknown {} \"{}\": import it first or fix the reference", table_of(kind), slug));
}

/// The DELETE of a key of several parts (a membership's, role's or participant's; actors and
/// meetings by slug), in the SQL both schemas share: `{0}`, `{1}`, `{2}` are the parts' parameters
/// as the backend writes them, `{3}` its equality that holds between two nulls. Null for other kinds.
inline const char* delete_by_parts(RecordKind kind) noexcept {
    switch (kind) {
    case RecordKind::membership:
        return "DELETE FROM membership WHERE member_id = (SELECT id FROM actor WHERE slug = {0}) AND "
               "group_id = (SELECT id FROM actor WHERE slug = {1}) AND date_from = {2}";
    case RecordKind::role:
        return "DELETE FROM role WHERE person_id = (SELECT id FROM actor WHERE slug = {0}) AND "
               "represents_id = (SELECT id FROM actor WHERE slug = {1}) AND date_from = {2}";
    case RecordKind::participant:
        return "DELETE FROM participant WHERE meeting_id = (SELECT id FROM meeting WHERE slug = {0}) AND "
               "actor_id = (SELECT id FROM actor WHERE slug = {1}) AND person_id {3} (SELECT id FROM actor WHERE "
               "slug = {2})";
    default: return nullptr;
    }
}

/// A direction whose scale topic is not written yet: a scale may be any topic, and a dataset need
/// not list it first, so it is written when the topic is (at the latest when the session ends).
struct PendingDirection {
    const char* table;
    const char* key_column;
    std::int64_t row;
    std::string scale;
    double weight;
};

} // namespace stance::detail
