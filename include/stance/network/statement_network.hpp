// Discourse networks from coded statements, as the Discourse Network Analyzer (DNA, Leifeld) builds
// them: who said what (actor × claim, two-mode), and who agrees or disagrees with whom on the same
// claims (actor × actor, one-mode congruence and conflict), with DNA's normalisations of the tie
// weights. A claim is a stance's proposition, or its topic when it has none; the qualifier is the
// sign of the stance's score (support +1, neutral 0, oppose -1). Votes are not statements: they
// make stance/network/vote_network.hpp's network. docs/networks.md gives the formulas.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "stance/model/date.hpp"
#include "stance/model/ids.hpp"
#include "stance/network/network.hpp"

namespace stance {

class Catalog;
class Store;

enum class StatementNetworkKind : std::uint8_t {
    two_mode,   ///< Actor–claim edges; weight = number of statements.
    congruence, ///< Actor–actor; weight grows with statements of the same direction on the same claims.
    conflict,   ///< Actor–actor; weight grows with statements of opposite directions on the same claims.
};

/// DNA's normalisations of one-mode tie weights (DNA's exporter, options "no", "average", "jaccard",
/// "cosine"). None applies to two-mode networks.
enum class Normalization : std::uint8_t { none, average, jaccard, cosine };

[[nodiscard]] std::optional<StatementNetworkKind> parse_statement_network_kind(std::string_view text) noexcept;
[[nodiscard]] std::string_view to_string(StatementNetworkKind kind) noexcept;
[[nodiscard]] std::optional<Normalization> parse_normalization(std::string_view text) noexcept;
[[nodiscard]] std::string_view to_string(Normalization normalization) noexcept;

struct StatementNetworkOptions {
    StatementNetworkKind kind = StatementNetworkKind::congruence;
    Normalization normalization = Normalization::none;
    std::optional<TopicId> topic; ///< Only claims on this topic and its subtopics.
    std::optional<Date> from;     ///< Inclusive, on the statement's effective date.
    std::optional<Date> to;
    /// One slice per calendar year that has statements (for Gephi's timeline), in addition to the
    /// edges of the whole period.
    bool slice_by_year = false;
};

/// The network of every stance that is not a vote and is a position (no_position and absent do not
/// count). Throws invalid_input_error for a normalisation on a two-mode network, not_found_error
/// for an unknown topic.
[[nodiscard]] Network statement_network(const Store& store, const Catalog& catalog,
                                        const StatementNetworkOptions& options = {});

} // namespace stance
