// Ties to blocs (stance/query/blocs.hpp): modularity community detection through igraph, or the
// average-linkage tree cut; either way the blocs are renumbered by size, so that the numbering says
// something and does not depend on igraph's internal labels.
#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "network/enum_names.hpp"
#include "query/igraph_communities.hpp"
#include "stance/error.hpp"
#include "stance/query/average_linkage.hpp"
#include "stance/query/blocs.hpp"

namespace stance {

namespace {

constexpr detail::EnumNames<BlocMethod, 3> method_names{
    std::pair{BlocMethod::louvain, std::string_view{"louvain"}},
    std::pair{BlocMethod::leiden, std::string_view{"leiden"}},
    std::pair{BlocMethod::hierarchical, std::string_view{"hierarchical"}}};

bool counts(const std::optional<double>& weight, const BlocMethodOptions& options) {
    return weight && !(options.threshold && *weight < *options.threshold);
}

/// The ties modularity can use: positive, at or above the threshold.
detail::WeightedEdges positive_ties(const TieMatrix& ties, const BlocMethodOptions& options) {
    detail::WeightedEdges graph{ties.size, {}};
    for (std::size_t i = 0; i < ties.size; ++i) {
        for (std::size_t j = i + 1; j < ties.size; ++j) {
            const std::optional<double>& weight = ties.at(i, j);
            if (counts(weight, options) && *weight > 0.0) {
                graph.edges.push_back({i, j, *weight});
            }
        }
    }
    return graph;
}

std::vector<std::size_t> hierarchical(const TieMatrix& ties, const BlocMethodOptions& options) {
    const double range = ties.highest - ties.lowest;
    const Dendrogram tree = average_linkage(ties.size, [&](std::size_t i, std::size_t j) {
        const std::optional<double>& weight = ties.at(i, j);
        if (!counts(weight, options) || range <= 0.0) {
            return 1.0;
        }
        return std::clamp((ties.highest - *weight) / range, 0.0, 1.0);
    });
    return options.blocs ? cut_into(tree, *options.blocs) : cut_at(tree, *options.height);
}

/// Labels renumbered: the largest bloc 0, and of equal sizes the one with the lowest item first.
std::vector<std::size_t> by_size(const std::vector<std::size_t>& labels, std::size_t& blocs) {
    std::map<std::size_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        members[labels[i]].push_back(i);
    }
    std::vector<std::vector<std::size_t>> groups;
    groups.reserve(members.size());
    for (auto& [label, items] : members) {
        groups.push_back(std::move(items));
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
        return a.size() != b.size() ? a.size() > b.size() : a.front() < b.front();
    });
    std::vector<std::size_t> bloc_of(labels.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (const std::size_t item : groups[g]) {
            bloc_of[item] = g;
        }
    }
    blocs = groups.size();
    return bloc_of;
}

} // namespace

std::optional<BlocMethod> parse_bloc_method(std::string_view text) noexcept {
    return detail::parse_enum(method_names, text);
}

std::string_view to_string(BlocMethod method) noexcept {
    return detail::enum_name(method_names, method);
}

void check_bloc_options(const BlocMethodOptions& options) {
    if (options.method == BlocMethod::hierarchical) {
        if (options.blocs.has_value() == options.height.has_value()) {
            throw invalid_input_error("--blocs/--height",
                                      "hierarchical blocs need exactly one of --blocs K (cut into K "
                                      "blocs) or --height H (a distance between 0 and 1)");
        }
        if (options.blocs && *options.blocs == 0) {
            throw invalid_input_error("--blocs", "cut into at least 1 bloc");
        }
        if (options.height && !(*options.height >= 0.0 && *options.height <= 1.0)) {
            throw invalid_input_error("--height", fmt::format("{} is not a distance between 0 and 1", *options.height));
        }
        return;
    }
    if (options.blocs || options.height) {
        throw invalid_input_error("--blocs/--height", fmt::format("{} finds the number of blocs itself; --blocs and "
                                                                  "--height are for --method hierarchical",
                                                                  to_string(options.method)));
    }
    if (!(options.resolution > 0.0) || !std::isfinite(options.resolution)) {
        throw invalid_input_error("--resolution", fmt::format("{} is not a positive number", options.resolution));
    }
}

TieMatrix agreement_ties(const AgreementMatrix& matrix, AgreementWeight weight) {
    TieMatrix ties;
    ties.size = matrix.actors.size();
    ties.lowest = lowest_figure(weight);
    ties.highest = 1.0;
    ties.weights.resize(ties.size * ties.size);
    for (std::size_t i = 0; i < ties.size; ++i) {
        for (std::size_t j = 0; j < ties.size; ++j) {
            if (i != j) {
                ties.weights[i * ties.size + j] = agreement_figure(matrix.at(i, j), weight);
            }
        }
    }
    return ties;
}

Partition find_partition(const TieMatrix& ties, const BlocMethodOptions& options) {
    check_bloc_options(options);
    const detail::WeightedEdges graph = positive_ties(ties, options);
    std::vector<std::size_t> labels;
    if (options.method == BlocMethod::hierarchical) {
        labels = hierarchical(ties, options);
    } else {
        labels = detail::communities(graph,
                                     options.method == BlocMethod::leiden ? detail::CommunityAlgorithm::leiden
                                                                          : detail::CommunityAlgorithm::louvain,
                                     options.resolution, options.seed);
    }
    Partition partition;
    partition.bloc_of = by_size(labels, partition.blocs);
    if (!graph.edges.empty()) {
        partition.modularity = detail::modularity(graph, partition.bloc_of);
    }
    return partition;
}

} // namespace stance
