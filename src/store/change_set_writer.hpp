// One import session's change set of the history (store/history.hpp), whatever the backend. The
// session holds the write lock from its start, so the next change set id is known then; each change
// is written as it happens, and the change set row at `finish`, when the bulk count and the last
// note are known (the schemas check the reference from change to change set at commit). A backend
// writes the rows. Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "stance/store/history.hpp"

namespace stance::detail {

class ChangeSetWriter {
public:
    ChangeSetWriter(const ChangeSetWriter&) = delete;
    ChangeSetWriter& operator=(const ChangeSetWriter&) = delete;
    virtual ~ChangeSetWriter() = default;

    [[nodiscard]] std::int64_t id() const noexcept { return m_id; }
    void note(const ChangeNote& note) { m_note = note; }
    /// Records a change unless the state is the same before and after (an idempotent re-import).
    void record(const RecordKey& key, const std::optional<std::string>& before,
                const std::optional<std::string>& after) {
        if (before == after) {
            return;
        }
        insert_change(key, before, after);
        ++m_changes;
    }
    void count_bulk(std::uint64_t stances) { m_bulk += stances; }
    /// Writes the change set row, when anything was recorded or counted: the note's action and
    /// author, else "import" by the store's author (ChangeNote).
    void finish() {
        if (m_changes == 0 && m_bulk == 0) {
            return;
        }
        ChangeSet row;
        row.id = m_id;
        row.action = m_note.action.empty() ? std::string("import") : m_note.action;
        row.by = m_note.by.empty() ? m_author : m_note.by;
        row.at = utc_now();
        row.summary = m_note.summary;
        row.bulk_stances = m_bulk;
        row.undoes = m_note.undoes;
        insert_change_set(row);
    }

protected:
    /// `id` is the one this session's change set gets: the next after the last one written.
    ChangeSetWriter(std::string author, std::int64_t id) : m_author(std::move(author)), m_id(id) {}

    virtual void insert_change(const RecordKey& key, const std::optional<std::string>& before,
                               const std::optional<std::string>& after) = 0;
    /// The change set row: its id, action, by, at, summary, bulk count and what it undoes.
    virtual void insert_change_set(const ChangeSet& row) = 0;

private:
    std::string m_author;
    std::int64_t m_id;
    ChangeNote m_note;
    std::uint64_t m_changes = 0;
    std::uint64_t m_bulk = 0;
};

} // namespace stance::detail
