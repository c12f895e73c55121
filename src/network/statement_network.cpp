// Discourse networks from coded statements (stance/network/statement_network.hpp): tally who took
// which direction on which claim, per period, then make two-mode edges from the tallies or one-mode
// ties from pairs of tallies (tie_weights.cpp).
#include "stance/network/statement_network.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "enum_names.hpp"
#include "stance/error.hpp"
#include "stance/model/basis.hpp"
#include "stance/query/catalog.hpp"
#include "stance/query/tree.hpp"
#include "stance/store/store.hpp"
#include "tie_weights.hpp"

namespace stance {

namespace {

constexpr detail::EnumNames<StatementNetworkKind, 3> kind_names{
    std::pair{StatementNetworkKind::two_mode, std::string_view{"two-mode"}},
    std::pair{StatementNetworkKind::congruence, std::string_view{"congruence"}},
    std::pair{StatementNetworkKind::conflict, std::string_view{"conflict"}}};
constexpr detail::EnumNames<Normalization, 4> normalization_names{
    std::pair{Normalization::none, std::string_view{"none"}},
    std::pair{Normalization::average, std::string_view{"average"}},
    std::pair{Normalization::jaccard, std::string_view{"jaccard"}},
    std::pair{Normalization::cosine, std::string_view{"cosine"}}};

/// A statement reduced to what a discourse network needs.
struct Tally {
    std::size_t actor = 0; ///< Index into the network's actor nodes.
    std::size_t claim = 0; ///< Index into the claims.
    std::size_t direction = 1;
    double score = 0.0;
    int year = 0;
};

struct Claim {
    std::string id;
    std::string label;
};

struct Statements {
    std::vector<std::string> actors; ///< Sorted ids.
    std::vector<Claim> claims;       ///< Sorted by id.
    std::vector<Tally> tallies;
};

std::size_t direction_of(double score) {
    return score < 0.0 ? 0 : (score > 0.0 ? 2 : 1);
}

Claim claim_of(const Stance& stance, const Catalog& catalog) {
    if (stance.proposition) {
        const Proposition* proposition = catalog.find(*stance.proposition);
        return {"proposition:" + stance.proposition->str(),
                proposition != nullptr ? proposition->statement : stance.proposition->str()};
    }
    return {"topic:" + stance.topic.str(), catalog.topic_label(stance.topic)};
}

std::size_t index_in(const std::vector<std::string>& sorted, const std::string& id) {
    return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), id) - sorted.begin());
}

Statements read_statements(const Store& store, const Catalog& catalog, const StatementNetworkOptions& options) {
    StanceFilter filter;
    filter.positions_only = true;
    std::copy_if(all_bases.begin(), all_bases.end(), std::back_inserter(filter.bases),
                 [](Basis basis) { return basis != Basis::vote; });
    if (options.topic) {
        filter.topics = topic_with_descendants(catalog, *options.topic);
    }
    struct Read {
        std::string actor;
        Claim claim;
        double score;
        int year;
    };
    std::vector<Read> read;
    for (const Stance& stance : store.stances(filter)) {
        const Date date = catalog.effective_date(stance);
        if ((options.from && date < *options.from) || (options.to && *options.to < date)) {
            continue;
        }
        read.push_back({stance.actor.str(), claim_of(stance, catalog), stance.score, date.year()});
    }
    Statements statements;
    std::vector<std::string> claim_ids;
    std::map<std::string, std::string> claim_labels;
    for (const Read& r : read) {
        statements.actors.push_back(r.actor);
        claim_labels.emplace(r.claim.id, r.claim.label);
    }
    std::sort(statements.actors.begin(), statements.actors.end());
    statements.actors.erase(std::unique(statements.actors.begin(), statements.actors.end()), statements.actors.end());
    for (const auto& [id, label] : claim_labels) {
        claim_ids.push_back(id);
        statements.claims.push_back({id, label});
    }
    for (const Read& r : read) {
        statements.tallies.push_back({index_in(statements.actors, r.actor), index_in(claim_ids, r.claim.id),
                                      direction_of(r.score), r.score, r.year});
    }
    return statements;
}

/// The tallies of one period per actor; `year` 0 takes every year.
std::vector<detail::ClaimCounts> counts_per_actor(const Statements& statements, int year) {
    std::vector<detail::ClaimCounts> counts(statements.actors.size());
    for (const Tally& tally : statements.tallies) {
        if (year == 0 || tally.year == year) {
            ++counts[tally.actor][tally.claim][tally.direction];
        }
    }
    return counts;
}

