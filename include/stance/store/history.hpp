// The append-only history of a store (docs/history.md). Every ImportSession records what it writes
// as one change set: who, when, what kind of action, and for each entity it changed the state
// before and after as the entity's dataset JSON (null where it did not exist). Recorded votes
// written in bulk (ImportSession::put_stances) are counted, not recorded row by row. Nothing
// updates or deletes a change set once written; `undo` writes a new one that reverses an old one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/dataset.hpp"
#include "stance/model/suggestion.hpp"

namespace stance {

class Store;

/// Everything the history records a state of.
enum class RecordKind : std::uint8_t {
    document,
    actor,
    membership,
    role,
    topic,
    proposition,
    body,
    meeting,
    agenda_item,
    participant,
    stance,
    suggestion,
};
[[nodiscard]] std::string_view to_string(RecordKind kind) noexcept;
[[nodiscard]] std::optional<RecordKind> parse_record_kind(std::string_view text) noexcept;

/// One entity: its kind and id. Entities without an id of their own are named by their key fields
/// joined by "/": a membership "member/group/from", a role "person/represents/from", a participant
/// "meeting/actor/person" (an empty part where the field is not set).
struct RecordKey {
    RecordKind kind = RecordKind::stance;
    std::string id;

    friend bool operator==(const RecordKey&, const RecordKey&) = default;
};

/// The parts of a key of several parts ("nld/nato/1949-04-04" → nld, nato, 1949-04-04).
[[nodiscard]] std::vector<std::string> split_record_id(std::string_view id);

/// The key the history records each entity under.
[[nodiscard]] RecordKey record_key(const Document& document);
[[nodiscard]] RecordKey record_key(const Actor& actor);
[[nodiscard]] RecordKey record_key(const Membership& membership);
[[nodiscard]] RecordKey record_key(const Role& role);
[[nodiscard]] RecordKey record_key(const Topic& topic);
[[nodiscard]] RecordKey record_key(const Proposition& proposition);
[[nodiscard]] RecordKey record_key(const Body& body);
[[nodiscard]] RecordKey record_key(const Meeting& meeting);
[[nodiscard]] RecordKey record_key(const AgendaItem& item);
[[nodiscard]] RecordKey record_key(const Participant& participant);
[[nodiscard]] RecordKey record_key(const Stance& stance);
[[nodiscard]] RecordKey record_key(const Suggestion& suggestion);

/// What a session says about the change set it writes. Empty fields take defaults: action
/// "import", `by` the store's author (OpenOptions::author, else the OS user name).
struct ChangeNote {
    std::string action;
    std::string by;
    std::string summary;                ///< Free text: the file imported, the suggestion accepted, …
    std::optional<std::int64_t> undoes; ///< The change set this one reverses.
};

/// One entity's change: its state before and after, as dataset JSON; nothing where it did not exist.
struct EntityChange {
    RecordKey key;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

/// One field that differs between an entity's states before and after: its JSON values as text,
/// "" where the field is absent (an empty optional is not written).
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};
/// The fields a change changed, in the order the states list them; empty when the entity was
/// created or deleted.
[[nodiscard]] std::vector<FieldChange> changed_fields(const EntityChange& change);

struct ChangeSet {
    std::int64_t id = 0;
    std::string action;
    std::string by;
    std::string at; ///< UTC, ISO 8601 ("2026-12-01T22:40:00Z").
    std::string summary;
    /// Stances written in bulk (UN votes through put_stances): counted here, not recorded as changes.
    std::uint64_t bulk_stances = 0;
    std::optional<std::int64_t> undoes;
    std::optional<std::int64_t> undone_by; ///< The later change set that reverses this one.
    /// In the order they were made. Filtered by entity, only that entity's.
    std::vector<EntityChange> changes;
};

/// Which change sets Store::change_sets returns, newest first.
struct HistoryFilter {
    /// Only change sets that changed this entity id (of any kind, unless `kind` is set), each with
    /// only that entity's changes.
    std::optional<std::string> entity;
    std::optional<RecordKind> kind;
    std::optional<std::int64_t> change_set; ///< Only this one, with all its changes.
    std::size_t limit = 20;
};

/// The OS user name (getpwuid, else $USER), or "unknown": who a change is recorded as by default.
[[nodiscard]] std::string os_user_name();

/// The current time as UTC ISO 8601 to the second.
[[nodiscard]] std::string utc_now();

/// Removes one entity through the checked write path, recorded as a change set with `note`
/// (action "delete" by default). Throws not_found_error when it does not exist, and
/// invalid_input_error when something still refers to it (saying how many and which). Returns
/// the change set's id.
std::int64_t delete_entity(Store& store, const RecordKey& key, ChangeNote note = {});

/// Reverts change set `id`: every entity it changed goes back to its state before, in one new
/// change set (action "undo", `undoes` = id) that is itself recorded and can be undone. Refused
/// with invalid_input_error, changing nothing, when an entity has changed since (the message names
/// each and the change set that changed it), when the change set was already undone, or when it
/// wrote stances in bulk, which are counted rather than recorded. Returns the new change set's id.
std::int64_t undo_change_set(Store& store, std::int64_t id, ChangeNote note = {});

} // namespace stance
