// The import of a dataset, from a file or from code; see stance/io/import.hpp.
#include "stance/io/import.hpp"

#include <utility>

#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

/// A document built in code carries its text but not yet its hash: computed here, as the reader of
/// dataset files does; a hash given with the text must match it.
void hash_document_texts(Dataset& dataset, const std::string& source_name) {
    for (Document& document : dataset.documents) {
        if (document.text.empty()) {
            continue;
        }
        const std::string actual = sha256_hex(document.text);
        if (!document.sha256.empty() && document.sha256 != actual) {
            throw invalid_input_error(source_name, "document " + document.id.str() +
                                                       ": sha256 does not match the text; leave it empty to have "
                                                       "it computed");
        }
        document.sha256 = actual;
    }
}

} // namespace

Dataset import_dataset(Store& store, Dataset dataset, const std::string& source_name,
                       const std::filesystem::path& base_directory, const DatasetReadOptions& options) {
    hash_document_texts(dataset, source_name);
    // The write lock first, then the checks against the database: no other writer can change what
    // they saw (a document's text, a parent) between the check and the write.
    auto session = store.begin_import();
    ChangeNote note;
    note.action = "import";
    note.summary = source_name;
    session->note(note);
    validate_dataset(dataset, source_name, &store, base_directory, options);
    try {
        put_dataset(*session, dataset);
        session->commit();
    } catch (const invalid_input_error& failure) {
        // The store's own reference check caught what validation let through.
        throw invalid_input_error(source_name, failure.what());
    }
    return dataset;
}

Dataset import_dataset_file(Store& store, const std::filesystem::path& file, const DatasetReadOptions& options) {
    Dataset dataset = read_dataset_file(file, options); // parsed before taking the lock: a big file blocks nobody
    const std::filesystem::path folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    return import_dataset(store, std::move(dataset), file.string(), folder, options);
}

} // namespace stance
