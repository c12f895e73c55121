// What a re-import would break in the database: stored stances that the file does not re-import,
// pointing at a document whose text the file changes or at an agenda item it moves.
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "io/dataset_checks.hpp"
#include "io/span_check.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

namespace {

/// A document that the file re-imports with a different text must still hold every span that stored
/// stances (not re-imported here) point at; otherwise their quotes would silently lose their source.
void check_changed_documents(const Dataset& dataset, const std::string& source, const Store& store) {
    std::unordered_set<std::string> stances_in_file;
    for (const Stance& stance : dataset.stances) {
        stances_in_file.insert(stance.id.str());
    }
    for (std::size_t i = 0; i < dataset.documents.size(); ++i) {
        const Document& document = dataset.documents[i];
        const std::optional<Document> stored = store.document(document.id);
        if (!stored || stored->sha256 == document.sha256 || document.text.empty()) {
            continue;
        }
        store.for_each_stance({}, [&](const Stance& stance) {
            if (!stance.source || stance.source->document != document.id || stances_in_file.contains(stance.id.str())) {
                return;
            }
            const ShowText show = document.path.empty() ? ShowText::yes : ShowText::no;
            if (auto problem = span_problem(document.text, *stance.source, stance.quote, show)) {
                throw invalid_input_error(
                    fmt::format("{}: $.documents[{}].{}", source, i, document.path.empty() ? "text" : "path"),
                    fmt::format("changes the text of document \"{}\", but stance \"{}\" in the database points at "
                                "bytes [{}, {}) of it, which would no longer hold its quote ({}); keep the old text, "
                                "or re-code that stance in this file against the new one",
                                document.id.str(), stance.id.str(), stance.source->start, stance.source->end,
                                problem->what));
            }
        });
    }
}

/// An agenda item that the file moves to another meeting must not leave stored stances (not
/// re-imported here) attached to an item of a meeting that is not theirs.
void check_moved_agenda_items(const Dataset& dataset, const std::string& source, const Store& store) {
    if (dataset.agenda_items.empty()) {
        return;
    }
    std::unordered_map<std::string, MeetingId> stored_meeting;
    for (const AgendaItem& item : store.agenda_items()) {
        stored_meeting.emplace(item.id.str(), item.meeting);
    }
    std::unordered_map<std::string, std::size_t> moved; // item id → index in the file
    for (std::size_t i = 0; i < dataset.agenda_items.size(); ++i) {
        const AgendaItem& item = dataset.agenda_items[i];
        auto stored = stored_meeting.find(item.id.str());
        if (stored != stored_meeting.end() && stored->second != item.meeting) {
            moved.emplace(item.id.str(), i);
        }
    }
    if (moved.empty()) {
        return;
    }
    std::unordered_set<std::string> stances_in_file;
    for (const Stance& stance : dataset.stances) {
        stances_in_file.insert(stance.id.str());
    }
    store.for_each_stance({}, [&](const Stance& stance) {
        if (!stance.agenda_item || stances_in_file.contains(stance.id.str())) {
            return;
        }
        auto item = moved.find(stance.agenda_item->str());
        if (item == moved.end() || dataset.agenda_items[item->second].meeting == stance.meeting) {
            return;
        }
        throw invalid_input_error(
            fmt::format("{}: $.agenda_items[{}].meeting", source, item->second),
            fmt::format("moves agenda item \"{}\" to meeting \"{}\", but stance \"{}\" in the database is on that "
                        "item at meeting \"{}\"; keep the item's meeting, or re-code that stance in this file",
                        item->first, dataset.agenda_items[item->second].meeting.str(), stance.id.str(),
                        stance.meeting.str()));
    });
}

} // namespace

void check_stored_conflicts(const Dataset& dataset, const std::string& source, const Store& store) {
    check_changed_documents(dataset, source, store);
    check_moved_agenda_items(dataset, source, store);
}

} // namespace stance::detail
