// A person asked about is read as what that person voiced for the actor they spoke for.
#pragma once

#include <string_view>
#include <vector>

#include "stance/model/ids.hpp"

namespace stance {

class Catalog;

/// Whose stances a query reads, and which of their speakers it keeps.
struct SpokenFor {
    ActorId actor;
    std::vector<ActorId> speakers; ///< Empty: every speaker.
};

/// `actor` as the queries read it. A minister's words are coded for the state they speak for (the
/// stance's actor) with the minister as its speaker, so "what did Tillerson say" means the United
/// States' stances that Tillerson voiced: a person whose roles all represent one actor becomes that
/// actor, with the person as the only speaker. Anyone else, a person without a role, or a call that
/// already names `speakers` (then the person is meant as the actor) comes back as asked. A person who
/// spoke for several actors is ambiguous: invalid_input_error on `field`, naming them.
[[nodiscard]] SpokenFor spoken_for(const Catalog& catalog, const ActorId& actor, std::vector<ActorId> speakers,
                                   std::string_view field);

} // namespace stance
