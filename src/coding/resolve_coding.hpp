// Turning a StanceCoding (what the analyst typed) into a Stance: every name resolved, the quote
// placed in its document. Each field's problem is collected, not thrown, so that one run reports
// everything wrong with a coding (and a CSV file reports every row).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stance/coding/code_stance.hpp"
#include "stance/coding/locate_quote.hpp"
#include "stance/model/dataset.hpp"

namespace stance {
class Catalog;
class Store;
} // namespace stance

namespace stance::detail {

class CodingResolver {
public:
    /// Reads documents through `store` and names through `catalog`, which must stay alive.
    CodingResolver(const Store& store, const Catalog& catalog);

    /// The stance `coding` describes, or nothing with the reasons appended to `problems`.
    [[nodiscard]] std::optional<CodedStance> resolve(const StanceCoding& coding, std::vector<CodingProblem>& problems);

private:
    /// A stored document and its search key, built once per document however many stances quote it.
    struct LoadedDocument {
        Document document;
        std::unique_ptr<MatchKey> key;
    };

    const LoadedDocument* document(const std::string& reference, std::vector<CodingProblem>& problems);
    [[nodiscard]] std::vector<std::string> closest_documents(const std::string& reference) const;
    /// The generated id of `stance` (its actor, source and coder set): the plain one, or the one with
    /// its coder's name when another coder's stance holds the plain one.
    [[nodiscard]] StanceId generated_id(const Stance& stance, std::string_view claim, std::size_t start) const;

    const Store& m_store;
    const Catalog& m_catalog;
    std::vector<DocumentId> m_document_ids;
    std::map<std::string, std::unique_ptr<LoadedDocument>> m_documents;
};

} // namespace stance::detail
