// Blocs and ideal points as node columns; blocs of a network's own ties (stance/network/blocs.hpp).
#include <algorithm>
#include <unordered_map>

#include "stance/error.hpp"
#include "stance/network/blocs.hpp"

namespace stance {

PeriodBlocs network_blocs(const Network& network, const BlocMethodOptions& options) {
    TieMatrix ties;
    ties.size = network.nodes.size();
    ties.weights.resize(ties.size * ties.size);
    ties.highest = 0.0;
    for (const NetworkEdge& edge : network.edges) {
        if (!edge.slice && edge.source != edge.target) {
            ties.weights[edge.source * ties.size + edge.target] = edge.weight;
            ties.weights[edge.target * ties.size + edge.source] = edge.weight;
            ties.highest = std::max(ties.highest, edge.weight);
        }
    }
    if (ties.highest <= 0.0) {
        throw invalid_input_error("blocs", "the network has no positive tie between actors to find blocs in; widen "
                                           "the dates or the topic");
    }
    const Partition partition = find_partition(ties, options);
    PeriodBlocs out;
    out.period = "all";
    out.label = network.description;
    out.blocs.resize(partition.blocs);
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        out.blocs[partition.bloc_of[i]].members.push_back(ActorId{network.nodes[i].id});
        out.blocs[partition.bloc_of[i]].names.push_back(network.nodes[i].label);
    }
    out.modularity = partition.modularity;
    return out;
}

void add_bloc_column(Network& network, const PeriodBlocs& blocs) {
    std::unordered_map<std::string, std::size_t> bloc_of;
    for (std::size_t b = 0; b < blocs.blocs.size(); ++b) {
        for (const ActorId& member : blocs.blocs[b].members) {
            bloc_of[member.str()] = b + 1;
        }
    }
    add_node_column(network, {"bloc", AttributeType::number}, [&](const NetworkNode& node) {
        const auto found = bloc_of.find(node.id);
        return found == bloc_of.end() ? std::string{} : std::to_string(found->second);
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
