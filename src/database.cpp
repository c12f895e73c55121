// The facade's reads: the catalog it keeps, references, listings and every query; see
// stance/database.hpp. Writes are in database_coding.cpp.
#include "stance/database.hpp"

#include <utility>

#include "stance/error.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/search_text.hpp"

namespace stance {

Database Database::open(const std::string& path, const OpenOptions& options) {
    return Database{Store::open(path, options)};
}

Database::Database(std::unique_ptr<Store> store) : m_store(std::move(store)) {
    if (!m_store) {
        throw error("stance::Database needs a store; open one with Database::open(path)");
    }
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const Catalog& Database::catalog() const {
    if (!m_catalog) {
        m_catalog = std::make_unique<Catalog>(*m_store);
    }
    return *m_catalog;
}

void Database::refresh() noexcept {
    m_catalog.reset();
}

ActorId Database::actor(std::string_view reference) const {
    return resolve_actor(catalog(), reference);
}

TopicId Database::topic(std::string_view reference) const {
    return resolve_topic(catalog(), reference);
}

MeetingId Database::meeting(std::string_view reference) const {
    return resolve_meeting(catalog(), reference);
}

ActorId Database::person(std::string_view reference) const {
    return resolve_person(catalog(), reference);
}

DocumentId Database::document(std::string_view reference) const {
    (void)catalog(); // the documents are read in the catalog's snapshot too
    return resolve_document(*m_store, reference);
}

const std::vector<Actor>& Database::actors() const {
    return catalog().actors();
}

const std::vector<Topic>& Database::topics() const {
    return catalog().topics();
}

const std::vector<Meeting>& Database::meetings() const {
    return catalog().meetings();
}

std::vector<Document> Database::documents() const {
    (void)catalog(); // read in the catalog's snapshot, like the queries
    return m_store->documents();
}

StanceRange Database::stances(StanceFilter filter) const {
    return StanceRange{*m_store, catalog(), std::move(filter)};
}

std::optional<Stance> Database::find(const StanceId& id) const {
    (void)catalog(); // read in the catalog's snapshot, like the queries
    return m_store->stance(id);
}

Evolution Database::evolution(std::string_view actor_reference, std::string_view topic_reference,
                              const EvolutionOptions& options) const {
    return stance::evolution(*m_store, catalog(), actor(actor_reference), topic(topic_reference), options);
}

Snapshot Database::snapshot(std::string_view meeting_reference, const SnapshotOptions& options) const {
    return stance::snapshot(*m_store, catalog(), meeting(meeting_reference), options);
}

Comparison Database::compare(std::string_view first, std::string_view second, const CompareOptions& options) const {
    return stance::compare(*m_store, catalog(), actor(first), actor(second), options);
}

StanceRange Database::search(std::string_view text, StanceFilter filter) const {
    require_search_words(text, "search");
    filter.text = std::string(text);
    return stances(std::move(filter));
}

PositionSummary Database::summary(const StanceFilter& filter) const {
    PositionSummary summary;
    (void)catalog(); // read in the catalog's snapshot, like the queries
    m_store->for_each_stance(filter, [&summary](const Stance& stance) { summary.add(stance.kind, stance.score); });
    return summary;
}

VoteAgreement Database::agreement(std::string_view first, std::string_view second,
                                  const AgreementOptions& options) const {
    return stance::agreement(*m_store, catalog(), actor(first), actor(second), options);
}

AgreementMatrix Database::agreement_matrix(std::string_view meeting_reference,
                                           const AgreementMatrixOptions& options) const {
    return stance::agreement_matrix(*m_store, catalog(), meeting(meeting_reference), options);
}

void Database::agreement_matrices(const AgreementMatricesOptions& options,
                                  const std::function<void(const AgreementMatrix&)>& visit) const {
    stance::agreement_matrices(*m_store, catalog(), options, visit);
}

IdealPoints Database::ideal_points(const IdealPointOptions& options) const {
    return stance::ideal_points(*m_store, catalog(), options);
}

Network Database::statement_network(const StatementNetworkOptions& options) const {
    return stance::statement_network(*m_store, catalog(), options);
}

Network Database::vote_network(const AgreementMatricesOptions& periods, const VoteNetworkOptions& options) const {
    return vote_network_by_period(*m_store, catalog(), periods, options);
}

void Database::export_to(std::ostream& out, const ExportSelection& selection) const {
    (void)catalog(); // read in the catalog's snapshot, like the queries
    export_dataset(
        *m_store,
        [&out](std::string_view piece) { out.write(piece.data(), static_cast<std::streamsize>(piece.size())); },
        selection);
}

std::string Database::export_json(const ExportSelection& selection) const {
    std::string json;
    (void)catalog(); // read in the catalog's snapshot, like the queries
    export_dataset(
        *m_store, [&json](std::string_view piece) { json += piece; }, selection);
    return json;
}

std::vector<ChangeSet> Database::history(const HistoryFilter& filter) const {
    (void)catalog(); // read in the catalog's snapshot, like the queries
    return m_store->change_sets(filter);
}

std::vector<Suggestion> Database::suggestions(const SuggestionFilter& filter) const {
    (void)catalog(); // read in the catalog's snapshot, like the queries
    return m_store->suggestions(filter);
}

std::vector<Candidate> Database::suggest(std::string_view document_reference, const std::filesystem::path& lexicons,
                                         const SuggestOptions& options) const {
    const std::optional<Document> stored = m_store->document(document(document_reference));
    if (!stored) {
        throw not_found_error("no document " + std::string(document_reference) + " is stored");
    }
    return suggest_stances(*stored, known_entities(*m_store), load_lexicon(lexicons), options);
}

} // namespace stance
