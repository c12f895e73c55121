// Typed references to a StanceFilter; see filter_references.hpp.
#include "stance/query/filter_references.hpp"

#include "stance/query/catalog.hpp"
#include "stance/query/resolve.hpp"
#include "stance/query/tree.hpp"

namespace stance {

std::vector<ActorId> resolve_persons(const Catalog& catalog, std::span<const std::string> names) {
    std::vector<ActorId> persons;
    persons.reserve(names.size());
    for (const std::string& name : names) {
        persons.push_back(resolve_person(catalog, name));
    }
    return persons;
}

StanceFilter resolve_references(const Store& store, const Catalog& catalog, const StanceReferences& references,
                                StanceFilter filter) {
    for (const std::string& actor : references.actors) {
        filter.actors.push_back(resolve_actor(catalog, actor));
        filter.include_named_members = true;
    }
    for (ActorId& speaker : resolve_persons(catalog, references.speakers)) {
        filter.speakers.push_back(std::move(speaker));
    }
    for (const std::string& topic : references.topics) {
        for (TopicId& id : topic_with_descendants(catalog, resolve_topic(catalog, topic))) {
            filter.topics.push_back(std::move(id));
        }
    }
    for (const std::string& meeting : references.meetings) {
        for (MeetingId& id : meeting_with_descendants(catalog, resolve_meeting(catalog, meeting))) {
            filter.meetings.push_back(std::move(id));
        }
    }
    for (const std::string& document : references.documents) {
        filter.documents.push_back(resolve_document(store, document));
    }
    return filter;
}

} // namespace stance
