// The streaming export: everything but the stances is read and checked first (a few thousand
// entities even for the UN history), then the stances go from the store's cursor to the sink one
// at a time, so memory does not grow with their number.
#include "stance/io/export.hpp"

#include <fmt/format.h>

#include "io/dataset_writer.hpp"
#include "io/export_selection.hpp"
#include "stance/error.hpp"
#include "stance/io/check.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// A backup of a damaged database would carry the damage into every restore: refuse it.
void refuse_damaged(const Store& store, const Dataset& entities) {
    if (const std::vector<StoreProblem> problems = check_export(store, entities); !problems.empty()) {
        throw storage_error(fmt::format("not exported, the database is damaged: {}: {}; run stance check for the "
                                        "full list",
                                        problems.front().entity, problems.front().what));
    }
}

} // namespace

void export_dataset(const Store& store, const ExportSink& sink, const ExportSelection& selection) {
    const auto snapshot = store.read_snapshot();
    Dataset entities = entities_without_stances(store);
    detail::check_selection_exists(entities, selection);
    refuse_damaged(store, entities);
    detail::SelectedStances selected;
    if (!selection.everything()) {
        selected = detail::narrow_to_selection(store, selection, entities);
    }

    detail::DatasetWriter writer(sink, detail::dataset_format_version(entities.documents));
    writer.lists(entities); // no stances in it: they follow
    store.for_each_stance_by_id(selected.filter, [&](const Stance& stance) {
        if (!selected.keep || selected.keep(stance)) {
            writer.item("stances", stance);
        }
    });
    writer.finish();
}

} // namespace stance
