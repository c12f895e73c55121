// Undoing a change set: every entity it changed goes back to its state before, through the same
// checked session as any write, so the undo is one more recorded change set. Backend-independent.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "store/suggestion_json.hpp"

namespace stance {

namespace {

/// One entity a change set changed, perhaps several times: its state before the first change and
/// after the last.
struct NetChange {
    RecordKey key;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

std::vector<NetChange> net_changes(const ChangeSet& set) {
    std::vector<NetChange> net;
    for (const EntityChange& change : set.changes) {
        auto same = std::find_if(net.begin(), net.end(), [&](const NetChange& n) { return n.key == change.key; });
        if (same == net.end()) {
            net.push_back(NetChange{change.key, change.before, change.after});
        } else {
            same->after = change.after;
        }
    }
    return net;
}

std::string describe(const RecordKey& key) {
    return fmt::format("{} \"{}\"", to_string(key.kind), key.id);
}

/// The list of a dataset file that holds entities of `kind`.
const char* dataset_list(RecordKind kind) {
    switch (kind) {
    case RecordKind::document: return "documents";
    case RecordKind::actor: return "actors";
    case RecordKind::membership: return "memberships";
    case RecordKind::role: return "roles";
    case RecordKind::topic: return "topics";
    case RecordKind::proposition: return "propositions";
    case RecordKind::body: return "bodies";
    case RecordKind::meeting: return "meetings";
    case RecordKind::agenda_item: return "agenda_items";
    case RecordKind::participant: return "participants";
    case RecordKind::stance:
    case RecordKind::suggestion: break;
    }
    return "stances";
}

/// The recorded state as a one-entity dataset, read back by the dataset reader.
Dataset as_dataset(const RecordKey& key, const std::string& state) {
    const std::string text = fmt::format(R"({{"stance_dataset": 2, "{}": [{}]}})", dataset_list(key.kind), state);
    return parse_dataset(text, fmt::format("the history's record of {}", describe(key)), {});
}

/// Names an actor has now but did not have in `before`: aliases only accumulate on a put, so
/// putting an actor back takes these off by hand.
std::vector<ActorAlias> added_aliases(const RecordKey& key, const std::string& before, const std::string& now) {
    const Dataset old_state = as_dataset(key, before);
    const Dataset new_state = as_dataset(key, now);
    if (old_state.actors.empty() || new_state.actors.empty()) {
        return {};
    }
    const std::vector<Name>& kept = old_state.actors.front().aliases;
    std::vector<ActorAlias> added;
    for (const Name& name : new_state.actors.front().aliases) {
        if (std::find(kept.begin(), kept.end(), name) == kept.end()) {
            added.push_back(ActorAlias{ActorId{key.id}, name});
        }
    }
    return added;
}

void put_back(ImportSession& session, const RecordKey& key, const std::string& before,
              const std::optional<std::string>& now) {
    if (key.kind == RecordKind::suggestion) {
        (void)session.put(detail::parse_suggestion_json(before));
        return;
    }
    put_dataset(session, as_dataset(key, before));
    if (key.kind == RecordKind::actor && now) {
        for (const ActorAlias& alias : added_aliases(key, before, *now)) {
            session.remove(alias);
        }
    }
}

ChangeSet the_change_set(const std::vector<ChangeSet>& found, std::int64_t id) {
    if (found.empty()) {
        throw not_found_error(fmt::format("there is no change set {}; `stance history` lists the latest", id));
    }
    return found.front();
}

void refuse_unless_undoable(const ChangeSet& set) {
    if (set.undone_by) {
        throw invalid_input_error(fmt::format("change set {}", set.id),
                                  fmt::format("was already undone by change set {}; undo {} to make it again",
                                              *set.undone_by, *set.undone_by));
    }
    if (set.bulk_stances > 0) {
        throw invalid_input_error(
            fmt::format("change set {}", set.id),
            fmt::format("wrote {} stances in bulk (recorded votes), which the history counts but does not record one "
                        "by one, so it cannot be undone; import the earlier data again instead",
                        set.bulk_stances));
    }
}

/// Every entity that is no longer as the change set left it, with what changed it since.
std::vector<std::string> conflicts(const Store& store, ImportSession& session, const ChangeSet& set,
                                   const std::vector<NetChange>& changes) {
    std::vector<std::string> found;
    for (const NetChange& change : changes) {
        if (session.recorded_state(change.key) == change.after) {
            continue;
        }
        HistoryFilter filter;
        filter.entity = change.key.id;
        filter.kind = change.key.kind;
        filter.limit = 1;
        const std::vector<ChangeSet> latest = store.change_sets(filter);
        if (!latest.empty() && latest.front().id > set.id) {
            const ChangeSet& later = latest.front();
            found.push_back(fmt::format("{} was changed since by change set {} ({} by {} at {})", describe(change.key),
                                        later.id, later.action, later.by, later.at));
        } else {
            found.push_back(fmt::format("{} is not as change set {} left it", describe(change.key), set.id));
        }
    }
    return found;
}

[[noreturn]] void refuse_conflicts(const ChangeSet& set, const std::vector<std::string>& found) {
    std::string list;
    for (std::size_t i = 0; i < found.size() && i < 10; ++i) {
        list += "\n  " + found[i];
    }
    if (found.size() > 10) {
        list += fmt::format("\n  … and {} more", found.size() - 10);
    }
    throw invalid_input_error(fmt::format("undo of change set {}", set.id),
                              fmt::format("refused, nothing was changed: {} record{} changed after it; undo the later "
                                          "change sets first (newest first):{}",
                                          found.size(), found.size() == 1 ? " was" : "s were", list));
}

} // namespace

std::int64_t undo_change_set(Store& store, std::int64_t id, ChangeNote note) {
    auto session = store.begin_import(); // the write lock first: nothing changes between the checks and the undo
    HistoryFilter filter;
    filter.change_set = id;
    const ChangeSet set = the_change_set(store.change_sets(filter), id);
    refuse_unless_undoable(set);
    const std::vector<NetChange> changes = net_changes(set);
    if (const std::vector<std::string> found = conflicts(store, *session, set, changes); !found.empty()) {
        refuse_conflicts(set, found);
    }
    // Newest first: what was written after the entities it refers to goes before them.
    for (std::size_t i = changes.size(); i-- > 0;) {
        const NetChange& change = changes[i];
        if (!change.before) {
            session->remove(change.key);
            continue;
        }
        put_back(*session, change.key, *change.before, change.after);
        if (session->recorded_state(change.key) != change.before) {
            throw invalid_input_error(fmt::format("undo of change set {}", set.id),
                                      fmt::format("refused, nothing was changed: {} cannot be put back exactly as it "
                                                  "was (names of topics and bodies only accumulate); correct it "
                                                  "with an import instead",
                                                  describe(change.key)));
        }
    }
    note.action = note.action.empty() ? "undo" : note.action;
    note.undoes = id;
    if (note.summary.empty()) {
        note.summary = fmt::format("undo of change set {} ({} by {} at {})", set.id, set.action, set.by, set.at);
    }
    session->note(note);
    session->commit();
    return session->change_set_id();
}

} // namespace stance
