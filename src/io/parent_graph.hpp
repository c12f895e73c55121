// Topics and meetings form graphs through their parents (a topic may have several). This orders
// ids parents first and finds a cycle with the path that closes it, without recursion, so a file
// with a chain of a million parents cannot overflow the stack.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace stance::detail {

/// How many levels a parent chain may have below its top. Real data needs few (the UN import uses
/// two: session, then roll-call date; the NATO seed three); a deeper chain is a mistake or an attack,
/// and refusing it keeps every later walk up the graph short.
inline constexpr std::size_t max_parent_depth = 1000;

/// id → the ids of its parents. Ids missing from the map are roots.
using ParentMap = std::unordered_map<std::string, std::vector<std::string>>;

struct ParentOrder {
    std::vector<std::string> parents_first; ///< Every id reachable from the starts, each after its parents.
    /// The first cycle found, as a path that starts and ends with the same id ("a", "b", "a"); empty if none.
    std::vector<std::string> cycle;
};

/// Walks up from each of `starts` (in order). Stops at the first cycle.
[[nodiscard]] ParentOrder order_parents_first(const ParentMap& parents, const std::vector<std::string>& starts);

} // namespace stance::detail
