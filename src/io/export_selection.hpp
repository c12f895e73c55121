// What a subset export holds: the stances an ExportSelection picks and, transitively, every entity
// they need to import on their own (the list is in include/stance/io/export.hpp). Internal.
#pragma once

#include <functional>

#include "stance/io/export.hpp"
#include "stance/model/dataset.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

/// The stances a selection picks: the store's filter narrows the read, `keep` decides each row.
struct SelectedStances {
    StanceFilter filter;
    std::function<bool(const Stance&)> keep;
};

/// Throws not_found_error when the selection names a document or meeting `entities` does not hold.
void check_selection_exists(const Dataset& entities, const ExportSelection& selection);

/// Narrows `entities` (every entity but the stances, as the store holds them) to what the selected
/// stances need, reading the stances once; returns how to read those stances again. Throws
/// not_found_error when a coder is named and no stance has that coder.
[[nodiscard]] SelectedStances narrow_to_selection(const Store& store, const ExportSelection& selection,
                                                  Dataset& entities);

} // namespace stance::detail
