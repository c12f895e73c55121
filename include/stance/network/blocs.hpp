// Blocs and ideal points as node attributes, and blocs of a statement network. A vote network's
// blocs come from the same agreement matrix as its ties (stance/query/blocs.hpp); a statement
// congruence network's from its own ties: actors that take the same positions on the same claims.
// docs/networks.md says which columns a file carries; docs/blocs.md how blocs are found.
#pragma once

#include <vector>

#include "stance/network/network.hpp"
#include "stance/query/blocs.hpp"
#include "stance/query/ideal_points.hpp"

namespace stance {

/// The blocs of a one-mode network from its edges of the whole period (slices are not used): the
/// weight of a tie between two nodes, nothing where there is none, on a range from 0 to the largest
/// weight. Throws invalid_input_error for a network with no tie between actors.
[[nodiscard]] PeriodBlocs network_blocs(const Network& network, const BlocMethodOptions& options);

/// The blocs of each time slice of a one-mode network, from that slice's edges, as network_blocs
/// finds them for the whole period; each PeriodBlocs names its slice's label as `period`. A slice
/// without a positive tie between actors has no blocs and is left out.
[[nodiscard]] std::vector<PeriodBlocs> network_slice_blocs(const Network& network, const BlocMethodOptions& options);

/// Adds the node column `bloc`: the number (from 1, the largest) of the node's bloc in `blocs`;
/// no value for a node in none.
void add_bloc_column(Network& network, const PeriodBlocs& blocs);

/// Adds the per-slice node column `slice_bloc`: in each time slice, the number of the node's bloc
/// in the PeriodBlocs whose `period` is the slice's label (numbered within that slice, the largest
/// 1); no value where the node is in none or the slice has no blocs. GEXF writes it as a dynamic
/// attribute that Gephi's timeline plays.
void add_slice_bloc_column(Network& network, const std::vector<PeriodBlocs>& per_slice);

/// Adds `ideal_point`, `ideal_point_lower` and `ideal_point_upper` (the interval) from one
/// session's estimates; no value for a node without one.
void add_ideal_point_columns(Network& network, const IdealPointSession& session);

} // namespace stance
