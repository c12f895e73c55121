// A self-contained bundle of model entities: what a JSON dataset file holds and what an import writes.
#pragma once

#include <vector>

#include "stance/model/actor.hpp"
#include "stance/model/document.hpp"
#include "stance/model/meeting.hpp"
#include "stance/model/stance.hpp"
#include "stance/model/topic.hpp"

namespace stance {

struct Dataset {
    std::vector<Document> documents{};
    std::vector<Actor> actors{};
    std::vector<Membership> memberships{};
    std::vector<Role> roles{};
    std::vector<Topic> topics{};
    std::vector<Proposition> propositions{};
    std::vector<Body> bodies{};
    std::vector<Meeting> meetings{};
    std::vector<AgendaItem> agenda_items{};
    std::vector<Participant> participants{};
    std::vector<Stance> stances{};

    friend bool operator==(const Dataset&, const Dataset&) = default;
};

} // namespace stance
