// Inter-coder reliability from a store: which coders coded which document, their stances placed on
// the document's sentences and paired, and the figures of stance/query/reliability_stats.hpp over
// them. The units of each pair and document are kept so that a pair's documents can be pooled.
#include "stance/query/reliability.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "stance/coding/suggest.hpp"
#include "stance/error.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/reliability_stats.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/scale.hpp"
#include "stance/store/store.hpp"

namespace stance {

namespace {

using NominalPairs = std::vector<std::pair<std::string, std::string>>;
using NumberPairs = std::vector<std::pair<double, double>>;

/// The raw units of one pair of coders, for one document or several pooled.
struct PairUnits {
    std::size_t first_stances = 0;
    std::size_t second_stances = 0;
    NumberPairs coded; ///< Per sentence: 1 when that coder coded it, else 0.
    NominalPairs actor;
    NominalPairs claim;
    NominalPairs kind;
    NumberPairs scale_position;

    void append(const PairUnits& other) {
        first_stances += other.first_stances;
        second_stances += other.second_stances;
        coded.insert(coded.end(), other.coded.begin(), other.coded.end());
        actor.insert(actor.end(), other.actor.begin(), other.actor.end());
        claim.insert(claim.end(), other.claim.begin(), other.claim.end());
        kind.insert(kind.end(), other.kind.begin(), other.kind.end());
        scale_position.insert(scale_position.end(), other.scale_position.begin(), other.scale_position.end());
    }
};

std::size_t overlap_bytes(const SourceSpan& span, std::size_t start, std::size_t end) {
    const std::size_t from = std::max(span.start, start);
    const std::size_t to = std::min(span.end, end);
    return to > from ? to - from : 0;
}

/// An empty span overlaps the sentence it points into.
bool overlaps(const SourceSpan& span, const SentenceSpan& sentence) {
    if (span.start == span.end) {
        return sentence.start <= span.start && span.start < sentence.end;
    }
    return overlap_bytes(span, sentence.start, sentence.end) > 0;
}

/// One coder's stances on one document, placed on its sentences.
struct CoderCoding {
    std::vector<Stance> stances;
    std::vector<std::vector<std::size_t>> on; ///< Per sentence: the stances whose span overlaps it.

