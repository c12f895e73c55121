// The facade most programs start from: one object that owns a store and its catalog, and offers
// every query, analysis, import and coding operation as a member function. Three lines answer a
// question:
//
//     auto db = stance::Database::open("nato.db");
//     stance::Evolution nl = db.evolution("NL", "Rusland");
//     fmt::print("{} statements\n", nl.points.size());
//
// References are what a person types, in any language and case ("NL", "Nederland", "Netherlands";
// query/resolve.hpp): every member that takes an actor, topic, meeting or document by
// `std::string_view` resolves it with the library's resolver and throws not_found_error with the
// closest candidates when it names nothing or several things. Options structs take ids; fill them
// with `db.topic("Rusland")` and the like. Results are the library's own types (query/, network/,
// coding/), errors the library's (error.hpp).
//
// The catalog (query/catalog.hpp) is built on the first query and then reused, so queries after
// the first cost only their stances. It holds the store's read snapshot, so every write through
// the facade drops it first and the next query rebuilds it from the committed state; `refresh()`
// drops it too, to see what another process has written since. The name is the thing a user opens
// (`stance::Database::open`, `stance.Database` in Python); `store()` gives the storage interface
// beneath it for what the facade does not cover. Not safe to share between threads without a lock:
// give each thread its own Database (SQLite serialises their writes).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stance/coding/add_document.hpp"
#include "stance/coding/code_stance.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/coding/review.hpp"
#include "stance/coding/stance_csv.hpp"
#include "stance/coding/suggest.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/io/export.hpp"
#include "stance/network/network.hpp"
#include "stance/network/statement_network.hpp"
#include "stance/network/vote_network.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/compare.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/ideal_points.hpp"
#include "stance/query/snapshot.hpp"
#include "stance/query/stance_range.hpp"
#include "stance/query/summary.hpp"
#include "stance/store/history.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

namespace stance {

class Database {
public:
    /// Opens (creating if needed) the database at `path`; ":memory:" gives a private in-memory one.
    [[nodiscard]] static Database open(const std::string& path, const OpenOptions& options = {});
    /// Takes over an open store (another backend, or one opened with special options).
    explicit Database(std::unique_ptr<Store> store);
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    /// The storage interface beneath, for what the facade does not offer. Writing through it
    /// directly while a catalog is held would not be seen: call refresh() first.
    [[nodiscard]] Store& store() noexcept { return *m_store; }
    [[nodiscard]] const Store& store() const noexcept { return *m_store; }
    /// Everything but the stances, indexed (query/catalog.hpp); built on first use.
    [[nodiscard]] const Catalog& catalog() const;
    /// Drops the catalog, so the next query sees what other connections committed meanwhile.
    void refresh() noexcept;

    // References, in any language (query/resolve.hpp).
    [[nodiscard]] ActorId actor(std::string_view reference) const;
    [[nodiscard]] TopicId topic(std::string_view reference) const;
    [[nodiscard]] MeetingId meeting(std::string_view reference) const;
    [[nodiscard]] ActorId person(std::string_view reference) const;
    [[nodiscard]] DocumentId document(std::string_view reference) const;

    // What is stored.
    [[nodiscard]] const std::vector<Actor>& actors() const;
    [[nodiscard]] const std::vector<Topic>& topics() const;
    [[nodiscard]] const std::vector<Meeting>& meetings() const;
    [[nodiscard]] std::vector<Document> documents() const;
    /// The stances `filter` selects, read a year at a time (query/stance_range.hpp). Read the range
    /// before the next write through this Database, which ends the snapshot it reads from.
    [[nodiscard]] StanceRange stances(StanceFilter filter = {}) const;
    /// One stance by id; nothing when there is none.
    [[nodiscard]] std::optional<Stance> find(const StanceId& id) const;

