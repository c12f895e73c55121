// Importing a dataset file: read, then checked and written under the store's write lock, in one
// transaction that is one change set of the history.
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"

namespace stance {

Dataset import_dataset_file(Store& store, const std::filesystem::path& file, const DatasetReadOptions& options) {
    Dataset dataset = read_dataset_file(file, options); // parsed before taking the lock: a big file blocks nobody
    // The write lock first, then the checks against the database: no other writer can change what
    // they saw (a document's text, a parent) between the check and the write.
    auto session = store.begin_import();
    ChangeNote note;
    note.action = "import";
    note.summary = file.string();
    session->note(note);
    const std::filesystem::path folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    validate_dataset(dataset, file.string(), &store, folder, options);
    try {
        put_dataset(*session, dataset);
        session->commit();
    } catch (const invalid_input_error& failure) {
        // The store's own reference check caught what validation let through.
        throw invalid_input_error(file.string(), failure.what());
    }
    return dataset;
}

} // namespace stance
