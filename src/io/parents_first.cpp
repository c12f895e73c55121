// Topics and meetings put parents first, so that they can be written in order, with cycles and
// too deep chains refused at the entity of the file where the fix goes.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "io/dataset_checks.hpp"
#include "io/parent_graph.hpp"
#include "io/span_check.hpp"
#include "stance/error.hpp"
#include "stance/store/store.hpp"

namespace stance::detail {

namespace {

std::vector<std::string> parent_ids(const Topic& topic) {
    std::vector<std::string> ids;
    for (const TopicId& parent : topic.parents) {
        ids.push_back(parent.str());
    }
    return ids;
}
std::vector<std::string> parent_ids(const Meeting& meeting) {
    return meeting.parent ? std::vector<std::string>{meeting.parent->str()} : std::vector<std::string>{};
}
std::string_view parent_key(const Topic&) {
    return "parents";
}
std::string_view parent_key(const Meeting&) {
    return "parent";
}

/// Refuses a parent chain deeper than max_parent_depth. `parents_first` puts every id after
/// its parents, so one pass gives each its depth (the longest way up); the first too deep is the
/// shallowest such entity, the one to attach higher up.
void check_depth(const ParentMap& parents, const std::vector<std::string>& parents_first,
                 const std::unordered_map<std::string, std::size_t>& index, std::string_view list,
                 const std::string& source, std::string_view key) {
    std::unordered_map<std::string, std::size_t> depth;
    for (const std::string& id : parents_first) {
        std::size_t level = 0;
        if (auto up = parents.find(id); up != parents.end()) {
            for (const std::string& parent : up->second) {
                if (auto known = depth.find(parent); known != depth.end()) {
                    level = std::max(level, known->second + 1);
                }
            }
        }
        depth[id] = level;
        if (level > max_parent_depth && index.contains(id)) {
            throw invalid_input_error(
                fmt::format("{}: $.{}[{}].{}", source, list, index.at(id), key),
                fmt::format("\"{}\" would be {} levels below the top of its chain of parents; stance allows at most "
                            "{} (real hierarchies have a handful); attach it higher up",
                            id, level, max_parent_depth));
        }
    }
}

/// Puts `entities` parents first, so they can be written in order, and refuses a cycle with the path
/// that closes it. A file may re-parent a stored topic or meeting (an upsert), so parents are followed
/// through this file first and the database second: a loop closed through entities only the
/// database holds would otherwise be written, and every walk up that graph would never end.
template <class T>
void order_list_parents_first(std::vector<T>& entities, const std::vector<T>& stored, std::string_view list,
                              const std::string& source) {
    if (entities.empty()) {
        return;
    }
    ParentMap parents;
    for (const T& entity : stored) {
        parents[entity.id.str()] = parent_ids(entity);
    }
    std::unordered_map<std::string, std::size_t> index; // id → position in the file as written
    std::vector<std::string> starts;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        parents[entities[i].id.str()] = parent_ids(entities[i]);
        index.emplace(entities[i].id.str(), i);
        starts.push_back(entities[i].id.str());
    }
    const ParentOrder order = order_parents_first(parents, starts);
    if (!order.cycle.empty()) {
        // Name the cycle from an entity of this file: that is where the fix goes.
        std::size_t from = 0;
        while (from + 1 < order.cycle.size() && !index.contains(order.cycle[from])) {
            ++from;
        }
        std::vector<std::string> path(order.cycle.begin() + static_cast<std::ptrdiff_t>(from), order.cycle.end() - 1);
        path.insert(path.end(), order.cycle.begin(), order.cycle.begin() + static_cast<std::ptrdiff_t>(from) + 1);
        const bool through_database =
            std::any_of(path.begin(), path.end(), [&](const std::string& id) { return !index.contains(id); });
        std::string chain = path.front();
        for (std::size_t i = 1; i < path.size(); ++i) {
            chain += " → " + path[i];
        }
        const std::size_t at_index = index.contains(path.front()) ? index.at(path.front()) : 0;
        throw invalid_input_error(
            fmt::format("{}: $.{}[{}].{}", source, list, at_index, parent_key(entities[at_index])),
            through_database
                ? fmt::format("\"{}\" would become its own ancestor through the database ({}); break the cycle",
                              path.front(), excerpt(chain))
                : fmt::format("\"{}\" is its own ancestor ({}): parents form a cycle; break it", path.front(),
                              excerpt(chain)));
    }
    check_depth(parents, order.parents_first, index, list, source, parent_key(entities.front()));
    std::vector<T> ordered;
    ordered.reserve(entities.size());
    for (const std::string& id : order.parents_first) {
        if (auto found = index.find(id); found != index.end()) {
            ordered.push_back(std::move(entities[found->second]));
        }
    }
    entities = std::move(ordered);
}

template <class T> bool has_parent(const std::vector<T>& entities) {
    return std::any_of(entities.begin(), entities.end(), [](const T& entity) { return !parent_ids(entity).empty(); });
}

} // namespace

void order_parents_first(Dataset& dataset, const std::string& source, const Store* store) {
    const bool stored_topics = store != nullptr && has_parent(dataset.topics);
    const bool stored_meetings = store != nullptr && has_parent(dataset.meetings);
    order_list_parents_first(dataset.topics, stored_topics ? store->topics() : std::vector<Topic>{}, "topics", source);
    order_list_parents_first(dataset.meetings, stored_meetings ? store->meetings() : std::vector<Meeting>{}, "meetings",
                             source);
}

} // namespace stance::detail
