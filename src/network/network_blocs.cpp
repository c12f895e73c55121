// Blocs and ideal points as node columns; blocs of a network's own ties (stance/network/blocs.hpp).
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "stance/error.hpp"
#include "stance/network/blocs.hpp"

namespace stance {

namespace {

/// The ties between the network's nodes in one slice (or the whole period: no slice).
TieMatrix ties_of(const Network& network, const std::optional<std::size_t>& slice) {
    TieMatrix ties;
    ties.size = network.nodes.size();
    ties.weights.resize(ties.size * ties.size);
    ties.highest = 0.0;
    for (const NetworkEdge& edge : network.edges) {
        if (edge.slice == slice && edge.source != edge.target) {
            ties.weights[edge.source * ties.size + edge.target] = edge.weight;
            ties.weights[edge.target * ties.size + edge.source] = edge.weight;
            ties.highest = std::max(ties.highest, edge.weight);
        }
    }
    return ties;
}

PeriodBlocs blocs_of(const Network& network, const TieMatrix& ties, const BlocMethodOptions& options,
                     std::string period) {
    const Partition partition = find_partition(ties, options);
    PeriodBlocs out;
    out.period = std::move(period);
    out.label = network.description;
    out.blocs.resize(partition.blocs);
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        out.blocs[partition.bloc_of[i]].members.emplace_back(network.nodes[i].id);
        out.blocs[partition.bloc_of[i]].names.push_back(network.nodes[i].label);
    }
    out.modularity = partition.modularity;
    return out;
}

} // namespace

PeriodBlocs network_blocs(const Network& network, const BlocMethodOptions& options) {
    const TieMatrix ties = ties_of(network, std::nullopt);
    if (ties.highest <= 0.0) {
        throw invalid_input_error("blocs", "the network has no positive tie between actors to find blocs in; widen "
                                           "the dates or the topic");
    }
    return blocs_of(network, ties, options, "all");
}

std::vector<PeriodBlocs> network_slice_blocs(const Network& network, const BlocMethodOptions& options) {
    std::vector<PeriodBlocs> out;
    for (std::size_t slice = 0; slice < network.slices.size(); ++slice) {
        const TieMatrix ties = ties_of(network, slice);
        if (ties.highest <= 0.0) {
            continue;
        }
        PeriodBlocs blocs = blocs_of(network, ties, options, network.slices[slice].label);
        blocs.first = network.slices[slice].first;
        blocs.last = network.slices[slice].last;
        // An actor with no tie in the slice (no statements that year) is in no bloc of it, not
        // alone in one: the bloc finder's lone nodes are left out.
        std::erase_if(blocs.blocs, [&](const Bloc& bloc) {
            if (bloc.members.size() != 1) {
                return false;
            }
            const auto node = std::find_if(network.nodes.begin(), network.nodes.end(),
                                           [&](const NetworkNode& n) { return n.id == bloc.members.front().str(); });
            const auto i = static_cast<std::size_t>(node - network.nodes.begin());
            for (std::size_t j = 0; j < ties.size; ++j) {
                if (j != i && ties.at(i, j)) {
                    return false;
                }
            }
            return true;
        });
        out.push_back(std::move(blocs));
    }
    return out;
}

namespace {

/// Each member's bloc number (from 1) by node id.
std::unordered_map<std::string, std::size_t> bloc_numbers(const PeriodBlocs& blocs) {
    std::unordered_map<std::string, std::size_t> bloc_of;
    for (std::size_t b = 0; b < blocs.blocs.size(); ++b) {
        for (const ActorId& member : blocs.blocs[b].members) {
            bloc_of[member.str()] = b + 1;
        }
    }
    return bloc_of;
}

std::string number_of(const std::unordered_map<std::string, std::size_t>& bloc_of, const NetworkNode& node) {
    const auto found = bloc_of.find(node.id);
    return found == bloc_of.end() ? std::string{} : std::to_string(found->second);
}

} // namespace

void add_bloc_column(Network& network, const PeriodBlocs& blocs) {
    const std::unordered_map<std::string, std::size_t> bloc_of = bloc_numbers(blocs);
    add_node_column(network, {"bloc", AttributeType::number},
                    [&](const NetworkNode& node) { return number_of(bloc_of, node); });
}

void add_slice_bloc_column(Network& network, const std::vector<PeriodBlocs>& per_slice) {
    std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> by_period;
    for (const PeriodBlocs& blocs : per_slice) {
        by_period[blocs.period] = bloc_numbers(blocs);
    }
    add_slice_node_column(network, {"slice_bloc", AttributeType::number},
                          [&](const NetworkNode& node, std::size_t slice) {
                              const auto found = by_period.find(network.slices[slice].label);
                              return found == by_period.end() ? std::string{} : number_of(found->second, node);
                          });
}

void add_ideal_point_columns(Network& network, const IdealPointSession& session) {
    std::unordered_map<std::string, const IdealPoint*> point_of;
    for (const IdealPoint& point : session.actors) {
        point_of[point.actor.str()] = &point;
    }
    const auto column = [&](const char* name, double IdealPoint::*field) {
        add_node_column(network, {name, AttributeType::number}, [&](const NetworkNode& node) {
            const auto found = point_of.find(node.id);
            return found == point_of.end() ? std::string{} : attribute_number(found->second->*field);
        });
    };
    column("ideal_point", &IdealPoint::position);
    column("ideal_point_lower", &IdealPoint::lower);
    column("ideal_point_upper", &IdealPoint::upper);
}

} // namespace stance
