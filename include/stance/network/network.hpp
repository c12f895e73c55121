// Networks of actors, claims and votes, for the tools analysts already use (Gephi, visone, igraph):
// the graph value type every network builder returns and every writer reads
// (stance/network/statement_network.hpp, stance/network/vote_network.hpp, stance/network/write.hpp).
//
// A network is plain data: nodes with attribute values, undirected weighted edges, and optionally
// time slices, each edge belonging to the whole period or to one slice. Attributes are columns: a
// column is declared once on the network and every node (or edge) holds one value per column, so a
// new attribute (an actor's voting bloc, its ideal point) is one add_node_column() call and every
// writer carries it without change. docs/networks.md says what each network means.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stance/model/date.hpp"

namespace stance {

class Catalog;

/// How a writer declares an attribute: GraphML's attr.type, GEXF's attribute type.
enum class AttributeType : std::uint8_t { string, number };

struct AttributeColumn {
    std::string name; ///< As written in the file ("name", "iso3", "kind").
    AttributeType type = AttributeType::string;

    friend bool operator==(const AttributeColumn&, const AttributeColumn&) = default;
};

struct NetworkNode {
    std::string id;    ///< The stance id of the actor ("nld"), or "claim:" and the claim's id.
    std::string label; ///< What a viewer shows: the actor's name, the claim's statement.
    /// One value per Network::node_columns; an empty string is no value (writers leave it out).
    std::vector<std::string> values;
};

/// A node attribute whose value is one per time slice (an actor's voting bloc in each session).
struct SliceColumn {
    AttributeColumn column;
    std::vector<std::vector<std::string>> values; ///< values[node][slice]; "" is no value.
};

/// A period of a time-sliced network (a calendar year, a session), both days inclusive.
struct TimeSlice {
    std::string label; ///< "2022", "unga-77".
    Date first;
    Date last;
};

struct NetworkEdge {
    std::size_t source = 0; ///< Index into Network::nodes.
    std::size_t target = 0;
    double weight = 0.0;
    /// What the weight was computed from: statements behind the tie (statement frequency), or the
    /// roll calls both actors voted on.
    std::uint32_t frequency = 0;
    std::optional<std::size_t> slice; ///< Index into Network::slices; none: the whole period.
    std::vector<std::string> values;  ///< One per Network::edge_columns.
};

struct Network {
    std::string description;    ///< One line: what the nodes, edges and weights are.
    std::string weight_meaning; ///< "congruence, jaccard", "kappa": written as the weight's description.
    std::string frequency_name; ///< "statements" or "roll_calls": the name of the frequency attribute.
    std::vector<AttributeColumn> node_columns;
    /// Node attributes with a value per time slice. GEXF writes them as dynamic attributes, each
    /// value with its slice's start and end; GraphML and the CSV node list, which have no time,
    /// leave them out.
    std::vector<SliceColumn> slice_node_columns;
    std::vector<AttributeColumn> edge_columns;
    std::vector<NetworkNode> nodes;
    std::vector<TimeSlice> slices; ///< In time order; empty for a network of one period.
    std::vector<NetworkEdge> edges;
};

/// Declares a node column and fills it for every node; `value` returns "" for no value. This is
/// how a later analysis adds an attribute: add_node_column(net, {"bloc"}, [&](const NetworkNode& n) {...}).
void add_node_column(Network& network, AttributeColumn column,
                     const std::function<std::string(const NetworkNode&)>& value);

/// Declares a node column with one value per time slice and fills it: `value(node, slice)` is the
/// node's value in Network::slices[slice], "" for none.
void add_slice_node_column(Network& network, AttributeColumn column,
                           const std::function<std::string(const NetworkNode&, std::size_t)>& value);

/// The attributes every actor node carries (name, kind, ISO codes): one table in actor_nodes.cpp,
/// so that another column is one line there.
void add_actor_columns(Network& network, const Catalog& catalog);

/// A number as an attribute value: the shortest text that reads back to the same double.
[[nodiscard]] std::string attribute_number(double value);

} // namespace stance
