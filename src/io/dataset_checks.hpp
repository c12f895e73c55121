// The checks of a whole dataset that validate_dataset runs in turn, each in its own file: every
// reference resolves (dataset_references.cpp), every span holds its quote (stance_spans.cpp),
// nothing stored is broken by what the file changes (stored_conflicts.cpp), and parents come
// before their children (parents_first.cpp). Each throws invalid_input_error at the JSON path of
// the first problem. Internal.
#pragma once

#include <string>

#include "stance/model/dataset.hpp"

namespace stance {
class Store;
}

namespace stance::detail {

class DocumentFolders;

/// Ids unique within the file; every reference defined in the file or in `store` (when given); a
/// stance's agenda item on the stance's meeting.
void check_references(const Dataset& dataset, const std::string& source, const Store* store);

/// Every stance's span against its document: the text when it is stored, the file (found through
/// `folders`, when given) when the text is only referenced.
void check_spans(const Dataset& dataset, const std::string& source, const Store* store, const DocumentFolders* folders);

/// A document re-imported with another text, or an agenda item moved to another meeting, must not
/// leave stored stances that the file does not re-import pointing at something no longer theirs.
void check_stored_conflicts(const Dataset& dataset, const std::string& source, const Store& store);

/// Puts topics and meetings parents first, refusing cycles (through the file and `store`) and
/// chains deeper than max_parent_depth.
void order_parents_first(Dataset& dataset, const std::string& source, const Store* store);

} // namespace stance::detail
