// Exporting a store as a canonical JSON dataset, streamed: the whole store, or the work on one
// document, one meeting or by one coder together with everything it refers to, so that the file
// imports on its own into a new database (docs/dataset-format.md, "Export").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "stance/model/ids.hpp"

namespace stance {

class Store;

/// Which stances an export holds. All empty: every entity in the store. Otherwise the stances that
/// match every given field, plus the entities they refer to (see `export_dataset`).
struct ExportSelection {
    std::optional<DocumentId> document; ///< Stances whose source is this document (and the document).
    std::optional<MeetingId> meeting;   ///< Stances at this meeting or one nested in it (and its agenda).
    std::optional<std::string> coder;   ///< Stances whose `coder` is exactly this.

    [[nodiscard]] bool everything() const noexcept { return !document && !meeting && !coder; }
};

/// Receives the export's text in pieces, in order.
using ExportSink = std::function<void(std::string_view)>;

/// Writes the store, or the selection of it, to `sink` as the canonical JSON dataset: for the whole
/// store exactly the bytes of `write_dataset(store.to_dataset())`. Reads one snapshot. Stances are
/// read and written one at a time, so memory does not grow with their number.
///
/// A selection also holds, transitively, every entity its stances need to import on their own:
/// their documents, actors (also those included, speaking or reporting) and the roles of persons
/// among them, the memberships in which any of those actors is member or group, topics (also of
/// propositions and agenda items, and scales named by directions) with their parents, propositions,
/// meetings with their parents, the meetings' bodies and participants (with their actors and roles),
/// and the agenda items the stances are on. Imported into a new database and exported again with the
/// same selection, it gives the same bytes.
///
/// Before anything is written the store gets the export's quick check (check_export): a damaged
/// store throws storage_error and writes nothing. A selection naming an unknown document or meeting,
/// or a coder with no stances, throws not_found_error.
void export_dataset(const Store& store, const ExportSink& sink, const ExportSelection& selection = {});

} // namespace stance
