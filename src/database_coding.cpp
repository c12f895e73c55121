// The facade's writes: imports, coding, history and the review of suggestions; see
// stance/database.hpp. Each drops the catalog first (writable()), because the catalog's read
// snapshot would hide the write from the queries after it; the next query rebuilds it.
#include <utility>

#include "stance/database.hpp"
#include "stance/io/import.hpp"

namespace stance {

Store& Database::writable() {
    m_catalog.reset();
    return *m_store;
}

Dataset Database::import_file(const std::filesystem::path& file, const DatasetReadOptions& options) {
    return import_dataset_file(writable(), file, options);
}

void Database::import(Dataset dataset, const std::string& source_name) {
    (void)import_dataset(writable(), std::move(dataset), source_name);
}

UngaImportSummary Database::import_unga(const std::filesystem::path& directory, const UngaImportOptions& options,
                                        const UngaProgressCallback& progress) {
    return stance::import_unga(writable(), directory, options, progress);
}

DocumentAdded Database::add_document(Document document) {
    return stance::add_document(writable(), std::move(document));
}

CodedStance Database::code(const StanceCoding& coding) {
    return code_stance(writable(), coding);
}

CodingRun Database::code_all(std::span<const StanceCoding> codings) {
    return code_stances(writable(), codings);
}

CsvCodingReport Database::code_csv(const std::filesystem::path& file, const StanceCoding& defaults) {
    return code_stances_from_csv(writable(), file, defaults);
}

Stance Database::edit(std::string_view stance, const StanceEdit& edit, ChangeNote note) {
    return edit_stance(writable(), StanceId{std::string(stance)}, edit, std::move(note));
}

std::int64_t Database::remove(const RecordKey& key, ChangeNote note) {
    return delete_entity(writable(), key, std::move(note));
}

std::int64_t Database::undo(std::int64_t change_set, ChangeNote note) {
    return undo_change_set(writable(), change_set, std::move(note));
}

StoredSuggestions Database::store_suggestions(std::string_view document_reference,
                                              const std::filesystem::path& lexicons, const SuggestOptions& options) {
    const DocumentId id = document(document_reference);
    const std::vector<Candidate> candidates = suggest(id.str(), lexicons, options);
    ChangeNote note;
    note.summary = std::to_string(candidates.size()) + " suggestions from the lexicons in " + lexicons.string();
    return stance::store_suggestions(writable(), id, as_suggestions(candidates, id, lexicon_sha256(lexicons)), note);
}

Stance Database::accept_suggestion(std::int64_t id, const SuggestionReview& review, ChangeNote note) {
    return stance::accept_suggestion(writable(), id, review, std::move(note));
}

Suggestion Database::edit_suggestion(std::int64_t id, const SuggestionReview& review, ChangeNote note) {
    return stance::edit_suggestion(writable(), id, review, std::move(note));
}

Suggestion Database::reject_suggestion(std::int64_t id, const std::string& reason, ChangeNote note) {
    return stance::reject_suggestion(writable(), id, reason, std::move(note));
}

} // namespace stance
