// One walk up from each entity, remembering what every walk found, so each link is followed once.
#include "io/hierarchy.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "io/span_check.hpp"
#include "stance/error.hpp"

namespace stance::detail {

namespace {

constexpr std::size_t no_node = std::numeric_limits<std::size_t>::max();

/// Every id of the file and the database once, with its parent as a node index.
struct Forest {
    std::vector<std::string> ids;
    std::vector<std::size_t> parent;  ///< no_node for a top entity or an unknown parent
    std::vector<std::size_t> file_at; ///< index in the file, no_node for database-only entities
};

Forest build_forest(const std::vector<HierarchyEntry>& in_file, const std::vector<HierarchyEntry>& stored) {
    Forest forest;
    std::unordered_map<std::string, std::size_t> node_of;
    std::vector<const std::string*> parent_id;
    auto add = [&](const HierarchyEntry& entry, std::size_t file_index) {
        auto [at, inserted] = node_of.try_emplace(entry.id, forest.ids.size());
        if (inserted) {
            forest.ids.push_back(entry.id);
            forest.file_at.push_back(no_node);
            parent_id.push_back(nullptr);
        }
        parent_id[at->second] = &entry.parent; // the file's definition replaces the stored one
        if (file_index != no_node) {
            forest.file_at[at->second] = file_index;
        }
    };
    for (const HierarchyEntry& entry : stored) {
        add(entry, no_node);
    }
    for (std::size_t i = 0; i < in_file.size(); ++i) {
        add(in_file[i], i);
    }
    forest.parent.assign(forest.ids.size(), no_node);
    for (std::size_t node = 0; node < forest.ids.size(); ++node) {
        if (auto found = node_of.find(*parent_id[node]); found != node_of.end()) {
            forest.parent[node] = found->second;
        }
    }
    return forest;
}

[[noreturn]] void report_cycle(const Forest& forest, const std::vector<std::size_t>& cycle, std::string_view list,
                               const std::string& source) {
    const auto in_file = [&](std::size_t node) { return forest.file_at[node] != no_node; };
    const auto first = std::min_element(cycle.begin(), cycle.end(), [&](std::size_t a, std::size_t b) {
        return forest.file_at[a] < forest.file_at[b]; // no_node is largest: an entity of the file wins
    });
    const std::string& id = forest.ids[*first];
    if (!in_file(*first)) {
        throw invalid_input_error(source, fmt::format("the database's {} already form a cycle through \"{}\"; run "
                                                      "stance check, and restore the database from an export",
                                                      list, id));
    }
    const std::string where = fmt::format("{}: $.{}[{}].parent", source, list, forest.file_at[*first]);
    if (std::all_of(cycle.begin(), cycle.end(), in_file)) {
        throw invalid_input_error(where, fmt::format("\"{}\" is its own ancestor: parents form a cycle; break it", id));
    }
    std::string chain = id;
    for (std::size_t node = forest.parent[*first]; node != *first; node = forest.parent[node]) {
        chain += " → " + forest.ids[node];
    }
    chain += " → " + id;
    throw invalid_input_error(
        where, fmt::format("\"{}\" would become its own ancestor through the database ({}); break the cycle", id,
                           excerpt(chain)));
}

/// Levels above every node (0 for a top entity); throws on a cycle.
std::vector<std::size_t> depths(const Forest& forest, std::string_view list, const std::string& source) {
    enum : std::uint8_t { unseen, on_walk, done };
    std::vector<std::uint8_t> state(forest.ids.size(), unseen);
    std::vector<std::size_t> depth(forest.ids.size(), 0);
    std::vector<std::size_t> walk;
    for (std::size_t start = 0; start < forest.ids.size(); ++start) {
        walk.clear();
        std::size_t node = start;
        while (node != no_node && state[node] == unseen) {
            state[node] = on_walk;
            walk.push_back(node);
            node = forest.parent[node];
        }
        if (node != no_node && state[node] == on_walk) {
            report_cycle(forest, std::vector<std::size_t>(std::find(walk.begin(), walk.end(), node), walk.end()), list,
                         source);
        }
        std::size_t level = node == no_node ? 0 : depth[node] + 1;
        for (auto it = walk.rbegin(); it != walk.rend(); ++it, ++level) {
            depth[*it] = level;
            state[*it] = done;
        }
    }
    return depth;
}

} // namespace

std::vector<std::size_t> order_hierarchy(const std::vector<HierarchyEntry>& in_file,
                                         const std::vector<HierarchyEntry>& stored, std::string_view list,
                                         const std::string& source) {
    const Forest forest = build_forest(in_file, stored);
    const std::vector<std::size_t> depth = depths(forest, list, source);
    std::vector<std::size_t> file_depth(in_file.size(), 0);
    for (std::size_t node = 0; node < forest.ids.size(); ++node) {
        if (forest.file_at[node] != no_node) {
            file_depth[forest.file_at[node]] = depth[node];
        }
    }
    for (std::size_t i = 0; i < in_file.size(); ++i) {
        if (file_depth[i] > max_hierarchy_depth) {
            throw invalid_input_error(
                fmt::format("{}: $.{}[{}].parent", source, list, i),
                fmt::format("\"{}\" would be {} levels below the top of its chain of parents; stance allows at most "
                            "{} (real hierarchies have a handful); attach it higher up",
                            in_file[i].id, file_depth[i], max_hierarchy_depth));
        }
    }
    // A parent is exactly one level above its child, so ordering by depth puts parents first.
    std::vector<std::size_t> order(in_file.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return file_depth[a] < file_depth[b]; });
    return order;
}

} // namespace stance::detail
