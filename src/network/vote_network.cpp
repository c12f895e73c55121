// The agreement network of recorded votes (stance/network/vote_network.hpp): the agreement matrix's
// pairs as weighted ties.
#include "stance/network/vote_network.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "stance/query/catalog.hpp"

namespace stance {

namespace {

std::string optional_number(const std::optional<double>& value) {
    return value ? attribute_number(*value) : std::string{};
}

Network empty_network(const VoteNetworkOptions& options, std::string description) {
    Network network;
    network.description = std::move(description);
    network.weight_meaning = std::string(to_string(options.weight));
    network.frequency_name = "roll_calls";
    network.edge_columns = {
        {"share", AttributeType::number}, {"kappa", AttributeType::number}, {"s_score", AttributeType::number}};
    return network;
}

/// Adds the matrix's actors that are not nodes yet; returns each matrix actor's node index.
std::vector<std::size_t> ensure_nodes(Network& network, const AgreementMatrix& matrix) {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        std::size_t index = 0;
        while (index < network.nodes.size() && network.nodes[index].id != matrix.actors[i].str()) {
            ++index;
        }
        if (index == network.nodes.size()) {
            network.nodes.push_back({matrix.actors[i].str(), matrix.names.at(i), {}});
        }
        indices.push_back(index);
    }
    return indices;
}

void add_ties(Network& network, const AgreementMatrix& matrix, const VoteNetworkOptions& options,
              std::optional<std::size_t> slice) {
    const std::vector<std::size_t> nodes = ensure_nodes(network, matrix);
    for (std::size_t i = 0; i < matrix.actors.size(); ++i) {
        for (std::size_t j = i + 1; j < matrix.actors.size(); ++j) {
            const AgreementCounts& counts = matrix.at(i, j);
            const std::optional<double> weight = agreement_figure(counts, options.weight);
            if (counts.n == 0 || !weight || (options.threshold && *weight < *options.threshold)) {
                continue;
            }
            network.edges.push_back({nodes[i],
                                     nodes[j],
                                     *weight,
                                     counts.n,
                                     slice,
                                     {optional_number(counts.share()), optional_number(counts.kappa()),
                                      optional_number(counts.s_score())}});
        }
    }
}

std::string describe(const VoteNetworkOptions& options, const std::string& period) {
    return fmt::format("agreement network of recorded votes, {}; weight: {}{}", period, to_string(options.weight),
                       options.threshold ? fmt::format(", ties of at least {}", *options.threshold) : "");
}

TimeSlice slice_of(const AgreementMatrix& matrix, const Catalog& catalog) {
    if (const Meeting* meeting = matrix.meeting.empty() ? nullptr : catalog.find(matrix.meeting)) {
        return {matrix.period, meeting->date, meeting->last_day()};
    }
    const int year = std::stoi(matrix.period); // a year period's key is the year
    return {matrix.period, Date{year, 1, 1}, Date{year, 12, 31}};
}

} // namespace

Network vote_network(const AgreementMatrix& matrix, const Catalog& catalog, const VoteNetworkOptions& options) {
    Network network = empty_network(options, describe(options, matrix.label));
    add_ties(network, matrix, options, std::nullopt);
    add_actor_columns(network, catalog);
    return network;
}

Network vote_network_by_period(const Store& store, const Catalog& catalog, const AgreementMatricesOptions& periods,
                               const VoteNetworkOptions& options) {
    Network network = empty_network(options, describe(options, fmt::format("per {}", to_string(periods.by))));
    AgreementMatricesOptions whole = periods;
    whole.by = Period::none;
    agreement_matrices(store, catalog, whole,
                       [&](const AgreementMatrix& matrix) { add_ties(network, matrix, options, std::nullopt); });
    agreement_matrices(store, catalog, periods, [&](const AgreementMatrix& matrix) {
        network.slices.push_back(slice_of(matrix, catalog));
        add_ties(network, matrix, options, network.slices.size() - 1);
    });
    add_actor_columns(network, catalog);
    return network;
}

} // namespace stance
