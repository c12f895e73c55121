// Importing a dataset: validated against the store under the store's write lock, then written in
// one transaction, so no other writer can change what the checks saw and a refusal writes nothing.
// `import_dataset_file` (io/dataset_json.hpp) reads a file and does this; `import_dataset` does it
// for a dataset built in code (model/dataset_builder.hpp).
#pragma once

#include <filesystem>
#include <string>

#include "stance/io/dataset_json.hpp"
#include "stance/model/dataset.hpp"

namespace stance {

class Store;

/// Validates `dataset` against `store` (validate_dataset) and writes it as one change set (action
/// "import", summary `source_name`). `source_name` names it in errors; spans on documents whose text
/// is not stored are checked against files under `base_directory` (empty: never read). Throws
/// invalid_input_error and leaves the store unchanged. Returns the dataset as written (parents first).
Dataset import_dataset(Store& store, Dataset dataset, const std::string& source_name,
                       const std::filesystem::path& base_directory = {}, const DatasetReadOptions& options = {});

} // namespace stance
