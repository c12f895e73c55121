// Copying a whole database into a new one, from any backend to any (`stance copy`): every entity,
// every stance (recorded votes among them) and every stored suggestion, written through the Store
// interface in one transaction of the target, so the copy is all or nothing.
//
// History: the target records the copy as its first change set (action "copy"), which lists every
// entity it created and counts the votes it wrote in bulk, as any import does. The source's own
// change sets are not carried over: the interface writes history only as a side effect of writes,
// one change set per transaction, so replaying them would take one transaction each and give up the
// all-or-nothing promise. The source keeps them; `copy_store`'s summary says where its history ends.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "stance/store/history.hpp"
#include "stance/store/store.hpp"

namespace stance {

/// How far a copy has got: the entities are written first, then the stances, then the suggestions.
struct CopyProgress {
    std::string_view stage; ///< "entities", "stances" or "suggestions"
    std::uint64_t done = 0;
};

struct CopySummary {
    std::uint64_t entities = 0;    ///< Documents, actors, memberships, roles, topics, … (all but stances).
    std::uint64_t stances = 0;     ///< Every stance, recorded votes included.
    std::uint64_t votes = 0;       ///< Of those, the recorded votes (written in bulk).
    std::uint64_t suggestions = 0; ///< Stored suggestions, with their ids.
    /// The id of the source's newest change set, 0 when it has none (not carried over; see above).
    std::int64_t source_last_change_set = 0;
    std::int64_t change_set = 0; ///< The copy's change set in the target.
};

/// Copies everything `from` holds into `to`, which must be empty (no entity, suggestion or change
/// set; else invalid_input_error, nothing written). The source is read in one snapshot, so a copy
/// taken while another process writes to it is of one state. `note` says who and why, as for any
/// write (action "copy" unless given). `progress` is called now and then.
CopySummary copy_store(const Store& from, Store& to, ChangeNote note = {},
                       const std::function<void(const CopyProgress&)>& progress = {});

} // namespace stance
