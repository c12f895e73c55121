#include "io/parent_graph.hpp"

#include <cstdint>
#include <utility>

namespace stance::detail {

namespace {

enum class Mark : std::uint8_t { on_path, placed };

const std::vector<std::string>& parents_of(const ParentMap& parents, const std::string& id) {
    static const std::vector<std::string> none;
    auto found = parents.find(id);
    return found == parents.end() ? none : found->second;
}

} // namespace

ParentOrder order_parents_first(const ParentMap& parents, const std::vector<std::string>& starts) {
    ParentOrder result;
    std::unordered_map<std::string, Mark> marks;
    // The current path up from a start: each id with the index of the next parent to visit.
    std::vector<std::pair<std::string, std::size_t>> path;
    for (const std::string& start : starts) {
        if (marks.contains(start)) {
            continue;
        }
        marks.emplace(start, Mark::on_path);
        path.emplace_back(start, 0);
        while (!path.empty()) {
            auto& [id, next] = path.back();
            const std::vector<std::string>& up = parents_of(parents, id);
            if (next == up.size()) {
                marks[id] = Mark::placed;
                result.parents_first.push_back(id);
                path.pop_back();
                continue;
            }
            const std::string parent = up[next++];
            auto [mark, fresh] = marks.emplace(parent, Mark::on_path);
            if (fresh) {
                path.emplace_back(parent, 0);
            } else if (mark->second == Mark::on_path) {
                std::size_t from = 0;
                while (path[from].first != parent) {
                    ++from;
                }
                for (std::size_t i = from; i < path.size(); ++i) {
                    result.cycle.push_back(path[i].first);
                }
                result.cycle.push_back(parent);
                return result;
            }
        }
    }
    return result;
}

} // namespace stance::detail
