// The session callers get from either store, whatever the backend: it checks the write rules before
// each put (a refused entity writes nothing, so the session stays usable and the caller may go on,
// as `stance validate` does), records each write's state before and after in the history in the
// same transaction, turns the backend's failures (constraints, a full disk, a lost connection)
// into stance::storage_error / busy_error naming the entity, and once any write has failed it
// refuses to commit: a put is several statements, so after a failure the transaction may hold half
// an entity, and the only safe end is the rollback that destroying the session does. Internal.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/store/store.hpp"
#include "store/checked_writes.hpp"

namespace stance::detail {

/// One write on a backend's writer (its inner session): a put, a batch of stances, a removal.
template <class Writer, class Entity> void write_one(Writer& writer, const Entity& entity) {
    writer.put(entity);
}
template <class Writer> void write_one(Writer& writer, std::span<const Stance> stances) {
    writer.put_stances(stances);
}
template <class Writer> void write_one(Writer& writer, std::span<const RollCallVotes> votes) {
    writer.put_votes(votes);
}
template <class Writer> void write_one(Writer& writer, std::span<const AgendaItem> items) {
    writer.put_agenda_items(items);
}
template <class Writer> void write_one(Writer& writer, std::span<const Meeting> meetings) {
    writer.put_meetings(meetings);
}
template <class Writer> void write_one(Writer& writer, const ActorAlias& alias) {
    writer.remove(alias);
}
template <class Writer> void write_one(Writer& writer, const RecordKey& key) {
    writer.remove(key);
}

/// Whether a backend's writer has a vote-shaped write of its own (`Parts::native_votes`): then the
/// session checks the votes' rules per roll call and hands them on; otherwise put_votes is the
/// interface's default, the stances they stand for through put_stances and every stance's rules.
template <class Parts> constexpr bool native_votes_of = requires {
    requires Parts::native_votes;
};

/// Whether a backend writes a batch of meetings or agenda items set-wise (`Parts::bulk_puts`): then
/// its writer has put_meetings and put_agenda_items, and its store reads a batch's states at once
/// (recorded_states).
template <class Parts> constexpr bool bulk_puts_of = requires {
    requires Parts::bulk_puts;
};

/// Whether a meeting of the batch is the parent of another: then the child's rules need the parent written.
inline bool has_parent_within(std::span<const Meeting> meetings) {
    std::unordered_set<std::string_view> ids;
    for (const Meeting& meeting : meetings) {
        ids.insert(meeting.id.str());
    }
    return std::ranges::any_of(
        meetings, [&](const Meeting& meeting) { return meeting.parent && ids.contains(meeting.parent->str()); });
}

/// `Parts` is what one backend brings, built from the constructor's arguments: `Failure` (the
/// exception its connection throws) and `rethrow` (it as the stance error a caller acts on),
/// `failed_read_aborts` (whether a failed read leaves the transaction unusable), and the members `store` (with
/// recorded_state), `writer` (put, remove, put_stances, and where it can tell known_absent), `written` (the write
/// rules' view, with forget_after), `history` (note, id, record, count_bulk), `shown()` (the database as messages name
/// it) and `commit()`.
template <class Parts> class CheckedSession final : public ImportSession {
public:
    template <class... Args> explicit CheckedSession(Args&&... args) : m_parts(std::forward<Args>(args)...) {}

    void put(const Document& document) override { guarded("document", document); }
    void put(const Actor& actor) override { guarded("actor", actor); }
    void put(const Membership& membership) override { guarded("membership", membership); }
    void put(const Role& role) override { guarded("role", role); }
    void put(const Topic& topic) override { guarded("topic", topic); }
    void put(const Proposition& proposition) override { guarded("proposition", proposition); }
    void put(const Body& body) override { guarded("body", body); }
    void put(const Meeting& meeting) override { guarded("meeting", meeting); }
    void put(const AgendaItem& item) override { guarded("agenda item", item); }
    void put(const Participant& participant) override { guarded("participant", participant); }
    void put(const Stance& stance) override { guarded("stance", stance); }
    void put_stances(std::span<const Stance> stances) override { guarded("stances", stances); }
    void put_votes(std::span<const RollCallVotes> roll_calls) override {
        if constexpr (native_votes_of<Parts>) {
            guarded("votes", roll_calls);
        } else {
            ImportSession::put_votes(roll_calls);
        }
    }
    void put_meetings(std::span<const Meeting> meetings) override {
        if constexpr (bulk_puts_of<Parts>) {
            if (!repeats_an_id(meetings) && !has_parent_within(meetings)) {
                guarded("meetings", meetings);
                return;
            }
        }
        ImportSession::put_meetings(meetings); // one by one, so that each sees the ones before
    }
    void put_agenda_items(std::span<const AgendaItem> items) override {
        if constexpr (bulk_puts_of<Parts>) {
            if (!repeats_an_id(items)) {
                guarded("agenda items", items);
                return;
            }
        }
        ImportSession::put_agenda_items(items); // one by one, so that each sees the one before
    }
    void remove(const ActorAlias& alias) override { guarded("alias", alias); }
    std::int64_t put(const Suggestion& suggestion) override {
        guarded("suggestion", suggestion);
        return m_last_suggestion;
    }
    void remove(const RecordKey& key) override {
        if (!recorded_state(key)) {
            throw not_found_error(
                fmt::format("there is no {} \"{}\" in {}", to_string(key.kind), key.id, m_parts.shown()));
        }
        guarded("removal", key);
    }
    std::optional<std::string> recorded_state(const RecordKey& key) override {
        try {
            return m_parts.store.recorded_state(key);
        } catch (const typename Parts::Failure& failure) {
            m_failed = m_failed || Parts::failed_read_aborts;
            Parts::rethrow(failure,
                           fmt::format("reading {} \"{}\" from {}", to_string(key.kind), key.id, m_parts.shown()));
        }
    }
    void note(const ChangeNote& note) override { m_parts.history.note(note); }
    [[nodiscard]] std::int64_t change_set_id() const override { return m_parts.history.id(); }

    void commit() override {
        if (m_failed) {
            throw storage_error(fmt::format("importing into {}: an earlier write of this import failed, so it cannot "
                                            "be committed; nothing of it was saved",
                                            m_parts.shown()));
        }
        m_failed = true; // whatever happens below, this session is over
        try {
            m_parts.commit();
        } catch (const typename Parts::Failure& failure) {
            Parts::rethrow(failure,
                           fmt::format("committing the import into {} (nothing of it was saved)", m_parts.shown()));
        }
    }

private:
    template <class Entity> void guarded(std::string_view kind, const Entity& entity) {
        if (m_failed) {
            throw storage_error(fmt::format("importing into {}: an earlier write of this import failed; discard "
                                            "this import and start a new one",
                                            m_parts.shown()));
        }
        try {
            check_rules(entity, m_parts.written);
        } catch (const typename Parts::Failure& failure) {
            m_failed = true;
            Parts::rethrow(
                failure, fmt::format("checking {} before writing it into {}", describe(kind, entity), m_parts.shown()));
        }
        try {
            const std::optional<RecordKey> key = key_before(entity);
            const std::optional<std::string> before =
                key && may_be_stored(*key) ? m_parts.store.recorded_state(*key) : std::nullopt;
            write_and_record(entity, key, before);
            if constexpr (changes_lookups<Entity>) {
                m_parts.written.forget_after(entity);
            }
        } catch (const typename Parts::Failure& failure) {
            m_failed = true;
            Parts::rethrow(failure, fmt::format("writing {} into {} (the import is rolled back)",
                                                describe(kind, entity), m_parts.shown()));
        } catch (...) {
            m_failed = true;
            throw;
        }
    }

    // Whether the state before a write is worth reading: not when the writer knows the key is new
    // (`writer.known_absent`, where a backend has it: a round trip saved per entity of an import).
    bool may_be_stored(const RecordKey& key) {
        if constexpr (requires { m_parts.writer.known_absent(key); }) {
            return !m_parts.writer.known_absent(key);
        } else {
            return true;
        }
    }

    // The write, then what the history keeps of it: the state before and after, or for bulk stances their number.
    template <class Entity>
    void write_and_record(const Entity& entity, const std::optional<RecordKey>& key,
                          const std::optional<std::string>& before) {
        if constexpr (std::is_same_v<Entity, std::span<const Stance>>) {
            write_one(m_parts.writer, entity);
            m_parts.history.count_bulk(entity.size());
        } else if constexpr (std::is_same_v<Entity, std::span<const RollCallVotes>>) {
            write_one(m_parts.writer, entity);
            std::size_t votes = 0;
            for (const RollCallVotes& roll_call : entity) {
                votes += roll_call.casts.size();
            }
            m_parts.history.count_bulk(votes);
        } else if constexpr (std::is_same_v<Entity, std::span<const AgendaItem>> ||
                             std::is_same_v<Entity, std::span<const Meeting>>) {
            write_and_record_batch(entity);
        } else if constexpr (std::is_same_v<Entity, Suggestion>) {
            m_last_suggestion = m_parts.writer.put(entity);
            const RecordKey written{RecordKind::suggestion, std::to_string(m_last_suggestion)};
            m_parts.history.record(written, before, m_parts.store.recorded_state(written));
        } else {
            write_one(m_parts.writer, entity);
            m_parts.history.record(*key, before, m_parts.store.recorded_state(*key));
        }
    }

    // A batch of meetings or agenda items, each recorded with its state before (read one by one
    // where it may exist) and after (read for the whole batch at once).
    template <class Entity> void write_and_record_batch(std::span<const Entity> batch) {
        std::vector<RecordKey> keys;
        std::vector<std::optional<std::string>> before;
        keys.reserve(batch.size());
        before.reserve(batch.size());
        for (const Entity& entity : batch) {
            keys.push_back(record_key(entity));
            before.push_back(may_be_stored(keys.back()) ? m_parts.store.recorded_state(keys.back()) : std::nullopt);
        }
        write_one(m_parts.writer, batch);
        const std::vector<std::optional<std::string>> after = m_parts.store.recorded_states(batch);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            m_parts.history.record(keys[i], before[i], after[i]);
        }
    }

    Parts m_parts;
    std::int64_t m_last_suggestion = 0;
    bool m_failed = false;
};

} // namespace stance::detail