    // Queries and analyses (query/, network/).
    [[nodiscard]] Evolution evolution(std::string_view actor, std::string_view topic,
                                      const EvolutionOptions& options = {}) const;
    [[nodiscard]] Snapshot snapshot(std::string_view meeting, const SnapshotOptions& options = {}) const;
    [[nodiscard]] Comparison compare(std::string_view first, std::string_view second,
                                     const CompareOptions& options = {}) const;
    /// Stances whose quote or paraphrase holds `text` (query/search_text.hpp's syntax), narrowed by
    /// `filter`. Throws invalid_input_error when `text` has no word to look for.
    [[nodiscard]] StanceRange search(std::string_view text, StanceFilter filter = {}) const;
    /// The positions among the stances `filter` selects, counted as docs/position-scale.md says.
    [[nodiscard]] PositionSummary summary(const StanceFilter& filter = {}) const;
    [[nodiscard]] VoteAgreement agreement(std::string_view first, std::string_view second,
                                          const AgreementOptions& options = {}) const;
    [[nodiscard]] AgreementMatrix agreement_matrix(std::string_view meeting,
                                                   const AgreementMatrixOptions& options = {}) const;
    /// Every period's matrix in time order, each handed to `visit` and dropped.
    void agreement_matrices(const AgreementMatricesOptions& options,
                            const std::function<void(const AgreementMatrix&)>& visit) const;
    [[nodiscard]] IdealPoints ideal_points(const IdealPointOptions& options = {}) const;
    [[nodiscard]] Network statement_network(const StatementNetworkOptions& options = {}) const;
    /// The agreement network of recorded votes, one time slice per period.
    [[nodiscard]] Network vote_network(const AgreementMatricesOptions& periods,
                                       const VoteNetworkOptions& options = {}) const;

    // Imports and export (io/, unga/). Each import is one transaction: all of it or nothing.
    /// Reads, validates and imports a dataset file (docs/dataset-format.md).
    Dataset import_file(const std::filesystem::path& file, const DatasetReadOptions& options = {});
    /// Validates a dataset built in code (model/dataset_builder.hpp) against the store and imports
    /// it; `source_name` names it in errors.
    void import(Dataset dataset, const std::string& source_name = "dataset");
    /// The UN General Assembly vote tables (docs/unga.md).
    UngaImportSummary import_unga(const std::filesystem::path& directory, const UngaImportOptions& options = {},
                                  const UngaProgressCallback& progress = {});
    /// The canonical JSON dataset of the store, or of a selection of it (io/export.hpp).
    void export_to(std::ostream& out, const ExportSelection& selection = {}) const;
    [[nodiscard]] std::string export_json(const ExportSelection& selection = {}) const;

    // Coding (coding/, store/history.hpp). Every write is a recorded change set.
    DocumentAdded add_document(Document document);
    /// Codes one stance by its quote; throws not_found_error or invalid_input_error naming the field.
    CodedStance code(const StanceCoding& coding);
    /// Codes a batch, all or nothing; the run lists every problem of every coding.
    [[nodiscard]] CodingRun code_all(std::span<const StanceCoding> codings);
    /// Codes a CSV file, one stance a row (coding/stance_csv.hpp), all or nothing.
    [[nodiscard]] CsvCodingReport code_csv(const std::filesystem::path& file, const StanceCoding& defaults = {});
    Stance edit(std::string_view stance, const StanceEdit& edit, ChangeNote note = {});
    /// Deletes an entity; refused while anything refers to it. Returns the change set's id.
    std::int64_t remove(const RecordKey& key, ChangeNote note = {});
    /// Takes back change set `change_set` in a new, recorded one; returns its id.
    std::int64_t undo(std::int64_t change_set, ChangeNote note = {});
    [[nodiscard]] std::vector<ChangeSet> history(const HistoryFilter& filter = {}) const;

    // Suggestions and their review (coding/suggest.hpp, coding/review.hpp).
    /// Candidate stances for a stored document, from the lexicons in `lexicons` (data/lexicons).
    [[nodiscard]] std::vector<Candidate> suggest(std::string_view document, const std::filesystem::path& lexicons,
                                                 const SuggestOptions& options = {}) const;
    /// The same candidates, stored as open suggestions of the document for review.
    StoredSuggestions store_suggestions(std::string_view document, const std::filesystem::path& lexicons,
                                        const SuggestOptions& options = {});
    [[nodiscard]] std::vector<Suggestion> suggestions(const SuggestionFilter& filter = {}) const;
    Stance accept_suggestion(std::int64_t id, const SuggestionReview& review = {}, ChangeNote note = {});
    Suggestion edit_suggestion(std::int64_t id, const SuggestionReview& review, ChangeNote note = {});
    Suggestion reject_suggestion(std::int64_t id, const std::string& reason, ChangeNote note = {});

private:
    /// Drops the catalog before a write: its read snapshot would hide the write from later queries.
    Store& writable();

    std::unique_ptr<Store> m_store;
    mutable std::unique_ptr<Catalog> m_catalog;
};

} // namespace stance
