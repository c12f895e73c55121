// A stance filter as a person gives it: actors, speakers, topics, meetings and documents by what
// they type, in any language (query/resolve.hpp), resolved into the ids a StanceFilter holds. The
// CLI's filter options and the Python bindings' keyword options both go through here, so the two
// mean the same: an actor with the collective stances naming it, a topic or a meeting with what
// lies below it, speakers that must be persons.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "stance/model/ids.hpp"
#include "stance/store/store.hpp"

namespace stance {

class Catalog;

/// Typed references; each list empty means "any".
struct StanceReferences {
    std::vector<std::string> actors{};    ///< Each with the stances of collective actors that name it.
    std::vector<std::string> speakers{};  ///< Persons (resolve_person); a state is refused.
    std::vector<std::string> topics{};    ///< Each with its subtopics.
    std::vector<std::string> meetings{};  ///< Each with the meetings inside it.
    std::vector<std::string> documents{}; ///< Id or title.
};

/// `filter` with the references added to its actors, speakers, topics, meetings and documents; its
/// other fields (dates, bases, coders, text) are kept as given. Throws not_found_error, with the
/// closest candidates, for a reference that names nothing or several things.
[[nodiscard]] StanceFilter resolve_references(const Store& store, const Catalog& catalog,
                                              const StanceReferences& references, StanceFilter filter = {});

/// Each name as a person (resolve_person), in order.
[[nodiscard]] std::vector<ActorId> resolve_persons(const Catalog& catalog, std::span<const std::string> names);

} // namespace stance
