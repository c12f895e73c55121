// Parent chains (topics under topics, meetings under meetings): cycles and depth, checked in one
// linear pass without recursion, over the file's entities laid over the database's. A chain of
// 45,000 levels must be refused quickly, not crash the import or hold the write lock for a minute.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stance::detail {

/// How many levels a parent chain may have below its top. Real data needs few (the UN import uses
/// two: session, then roll-call date; the NATO seed three); a deeper chain is a mistake or an attack.
inline constexpr std::size_t max_hierarchy_depth = 1000;

/// Each entity of a file as id and parent id ("" for none), in file order.
struct HierarchyEntry {
    std::string id;
    std::string parent;
};

/// The file's entities in an order where each comes after its parent, as indexes into `in_file`.
/// `stored` are the database's entities; the file's definitions replace theirs (an upsert).
/// Throws invalid_input_error at `$.<list>[i].parent` on a cycle or a chain deeper than
/// max_hierarchy_depth.
[[nodiscard]] std::vector<std::size_t> order_hierarchy(const std::vector<HierarchyEntry>& in_file,
                                                       const std::vector<HierarchyEntry>& stored, std::string_view list,
                                                       const std::string& source);

} // namespace stance::detail
