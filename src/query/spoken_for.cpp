// A person asked about, read for the actor they spoke for (stance/query/spoken_for.hpp).
#include "stance/query/spoken_for.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "stance/error.hpp"
#include "stance/query/catalog.hpp"

namespace stance {

namespace {

std::vector<ActorId> represented_by(const Catalog& catalog, const ActorId& person) {
    std::vector<ActorId> represented;
    for (const Role& role : catalog.roles_of(person)) {
        if (std::find(represented.begin(), represented.end(), role.represents) == represented.end()) {
            represented.push_back(role.represents);
        }
    }
    return represented;
}

} // namespace

SpokenFor spoken_for(const Catalog& catalog, const ActorId& actor, std::vector<ActorId> speakers,
                     std::string_view field) {
    const Actor& asked = catalog.actor(actor);
    if (asked.kind != ActorKind::person || !speakers.empty()) {
        return {actor, std::move(speakers)};
    }
    const std::vector<ActorId> represented = represented_by(catalog, actor);
    if (represented.size() > 1) {
        std::string list;
        for (const ActorId& id : represented) {
            list += (list.empty() ? "" : ", ") + id.str();
        }
        throw invalid_input_error(std::string(field),
                                  fmt::format("{} ({}) spoke for several actors ({}): give the one to follow as the "
                                              "actor and the person as the speaker",
                                              asked.name, actor.str(), list));
    }
    if (represented.empty()) {
        return {actor, {}};
    }
    return {represented.front(), {actor}};
}

} // namespace stance