    [[nodiscard]] bool coded(std::size_t sentence) const { return !on[sentence].empty(); }
};

CoderCoding place(std::vector<Stance> stances, const std::vector<SentenceSpan>& sentences) {
    CoderCoding coding{std::move(stances), std::vector<std::vector<std::size_t>>(sentences.size())};
    for (std::size_t s = 0; s < coding.stances.size(); ++s) {
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            if (overlaps(*coding.stances[s].source, sentences[i])) {
                coding.on[i].push_back(s);
            }
        }
    }
    return coding;
}

std::string claim_of(const Stance& stance) {
    return stance.proposition ? "proposition " + stance.proposition->str() : "topic " + stance.topic.str();
}

/// How many of actor and claim two stances share: among stances on the same words, the likelier pair.
std::size_t likeness(const Stance& a, const Stance& b) {
    return (a.actor == b.actor ? 1U : 0U) + (claim_of(a) == claim_of(b) ? 1U : 0U);
}

/// Pairs the two coders' stances one to one, among stances that overlap a same sentence: the
/// largest overlap of their spans first, then the pair more alike in actor and claim (two stances
/// on the same words cannot be told apart otherwise), then the nearest starts.
std::vector<std::pair<std::size_t, std::size_t>> pair_stances(const CoderCoding& first, const CoderCoding& second) {
    std::set<std::pair<std::size_t, std::size_t>> sharing; // stances that overlap a same sentence
    for (std::size_t s = 0; s < first.on.size(); ++s) {
        for (const std::size_t i : first.on[s]) {
            for (const std::size_t j : second.on[s]) {
                sharing.emplace(i, j);
            }
        }
    }
    // Ascending order puts the best first: ~ turns "largest" into "smallest".
    using Candidate = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t, std::size_t>;
    std::vector<Candidate> candidates;
    for (const auto& [i, j] : sharing) {
        const SourceSpan& a = *first.stances[i].source;
        const SourceSpan& b = *second.stances[j].source;
        const std::size_t distance = a.start > b.start ? a.start - b.start : b.start - a.start;
        candidates.emplace_back(~overlap_bytes(a, b.start, b.end), ~likeness(first.stances[i], second.stances[j]),
                                distance, i, j);
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<bool> used_first(first.stances.size(), false);
    std::vector<bool> used_second(second.stances.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& [overlap, alike, distance, i, j] : candidates) {
        if (!used_first[i] && !used_second[j]) {
            used_first[i] = true;
            used_second[j] = true;
            pairs.emplace_back(i, j);
        }
    }
    return pairs;
}

/// Both positions when the two stances lie on one same scale.
std::optional<std::pair<double, double>> scale_positions(const Catalog& catalog, const Stance& a, const Stance& b) {
    const std::optional<TopicId> scale = scale_for(catalog, a.topic);
    if (!scale || scale != scale_for(catalog, b.topic)) {
        return std::nullopt;
    }
    const std::optional<ScalePlace> first = place_on(catalog, a, *scale);
    const std::optional<ScalePlace> second = place_on(catalog, b, *scale);
    if (!first || !second) {
        return std::nullopt;
    }
    return std::pair{first->position, second->position};
}

PairUnits pair_units(const Catalog& catalog, const CoderCoding& first, const CoderCoding& second) {
    PairUnits units;
    units.first_stances = first.stances.size();
    units.second_stances = second.stances.size();
    for (std::size_t s = 0; s < first.on.size(); ++s) {
        units.coded.emplace_back(first.coded(s) ? 1.0 : 0.0, second.coded(s) ? 1.0 : 0.0);
    }
    for (const auto& [i, j] : pair_stances(first, second)) {
        const Stance& a = first.stances[i];
        const Stance& b = second.stances[j];
        units.actor.emplace_back(a.actor.str(), b.actor.str());
        units.claim.emplace_back(claim_of(a), claim_of(b));
        units.kind.emplace_back(std::string(to_string(a.kind)), std::string(to_string(b.kind)));
        if (const auto positions = scale_positions(catalog, a, b)) {
            units.scale_position.push_back(*positions);
        }
    }
    return units;
}

VariableAgreement number_agreement(const NumberPairs& pairs, AlphaMetric metric) {
    VariableAgreement result;
    std::vector<ReliabilityUnit> units;
    for (const auto& [a, b] : pairs) {
        units.push_back({a, b});
        result.agree += std::abs(a - b) < 1e-9 ? 1U : 0U;
    }
    result.units = pairs.size();
    result.alpha = krippendorff_alpha(units, metric).alpha;
    if (metric == AlphaMetric::nominal) {
        result.kappa = cohen_kappa(pairs).kappa;
    }
    return result;
}

/// Categories numbered in order of first appearance; only equality matters to the nominal metric.
VariableAgreement nominal_agreement(const NominalPairs& pairs) {
    std::map<std::string, double> numbers;
    const auto number = [&](const std::string& category) {
        return numbers.try_emplace(category, static_cast<double>(numbers.size())).first->second;
    };
    NumberPairs numbered;
    for (const auto& [a, b] : pairs) {
        const double first = number(a);
        numbered.emplace_back(first, number(b));
    }
    return number_agreement(numbered, AlphaMetric::nominal);
}

CoderPairReliability figures(const PairUnits& units) {
    CoderPairReliability result;
    result.first_stances = units.first_stances;
    result.second_stances = units.second_stances;
    SentenceAgreement& sentences = result.sentences;
    sentences.sentences = units.coded.size();
    for (const auto& [a, b] : units.coded) {
        const bool first = a > 0.5;
        const bool second = b > 0.5;
        ++(first && second ? sentences.both
                           : (first ? sentences.first_only : (second ? sentences.second_only : sentences.neither)));
    }
    sentences.coded = number_agreement(units.coded, AlphaMetric::nominal);
    result.paired = units.actor.size();
    result.actor = nominal_agreement(units.actor);
    result.claim = nominal_agreement(units.claim);
    result.kind = nominal_agreement(units.kind);
    result.scale_position = number_agreement(units.scale_position, AlphaMetric::interval);
    return result;
}

/// Each selected document's coders, from one pass over the stances that have a source span.
using CodersByDocument = std::map<DocumentId, std::set<std::string>>;

std::string closest_list(const std::vector<std::string>& candidates) {
    std::string text;
    for (const std::string& candidate : candidates) {
        text += fmt::format("{}\"{}\"", text.empty() ? "; closest: " : ", ", candidate);
    }
    return text;
}

/// Refuses one coder alone and coders who coded nothing in the selection.
void check_coders(const ReliabilityOptions& options, const CodersByDocument& coders) {
    if (options.coders.size() == 1) {
        throw invalid_input_error("--coder", fmt::format("only one coder, \"{}\": agreement needs two; give --coder "
                                                         "twice, or no --coder for every pair",
                                                         options.coders.front()));
    }
    std::set<std::string> known;
    for (const auto& [document, names] : coders) {
        known.insert(names.begin(), names.end());
    }
    for (const std::string& coder : options.coders) {
        if (!known.contains(coder)) {
            std::vector<std::string> candidates = nearest_names({known.begin(), known.end()}, coder);
            const std::string message = fmt::format(
                "no stance with a source span {}is coded by \"{}\"; give the coder's name exactly as its "
                "stances record it{}",
                options.document ? "in " + options.document->str() + " " : "", coder, closest_list(candidates));
            throw not_found_error(message, std::move(candidates));
        }
    }
}

CodersByDocument coders_by_document(const Store& store, const ReliabilityOptions& options) {
    StanceFilter filter;
    if (options.document) {
        filter.documents.push_back(*options.document);
    }
    CodersByDocument coders;
    store.for_each_stance(filter, [&](const Stance& stance) {
        if (stance.source && !stance.coder.empty()) { // an unnamed coder cannot be compared with anyone
            coders[stance.source->document].insert(stance.coder);
        }
    });
    check_coders(options, coders);
    if (!options.coders.empty()) {
        const std::set<std::string> chosen(options.coders.begin(), options.coders.end());
        for (auto& [document, names] : coders) {
            std::erase_if(names, [&](const std::string& name) { return !chosen.contains(name); });
        }
    }
    std::erase_if(coders, [](const auto& entry) { return entry.second.size() < 2; });
    return coders;
}

std::map<std::string, std::vector<Stance>> stances_by_coder(const Store& store, const DocumentId& document,
                                                            const std::set<std::string>& coders) {
    StanceFilter filter;
    filter.documents.push_back(document);
    filter.coders.assign(coders.begin(), coders.end());
    std::map<std::string, std::vector<Stance>> stances;
    store.for_each_stance(filter, [&](const Stance& stance) {
        if (stance.source && stance.source->document == document) {
            stances[stance.coder].push_back(stance);
        }
    });
    return stances;
}

using PairKey = std::pair<std::string, std::string>;

/// Every pair of the document's coders, with its units.
std::map<PairKey, PairUnits> document_units(const Store& store, const Catalog& catalog, const Document& document,
                                            const std::set<std::string>& coders) {
    const std::vector<SentenceSpan> sentences = split_sentences(document.text, document.language);
    std::map<std::string, CoderCoding> codings;
    for (auto& [coder, stances] : stances_by_coder(store, document.id, coders)) {
        codings.emplace(coder, place(std::move(stances), sentences));
    }
    std::map<PairKey, PairUnits> units;
    for (auto first = codings.begin(); first != codings.end(); ++first) {
        for (auto second = std::next(first); second != codings.end(); ++second) {
            units.emplace(PairKey{first->first, second->first}, pair_units(catalog, first->second, second->second));
        }
    }
    return units;
}

CoderPairReliability labelled(CoderPairReliability figures, const PairKey& pair,
                              const std::optional<DocumentId>& document) {
    figures.first = pair.first;
    figures.second = pair.second;
    figures.document = document;
    return figures;
}

} // namespace

std::optional<double> VariableAgreement::share() const noexcept {
    if (units == 0) {
        return std::nullopt;
    }
    return static_cast<double>(agree) / static_cast<double>(units);
}

ReliabilityReport reliability(const Store& store, const Catalog& catalog, const ReliabilityOptions& options) {
    catalog.check_built_from(store);
    if (options.document && !store.exists(EntityKind::document, options.document->str())) {
        throw not_found_error(
            fmt::format("no document \"{}\"; `stance documents` lists them", options.document->str()));
    }
    ReliabilityReport report;
    std::map<PairKey, std::pair<std::size_t, PairUnits>> pooled; // documents, units
    for (const auto& [id, coders] : coders_by_document(store, options)) {
        const std::optional<Document> document = store.document(id);
        if (!document || document->text.empty()) {
            if (options.document) {
                throw invalid_input_error(id.str(),
                                          "this document has no stored text (it is referenced by path), so it "
                                          "has no sentences to compare codings on");
            }
            report.without_text.push_back(id);
            continue;
        }
        for (const auto& [pair, units] : document_units(store, catalog, *document, coders)) {
            report.documents.push_back(labelled(figures(units), pair, id));
            auto& [documents, all] = pooled[pair];
            ++documents;
            all.append(units);
        }
    }
    for (const auto& [pair, entry] : pooled) {
        if (entry.first > 1) {
            report.pooled.push_back(labelled(figures(entry.second), pair, std::nullopt));
        }
    }
    return report;
}

} // namespace stance
