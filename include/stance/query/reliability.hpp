// Inter-coder reliability: where two coders coded the same document, how far their codings agree.
// Every figure is for one pair of coders on one document (and pooled over the documents the pair
// shares), with the number of units behind it (docs/intercoder-reliability.md):
//   - unitising: the document's sentences (coding/suggest.hpp's splitter) are the units; a coder
//     coded a sentence when the source span of one of their stances overlaps it. Agreement on
//     "coded or not", with Krippendorff's alpha (nominal, binary) and Cohen's kappa;
//   - values: the two coders' stances that overlap a same sentence are paired one to one, the
//     largest overlap of their spans first, then the pair more alike in actor and claim, then the
//     nearest starts. On the pairs: actor, claim (the proposition, else the topic) and position
//     kind (nominal alpha and kappa), and the position on a scale where both stances lie on the
//     same one (interval alpha). Stances left unpaired count in the sentences only.
// Krippendorff's continuum unitising alpha (αU, on byte spans) is not computed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance {

class Catalog;
class Store;

/// Agreement on one variable over some units.
struct VariableAgreement {
    std::size_t units = 0; ///< Units both coders gave a value for: the figures stand on these.
    std::size_t agree = 0; ///< Of them, units with the same value.
    std::optional<double> alpha;
    std::optional<double> kappa; ///< Nominal variables only.

    [[nodiscard]] std::optional<double> share() const noexcept;
};

/// Which sentences each coder coded.
struct SentenceAgreement {
    std::size_t sentences = 0;
    std::size_t both = 0;
    std::size_t first_only = 0;
    std::size_t second_only = 0;
    std::size_t neither = 0;
    VariableAgreement coded; ///< On "coded or not", over every sentence.
};

/// One pair of coders on one document, or on every document they both coded (`document` empty).
struct CoderPairReliability {
    std::optional<DocumentId> document;
    std::string first; ///< Coders as their stances record them; first < second.
    std::string second;
    std::size_t first_stances = 0; ///< Their stances with a span in the document(s).
    std::size_t second_stances = 0;
    SentenceAgreement sentences;
    std::size_t paired = 0; ///< Stances paired across the coders (each pair once).
    VariableAgreement actor;
    VariableAgreement claim;
    VariableAgreement kind;
    VariableAgreement scale_position; ///< Interval alpha; pairs on one same scale only.
};

struct ReliabilityOptions {
    std::optional<DocumentId> document; ///< Nothing: every document two coders or more coded.
    /// The coders to compare, pair by pair; empty: every coder of each document. Otherwise two at
    /// least, each of whom coded something.
    std::vector<std::string> coders;
};

struct ReliabilityReport {
    /// Per document (in id order), each pair of its coders (in name order).
    std::vector<CoderPairReliability> documents;
    /// Per pair, pooled over the documents it shares; only pairs that share more than one document.
    std::vector<CoderPairReliability> pooled;
    /// Documents that several coders coded but that have no stored text to split into sentences.
    std::vector<DocumentId> without_text;
};

/// The agreement of the coders of the selected documents. Throws not_found_error for an unknown
/// document or a coder with no stance (with the closest names), invalid_input_error for one coder
/// alone, and for a chosen document that has no stored text.
[[nodiscard]] ReliabilityReport reliability(const Store& store, const Catalog& catalog,
                                            const ReliabilityOptions& options = {});

/// The report as one JSON object (docs/intercoder-reliability.md), without a trailing newline.
[[nodiscard]] std::string to_json(const ReliabilityReport& report);

} // namespace stance
