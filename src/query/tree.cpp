// Walking the topic and meeting hierarchies. Datasets are validated free of parent cycles, but a
// visited set still guards every walk so that a damaged database cannot hang a query.
#include "stance/query/tree.hpp"

#include <unordered_set>

#include "stance/query/catalog.hpp"

namespace stance {

namespace {

template <class IdType>
void collect_depth_first(const Catalog& catalog, const IdType& root, std::vector<IdType>& out,
                         std::unordered_set<IdType>& visited) {
    if (!visited.insert(root).second) {
        return;
    }
    out.push_back(root);
    for (const IdType& child : catalog.children(root)) {
        collect_depth_first(catalog, child, out, visited);
    }
}

} // namespace

std::vector<TopicId> topic_with_descendants(const Catalog& catalog, const TopicId& topic) {
    (void)catalog.topic(topic); // throws for an unknown topic
    std::vector<TopicId> out;
    std::unordered_set<TopicId> visited;
    collect_depth_first(catalog, topic, out, visited);
    return out;
}

std::vector<MeetingId> meeting_with_descendants(const Catalog& catalog, const MeetingId& meeting) {
    (void)catalog.meeting(meeting);
    std::vector<MeetingId> out;
    std::unordered_set<MeetingId> visited;
    collect_depth_first(catalog, meeting, out, visited);
    return out;
}

MeetingId session_of(const Catalog& catalog, const MeetingId& meeting) {
    const Meeting* current = &catalog.meeting(meeting);
    std::unordered_set<MeetingId> visited{current->id};
    while (current->parent) {
        const Meeting* parent = catalog.find(*current->parent);
        if (parent == nullptr || !visited.insert(parent->id).second) {
            break;
        }
        current = parent;
    }
    return current->id;
}

std::vector<TopicId> topic_ancestry(const Catalog& catalog, const TopicId& topic) {
    std::vector<TopicId> chain;
    std::unordered_set<TopicId> visited;
    for (const Topic* current = catalog.find(topic); current != nullptr && visited.insert(current->id).second;
         current = current->parents.empty() ? nullptr : catalog.find(current->parents.front())) {
        chain.insert(chain.begin(), current->id);
    }
    if (chain.empty()) {
        chain.push_back(topic);
    }
    return chain;
}

std::string topic_path(const Catalog& catalog, const TopicId& topic) {
    std::string path;
    for (const TopicId& id : topic_ancestry(catalog, topic)) {
        path += (path.empty() ? "" : " > ") + catalog.topic_label(id);
    }
    return path;
}

} // namespace stance
