// The store check behind `stance check` and the export's own quick check. Problems name the
// entity and what to do, and quote nothing of the stored texts.
#include "stance/io/check.hpp"

#include <map>
#include <optional>

#include <fmt/format.h>

#include "io/document_folders.hpp"
#include "io/referenced_spans.hpp"
#include "io/span_check.hpp"
#include "stance/error.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/model/dataset.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

constexpr std::string_view restore_advice =
    "restore the database from an export made before the damage (stance import into a new file)";

std::string document_entity(const Document& document) {
    return fmt::format("document \"{}\"", document.id.str());
}

void check_integrity(const Store& store, bool quick, std::vector<StoreProblem>& problems) {
    for (std::string& line : store.integrity_problems(quick)) {
        problems.push_back({fmt::format("SQLite reports: {}", line), "database",
                            fmt::format("{}; sqlite3's .recover may save what is left", restore_advice)});
    }
}

void check_stored_hashes(const std::vector<Document>& documents, std::vector<StoreProblem>& problems) {
    for (const Document& document : documents) {
        if (!document.text.empty() && sha256_hex(document.text) != document.sha256) {
            problems.push_back({"the stored text no longer matches its SHA-256", document_entity(document),
                                fmt::format("{}, or re-import the dataset that holds the document", restore_advice)});
        }
    }
}

void check_referenced_hash(const Document& document, StoreCheck& result) {
    const std::filesystem::path file = document.path;
    const detail::DocumentFolders folders(file.parent_path(), {});
    const std::optional<detail::ConfinedPath> confined = folders.resolve(document.path);
    std::error_code ec;
    if (!confined || !std::filesystem::is_regular_file(confined->full(), ec)) {
        result.unverified_documents.push_back(document.id.str());
        return;
    }
    try {
        if (sha256_of_data_file(confined->full()) != document.sha256) {
            result.problems.push_back(
                {"its file no longer has the SHA-256 recorded at import", document_entity(document),
                 "put back the file the database was imported from, or import the current file again"});
        }
    } catch (const error&) {
        result.unverified_documents.push_back(document.id.str());
    }
}

void check_spans(const Store& store, const std::vector<Document>& documents, std::vector<StoreProblem>& problems) {
    std::map<std::string, const Document*, std::less<>> by_id;
    std::map<std::string, std::unique_ptr<detail::ReferencedSources>, std::less<>> referenced;
    std::vector<std::unique_ptr<detail::DocumentFolders>> folders;
    for (const Document& document : documents) {
        by_id.emplace(document.id.str(), &document);
        if (document.text.empty()) {
            folders.push_back(std::make_unique<detail::DocumentFolders>(
                std::filesystem::path(document.path).parent_path(), std::vector<std::filesystem::path>{}));
            referenced.emplace(document.id.str(), std::make_unique<detail::ReferencedSources>(folders.back().get()));
        }
    }
    store.for_each_stance({}, [&](const Stance& stance) {
        if (!stance.source) {
            return;
        }
        auto document = by_id.find(stance.source->document.str());
        if (document == by_id.end()) {
            problems.push_back(
                {fmt::format("points at document \"{}\", which is not in the database", stance.source->document.str()),
                 fmt::format("stance \"{}\"", stance.id.str()), std::string(restore_advice)});
            return;
        }
        std::optional<detail::SpanProblem> problem;
        if (!document->second->text.empty()) {
            problem = detail::span_problem(document->second->text, *stance.source, stance.quote, detail::ShowText::no);
        } else if (!stance.quote.empty()) {
            problem = referenced.at(document->first)->problem(*document->second, *stance.source, stance.quote);
        }
        if (problem) {
            problems.push_back({fmt::format("its source span no longer fits: {}", problem->what),
                                fmt::format("stance \"{}\"", stance.id.str()),
                                fmt::format("{}, or re-import the stance's dataset", restore_advice)});
        }
    });
}

} // namespace

StoreCheck check_store(const Store& store, CheckDepth depth) {
    const auto snapshot = store.read_snapshot();
    StoreCheck result;
    // Always SQLite's full integrity_check: quick_check does not compare indexes with their
    // tables, and an index out of step with its table is exactly the damage a query would
    // silently answer from.
    check_integrity(store, false, result.problems);
    const std::vector<Document> documents = store.documents();
    check_stored_hashes(documents, result.problems);
    if (depth == CheckDepth::full) {
        for (const Document& document : documents) {
            if (document.text.empty() && !document.path.empty()) {
                check_referenced_hash(document, result);
            }
        }
        check_spans(store, documents, result.problems);
    }
    return result;
}

std::vector<StoreProblem> check_export(const Store& store, const Dataset& dataset) {
    std::vector<StoreProblem> problems;
    check_integrity(store, false, problems);
    check_stored_hashes(dataset.documents, problems);
    return problems;
}

} // namespace stance
