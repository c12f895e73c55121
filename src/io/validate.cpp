// Whole-dataset checks, in the order that gives the clearest first problem: references, spans, what
// the file would break in the database, parent order (dataset_checks.hpp). They run before anything
// is written, so a bad file is refused with its JSON path and the database is never touched.
#include <optional>

#include "io/dataset_checks.hpp"
#include "io/document_folders.hpp"
#include "stance/io/dataset_json.hpp"

namespace stance {

void validate_dataset(Dataset& dataset, const std::string& source_name, const Store* existing,
                      const std::filesystem::path& base_directory, const DatasetReadOptions& options) {
    detail::check_references(dataset, source_name, existing);
    std::optional<detail::DocumentFolders> folders;
    if (!base_directory.empty()) {
        folders.emplace(base_directory, options.allowed_document_roots);
    }
    detail::check_spans(dataset, source_name, existing, folders ? &*folders : nullptr);
    if (existing) {
        detail::check_stored_conflicts(dataset, source_name, *existing);
    }
    detail::order_parents_first(dataset, source_name, existing);
}

} // namespace stance
