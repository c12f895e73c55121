// Copying a whole database through the Store interface (stance/store/copy.hpp): backend-independent,
// one snapshot of the source, one transaction of the target.
#include "stance/store/copy.hpp"

#include <vector>

#include <fmt/format.h>

#include "io/dataset_checks.hpp"
#include "stance/error.hpp"

namespace stance {

namespace {

/// Votes are written in batches of this many (ImportSession::put_stances amortises best over some thousands).
constexpr std::size_t vote_batch = 5000;

/// What makes `to` not a new database, or "" when it is one.
std::string why_not_empty(const Store& to) {
    HistoryFilter newest;
    newest.limit = 1;
    if (!to.change_sets(newest).empty()) {
        return "it has a history of changes";
    }
    // Every stance refers to an actor, a topic and a meeting, so these lists tell whether any is stored.
    if (!to.actors().empty() || !to.topics().empty() || !to.meetings().empty() || !to.documents().empty() ||
        !to.bodies().empty()) {
        return "it holds data";
    }
    if (!to.suggestions().empty()) {
        return "it holds suggestions";
    }
    return "";
}

/// Puts every entity of `from` but the stances, each kind after the kinds it refers to.
std::uint64_t copy_entities(const Store& from, ImportSession& session) {
    Dataset entities = entities_without_stances(from);
    // Sorted by id, but a topic or meeting can only be written after its parents.
    detail::order_parents_first(entities, "the database copied", nullptr);
    put_dataset(session, entities);
    return entities.documents.size() + entities.actors.size() + entities.memberships.size() + entities.roles.size() +
           entities.topics.size() + entities.propositions.size() + entities.bodies.size() + entities.meetings.size() +
           entities.agenda_items.size() + entities.participants.size();
}

} // namespace

CopySummary copy_store(const Store& from, Store& to, ChangeNote note,
                       const std::function<void(const CopyProgress&)>& progress) {
    const auto report = [&](std::string_view stage, std::uint64_t done) {
        if (progress) {
            progress(CopyProgress{stage, done});
        }
    };
    if (const std::string why = why_not_empty(to); !why.empty()) {
        throw invalid_input_error("copy target",
                                  fmt::format("{}; copy into a new database (an SQLite file that does not exist yet, "
                                              "or an empty PostgreSQL database)",
                                              why));
    }
    const auto snapshot = from.read_snapshot(); // one state of the source, whatever is written to it meanwhile
    CopySummary summary;
    HistoryFilter newest;
    newest.limit = 1;
    if (const std::vector<ChangeSet> last = from.change_sets(newest); !last.empty()) {
        summary.source_last_change_set = last.front().id;
    }
    if (note.action.empty()) {
        note.action = "copy";
    }
    if (note.summary.empty()) {
        note.summary = summary.source_last_change_set == 0
                           ? std::string("copy of another database")
                           : fmt::format("copy of another database, whose history (change sets 1 to {}) stays there",
                                         summary.source_last_change_set);
    }

    auto session = to.begin_import();
    session->note(note);
    summary.entities = copy_entities(from, *session);
    report("entities", summary.entities);

    std::vector<Stance> votes;
    const auto write_votes = [&] {
        session->put_stances(votes);
        summary.votes += votes.size();
        votes.clear();
        report("stances", summary.stances);
    };
    from.for_each_stance({}, [&](const Stance& stance) {
        ++summary.stances;
        if (is_vote_shaped(stance)) {
            votes.push_back(stance);
            if (votes.size() == vote_batch) {
                write_votes();
            }
        } else {
            session->put(stance);
        }
    });
    write_votes();

    for (const Suggestion& suggestion : from.suggestions()) {
        (void)session->put(suggestion); // its id is kept: reviews and the history name suggestions by it
        ++summary.suggestions;
    }
    report("suggestions", summary.suggestions);
    session->commit();
    summary.change_set = session->change_set_id();
    return summary;
}

} // namespace stance