void add_one_mode_edges(Network& network, const Statements& statements, const StatementNetworkOptions& options,
                        int year, std::optional<std::size_t> slice) {
    const std::vector<detail::ClaimCounts> counts = counts_per_actor(statements, year);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t j = i + 1; j < counts.size(); ++j) {
            if (const auto tie = detail::tie_weight(counts[i], counts[j], options.kind, options.normalization)) {
                network.edges.push_back({i, j, tie->weight, tie->frequency, slice, {attribute_number(tie->raw)}});
            }
        }
    }
}

void add_two_mode_edges(Network& network, const Statements& statements, int year, std::optional<std::size_t> slice) {
    struct Sum {
        std::uint32_t statements = 0;
        double score = 0.0;
    };
    std::map<std::pair<std::size_t, std::size_t>, Sum> sums;
    for (const Tally& tally : statements.tallies) {
        if (year == 0 || tally.year == year) {
            Sum& sum = sums[{tally.actor, tally.claim}];
            ++sum.statements;
            sum.score += tally.score;
        }
    }
    const std::size_t first_claim = statements.actors.size(); // claim nodes follow the actor nodes
    for (const auto& [key, sum] : sums) {
        network.edges.push_back({key.first,
                                 first_claim + key.second,
                                 static_cast<double>(sum.statements),
                                 sum.statements,
                                 slice,
                                 {attribute_number(sum.score / sum.statements)}});
    }
}

void add_nodes(Network& network, const Statements& statements, const Catalog& catalog, bool with_claims) {
    for (const std::string& actor : statements.actors) {
        network.nodes.push_back({actor, catalog.actor_name(ActorId{actor}), {}});
    }
    if (with_claims) {
        for (const Claim& claim : statements.claims) {
            network.nodes.push_back({claim.id, claim.label, {}});
        }
    }
    add_node_column(network, {"type", AttributeType::string},
                    [](const NetworkNode& node) { return node.id.find(':') == std::string::npos ? "actor" : "claim"; });
    add_actor_columns(network, catalog);
}

std::string describe(const StatementNetworkOptions& options) {
    if (options.kind == StatementNetworkKind::two_mode) {
        return "actor x claim network of coded statements; weight: statements of the actor on the claim";
    }
    return fmt::format("actor x actor {} network of coded statements (same claims, {} directions); weight "
                       "normalisation: {}",
                       to_string(options.kind), options.kind == StatementNetworkKind::conflict ? "opposite" : "same",
                       to_string(options.normalization));
}

} // namespace

std::optional<StatementNetworkKind> parse_statement_network_kind(std::string_view text) noexcept {
    return detail::parse_enum(kind_names, text);
}

std::string_view to_string(StatementNetworkKind kind) noexcept {
    return detail::enum_name(kind_names, kind);
}

std::optional<Normalization> parse_normalization(std::string_view text) noexcept {
    return detail::parse_enum(normalization_names, text);
}

std::string_view to_string(Normalization normalization) noexcept {
    return detail::enum_name(normalization_names, normalization);
}

Network statement_network(const Store& store, const Catalog& catalog, const StatementNetworkOptions& options) {
    const bool two_mode = options.kind == StatementNetworkKind::two_mode;
    if (two_mode && options.normalization != Normalization::none) {
        throw invalid_input_error("network", fmt::format("normalisation '{}' applies to congruence and conflict "
                                                         "networks only; leave it out for a two-mode network",
                                                         to_string(options.normalization)));
    }
    const Statements statements = read_statements(store, catalog, options);
    Network network;
    network.description = describe(options);
    network.weight_meaning =
        two_mode ? "statements" : fmt::format("{}, {}", to_string(options.kind), to_string(options.normalization));
    network.frequency_name = "statements";
    network.edge_columns = {{two_mode ? "mean_score" : "raw_weight", AttributeType::number}};
    add_nodes(network, statements, catalog, two_mode);
    auto add_edges = [&](int year, std::optional<std::size_t> slice) {
        if (two_mode) {
            add_two_mode_edges(network, statements, year, slice);
        } else {
            add_one_mode_edges(network, statements, options, year, slice);
        }
    };
    add_edges(0, std::nullopt);
    if (options.slice_by_year) {
        std::vector<int> years;
        for (const Tally& tally : statements.tallies) {
            years.push_back(tally.year);
        }
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
        for (int year : years) {
            network.slices.push_back({std::to_string(year), Date{year, 1, 1}, Date{year, 12, 31}});
            add_edges(year, network.slices.size() - 1);
        }
    }
    return network;
}

} // namespace stance
