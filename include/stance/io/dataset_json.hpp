// Reading and writing datasets in the JSON format of docs/dataset-format.md.
//
// Reading is two steps: `parse_dataset` checks the JSON and the shape of every entity (errors carry
// line and column or the JSON path); `validate_dataset` checks what needs the whole picture —
// references into the file or an existing store, spans against document texts, parent cycles — and
// puts topics and meetings parents-first so they can be written in order. `import_dataset_file`
// does both and writes in one transaction.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/dataset.hpp"

namespace stance {

class Store;
class invalid_input_error;

/// What reading a dataset may touch besides the dataset itself, and where its warnings go.
struct DatasetReadOptions {
    /// Folders besides the dataset file's own that documents given by "path" may be read from. A
    /// document path that leads anywhere else (absolutely, through "..", or through a symbolic
    /// link) is refused without looking at the file (docs/dataset-format.md, "Documents").
    std::vector<std::filesystem::path> allowed_document_roots;
    /// Receives each warning, e.g. a name that mixes scripts whose letters look alike. Warnings do
    /// not stop the import; without a callback they are dropped.
    std::function<void(const std::string&)> on_warning;
    /// When set, receives every problem with the shape of an entity (a wrong type, a missing or
    /// unknown key, a value out of range), each with its JSON path, instead of the first one
    /// throwing; an entity with any is left out of the result and reading goes on with the next.
    /// Malformed JSON and an unreadable format version still throw. `stance validate` uses it.
    std::function<void(const invalid_input_error&)> on_problem;
    /// With `on_problem`: told the list ("stances") and index in the file of each entity left out,
    /// so that a caller can still name the others by their place in the file.
    std::function<void(std::string_view list, std::size_t index)> on_left_out;
};

/// Parses dataset JSON. `source_name` names the input in errors; documents given by `path` are read
/// relative to `base_directory` and must stay inside it (or an allowed root). Throws
/// invalid_input_error.
[[nodiscard]] Dataset parse_dataset(std::string_view text, const std::string& source_name,
                                    const std::filesystem::path& base_directory,
                                    const DatasetReadOptions& options = {});

/// Reads and parses a dataset file.
[[nodiscard]] Dataset read_dataset_file(const std::filesystem::path& file, const DatasetReadOptions& options = {});

/// Checks references (against the dataset and, when given, the store), spans and cycles, and orders
/// topics and meetings parents-first. Spans on documents whose text is not stored are checked
/// against their file when it lies inside `base_directory` or an allowed root (empty: never read).
/// Throws invalid_input_error naming the JSON path.
void validate_dataset(Dataset& dataset, const std::string& source_name, const Store* existing = nullptr,
                      const std::filesystem::path& base_directory = {}, const DatasetReadOptions& options = {});

/// Reads, validates and imports a dataset file atomically. Returns the dataset that was imported.
Dataset import_dataset_file(Store& store, const std::filesystem::path& file, const DatasetReadOptions& options = {});

/// The canonical JSON text of a dataset (see docs/dataset-format.md, "Export").
[[nodiscard]] std::string write_dataset(const Dataset& dataset);

/// One entity as the compact JSON object it is in a dataset's list: what the history records
/// (stance/store/history.hpp). The same fields and names as `write_dataset`.
[[nodiscard]] std::string entity_json(const Document& entity);
[[nodiscard]] std::string entity_json(const Actor& entity);
[[nodiscard]] std::string entity_json(const Membership& entity);
[[nodiscard]] std::string entity_json(const Role& entity);
[[nodiscard]] std::string entity_json(const Topic& entity);
[[nodiscard]] std::string entity_json(const Proposition& entity);
[[nodiscard]] std::string entity_json(const Body& entity);
[[nodiscard]] std::string entity_json(const Meeting& entity);
[[nodiscard]] std::string entity_json(const AgendaItem& entity);
[[nodiscard]] std::string entity_json(const Participant& entity);
[[nodiscard]] std::string entity_json(const Stance& entity);

/// Lowercase hex SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// Lowercase hex SHA-256 of a data file's bytes after decompression (plain files as they are): how
/// import_unga fingerprints the vote tables it references.
[[nodiscard]] std::string sha256_of_data_file(const std::filesystem::path& file);

/// Collapses every run of white space to one space and trims both ends: how quotes are compared to spans.
[[nodiscard]] std::string collapse_whitespace(std::string_view text);

} // namespace stance
